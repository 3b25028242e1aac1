/**
 * Writes one SheetPatch into an exceljs worksheet row by row, in increasing row order. The same
 * code fills an in-memory Worksheet and the streaming WorksheetWriter, which writes each row as it
 * is committed and never holds the sheet, so a 100 000-row «Результаты» costs little memory.
 *
 * Speed at that scale comes from two things exceljs rewards: cells share style objects (exceljs
 * caches a style's id per object, and renders the style's XML again for every new object), and a
 * fill-down formula block is written as Excel shared formulas (one formula text per column).
 */
import ExcelJS from 'exceljs';
import { columnLetter, parseA1, parseArea } from '../core/grid';
import { FingerprintHasher, seenFormula, seenValue } from '../core/workbook/fingerprint';
import { mergedAway } from './cellValue';
import { RowXmlWriter, type RowCell } from './rowXml';
import { quoteSheet } from '../core/sheetRef';
import {
  formulaBlockRows,
  formulaRow,
  type CellStyle,
  type ConditionalFormat,
  type SheetPatch,
} from '../core/patch';

/** The colour and underline a hyperlink cell gets, as Excel draws links. */
const LINK_STYLE: CellStyle = { fontColor: '0563C1', underline: true };

/** Excel's built-in short date (format 14), shown in the reader's own date order. */
const DATE_STYLE: CellStyle = { numFmt: 'mm-dd-yy' };

/** One cell of the row being assembled. */
interface PendingCell {
  value: ExcelJS.CellValue;
  /** What the fingerprint sees: the formula ("=…") or the value; null when nothing is written. */
  seen: string | null;
  styles: CellStyle[];
}

/** Something the patch puts on a range of rows; `apply` fills one of them. */
interface RowSpan {
  first: number;
  last: number;
  /** Position in the patch: spans apply in this order on each row. */
  order: number;
  apply: (row: number, put: (col: number) => PendingCell) => void;
}

export function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, '').toUpperCase()}`;
}

/** exceljs style objects, one per distinct combination of patch styles. */
export class StyleCache {
  /** A number for each patch style object, so a list of layers has a cheap key. */
  private readonly ids = new WeakMap<CellStyle, number>();
  private nextId = 0;
  private readonly byLayers = new Map<string, Partial<ExcelJS.Style>>();
  private readonly byContent = new Map<string, Partial<ExcelJS.Style>>();
  /** The style of an unstyled cell: shared, so exceljs looks its id up once. */
  readonly empty: Partial<ExcelJS.Style> = {};

  get(layers: readonly CellStyle[]): Partial<ExcelJS.Style> {
    if (!layers.length) return this.empty;
    const key = layers.map((l) => this.idOf(l)).join(',');
    let style = this.byLayers.get(key);
    if (!style) {
      const merged: CellStyle = Object.assign({}, ...layers) as CellStyle;
      const content = JSON.stringify(merged);
      style = this.byContent.get(content) ?? toExcelStyle(merged);
      this.byContent.set(content, style);
      this.byLayers.set(key, style);
    }
    return style;
  }

  private idOf(layer: CellStyle): number {
    let id = this.ids.get(layer);
    if (id === undefined) this.ids.set(layer, (id = this.nextId++));
    return id;
  }
}

function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
  if (s.underline !== undefined) font.underline = s.underline;
  // A font entry without a name and size is read by LibreOffice as its own default (a serif at
  // 10 pt): every font says it is Calibri 11 unless told otherwise, as Excel's own files do.
  if (Object.keys(font).length) style.font = { name: 'Calibri', family: 2, size: 11, ...font };
  if (s.fill !== undefined)
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (s.hAlign !== undefined) alignment.horizontal = s.hAlign;
  if (s.vAlign !== undefined) alignment.vertical = s.vAlign;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (s.border === 'thin') {
    const side: Partial<ExcelJS.Border> = { style: 'thin' };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  return style;
}

/** Everything the patch writes, as row spans in the order the patch means them to apply. */
function rowSpans(p: SheetPatch): RowSpan[] {
  const spans: RowSpan[] = [];
  const add = (span: Omit<RowSpan, 'order'>) => spans.push({ ...span, order: spans.length });
  for (const block of p.values) {
    const o = parseA1(block.at);
    add({
      first: o.r + 1,
      last: o.r + block.values.length,
      apply: (row, put) => {
        block.values[row - o.r - 1]!.forEach((v, j) => {
          // exceljs stores a string as a shared string: "=СОШ" or "+7" stays text, never a formula.
          if (v !== null) Object.assign(put(o.c + j + 1), { value: v, seen: seenValue(v) });
        });
      },
    });
  }
  for (const block of p.formulas) {
    const o = parseA1(block.at);
    const first = o.r + 1;
    const last = o.r + formulaBlockRows(block);
    add({
      first,
      last,
      apply: (row, put) => {
        const i = row - first;
        const formulas = formulaRow(block, i);
        formulas.forEach((f, j) => {
          if (f === null) return;
          const col = o.c + j + 1;
          const result = block.cached[i]?.[j] ?? null;
          const formula = f.replace(/^=/, '');
          const letter = columnLetter(col - 1);
          const shared = block.fillDown === true && first < last;
          const value: Record<string, unknown> =
            shared && i > 0
              ? { sharedFormula: `${letter}${first}` }
              : shared
                ? { formula, shareType: 'shared', ref: `${letter}${first}:${letter}${last}` }
                : { formula };
          if (result !== null) value.result = result;
          Object.assign(put(col), {
            value: value as unknown as ExcelJS.CellFormulaValue,
            seen: seenFormula(formula),
          });
        });
      },
    });
  }
  for (const h of p.hyperlinks) {
    const { r, c } = parseA1(h.cell);
    const link: ExcelJS.CellHyperlinkValue = {
      text: h.text,
      hyperlink: `#${quoteSheet(h.sheet)}!${h.target}`,
    };
    if (h.tooltip) link.tooltip = h.tooltip;
    add({
      first: r + 1,
      last: r + 1,
      apply: (_, put) => Object.assign(put(c + 1), { value: link, seen: seenValue(h.text) }),
    });
  }
  for (const f of p.formats) {
    const b = parseArea(f.range);
    add({
      first: b.top + 1,
      last: b.bottom + 1,
      apply: (_, put) => {
        for (let c = b.left + 1; c <= b.right + 1; c++) put(c).styles.push(f.style);
      },
    });
  }
  for (const h of p.hyperlinks) {
    const { r, c } = parseA1(h.cell);
    add({ first: r + 1, last: r + 1, apply: (_, put) => put(c + 1).styles.push(LINK_STYLE) });
  }
  return spans;
}

