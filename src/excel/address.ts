/**
 * A1 addresses as office.js reports and accepts them: "Лист1!B3:H50", "'Мой лист'!A1",
 * comma-separated area lists, whole columns ("C:C") and rows ("1:4").
 */
import { columnIndex, type Area } from '../core/grid';

/** Splits "Sheet!A1:B2" into the sheet part and the range part; quotes around the sheet are removed. */
export function splitSheetAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** Splits an area list on commas that are outside quoted sheet names. */
export function splitAreaList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current.trim()) parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Excel's sheet size: the bounds of whole-column and whole-row references. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "B3:D10" (no sheet) → 0-based area; "C:C" and "1:4" become whole columns and rows. */
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
