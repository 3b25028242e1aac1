/**
 * What the user typed into an earlier «Показатели плана» sheet, read back so a new run carries it
 * over: the host reads the previous generated sheet as a Grid, the core finds its header and, row
 * by row, the numerator, denominator and fact the user entered (a value, or a formula of their
 * own with its last result), keyed by the indicator's plan number and text.
 */
import { isErrorValue, valueAt, type Grid, type Scalar } from '../grid';
import { cellText, squash } from '../text';
import { CARRIED, COLUMNS, SOURCE_PREFIX, type CarriedColumn, type Column } from './columns';

/** One typed cell: a value, or the user's formula (English, with "=") and its last result. */
export type Typed = { value: Scalar } | { formula: string; cached: Scalar };

export interface PreviousRow {
  number: string;
  text: string;
  typed: Partial<Record<CarriedColumn, Typed>>;
}

/** The key rows are matched by across runs: plan number and text, case and spaces folded. */
export function rowKey(number: string, text: string): string {
  return `${squash(number).replace(/\.$/, '')}|${textKey(text)}`;
}

export function textKey(text: string): string {
  return squash(text).toLowerCase().replace(/ё/g, 'е');
}

function findHeader(grid: Grid): { row: number; cols: Map<Column, number> } | null {
  for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
    const byText = new Map<string, number>();
    (grid.rows[r] ?? []).forEach((cell, c) => cell && byText.set(cellText(cell.v), c));
    const cols = new Map<Column, number>();
    for (const [key, header] of COLUMNS) {
      const c = byText.get(header);
      if (c !== undefined) cols.set(key, c);
    }
    if (cols.has('number') && cols.has('text') && cols.has('source')) return { row: r, cols };
  }
  return null;
}

function typedAt(grid: Grid, r: number, c: number, ours: boolean): Typed | null {
  const cell = grid.rows[r]?.[c];
  if (!cell) return null;
  const v = isErrorValue(cell.v) ? null : cell.v;
  // a formula the sheet wrote itself (in a computed row) is not the user's
  if (cell.f) return ours ? null : { formula: `=${cell.f}`, cached: v };
  return v === null || v === '' ? null : { value: v };
}

/** Rows of an earlier sheet with at least one typed input, in sheet order. */
export function readPrevious(grid: Grid | null | undefined): PreviousRow[] {
  if (!grid) return [];
  const header = findHeader(grid);
  if (!header) return [];
  const { cols } = header;
  const out: PreviousRow[] = [];
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const text = cellText(valueAt(grid, r, cols.get('text')!));
    if (!text) continue;
    const source = cellText(valueAt(grid, r, cols.get('source')!));
    const computed = source.startsWith(SOURCE_PREFIX.computed);
    const typed: PreviousRow['typed'] = {};
    for (const input of CARRIED) {
      const c = cols.get(input);
      if (c === undefined) continue;
      // in a computed row only what was typed over the sheet's own formulas counts
      const t = typedAt(grid, r, c, computed && input !== 'note');
      if (t) typed[input] = t;
    }
    if (Object.keys(typed).length === 0) continue;
    out.push({ number: cellText(valueAt(grid, r, cols.get('number')!)), text, typed });
  }
  return out;
}

/**
 * Previous rows matched to the new ones: by plan number and text, else by text alone when that
 * is unique on both sides. Returns the matches by new key and the rows left over.
 */
export function matchPrevious(
  previous: PreviousRow[],
  rows: ReadonlyArray<{ number: string; text: string }>,
): { matched: Map<string, PreviousRow>; left: PreviousRow[] } {
  const matched = new Map<string, PreviousRow>();
  const used = new Set<PreviousRow>();
  const byKey = new Map(previous.map((p) => [rowKey(p.number, p.text), p]));
  for (const row of rows) {
    const key = rowKey(row.number, row.text);
    const p = byKey.get(key);
    if (p && !used.has(p)) {
      matched.set(key, p);
      used.add(p);
    }
  }
  const count = <T>(items: readonly T[], key: (t: T) => string) => {
    const n = new Map<string, number>();
    for (const i of items) n.set(key(i), (n.get(key(i)) ?? 0) + 1);
    return n;
  };
  const newTexts = count(rows, (r) => textKey(r.text));
  const oldTexts = count(previous, (p) => textKey(p.text));
  for (const row of rows) {
    const key = rowKey(row.number, row.text);
    if (matched.has(key)) continue;
    const t = textKey(row.text);
    if (newTexts.get(t) !== 1 || oldTexts.get(t) !== 1) continue;
    const p = previous.find((q) => textKey(q.text) === t);
    if (p && !used.has(p)) {
      matched.set(key, p);
      used.add(p);
    }
  }
  return { matched, left: previous.filter((p) => !used.has(p)) };
}