/** Sheet-level settings: must be in place before the first row of a streamed sheet is written. */
export function sheetOptions(p: SheetPatch, active: boolean): Partial<ExcelJS.AddWorksheetOptions> {
  const view: Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean } = {};
  if (p.freeze && (p.freeze.rows > 0 || p.freeze.cols > 0))
    Object.assign(view, { state: 'frozen', xSplit: p.freeze.cols, ySplit: p.freeze.rows });
  if (active) view.tabSelected = true;
  const options: Partial<ExcelJS.AddWorksheetOptions> = {
    views: Object.keys(view).length ? [view as ExcelJS.WorksheetView] : [],
  };
  if (p.tabColor) options.properties = { tabColor: { argb: argb(p.tabColor) } } as never;
  if (p.print)
    options.pageSetup = {
      paperSize: 9, // A4
      orientation: p.print.orientation,
      fitToPage: p.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(p.print.titleRows ? { printTitlesRow: p.print.titleRows } : {}),
    };
  return options;
}

/**
 * Fills `ws` from the patch (the sheet was created with sheetOptions) and returns its fingerprint,
 * the same one core/workbook/fingerprint.ts computes from the written sheet read back. With `stream`, each
 * row is committed once it is complete.
 */
export function writeSheet(
  ws: ExcelJS.Worksheet,
  p: SheetPatch,
  styles: StyleCache,
  stream: boolean,
): string {
  for (const w of p.columnWidths ?? []) ws.getColumn(w.col).width = w.width;
  if (p.autoFilter) ws.autoFilter = p.autoFilter;
  for (const cf of p.conditionalFormats) ws.addConditionalFormatting(conditionalFormat(cf));
  for (const m of p.merges) ws.mergeCells(m);
  // A streamed sheet without merged cells or links gets its rows as XML directly (rowXml.ts).
  const raw =
    stream && !p.merges.length && !p.hyperlinks.length
      ? RowXmlWriter.forStreamedSheet(ws)
      : undefined;
  const fingerprint = forEachPatchRow(p, styles, (r, cells, height) => {
    if (raw) return raw.write(r, cells, height);
    writeRow(ws, r, cells, height);
    if (!stream) return;
    ws.getRow(r).commit();
    // The streaming writer numbers shared formulas from 0 on every row it writes, so a later
    // fill-down block would reuse this one's numbers: move its counter past them.
    let masters = 0;
    cells.forEach((cell) => {
      if (isSharedMaster(cell.value)) masters++;
    });
    if (masters) (ws as unknown as { _siFormulae: number })._siFormulae += masters;
  });
  raw?.flush();
  return fingerprint;
}

