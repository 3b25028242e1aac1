/**
 * .xlsx → Grid with exceljs: the reader the command line used before the lean reader (read.ts).
 * Kept for what exceljs still does here: the fingerprint of a sheet of a workbook loaded for
 * updating (write.ts), and as the reference the lean reader is compared with (tests, bench).
 */
import ExcelJS from 'exceljs';
import { parseArea, type Cell, type Grid } from '../core/grid';
import { gridCell, mergedAway } from './cellValue';
import { diagnoseFile, UnreadableFileError, type WorkbookRead } from './read';
import { readWorkbookStreaming } from './streamRead';

/** One worksheet → Grid. Cells covered by a merge are left empty: the value sits in the top-left. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseArea);
  const covered = mergedAway(merges);
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const cells: Array<Cell | undefined> = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (covered.has(`${r},${c}`)) return;
      // A shared formula's other cells hold only a reference to the first; exceljs slides it.
      const shared = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      const out = gridCell(cell.value, cell.numFmt, shared);
      if (out) cells[c] = out;
    });
    if (cells.length) rows[r] = cells;
  });
  return { sheet: ws.name, rows, merges };
}

/** Files from this size on are read as a stream (see streamRead.ts). */
export const STREAM_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Reads a whole .xlsx from bytes. Throws UnreadableFileError with a Russian message. A large file
 * is read as a stream; when the stream reader cannot vouch for a complete read, or `stream` is
 * false, the whole workbook is loaded instead.
 */
export async function readWorkbookExcelJs(
  file: string,
  data: Buffer,
  opts: { stream?: boolean } = {},
): Promise<WorkbookRead> {
  const problem = diagnoseFile(file, data);
  if (problem) throw new UnreadableFileError(file, problem);
  if (opts.stream ?? data.length >= STREAM_FROM_BYTES) {
    const streamed = await readWorkbookStreaming(data).catch(() => null);
    if (streamed) return { file, ...streamed };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(
      file,
      `Файл «${file}» повреждён или не является книгой Excel: ${(e as Error).message}. Откройте его в Excel и сохраните заново.`,
    );
  }
  const sheets: Grid[] = [];
  const hidden: string[] = [];
  wb.eachSheet((ws) => {
    sheets.push(worksheetToGrid(ws));
    if (ws.state && ws.state !== 'visible') hidden.push(ws.name);
  });
  return { file, sheets, hidden };
}
