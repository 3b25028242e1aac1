/**
 * .xlsx → Grid, with exceljs. Reads every sheet: values, real dates, merged areas, line breaks,
 * formulas with their cached values, number formats. Recognises files it cannot read (old .xls,
 * password-protected, corrupt) and says so in Russian instead of throwing a stack trace.
 */
import ExcelJS from 'exceljs';
import type { Area, Cell, CellValue, Grid } from '../core/grid';
import { parseA1 } from '../core/grid';

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

function convertValue(raw: ExcelJS.CellValue): { v: CellValue; f?: string } {
  if (raw === null || raw === undefined) return { v: null };
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')
    return { v: raw };
  if (raw instanceof Date) return { v: raw };
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText))
      return { v: raw.richText.map((t) => t.text).join('') };
    if ('error' in raw) return { v: { error: String(raw.error) } };
    if ('formula' in raw || 'sharedFormula' in raw) {
      const formula = 'formula' in raw ? raw.formula : undefined;
      const result = (raw as { result?: unknown }).result;
      const inner = result === undefined ? { v: null } : convertValue(result as ExcelJS.CellValue);
      return formula ? { v: inner.v, f: formula } : { v: inner.v };
    }
    if ('text' in raw) {
      const text = (raw as { text: unknown }).text;
      if (typeof text === 'string') return { v: text };
      return convertValue(text as ExcelJS.CellValue);
    }
  }
  return { v: String(raw) };
}

/** One worksheet → Grid. Merged slave cells are left empty: the value sits in the top-left. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const merges: Area[] = [];
  const slaves = new Set<string>();
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const [from, to] = ref.split(':');
    if (!from || !to) continue;
    const a = parseA1(from);
    const b = parseA1(to);
    const area = { top: a.r, left: a.c, bottom: b.r, right: b.c };
    merges.push(area);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (r !== area.top || c !== area.left) slaves.add(`${r},${c}`);
  }
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const cells: Array<Cell | undefined> = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (slaves.has(`${r},${c}`)) return;
      const { v, f } = convertValue(cell.value);
      const fmt = cell.numFmt;
      if (v === null && !f) return;
      const out: Cell = { v };
      if (f) out.f = f;
      if (fmt && fmt !== 'General') out.fmt = fmt;
      cells[c] = out;
    });
    if (cells.length) rows[r] = cells;
  });
  return { sheet: ws.name, rows, merges };
}

/** Reads a whole .xlsx from bytes. Throws UnreadableFileError with a Russian message. */
export async function readWorkbook(file: string, data: Buffer): Promise<WorkbookRead> {
  const problem = diagnoseFile(file, data);
  if (problem) throw new UnreadableFileError(file, problem);
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
