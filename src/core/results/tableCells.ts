/**
 * The cells of one results table by field: the column the header gave each field, the value a
 * cell shows when it lies under a vertical merge, and cell text cleaned to one line.
 */
import { type Cell, type Grid, MAX_COLUMNS } from '../grid';
import { cellText } from '../text';
import type { Field, HeaderFound } from './headers';
import { readNumber } from './numbers';

/** Anything cleanText would change, and runs of white space (one regular expression test). */
const NEEDS_CLEANING =
  /[\u00A0\u2000-\u200F\u202F\u205F\u3000\t\f\v\r\n\u00AD\u2060\uFEFF\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]| {2}/;

/** A number or a text that reads as one; real numbers skip the parser (this runs on every row). */
export function isNumeric(cell: Cell | undefined): boolean {
  const v = cell?.v;
  if (typeof v === 'number') return true;
  return typeof v === 'string' && readNumber(cell).kind === 'number';
}

export class TableCells {
  /** The column of each field the header has. */
  readonly col: Partial<Record<Field, number>> = {};
  /**
   * Cells covered by a vertical merge below the header ("Муниципалитет" merged over its schools,
   * say), keyed r × MAX_COLUMNS + c, → the merge's top cell, which holds the value.
   */
  private readonly mergeTopOf = new Map<number, Cell | undefined>();

  constructor(
    readonly grid: Grid,
    header: HeaderFound,
  ) {
    for (const [field, column] of header.columns) this.col[field] = column.col;
    for (const m of grid.merges) {
      if (m.bottom <= m.top || m.top < header.row + header.height) continue;
      const top = grid.rows[m.top]?.[m.left];
      for (let r = m.top + 1; r <= m.bottom; r++)
        this.mergeTopOf.set(r * MAX_COLUMNS + m.left, top);
    }
  }

  has(field: Field): boolean {
    return this.col[field] !== undefined;
  }

  /** The cell of a field; an empty cell under a vertical merge gives the merge's value. */
  cell(r: number, field: Field): Cell | undefined {
    const c = this.col[field];
    if (c === undefined) return undefined;
    const cell = this.grid.rows[r]?.[c];
    if (this.mergeTopOf.size > 0 && (cell === undefined || cell.v === null))
      return this.mergeTopOf.get(r * MAX_COLUMNS + c) ?? cell;
    return cell;
  }

  /** Cell text as shown, on one line; text that needs no cleaning skips the cleaner. */
  text(r: number, field: Field): string {
    const v = this.cell(r, field)?.v ?? null;
    if (typeof v !== 'string') return cellText(v);
    return NEEDS_CLEANING.test(v) ? cellText(v).replace(/\s+/g, ' ') : v.trim();
  }

  /** The first non-empty cell of a row, as text, and its column. */
  firstText(r: number): { text: string; c: number } {
    const row = this.grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]?.v ?? null);
      if (t) return { text: t, c };
    }
    return { text: '', c: 0 };
  }
}
