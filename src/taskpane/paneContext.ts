/**
 * The office.js calls only the pane makes (select a cell, copy a sheet, charts), typed as an
 * extension of the adapter's API subset, and how the pane runs a batch: `runPane` lets the compiler
 * check that the real Excel.RequestContext provides them, and puts a batch on Excel's undo stack as
 * one step where asked and where the client can (ExcelApi 1.20, `mergeUndoGroup`).
 */
import type {
  ApiSupport,
  XlContext,
  XlLoadable,
  XlRange,
  XlWorksheet,
  XlWorksheetCollection,
} from '../excel/api';

export interface PaneRange extends XlRange {
  select(): void;
}

export interface PaneChart extends XlLoadable {
  readonly isNullObject: boolean;
  name: string;
  readonly title: { text: string };
  readonly legend: { position: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface PaneWorksheet extends XlWorksheet {
  getRange(address?: string): PaneRange;
  copy(positionType?: 'End', relativeTo?: XlWorksheet): PaneWorksheet;
  readonly charts: {
    add(type: 'ColumnClustered', sourceData: XlRange, seriesBy?: 'Columns'): PaneChart;
    getItemOrNullObject(name: string): PaneChart;
  };
}

interface PaneWorksheets extends XlWorksheetCollection {
  readonly items: PaneWorksheet[];
  getItem(key: string): PaneWorksheet;
}

interface PaneWorkbook extends Omit<XlContext['workbook'], 'worksheets'> {
  readonly worksheets: PaneWorksheets;
}

export interface PaneContext extends Omit<XlContext, 'workbook'> {
  readonly workbook: PaneWorkbook;
}

export function requirements(): ApiSupport {
  return Office.context.requirements;
}

/** Excel.run({ mergeUndoGroup }) came with ExcelApi 1.20. */
export const UNDO_GROUP_API = '1.20';

function isUndoNotSupported(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === 'UndoNotSupported' || /^UndoNotSupported\b/.test(String(e?.message ?? ''));
}

export function runPane<T>(job: (context: PaneContext) => Promise<T>): Promise<T> {
  return Excel.run((context) => job(context));
}

/**
 * Runs the batch as one step of Excel's undo where the client has it. A batch that contains a call
 * Excel cannot undo (deleting, copying or — on Windows and Mac — renaming or moving a sheet) is
 * refused whole with UndoNotSupported; it is then run again the ordinary way, which the jobs
 * passed here tolerate (applyPatch resumes, cell writes are idempotent).
 */
export async function runUndoable<T>(
  job: (context: PaneContext) => Promise<T>,
  wanted: boolean,
): Promise<{ result: T; excelUndo: boolean }> {
  if (wanted && requirements().isSetSupported('ExcelApi', UNDO_GROUP_API)) {
    try {
      return { result: await Excel.run({ mergeUndoGroup: true }, (c) => job(c)), excelUndo: true };
    } catch (error) {
      if (!isUndoNotSupported(error)) throw error;
    }
  }
  return { result: await runPane(job), excelUndo: false };
}
