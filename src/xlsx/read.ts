/**
 * .xlsx → Grid, with exceljs. Reads every sheet: values, real dates, merged areas, line breaks,
 * formulas with their cached values, number formats. Recognises files it cannot read (old .xls,
 * password-protected, corrupt) and says so in Russian instead of throwing a stack trace.
 */
import ExcelJS from 'exceljs';
import { parseArea, type Cell, type Grid } from '../core/grid';
import { gridCell, mergedAway } from './cellValue';
import { readWorkbookStreaming } from './streamRead';

export interface WorkbookRead {
  file: string;
  sheets: Grid[];
  /** Sheets hidden in the workbook (still read, reported as hidden). */
  hidden: string[];
}

export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Tells why a file that is not a plain .xlsx cannot be read, or null when it looks like one. */
export function diagnoseFile(file: string, data: Buffer): string | null {
  if (data.length === 0) return `Файл «${file}» пуст (0 байт).`;
  if (data.subarray(0, 8).equals(OLE_MAGIC)) {
    const encrypted = data.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    if (encrypted)
      return `Файл «${file}» защищён паролем. Снимите пароль в Excel (Файл → Сведения → Защита книги) и сохраните файл снова.`;
    return `Файл «${file}» в старом формате Excel 97–2003 (.xls). Откройте его в Excel и сохраните как «Книга Excel (.xlsx)».`;
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC))
    return `Файл «${file}» не является книгой Excel (.xlsx): содержимое не распознано.`;
  return null;
}

/** One worksheet → Grid. Merged slave cells are left empty: the value sits in the top-left. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseArea);
  const slaves = mergedAway(merges);
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const cells: Array<Cell | undefined> = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (slaves.has(`${r},${c}`)) return;
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
export async function readWorkbook(
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
