/**
 * One generated sheet as a worksheet part of the workbook being updated. The cells come from the
 * same row assembly as every other .xlsx the program writes (sheetWriter.forEachPatchRow) and are
 * rendered by the same row writer (rowXml.ts), with the user's style table and inline strings; this
 * module writes what surrounds the rows: tab colour, frozen panes, column widths, filter, merged
 * areas, conditional formats, internal links, print setup. Elements follow the order of the
 * schema (CT_Worksheet), which Excel enforces.
 */
import { columnIndex, columnLetter, parseArea, parseA1 } from '../../core/grid';
import type { SheetPatch } from '../../core/patch';
import { quoteSheet } from '../../core/sheetRef';
import { inlineTextCell, RowXmlWriter } from '../rowXml';
import { argb, conditionalStyle, forEachPatchRow, type StyleCache } from '../sheetWriter';
import type { WorkbookStyles } from './styles';
import { escapeXml } from './xmlEdit';

/** A sheet-scoped defined name the sheet needs (print titles, the filter's range). */
export interface LocalName {
  name: string;
  formula: string;
  hidden?: boolean;
}

export interface SheetPart {
  xml: Buffer;
  /** Fingerprint of what the sheet shows (recorded in the registry). */
  fingerprint: string;
  localNames: LocalName[];
}

const ROOT =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"' +
  ' mc:Ignorable="x14ac"' +
  ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';

/** "$A$1" from "A1" (ranges too). */
export function absolute(range: string): string {
  return range
    .replace(/\$/g, '')
    .split(':')
    .map((ref) => {
      const { r, c } = parseA1(ref);
      return `$${columnLetter(c)}$${r + 1}`;
    })
    .join(':');
}

function sheetPr(p: SheetPatch): string {
  let inner = '';
  if (p.tabColor) inner += `<tabColor rgb="${argb(p.tabColor)}"/>`;
  if (p.print?.fitToWidth) inner += '<pageSetUpPr fitToPage="1"/>';
  return inner ? `<sheetPr>${inner}</sheetPr>` : '';
}

function sheetViews(p: SheetPatch, selected: boolean): string {
  const rows = p.freeze?.rows ?? 0;
  const cols = p.freeze?.cols ?? 0;
  let pane = '';
  if (rows > 0 || cols > 0) {
    const active = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
    pane =
      `<pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''}` +
      ` topLeftCell="${columnLetter(cols)}${rows + 1}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  return `<sheetViews>${pane ? `${open}>${pane}</sheetView>` : `${open}/>`}</sheetViews>`;
}

function cols(p: SheetPatch): string {
  const widths = [...(p.columnWidths ?? [])]
    .map((w) => ({ i: columnIndex(w.col) + 1, width: w.width }))
    .sort((a, b) => a.i - b.i)
    .filter((w, k, all) => k === 0 || all[k - 1]!.i !== w.i);
  if (!widths.length) return '';
  const items = widths.map(
    (w) => `<col min="${w.i}" max="${w.i}" width="${w.width}" customWidth="1"/>`,
  );
  return `<cols>${items.join('')}</cols>`;
}

function conditionalFormats(p: SheetPatch, styles: PartStyles): string {
  return p.conditionalFormats
    .map((cf, i) => {
      const dxf = styles.dxfId(conditionalStyle(cf));
      const formula = escapeXml(cf.value.replace(/^=/, ''));
      return (
        `<conditionalFormatting sqref="${cf.range}">` +
        `<cfRule type="cellIs" dxfId="${dxf}" priority="${i + 1}" operator="${cf.operator}">` +
        `<formula>${formula}</formula></cfRule></conditionalFormatting>`
      );
    })
    .join('');
}

function hyperlinks(p: SheetPatch): string {
  if (!p.hyperlinks.length) return '';
  const items = p.hyperlinks.map((h) => {
    const location = escapeXml(`${quoteSheet(h.sheet)}!${h.target}`);
    const tooltip = h.tooltip ? ` tooltip="${escapeXml(h.tooltip)}"` : '';
    return `<hyperlink ref="${h.cell}" location="${location}" display="${escapeXml(h.text)}"${tooltip}/>`;
  });
  return `<hyperlinks>${items.join('')}</hyperlinks>`;
}

function pageSetup(p: SheetPatch): string {
  const margins =
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (!p.print) return margins;
  const fit = p.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  return `${margins}<pageSetup paperSize="9" orientation="${p.print.orientation}"${fit}/>`;
}

/** Cell and conditional formats of a sheet part: the workbook's style table (or none). */
export type PartStyles = Pick<WorkbookStyles, 'styleId' | 'dxfId'>;

/** Every cell in the workbook's default format: the registry, whose part must not add styles. */
export const UNSTYLED: PartStyles = {
  styleId: () => 0,
  dxfId: () => {
    throw new Error('UNSTYLED: a sheet without formats has no conditional formats');
  },
};

/** The sheet-scoped names the part of `p`, called `name` in the workbook, needs. */
export function sheetLocalNames(p: SheetPatch, name: string): LocalName[] {
  const sheetRef = quoteSheet(name);
  const localNames: LocalName[] = [];
  if (p.autoFilter)
    localNames.push({
      name: '_xlnm._FilterDatabase',
      formula: `${sheetRef}!${absolute(p.autoFilter)}`,
      hidden: true,
    });
  if (p.print?.titleRows) {
    const [from, to] = p.print.titleRows.replace(/\$/g, '').split(':');
    localNames.push({
      name: '_xlnm.Print_Titles',
      formula: `${sheetRef}!$${from}:$${to ?? from}`,
    });
  }
  return localNames;
}

/**
 * The worksheet part for `p`, named `name` in the workbook (its print titles and filter refer to
 * it). `cache` turns the patch's cell styles into exceljs styles, `styles` into the user's indexes.
 */
export function writeSheetPart(
  p: SheetPatch,
  name: string,
  styles: PartStyles,
  cache: StyleCache,
  opts: { selected: boolean },
): SheetPart {
  // The rows go out as UTF-8 in the writer's ~64 KB pieces: a 100 000-row sheet is never one
  // string (twice its size in memory) before it becomes bytes.
  const chunks: Buffer[] = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        ROOT +
        sheetPr(p) +
        sheetViews(p, opts.selected) +
        '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
        cols(p) +
        '<sheetData>',
      'utf8',
    ),
  ];
  const rows = new RowXmlWriter({
    styleId: (style, type) => styles.styleId(style, type),
    textCell: inlineTextCell,
    begin: () => undefined,
    write: (xml) => chunks.push(Buffer.from(xml, 'utf8')),
  });
  const fingerprint = forEachPatchRow(p, cache, (r, cells, height) => rows.write(r, cells, height));
  rows.flush();
  let tail = '</sheetData>';
  if (p.autoFilter) tail += `<autoFilter ref="${p.autoFilter}"/>`;
  if (p.merges.length) {
    const merges = p.merges.map((m) => {
      const a = parseArea(m);
      return `<mergeCell ref="${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.right)}${a.bottom + 1}"/>`;
    });
    tail += `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`;
  }
  tail += conditionalFormats(p, styles) + hyperlinks(p) + pageSetup(p) + '</worksheet>';
  chunks.push(Buffer.from(tail, 'utf8'));
  return {
    xml: Buffer.concat(chunks),
    fingerprint,
    localNames: sheetLocalNames(p, name),
  };
}
