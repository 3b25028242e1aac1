/**
 * What every use case takes and gives. A host (the command line, the task pane, the demo) reads its
 * input into these shapes, calls one use case, and shows or writes what comes back; the use cases,
 * like the core, never touch office.js, files or Node.
 */
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import type { WorkbookPatch } from '../core/patch';
import type { OnProgress } from '../core/progress';
import type { Settings } from '../core/settings';
import type { WorkbookState } from '../core/workbook/policy';
import type { ChartSpec } from './chart';

/** The sheets of one input: a file for the command line, the open workbook for the pane (""). */
export interface SourceFile {
  file: string;
  sheets: Grid[];
}

export interface UseCaseInput {
  files: SourceFile[];
  settings: Settings;
  /** "Today", ISO: overdue activities, the report's date. */
  asOf: string;
  /** The workbook the patch will land in, as its host reads it (empty for a new file). */
  workbook: WorkbookState;
  /** Told when the inputs are read and the work begins (the host draws it). */
  onProgress?: OnProgress;
}

/** What applying the patch will do, with the real final names. */
export interface Preview {
  create: string[];
  /** Generated sheets rewritten: the name they have now and the one they will have. */
  replace: Array<{ sheet: string; name: string }>;
  remove: string[];
  /** Generated sheets the user edited, kept as the user's own under `as`. */
  keep: Array<{ sheet: string; as: string }>;
  /** Generated sheets the user renamed or edited since they were written. */
  changedByUser: Array<{ name: string; renamed: boolean; edited: boolean }>;
  /** Wanted names a user's sheet holds, and the names used instead. */
  renamedToAvoidClash: Array<{ wanted: string; actual: string }>;
}

export interface UseCaseOutput<R> {
  patch: WorkbookPatch;
  issues: Issue[];
  results: R;
  preview: Preview;
  /** A chart the host adds once the patch is written (the pane can; a file writer cannot). */
  chart: ChartSpec | null;
}

/** An empty workbook: the target of a new file. */
export const NEW_WORKBOOK: WorkbookState = { sheets: [], registry: [] };
