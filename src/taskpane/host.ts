/**
 * What the task pane needs from Excel, as one small port. The office.js implementation is
 * excelHost.ts; the views only ever talk to this interface, so they run the same over the fake
 * Excel in tests.
 */
import type { ChartSpec } from '../app/chart';
import type { Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import type { ApplyReport, WorkbookState } from '../core/workbook/policy';
import type { ApplyProgress } from '../excel/apply';

export type { ChartSpec };

/** One cell the pane writes into a user's sheet (a fix). */
export interface CellEdit {
  /** A1 address on the sheet being fixed. */
  cell: string;
  value: string;
  /** Give the cell the text format "@" first, so "1.1" stays text and does not become a date. */
  asText: boolean;
}

/** A cell as it was before the add-in wrote it: enough to put it back. */
export interface CellSnapshot {
  cell: string;
  /** The value as office.js returns it ("" for an empty cell). */
  value: string | number | boolean;
  /** "=…" when the cell held a formula. */
  formula: string | null;
  numberFormat: string;
}

export interface GeneratedSheet {
  key: string;
  name: string;
}

/** What the client can do beyond the ExcelApi 1.7 floor; each missing one is explained where it matters. */
export interface HostFeatures {
  /** worksheet.copy (ExcelApi 1.10): without Excel's undo a fix keeps a copy of the sheet first. */
  copySheet: boolean;
  /** sheet.charts (ExcelApi 1.7). */
  charts: boolean;
  /** Merged cells read with the sheet (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** Calculation suspended during writes (ExcelApi 1.8). */
  suspendCalculation: boolean;
  /** Auto filter and print setup on generated sheets (ExcelApi 1.9). */
  autoFilter: boolean;
  /** Excel.run({ mergeUndoGroup }) (ExcelApi 1.20): an action is one step of Excel's own undo. */
  undoGroup: boolean;
}

/** Progress of reading the user's sheets: `done` of `total` read, `sheet` being read now. */
export type ReadProgress = (done: number, total: number, sheet: string) => void;

export interface WriteOptions {
  onProgress?: (p: ApplyProgress) => void;
  signal?: AbortSignal;
  /** Put the whole write on Excel's undo stack as one step where the client can. */
  undoGroup?: boolean;
}

export interface PaneApplyReport extends ApplyReport {
  /** The write went onto Excel's undo stack as one step (Ctrl+Z undoes it). */
  excelUndo: boolean;
}

export interface CellWrite {
  /** The cells as they were before. */
  before: CellSnapshot[];
  excelUndo: boolean;
}

export interface PaneHost {
  features(): HostFeatures;
  readActiveSheet(): Promise<Grid>;
  /** Every sheet the user owns (generated sheets left out), as grids. */
  readUserSheets(onProgress?: ReadProgress): Promise<Grid[]>;
  /** The first `rows` rows of every sheet the user owns: enough to find a table's header. */
  readSheetHeads(rows: number): Promise<Grid[]>;
  /** One sheet by name (a generated sheet whose typed values carry over, say), as a grid. */
  readSheet(name: string): Promise<Grid>;
  /** Shows the sheet and selects the cell, the way a click in Excel would. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Copies the sheet to the end of the workbook under "<name> (копия)" (or a free variant); returns the name. */
  copySheet(sheet: string): Promise<string>;
  /** Writes the edits and returns what the cells held before (read in the same run). */
  writeCells(
    sheet: string,
    edits: CellEdit[],
    options?: { undoGroup?: boolean },
  ): Promise<CellWrite>;
  readCells(sheet: string, cells: string[]): Promise<CellSnapshot[]>;
  /** Puts cells back as a snapshot says. */
  restoreCells(sheet: string, cells: CellSnapshot[]): Promise<void>;
  /** Adds the standard plan sheet under a free name and shows it; returns the name. */
  insertTemplate(): Promise<string>;
  generatedSheets(): Promise<GeneratedSheet[]>;
  /** The workbook as the patch policy sees it (src/core/workbook/policy.ts), for previews. */
  readWorkbookState(): Promise<WorkbookState>;
  applyPatch(patch: WorkbookPatch, options: WriteOptions): Promise<PaneApplyReport>;
  addChart(spec: ChartSpec): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /**
   * The workbook's own random id, kept in its settings (the pane's memory of its last action belongs
   * to one workbook); with `create`, made and stored when there is none yet.
   */
  workbookId(create: boolean): Promise<string | null>;
  /** The stored settings JSON (null when none were saved). */
  loadSettings(): Promise<unknown>;
  saveSettings(value: unknown): Promise<void>;
  /** The remarks the user accepted, as stored in the workbook's settings (null when none). */
  loadAcceptances(): Promise<unknown>;
  saveAcceptances(value: unknown): Promise<void>;
}