function isSharedMaster(v: ExcelJS.CellValue): boolean {
  return (
    typeof v === 'object' && v !== null && (v as { shareType?: string }).shareType === 'shared'
  );
}

/**
 * Everything the patch puts in cells, row by row in increasing order: `emit` gets each row that
 * has cells or a height (cells sparse, by 1-based column). Returns the sheet's fingerprint. Both
 * the exceljs writer above and the zip-level updater's sheet parts are filled from here.
 */
export function forEachPatchRow(
  p: SheetPatch,
  styles: StyleCache,
  emit: (row: number, cells: RowCell[], height: number | undefined) => void,
): string {
  // Merged cells other than the top-left one hold nothing: the fingerprint skips them.
  const slaves = mergedAway(p.merges.map(parseArea));
  const heights = new Map((p.rowHeights ?? []).map((h) => [h.row, h.height]));
  const spans = rowSpans(p).sort((a, b) => a.first - b.first || a.order - b.order);
  let lastRow = 0;
  for (const s of spans) lastRow = Math.max(lastRow, s.last);
  for (const h of heights.keys()) lastRow = Math.max(lastRow, h);
  const hash = new FingerprintHasher();
  // Spans covering the current row, kept in patch order (values, formulas, hyperlinks, formats).
  const active: RowSpan[] = [];
  let next = 0;
  for (let r = spans[0]?.first ?? 1; r <= lastRow; r++) {
    while (next < spans.length && spans[next]!.first <= r) {
      const span = spans[next++]!;
      const at = active.findIndex((a) => a.order > span.order);
      active.splice(at < 0 ? active.length : at, 0, span);
    }
    if (!active.length && !heights.has(r)) {
      if (next >= spans.length) break;
      r = spans[next]!.first - 1; // skip the gap
      continue;
    }
    const cells: PendingCell[] = []; // sparse, by column
    const put = (col: number): PendingCell =>
      (cells[col] ??= { value: null, seen: null, styles: [] });
    for (const span of active) span.apply(r, put);
    emit(r, finishRow(r, cells, styles, slaves, hash), heights.get(r));
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.last <= r) active.splice(i, 1);
  }
  return hash.digest();
}

/** The row's cells with their exceljs styles; what a person sees goes into the fingerprint. */
function finishRow(
  r: number,
  cells: PendingCell[],
  styles: StyleCache,
  slaves: Set<string>,
  hash: FingerprintHasher,
): RowCell[] {
  const ready: RowCell[] = [];
  cells.forEach((pending, col) => {
    // exceljs gives a date without a format its short-date format, but it caches a style's id by
    // object: a date must not share the unstyled cells' object.
    const style = styles.get(
      pending.value instanceof Date ? [DATE_STYLE, ...pending.styles] : pending.styles,
    );
    ready[col] = { value: pending.value, style };
    if (pending.seen !== null && !(slaves.size && slaves.has(`${r - 1},${col - 1}`)))
      hash.cell(r - 1, col - 1, pending.seen);
  });
  return ready;
}

function writeRow(
  ws: ExcelJS.Worksheet,
  r: number,
  cells: RowCell[],
  height: number | undefined,
): void {
  const row = ws.getRow(r);
  if (height !== undefined) row.height = height;
  cells.forEach((c, col) => {
    const cell = row.getCell(col);
    cell.style = c.style;
    if (c.value !== null) cell.value = c.value;
  });
}

/** The exceljs style (a dxf) a conditional format applies. */
export function conditionalStyle(cf: ConditionalFormat): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fill)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } };
  if (cf.style.fontColor || cf.style.bold !== undefined) {
    const font: Partial<ExcelJS.Font> = {};
    if (cf.style.fontColor) font.color = { argb: argb(cf.style.fontColor) };
    if (cf.style.bold !== undefined) font.bold = cf.style.bold;
    style.font = font;
  }
  return style;
}

function conditionalFormat(cf: ConditionalFormat): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: cf.range,
    // exceljs types list fewer operators than it writes; the OOXML names are the same.
    rules: [
      {
        type: 'cellIs',
        operator: cf.operator as ExcelJS.CellIsOperators,
        formulae: [cf.value.replace(/^=/, '')],
        style: conditionalStyle(cf),
        priority: 1,
      },
    ],
  };
}
