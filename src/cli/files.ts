/**
 * Input files for the commands: folders expanded recursively to Excel workbooks, each read into
 * Grids. A file that cannot be read gets a Russian reason and the rest are still processed.
 */
import { readdir, readFile, stat } from 'fs/promises';
import * as path from 'path';
import { byteLimits, sizeRu, type InputLimits } from '../xlsx/limits';
import { readWorkbook, UnreadableFileError, type WorkbookRead } from '../xlsx/read';
import type { Grid } from '../core/grid';
import { isRegistryName, readRegistryRows } from '../core/workbook/registry';
import { REGISTRY_SHEET, sheetNameKey } from '../core/workbook/sheetNames';
import { errnoCode, FileError, fsErrorRu, fsReasonRu } from './fsErrors';
import { fileIdentity, sameIdentity } from './fileIdentity';
import type { Output } from './output';

/** Extensions the reader understands (.xlsm is an .xlsx with macros; the macros are ignored). */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

/** Why a plan-like file (a table or a document someone may have meant to check) is not checked. */
const NOT_SUPPORTED: Record<string, string> = {
  '.xls':
    'старый формат Excel 97–2003: откройте файл в Excel и сохраните как «Книга Excel (.xlsx)»',
  '.xlsb': 'двоичная книга Excel: сохраните её как «Книга Excel (.xlsx)»',
  '.csv': 'CSV не поддерживается: откройте файл в Excel и сохраните как .xlsx',
  '.ods': 'книга LibreOffice: сохраните её как .xlsx',
  '.doc': 'документ Word: перенесите таблицу плана в Excel',
  '.docx': 'документ Word: перенесите таблицу плана в Excel',
  '.pdf': 'PDF: перенесите таблицу плана в Excel',
};

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** The path as shown to the user (relative to the working directory when inside it). */
  display: string;
  /** Named on the command line (not found in a folder). */
  explicit?: boolean;
}

export interface SkippedFile extends InputFile {
  /** Russian reason. */
  reason: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  /** Files given by name, or plan-like files found in folders, that cannot be checked. */
  skipped: SkippedFile[];
  /** Other files found in folders (.json, .txt, pictures…): passed over, only counted. */
  ignored: InputFile[];
}

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel)
    ? rel.split(path.sep).join('/')
    : file;
}

/** Excel's owner file left next to an open workbook ("~$План.xlsx"). */
function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

function unsupportedReason(ext: string): string {
  return (
    NOT_SUPPORTED[ext] ??
    `${ext ? `расширение «${ext}»` : 'файл без расширения'} не поддерживается: нужна книга Excel .xlsx`
  );
}

/** Why a folder entry that is a symbolic link cannot be followed, or what it leads to. */
async function followLink(full: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(full);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/**
 * Expands the arguments into workbook files. Folders are walked recursively in name order; in a
 * folder, Excel lock files and hidden files are passed over silently, plan-like files that are not
 * workbooks (.xls, .csv, .docx, .pdf…) are skipped with a reason, anything else is only counted.
 * Symbolic links are followed (a folder reached twice through links is walked once); one file
 * reached by several paths (links, or named twice) is read once. A file named explicitly is always
 * either checked or skipped with a reason.
 */
export async function expandInputs(args: string[], cwd: string): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], skipped: [], ignored: [] };
  const seen = new Set<string>();
  const walked = new Set<string>();
  const add = async (file: string, explicit: boolean) => {
    const id = await fileIdentity(file).catch(() => null);
    const key = id ? `${id.dev}:${id.ino}` : file;
    if (seen.has(key)) return;
    seen.add(key);
    out.files.push({
      path: file,
      display: displayPath(cwd, file),
      ...(explicit ? { explicit } : {}),
    });
  };
  const skip = (file: string, reason: string) =>
    out.skipped.push({ path: file, display: displayPath(cwd, file), reason });

  async function walk(dir: string): Promise<void> {
    const id = await fileIdentity(dir).catch(() => null);
    const key = id ? `${id.dev}:${id.ino}` : dir;
    if (walked.has(key)) return;
    walked.add(key);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      skip(dir, fsReasonRu(e, displayPath(cwd, dir), 'list'));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith('.') || isLockFile(e.name)) continue;
      const kind = e.isSymbolicLink()
        ? await followLink(full)
        : e.isDirectory()
          ? 'dir'
          : e.isFile()
            ? 'file'
            : null;
      const ext = path.extname(e.name).toLowerCase();
      if (kind === 'dir') await walk(full);
      else if (kind === 'file') {
        if (WORKBOOK_EXTENSIONS.has(ext)) await add(full, false);
        else if (NOT_SUPPORTED[ext]) skip(full, NOT_SUPPORTED[ext]);
        else out.ignored.push({ path: full, display: displayPath(cwd, full) });
      } else if (e.isSymbolicLink() && WORKBOOK_EXTENSIONS.has(ext))
        skip(full, 'ссылка ведёт на файл, которого нет (или он недоступен)');
    }
  }

  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let info;
    try {
      info = await stat(full);
    } catch (e) {
      const code = errnoCode(e);
      skip(
        full,
        code === 'ENOENT' || code === 'ENOTDIR'
          ? 'файл или папка не найдены'
          : fsReasonRu(e, displayPath(cwd, full), 'read'),
      );
      continue;
    }
    if (info.isDirectory()) {
      const before = out.files.length;
      await walk(full);
      if (out.files.length === before) skip(full, 'в папке нет книг Excel (.xlsx, .xlsm)');
      continue;
    }
    const name = path.basename(full);
    const ext = path.extname(name).toLowerCase();
    if (isLockFile(name)) skip(full, 'служебный файл блокировки Excel («~$…»), а не книга');
    else if (WORKBOOK_EXTENSIONS.has(ext)) await add(full, true);
    else skip(full, unsupportedReason(ext));
  }
  return out;
}

