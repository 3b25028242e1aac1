/**
 * Walks one sheet: the first header in the first 30 rows, its body, and every further table
 * below it (the federal export pasted several times, one block per subject or grade). Lines
 * between two tables are the title lines of the second one.
 */
import { colCount, type Grid } from '../grid';
import type { Collector } from './collector';
import { contextFromRows, contextFromSheetName, fillContext, type TableContext } from './context';
import { findHeader, headerAt, type HeaderFound } from './headers';
import type { RecognisedTable } from './recognisedTable';
import { TableReader } from './table';

export interface SheetOptions {
  file?: string;
  schoolYear: 'spring' | 'autumn';
  defaults?: TableContext;
  /** Counts above this are implausible (settings.maxParticipants). */
  maxCount: number;
}

function isBlank(grid: Grid, r: number): boolean {
  const row = grid.rows[r];
  if (!row) return true;
  for (const cell of row) {
    const v = cell?.v;
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}

function sameHeader(a: HeaderFound, b: HeaderFound): boolean {
  if (a.columns.size !== b.columns.size) return false;
  for (const [field, col] of a.columns) if (b.columns.get(field)?.col !== col.col) return false;
  return true;
}

/** The tables of one sheet, or an empty list when it has no results header. */
export function readSheet(grid: Grid, collector: Collector, opts: SheetOptions): RecognisedTable[] {
  const width = colCount(grid);
  const tables: RecognisedTable[] = [];
  const fromName = contextFromSheetName(grid.sheet, opts.schoolYear);
  let header = findHeader(grid, width);
  let titleFrom = 0;
  // What the first title says of the whole sheet (the assessment and its year) holds for later
  // blocks that do not say it again; their grade and subject are their own.
  let sheetWide: TableContext | undefined;
  while (header) {
    const titles = contextFromRows(grid, titleFrom, header.row, width, opts.schoolYear);
    sheetWide ??= { type: titles.type, year: titles.year };
    const ctx = fillContext(titles, sheetWide, fromName, opts.defaults);
    const reader = new TableReader(grid, header, ctx, collector, opts);
    let next: HeaderFound | null = null;
    let pending: number[] = [];
    const end = grid.rows.length;
    for (let r = header.row + header.height; r < end; r++) {
      if (isBlank(grid, r)) continue;
      const kind = reader.kindOf(r);
      if (kind === 'text') {
        const h = headerAt(grid, r, width);
        if (h && sameHeader(h, header) && pending.length === 0) {
          reader.repeatedHeader(r);
          r += h.height - 1;
          continue;
        }
        if (h) {
          next = h;
          break;
        }
        if (!reader.looksLikeBadData(r)) {
          pending.push(r);
          continue;
        }
      }
      // Text rows met before this one were headings inside the table.
      if (pending.length > 0) {
        reader.between(pending, false);
        pending = [];
      }
      if (kind === 'summary') reader.summary(r);
      else reader.data(r);
    }
    if (next) titleFrom = pending[0] ?? next.row;
    else reader.between(pending, true);
    tables.push(reader.finish());
    header = next;
  }
  return tables;
}
