/**
 * Print layout of a generated sheet: what makes it print on A4 with nothing cut.
 *
 * - Columns the builder left without a width get one that fits their content (a wrapped cell
 *   counts with its longest word), within bounds.
 * - Text wider than its cell that cannot spill into empty cells to its right is wrapped; a text
 *   that would spill past the last column is merged to the last column and wrapped there.
 * - Every row whose text needs more than one line, or a larger font, gets its height: Excel and
 *   LibreOffice do not refit the rows of a file they open, and neither ever fits merged cells.
 * - A sheet without print setup gets one: A4 (the writers' paper), portrait when its columns fit
 *   the page, else landscape; one page wide; the frozen header rows repeated on every page.
 *
 * Pure and idempotent: laying out a laid-out sheet changes nothing.
 */
import { areaA1, columnIndex, columnLetter, MAX_COLUMNS, parseArea, type Area } from '../grid';
import type { PrintSetup, SheetPatch, WorkbookPatch } from '../patch';
import { displayText, forEachCell, occupancy, StyleIndex, usedColumns } from './cells';
import {
  columnPx,
  DEFAULT_FONT_SIZE,
  lineHeightPt,
  longestWordPx,
  textRoomPx,
  textWidthPx,
  widthForTextPx,
  wrappedLines,
  type FontSpec,
} from './text';

/** Width Excel gives a column nobody sized (8.43 characters, 64 pixels). */
const DEFAULT_COLUMN_PX = 64;
/** Bounds of a width chosen for content, in characters. */
const MIN_AUTO_WIDTH = 4;
const MAX_AUTO_WIDTH = 50;
/** Printable width of A4 in pixels (96 dpi) with Excel's default margins of 0.7". */
const PORTRAIT_PX = Math.round((8.27 - 1.4) * 96);
/** Excel's largest row height, in points. */
const MAX_ROW_PT = 409;

interface Candidate {
  r: number;
  c: number;
  text: string;
  font: FontSpec;
  wrap: boolean;
  /** Wrapped by its format already (a text with line breaks wraps even without it). */
  styled: boolean;
  numeric: boolean;
  hAlign: string | undefined;
  merge: Area | undefined;
  /** Width of the text on one line; for a wrapped text, of its longest word. */
  px: number;
}

function printSetup(sheet: SheetPatch, totalPx: number): PrintSetup {
  const rows = sheet.freeze?.rows ?? 0;
  return {
    orientation: totalPx > PORTRAIT_PX ? 'landscape' : 'portrait',
    fitToWidth: true,
    ...(rows > 0 ? { titleRows: `1:${rows}` } : {}),
  };
}

export function layoutSheet(input: SheetPatch): SheetPatch {
  const once = layoutOnce(input);
  // A text newly wrapped needs its column at least as wide as its longest word: the second
  // round widens the column that way and recomputes the heights.
  return once.rerun ? layoutOnce(once.sheet).sheet : once.sheet;
}

