/**
 * What the task pane needs from Excel, as one small port. The office.js implementation is
 * excelHost.ts; the views only ever talk to this interface, so they run the same over the fake
 * Excel in tests.
 */
import type { Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import type { ApplyReport, WorkbookState } from '../core/workbook/policy';
import type { ApplyProgress } from '../excel/apply';

/** One cell the pane writes into a user's sheet (a fix). */
export interface CellEdit {
  /** A1 address on the sheet being fixed. */
  cell: string;
  value: string;
  /** Give the cell the text format "@" first, so "1.1" stays text and does not become a date. */
  asText: boolean;
}

/** A clustered column chart placed on a sheet (data range with headers in the first row and column). */
export interface ChartSpec {
  sheet: string;
  /** Stable chart name: a later run replaces the chart of the same name. */
  name: string;
  title: string;
  /** A1 range of the data, headers included. */
  source: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export interface GeneratedSheet {
  key: string;
  name: string;
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
  /** Shows the sheet and selects the cell, the way a click in Excel would. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Copies the sheet to the end of the workbook under "<name> (копия)" (or a free variant); returns the name. */
  copySheet(sheet: string): Promise<string>;
  writeCells(sheet: string, edits: CellEdit[]): Promise<void>;
  generatedSheets(): Promise<GeneratedSheet[]>;
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
