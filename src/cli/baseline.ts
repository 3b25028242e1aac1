/**
 * `check --baseline PREVIOUS`: the earlier check, from its JSON report (--format json) or its
 * review workbook (--out), as a Baseline. Anything else is a usage error, said in Russian.
 */
import { readFile } from 'fs/promises';
import * as path from 'path';
import type { Baseline } from '../core/review/baseline';
import { baselineFromReview } from '../core/review/reviewWorkbook';
import { loadInput } from './files';
import { baselineFromCheckJson } from './format/json';
import { UsageError } from './io';
import { fsErrorRu } from './fsErrors';

export async function readBaseline(file: string, shown: string): Promise<Baseline> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(fsErrorRu(e, shown, 'read'));
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new UsageError(
        `«${shown}» не читается как JSON: --baseline ожидает отчёт check --format json или книгу замечаний .xlsx.`,
      );
    }
    const read = baselineFromCheckJson(data, shown);
    if ('error' in read) throw new UsageError(read.error);
    return read.baseline;
  }
  if (ext !== '.xlsx' && ext !== '.xlsm')
    throw new UsageError(
      `--baseline ожидает отчёт прошлой проверки: JSON (check --format json) или книгу замечаний .xlsx (check --out), получено «${shown}».`,
    );
  const loaded = await loadInput({ path: file, display: shown });
  if (loaded.error !== undefined) throw new UsageError(loaded.error);
  const read = baselineFromReview(loaded.workbook.sheets, shown);
  if ('error' in read) throw new UsageError(read.error);
  return read.baseline;
}
