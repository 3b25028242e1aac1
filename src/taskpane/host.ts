/**
 * What the task pane needs from Excel, as one small port. The office.js implementation is
 * excelHost.ts; the views only ever talk to this interface, so they run the same over the fake
 * Excel in tests.
 */
import type { Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import type { ApplyReport, WorkbookState } from '../core/workbook/policy';
import type { ApplyProgress } from '../excel/apply';
import type { ChartSpec } from '../app/chart';

export type { ChartSpec };

/** One cell the pane writes into a user's sheet (a fix). */
export interface CellEdit {
  /** A1 address on the sheet being fixed. */
  cell: string;
  value: string;
  /** Give the cell the text format "@" first, so "1.1" stays text and does not become a date. */
  asText: boolean;
}

export interface HostFeatures {
  /** worksheet.copy (ExcelApi 1.10): fixes keep a copy of the sheet, so without it there are no fixes. */
  copySheet: boolean;
  /** sheet.charts (ExcelApi 1.7). */
  charts: boolean;
}

export interface PaneHost {
  features(): HostFeatures;
  readActiveSheet(): Promise<Grid>;
  /** Every sheet the user owns (generated sheets left out), as grids. */
  readUserSheets(): Promise<Grid[]>;
  /** One sheet by name (a generated sheet whose typed values carry over, say), as a grid. */
  readSheet(name: string): Promise<Grid>;
  /** Shows the sheet and selects the cell, the way a click in Excel would. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Copies the sheet to the end of the workbook under "<name> (копия)" (or a free variant); returns the name. */
  copySheet(sheet: string): Promise<string>;
  writeCells(sheet: string, edits: CellEdit[]): Promise<void>;
  /** The workbook as the patch policy sees it (src/core/workbook/policy.ts), for previews. */
  readWorkbookState(): Promise<WorkbookState>;
  applyPatch(
    patch: WorkbookPatch,
    options: { onProgress?: (p: ApplyProgress) => void; signal?: AbortSignal },
  ): Promise<ApplyReport>;
  addChart(spec: ChartSpec): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** The stored settings JSON (null when none were saved). */
  loadSettings(): Promise<unknown>;
  saveSettings(value: unknown): Promise<void>;
}