function layoutOnce(input: SheetPatch): { sheet: SheetPatch; rerun: boolean } {
  const sheet: SheetPatch = { ...input, formats: [...input.formats], merges: [...input.merges] };
  const styles = new StyleIndex(sheet.formats);
  const used = usedColumns(sheet);
  const occupied = occupancy(sheet);
  const merges = sheet.merges.map(parseArea);
  // cells by number (row × MAX_COLUMNS + column): no string per cell on a 100 000-row sheet
  const mergeAt = new Map<number, Area>();
  const hidden = new Set<number>();
  for (const m of merges) {
    mergeAt.set(m.top * MAX_COLUMNS + m.left, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) hidden.add(r * MAX_COLUMNS + c);
  }
  const explicit = new Map<number, number>();
  for (const w of sheet.columnWidths ?? []) explicit.set(columnIndex(w.col), w.width);
  const maxAutoPx = textRoomPx(columnPx(MAX_AUTO_WIDTH));
  const defaultRoom = textRoomPx(DEFAULT_COLUMN_PX);

  // Pass 1: widths of the unsized columns; the cells that may need more than one line.
  const autoPx = new Array<number>(used).fill(0);
  const needPx = new Array<number>(used).fill(0);
  const candidates: Candidate[] = [];
  const fonts = new Map<string, { font: FontSpec; widths: Map<string, number> }>();
  const fontOf = (bold: boolean, size: number | undefined) => {
    const key = `${bold ? 'b' : ''}${size ?? ''}`;
    let f = fonts.get(key);
    if (!f) fonts.set(key, (f = { font: { bold, ...(size ? { size } : {}) }, widths: new Map() }));
    return f;
  };
  forEachCell(sheet, (r, c, value) => {
    const key = r * MAX_COLUMNS + c;
    if (hidden.size && hidden.has(key)) return;
    const look = styles.at(r, c);
    const text = displayText(value, look.numFmt);
    if (!text) return;
    const numeric = typeof value !== 'string';
    const { font, widths: known } = fontOf(look.bold, look.size);
    const wrap = !numeric && (look.wrap || text.includes('\n'));
    const merge = mergeAt.size ? mergeAt.get(key) : undefined;
    let px: number;
    if (wrap) px = longestWordPx(text, font);
    else {
      const seen = known.get(text);
      px = seen ?? textWidthPx(text, font);
      if (seen === undefined) known.set(text, px);
    }
    const spills = !numeric && !wrap && c + 1 < used && !occupied(r, c + 1);
    const width = explicit.get(c);
    const room = width !== undefined ? textRoomPx(columnPx(width)) : maxAutoPx;
    // What does not fit in its cell and cannot spill widens its column: numbers always (they
    // show ### otherwise), text up to the bound (a table reads better with a wider column than
    // with every row wrapped), a wrapped text as far as its longest word (else the word is
    // broken in the middle). Only what stays too wide is looked at again.
    const widens = !merge && !spills && c < used && (numeric || px <= maxAutoPx);
    if (widens && px > (width === undefined ? autoPx[c]! : Math.max(room, needPx[c]!)))
      (width === undefined ? autoPx : needPx)[c] = px;
    const tall = look.size !== undefined && look.size !== DEFAULT_FONT_SIZE;
    if (wrap || merge || tall || (px > room && !widens) || (spills && px > defaultRoom))
      candidates.push({
        r,
        c,
        text,
        font,
        wrap,
        styled: look.wrap,
        numeric,
        hAlign: look.hAlign,
        merge,
        px,
      });
  });

  const widths = new Map(explicit);
  autoPx.forEach((px, c) => {
    if (px <= 0 || explicit.has(c)) return;
    widths.set(c, Math.min(MAX_AUTO_WIDTH, Math.max(MIN_AUTO_WIDTH, widthForTextPx(px))));
  });
  needPx.forEach((px, c) => {
    if (px > 0) widths.set(c, Math.max(explicit.get(c)!, widthForTextPx(px)));
  });
  const colPx = (c: number) => (widths.has(c) ? columnPx(widths.get(c)!) : DEFAULT_COLUMN_PX);
  const roomOf = (area: Area) => {
    let px = 0;
    for (let c = area.left; c <= area.right; c++) px += colPx(c);
    return textRoomPx(px);
  };

  // A left-aligned text may spill into the empty cells to its right, up to the last column.
  const spillArea = (cell: Candidate): Area => {
    let right = cell.c;
    const left = cell.hAlign === undefined || cell.hAlign === 'left';
    while (left && right + 1 < used && !occupied(cell.r, right + 1)) right++;
    return { top: cell.r, left: cell.c, bottom: cell.r, right };
  };

  // Pass 2: a text that could spill but meets a full cell before it fits widens its column too.
  for (const cell of candidates) {
    if (cell.merge || cell.wrap || cell.numeric || cell.px > maxAutoPx) continue;
    const own = { top: cell.r, left: cell.c, bottom: cell.r, right: cell.c };
    if (cell.px <= roomOf(own) || cell.px <= roomOf(spillArea(cell))) continue;
    widths.set(cell.c, Math.max(widths.get(cell.c) ?? 0, widthForTextPx(cell.px)));
  }

  // Pass 3: wrap what still does not fit, then the height every row needs.
  const need = new Map<number, number>();
  const needRow = (r: number, pt: number) => need.set(r, Math.max(need.get(r) ?? 0, pt));
  const spans: Array<{ area: Area; pt: number }> = [];
  const wrapAt = new Map<number, number[]>();
  let rerun = false;
  for (const cell of candidates) {
    const line = lineHeightPt(cell.font.size);
    let area = cell.merge ?? { top: cell.r, left: cell.c, bottom: cell.r, right: cell.c };
    let wrap = cell.wrap;
    if (cell.numeric) {
      needRow(cell.r, line);
      continue;
    }
    if (!wrap && cell.px > roomOf(area)) {
      const spilled = cell.merge ? area : spillArea(cell);
      if (spilled.right > area.right && cell.px <= roomOf(spilled)) {
        needRow(cell.r, line);
        continue;
      }
      wrap = true;
      if (spilled.right === used - 1 && spilled.right > area.right && !overlaps(spilled, merges)) {
        // nothing to its right at all: the text gets the whole width of the table
        sheet.merges.push(areaA1(spilled));
        merges.push(spilled);
        area = spilled;
      }
    }
    if (wrap && !cell.styled) {
      const rows = wrapAt.get(cell.c) ?? [];
      rows.push(cell.r);
      wrapAt.set(cell.c, rows);
      // a second round sizes the column to its longest word (see layoutSheet)
      if (!explicit.has(cell.c) || longestWordPx(cell.text, cell.font) > roomOf(area)) rerun = true;
    }
    const pt = wrap ? wrappedLines(cell.text, roomOf(area), cell.font) * line : line;
    if (area.bottom > area.top) spans.push({ area, pt });
    else needRow(cell.r, pt);
  }
  for (const [c, rows] of wrapAt) sheet.formats.push(...wrapRuns(c, rows));

  // Rows merged together share the height their text needs: the last row takes what is missing.
  const heightOf = (r: number) => Math.max(need.get(r) ?? 0, lineHeightPt());
  for (const { area, pt } of spans) {
    let have = 0;
    for (let r = area.top; r <= area.bottom; r++) have += heightOf(r);
    if (have < pt) need.set(area.bottom, heightOf(area.bottom) + pt - have);
  }
  const heights = new Map((input.rowHeights ?? []).map((h) => [h.row, h.height]));
  for (const [r, pt] of need) {
    if (pt <= lineHeightPt()) continue;
    const row = r + 1;
    heights.set(row, Math.min(MAX_ROW_PT, Math.max(heights.get(row) ?? 0, pt)));
  }
  if (heights.size)
    sheet.rowHeights = [...heights]
      .sort((a, b) => a[0] - b[0])
      .map(([row, height]) => ({ row, height }));

  if (widths.size)
    sheet.columnWidths = [...widths]
      .sort((a, b) => a[0] - b[0])
      .map(([c, width]) => ({ col: columnLetter(c), width }));
  if (!sheet.print) {
    let total = 0;
    for (let c = 0; c < used; c++) total += colPx(c);
    sheet.print = printSetup(sheet, total);
  }
  return { sheet, rerun };
}

function overlaps(area: Area, merges: readonly Area[]): boolean {
  return merges.some(
    (m) =>
      m.left <= area.right && m.right >= area.left && m.top <= area.bottom && m.bottom >= area.top,
  );
}

/** Wrap formats for the given rows of one column, one block per run of consecutive rows. */
function wrapRuns(c: number, rows: number[]): SheetPatch['formats'] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: SheetPatch['formats'] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
    out.push({
      range: areaA1({ top: sorted[start]!, left: c, bottom: sorted[i - 1]!, right: c }),
      style: { wrap: true },
    });
    start = i;
  }
  return out;
}

/** Every sheet of a patch laid out for print (see layoutSheet). */
export function layoutWorkbook(patch: WorkbookPatch): WorkbookPatch {
  return { ...patch, sheets: patch.sheets.map(layoutSheet) };
}
