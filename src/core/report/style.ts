/** Colours and styles shared by the report sheets (one palette, so the tabs look alike). */
import type { CellStyle } from '../patch';

export const COLORS = {
  header: 'DDEBF7',
  section: 'EDEDED',
  low: 'F8CBAD',
  lowFont: '9C0006',
  shnorTab: 'C00000',
  tab: '2F75B5',
  bar: '5B9BD5',
  recurring: 'BDD7EE',
  overdue: 'FF0000',
  overdueFont: 'C00000',
  checkpoint: '1F4E79',
  muted: '595959',
} as const;

export const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: COLORS.header,
  wrap: true,
  vAlign: 'middle',
  hAlign: 'center',
  border: 'thin',
};
export const TABLE_STYLE: CellStyle = { border: 'thin', wrap: true, vAlign: 'top' };
export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14 };
export const HEADING_STYLE: CellStyle = { bold: true, fontSize: 12 };
export const SECTION_STYLE: CellStyle = { bold: true, fill: COLORS.section, border: 'thin' };
export const PERCENT = '0.0%';
