/**
 * Grid: the host-independent picture of one worksheet.
 *
 * Both hosts (exceljs in Node, office.js in Excel) read a sheet into a Grid; the core never sees
 * anything else. Rows and columns are 0-based here; `a1()` turns them into what Excel shows.
 */

/** An Excel error value such as #N/A (#Н/Д in Russian Excel), #DIV/0!, #REF!. */
export interface ErrorValue {
  error: string;
}

export type Scalar = string | number | boolean | Date | null;
export type CellValue = Scalar | ErrorValue;

export interface Cell {
  /** The value (for a formula cell, its cached result). Dates are real Date objects (UTC midnight). */
  v: CellValue;
  /** Formula in English A1 notation, without the leading "=". */
  f?: string;
  /** Number format as Excel stores it, e.g. "0.0%", "dd.mm.yyyy", "@". */
  fmt?: string;
}

/** A rectangular area, 0-based, inclusive on both ends. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name as the user sees it. */
  sheet: string;
  /** rows[r][c]; missing rows or cells are empty. */
  rows: Array<Array<Cell | undefined> | undefined>;
  /** Merged areas; the value sits in the top-left cell only. */
  merges: Area[];
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function colCount(grid: Grid): number {
  let max = 0;
  for (const row of grid.rows) if (row && row.length > max) max = row.length;
  return max;
}

export function valueAt(grid: Grid, r: number, c: number): CellValue {
  return grid.rows[r]?.[c]?.v ?? null;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1": the address as Excel shows it. */
export function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** "B7" → {r: 6, c: 1}. Accepts "$B$7". */
export function parseA1(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 address: ${ref}`);
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
}

/** An area as "A1:C3" (or "A1" for a single cell). */
export function areaA1(area: Area): string {
  const tl = a1(area.top, area.left);
  if (area.top === area.bottom && area.left === area.right) return tl;
  return `${tl}:${a1(area.bottom, area.right)}`;
}

/** The merged area covering (r, c), if any. */
export function mergeAt(grid: Grid, r: number, c: number): Area | undefined {
  return grid.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

/** Builds a Grid from plain values (tests, fixtures, generated data). */
export function gridFromValues(sheet: string, values: CellValue[][], merges: Area[] = []): Grid {
  return {
    sheet,
    rows: values.map((row) => row.map((v) => (v === null || v === undefined ? undefined : { v }))),
    merges,
  };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Excel's sheet size: the bounds of whole-column and whole-row references (r × MAX_COLUMNS + c numbers a cell uniquely). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "B3:D10" (no sheet) → 0-based area, the inverse of areaA1; "C:C" and "1:4" become whole columns and rows. */
export function parseArea(range: string): Area {
  const [from = '', to = from] = range.split(':');
  const a = CELL.exec(from);
  const b = CELL.exec(to);
  if (a && b) {
    const top = Number(a[2]) - 1;
    const bottom = Number(b[2]) - 1;
    const left = columnIndex(a[1]!);
    const right = columnIndex(b[1]!);
    return {
      top: Math.min(top, bottom),
      bottom: Math.max(top, bottom),
      left: Math.min(left, right),
      right: Math.max(left, right),
    };
  }
  const ca = COLUMN.exec(from);
  const cb = COLUMN.exec(to);
  if (ca && cb) {
    const left = columnIndex(ca[1]!);
    const right = columnIndex(cb[1]!);
    return {
      top: 0,
      bottom: MAX_ROWS - 1,
      left: Math.min(left, right),
      right: Math.max(left, right),
    };
  }
  const ra = ROW.exec(from);
  const rb = ROW.exec(to);
  if (ra && rb) {
    const top = Number(ra[1]) - 1;
    const bottom = Number(rb[1]) - 1;
    return {
      top: Math.min(top, bottom),
      bottom: Math.max(top, bottom),
      left: 0,
      right: MAX_COLUMNS - 1,
    };
  }
  throw new Error(`Not an A1 range: ${range}`);
}

export function areaRows(area: Area): number {
  return area.bottom - area.top + 1;
}

export function areaColumns(area: Area): number {
  return area.right - area.left + 1;
}
