/**
 * What one look over the whole plan table tells the row walk before it starts: the cells merges
 * cover, how activities are numbered, and the header's texts (to recognise it where repeated).
 */
import type { Area, Grid } from '../grid';
import { valueAt } from '../grid';
import { cellText, foldKey } from '../text';
import type { HeaderMatch } from './header';
import { isColumnNumbering, parseNumberCell, type NumberCell } from './rows';

/** The cells of a merge other than its top-left, by row and column. */
export function slaveMap(grid: Grid, cols: Set<number>): Map<number, Area> {
  const map = new Map<number, Area>();
  for (const m of grid.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let c = m.left; c <= m.right; c++) {
      if (!cols.has(c)) continue;
      for (let r = m.top; r <= m.bottom; r++)
        if (r !== m.top || c !== m.left) map.set(r * 16384 + c, m);
    }
  }
  return map;
}

/** What one look down the number column tells about the whole table. */
export interface Numbering {
  /** Arabic numbers of the number column by row (0-based), in row order. */
  numbers: Array<{ r: number; n: NumberCell }>;
  /** At least two hierarchical numbers ("1.1"): a bare "1." heads a section. */
  hierarchical: boolean;
  /** Most rows with a title carry a number. */
  numbered: boolean;
  /** The last row holding an activity number; -1 when none. */
  lastNumbered: number;
}

/** Rows of the number column from `from` on, header copies (`skip`) left out. */
export function surveyNumbers(
  grid: Grid,
  numberCol: number,
  titleCol: number,
  from: number,
  skip: (r: number) => boolean,
): Numbering {
  const numbers: Numbering['numbers'] = [];
  let multi = 0;
  let titled = 0;
  for (let r = from; r < grid.rows.length; r++) {
    if (skip(r)) continue;
    if (titleCol >= 0 && cellText(valueAt(grid, r, titleCol)) !== '') titled++;
    if (numberCol < 0) continue;
    const n = parseNumberCell(valueAt(grid, r, numberCol));
    if (n.kind !== 'arabic') continue;
    numbers.push({ r, n });
    if (n.parts.length > 1) multi++;
  }
  return {
    numbers,
    hierarchical: multi >= 2,
    numbered: numbers.length >= 2 && numbers.length * 2 >= titled,
    lastNumbered: numbers.length ? numbers[numbers.length - 1]!.r : -1,
  };
}

/**
 * A flat number on a row with a title and nothing else heads a section when it does not continue
 * the activities' numbering: the next number repeats it or is smaller (numbering restarts under
 * it), or it is not above the last activity's number ("2 | Адресная поддержка" after activity 10).
 */
export function breaksNumbering(
  numbering: Numbering,
  r: number,
  value: number,
  last: number | null,
): boolean {
  const next = numbering.numbers.find((x) => x.r > r);
  if (next && next.n.parts[0]! <= value) return true;
  return last !== null && value <= last;
}

/**
 * Recognises the header where the source repeated it at a page break: a row equal to one header
 * row cell for cell (two cells at least), or the row numbering the columns ("1 | 2 | 3 | 4").
 */
export function headerCopies(grid: Grid, header: HeaderMatch): (r: number) => boolean {
  const keys: Array<Map<number, string>> = [];
  for (let h = header.row; h < header.row + header.depth; h++) {
    const map = new Map<number, string>();
    (grid.rows[h] ?? []).forEach((cell, c) => {
      const key = cell ? foldKey(cellText(cell.v)) : '';
      if (key) map.set(c, key);
    });
    keys.push(map);
  }
  const mapped = Object.values(header.columns)
    .map((col) => col.col)
    .sort((a, b) => a - b);
  return (r) => {
    const row = grid.rows[r];
    if (!row) return false;
    if (isColumnNumbering(mapped.map((c) => cellText(valueAt(grid, r, c))))) return true;
    const filled: Array<[number, string]> = [];
    row.forEach((cell, c) => {
      const key = cell ? foldKey(cellText(cell.v)) : '';
      if (key) filled.push([c, key]);
    });
    return filled.length >= 2 && keys.some((map) => filled.every(([c, key]) => map.get(c) === key));
  };
}