/**
 * The inputs without the file being written. Writing onto an input (compared by device and inode,
 * so links count) is refused: always for a file named on the command line or in `alsoRead` (the
 * plan, the settings); for a file found in a folder unless it is this program's own earlier output
 * (it has the registry sheet) — then it is left out of the inputs, as README promises.
 */
export async function inputsWithoutOutput(
  files: InputFile[],
  out: Output,
  alsoRead: string[] = [],
): Promise<InputFile[]> {
  const target = await out.identity();
  if (!target) return files;
  for (const other of alsoRead)
    if (sameIdentity(await fileIdentity(other).catch(() => null), target))
      throw sameFile(out, other, other);
  const kept: InputFile[] = [];
  for (const f of files) {
    if (!sameIdentity(await fileIdentity(f.path).catch(() => null), target)) {
      kept.push(f);
      continue;
    }
    if (f.explicit || !(await isOwnOutput(f))) throw sameFile(out, f.path, f.display);
  }
  return kept;
}

function sameFile(out: Output, input: string, shown: string): FileError {
  const via = out.requested === input ? '' : ' (один и тот же файл через ссылку)';
  return new FileError(
    `Файл для записи «${out.shown}» — это входной файл «${shown}»${via}. Входные файлы не ` +
      'изменяются: укажите в --out новый файл (или книгу, которую программа создала раньше), ' +
      'например «замечания.xlsx» вне папки с входными файлами.',
  );
}

/** A workbook this program wrote earlier: it has the registry sheet. */
async function isOwnOutput(f: InputFile): Promise<boolean> {
  const loaded = await loadInput(f);
  return loaded.workbook?.sheets.some((g) => g.sheet === REGISTRY_SHEET) ?? false;
}

export type LoadedFile = InputFile &
  ({ workbook: WorkbookRead; error?: undefined } | { workbook?: undefined; error: string });

/**
 * Reads one workbook; unreadable files come back with a Russian `error` instead of throwing. The
 * limits (settings `inputLimits`) refuse a zip bomb before it is unpacked. Nothing of the file is
 * kept once the caller drops the result, so a folder is read in memory of one workbook.
 */
export async function loadInput(
  file: InputFile,
  limits?: InputLimits,
  /** Rows of this file read so far, as the sheets stream in (progress). */
  onRows?: (rows: number) => void,
): Promise<LoadedFile> {
  let data: Buffer;
  try {
    const { maxTotalBytes } = byteLimits(limits);
    const size = (await stat(file.path)).size;
    if (size > maxTotalBytes)
      return {
        ...file,
        error: `Файл «${file.display}» отклонён: его размер ${sizeRu(size)}, а допустимо не больше ${sizeRu(maxTotalBytes)} (настройка inputLimits.maxTotalMegabytes).`,
      };
    data = await readFile(file.path);
  } catch (e) {
    return { ...file, error: fsErrorRu(e, file.display, 'read') };
  }
  try {
    const opts = { ...(limits ? { limits } : {}), ...(onRows ? { onRows } : {}) };
    return { ...file, workbook: await readWorkbook(file.display, data, opts) };
  } catch (e) {
    if (e instanceof UnreadableFileError) return { ...file, error: e.message };
    return {
      ...file,
      error: `Файл «${file.display}» не удалось прочитать: ${(e as Error).message}.`,
    };
  }
}

/**
 * The sheets of a workbook that hold the user's data: without our registry sheet and without the
 * sheets it lists, which this program generated (a report or criteria workbook lying in the input
 * folder is not read back as results). A visible sheet that only happens to be called `_shnor`
 * is the user's and stays.
 */
export function userSheets(workbook: WorkbookRead): { sheets: Grid[]; generated: string[] } {
  const registry = workbook.sheets.find((g) => isRegistryName(g.sheet));
  if (!registry) return { sheets: workbook.sheets, generated: [] };
  const entries = readRegistryRows(
    registry.rows.map((row) => row?.map((cell) => cell?.v)),
    workbook.hidden.includes(registry.sheet) ? 'hidden' : 'visible',
  );
  if (!entries) return { sheets: workbook.sheets, generated: [] };
  const listed = new Set(entries.map((e) => sheetNameKey(e.sheet)));
  const generated = workbook.sheets
    .filter((g) => g !== registry && listed.has(sheetNameKey(g.sheet)))
    .map((g) => g.sheet);
  const sheets = workbook.sheets.filter(
    (g) => g !== registry && !listed.has(sheetNameKey(g.sheet)),
  );
  return { sheets, generated };
}

/** Why a workbook with nothing but generated sheets gives no input (for a file named explicitly). */
export function onlyGeneratedRu(display: string, wanted: 'results' | 'plan'): string {
  const what = wanted === 'plan' ? 'с планом мероприятий' : 'с результатами';
  return `Файл «${display}» создан программой (отчёт, книга критериев или замечаний): в нём нет входных данных, только сгенерированные листы. Укажите файл ${what}.`;
}
