/** What the results reader recognised on a sheet: its own file, so the readers it uses need not import read.ts. */
import type { ProcedureType } from './types';

export interface RecognisedTable {
  sheet: string;
  kind: 'long' | 'federal-export';
  /** Excel row number (1-based) of the (first) header row. */
  headerRow: number;
  columns: Array<{ field: string; col: string; header: string }>;
  rowsRead: number;
  rowsLeftOut: Array<{ row: number; reason: string }>;
  /** What the title lines (federal export) or the options said about the whole table. */
  context?: { year?: number; type?: ProcedureType; grade?: number; subject?: string };
}
