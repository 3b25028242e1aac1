/**
 * Updating an existing report at the zip level. The workbook is a user's (the corpus workbook
 * LibreOffice made: a chart, a pivot table, comments, an image, local names) into which a
 * 2 000-school report was written; the update replaces every generated sheet. Measured beside a
 * reference taken in the same run: inflating and deflating every part of the same file (what any
 * rewrite of the file costs at least), and writing the same report as a new file. The user's
 * parts are compared byte for byte after the update. With the same data the generated sheets'
 * parts are copied (src/xlsx/update/stamps.ts); a third row updates the report with every sheet
 * changed, which writes each one again. Then the same with 3 000 schools of one name.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { WorkbookPatch } from '../src/core/patch';
import { WorkbookPackage } from '../src/xlsx/update/package';
import { ZipPackage } from '../src/xlsx/zipPackage';
import { timeRow, type BenchRow } from './harness';
import { benchReport, writeReport } from './report';
import { projectRoot } from './run';

const USER_WORKBOOK = 'test/fixtures/user-workbooks/libreoffice.xlsx';

/** Wall time of `fn` and the highest resident memory seen while it ran (sampled). */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = process.hrtime.bigint();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, peakMb: peak / 2 ** 20, value };
  } finally {
    clearInterval(timer);
  }
}

/** Every part inflated and deflated again: the floor of any rewrite of the file. */
function unzipZip(data: Buffer): number {
  const zip = ZipPackage.open(data, 'reference.xlsx');
  let bytes = 0;
  for (const name of zip.names()) bytes += zlib.deflateRawSync(zip.readBytes(name)).length;
  return bytes;
}

/** The user's parts (everything but what an update may edit) by name, inflated. */
function userParts(data: Buffer): Map<string, Buffer> {
  const pkg = WorkbookPackage.open(data, 'user.xlsx');
  const user = pkg.sheets.filter((s) => s.state === 'visible' && !s.name.startsWith('_shnor'));
  const own = new Set(user.map((s) => s.part!));
  return new Map([...own].map((p) => [p, pkg.zip.readBytes(p)]));
}

/** The patch with a cell added to every sheet: each must be written again. */
function everySheetChanged(patch: WorkbookPatch): WorkbookPatch {
  const mark = { at: 'Z1', values: [['изменено']] };
  return { ...patch, sheets: patch.sheets.map((s) => ({ ...s, values: [...s.values, mark] })) };
}

async function updateRows(root: string, schools: number, oneName: boolean): Promise<BenchRow[]> {
  const what = oneName ? `${schools} школ с одним названием` : `${schools} школ`;
  const build = benchReport(schools, oneName);
  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-update-bench-'));
  try {
    const user = readFileSync(path.join(root, USER_WORKBOOK));
    const file = path.join(dir, 'Отчёт.xlsx');
    const fresh = path.join(dir, 'Новый.xlsx');
    await writeReport(user, build(), file);
    const before = readFileSync(file);
    const userBefore = userParts(user);

    const reference = await measured(async () => unzipZip(before));
    const created = await measured(async () => writeReport(null, build(), fresh));
    const update = await measured(async () => writeReport(before, build(), file));
    const after = readFileSync(file);
    const pkg = WorkbookPackage.open(after, 'Отчёт.xlsx');
    const kept = [...userBefore].every(([part, bytes]) => pkg.zip.readBytes(part).equals(bytes));
    const changed = oneName
      ? null
      : await measured(async () => writeReport(after, everySheetChanged(build()), file));
    const rows: BenchRow[] = [
      timeRow(
        `Обновление существующего отчёта, ${what} (${update.value.replaced.length} листов заменено)`,
        update.ms,
        oneName ? undefined : 10_000,
        'те же данные: листы пользователя и неизменившиеся листы программы копируются как есть',
      ),
      ...(changed
        ? [timeRow(`  то же, но все листы изменились (каждый записывается заново)`, changed.ms)]
        : []),
      timeRow(`  опора: распаковать и заново сжать все части той же книги`, reference.ms),
      timeRow(`  опора: записать тот же отчёт новым файлом`, created.ms),
      {
        name: `  отношение обновления к распаковке и сжатию`,
        value: Math.round((update.ms / reference.ms) * 100) / 100,
        unit: 'ratio',
      },
      {
        name: `  пиковая память (RSS) при обновлении, ${what}`,
        value: Math.round(update.peakMb),
        unit: 'MB',
      },
      {
        name: `  листы пользователя побайтно те же (${userBefore.size} из ${userBefore.size})`,
        value: kept ? 1 : 0,
        unit: 'count',
        target: '1',
        met: kept,
      },
    ];
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function updateBenchmarks(): Promise<BenchRow[]> {
  const root = projectRoot();
  return [...(await updateRows(root, 2000, false)), ...(await updateRows(root, 3000, true))];
}
