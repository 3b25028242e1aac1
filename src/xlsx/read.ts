/**
 * .xlsx → Grid for the command line, with the lean reader (xlsxReader.ts): values, real dates,
 * merged areas, line breaks, formulas with their cached values, number formats, hidden states.
 * Recognises files it cannot read (old .xls, password-protected, corrupt, a zip bomb) and says
 * so in Russian instead of throwing a stack trace. `openWorkbook` reads one sheet at a time;
 * `readWorkbook` reads them all.
 */
import type { Grid } from '../core/grid';
import type { InputLimits } from './limits';
import { XlsxBook, type DefinedName, type SheetEntry } from './xlsxReader';
import { PackageError } from './zipPackage';
import { XmlError } from './xmlScanner';

export interface WorkbookRead {
  file: string;
  sheets: Grid[];
  /** Sheets hidden in the workbook (still read, reported as hidden). */
  hidden: string[];
  /** Defined names with their scope (not read by the exceljs reader). */
  definedNames?: DefinedName[];
}

export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** Why: a zip bomb refused by the limits is 'too-large'. */
    readonly reason: 'format' | 'corrupt' | 'too-large' = 'corrupt',
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

/** Any failure of the reader → UnreadableFileError with a Russian message naming the file. */
function unreadable(file: string, e: unknown): UnreadableFileError {
  if (e instanceof UnreadableFileError) return e;
  if (e instanceof PackageError) {
    const tooLarge =
      e.problem === 'part-too-large' || e.problem === 'total-too-large' || e.problem === 'ratio';
    return new UnreadableFileError(file, e.message, tooLarge ? 'too-large' : 'corrupt');
  }
  const why = e instanceof XmlError ? e.message : (e as Error).message;
  return new UnreadableFileError(
    file,
    `Файл «${file}» повреждён или не является книгой Excel: ${why}. Откройте его в Excel и сохраните заново.`,
  );
}

/** A workbook opened for reading sheet by sheet; every failure is an UnreadableFileError. */
export interface OpenedWorkbook {
  file: string;
  /** Worksheets in tab order, with their states. */
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  readSheet(sheet: SheetEntry, onRows?: (rows: number) => void): Promise<Grid>;
}

export async function openWorkbook(
  file: string,
  data: Buffer,
  opts: { limits?: InputLimits } = {},
): Promise<OpenedWorkbook> {
  const problem = diagnoseFile(file, data);
  if (problem) throw new UnreadableFileError(file, problem, 'format');
  let book: XlsxBook;
  try {
    book = await XlsxBook.open(data, file, opts.limits);
  } catch (e) {
    throw unreadable(file, e);
  }
  return {
    file,
    sheets: book.sheets,
    definedNames: book.definedNames,
    readSheet: (sheet, onRows) =>
      book.readSheet(sheet, onRows).catch((e: unknown) => Promise.reject(unreadable(file, e))),
  };
}

/** Reads every worksheet of an .xlsx. Throws UnreadableFileError with a Russian message. */
export async function readWorkbook(
  file: string,
  data: Buffer,
  opts: { limits?: InputLimits; onRows?: (rows: number) => void } = {},
): Promise<WorkbookRead> {
  const book = await openWorkbook(file, data, opts);
  const sheets: Grid[] = [];
  let before = 0;
  const onRows = opts.onRows;
  for (const s of book.sheets) {
    let seen = 0;
    const grid = await book.readSheet(
      s,
      onRows &&
        ((n) => {
          seen = n;
          onRows(before + n);
        }),
    );
    before += seen;
    sheets.push(grid);
  }
  return {
    file,
    sheets,
    hidden: book.sheets.filter((s) => s.state !== 'visible').map((s) => s.name),
    definedNames: book.definedNames,
  };
}
