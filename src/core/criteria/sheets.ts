/** What the criteria sheets share: their keys, their place among generated sheets, their styles. */
import type { CellStyle } from '../patch';

export const CRITERIA_SHEET_KEYS = {
  settings: 'criteria:settings',
  results: 'criteria:results',
  criteria: 'criteria:criteria',
  indicators: 'criteria:indicators',
} as const;

/** Position of the first criteria sheet among generated sheets; a report places its own sheets around it. */
export const CRITERIA_ORDER = 100;

export const HEADER_STYLE: CellStyle = {
  bold: true,
  wrap: true,
  fill: 'DDEBF7',
  vAlign: 'middle',
  border: 'thin',
};
export const PERCENT = '0.0%';
