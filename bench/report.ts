/**
 * Report benchmarks: building the report patch for 2 000 schools (with a plan, so the timeline and
 * the roadmap skeletons are in), writing it to a new .xlsx as the command does, and the file size.
 * Updating an existing report is measured in bench/update.ts.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { computeCriteria } from '../src/core/criteria/engine';
import { checkWorkbook } from '../src/core/plan/check';
import { buildReportPatch } from '../src/core/report/build';
import { riskKey } from '../src/core/report/riskFactors';
import { defaultSettings } from '../src/core/settings';
import { generatePlanGrid } from '../src/core/synthetic/plan';
import { generateRegion } from '../src/core/synthetic/region';
import type { WorkbookPatch } from '../src/core/patch';
import { WorkbookUpdate } from '../src/xlsx/update/update';
import { medianMs, timeRow, type BenchRow } from './harness';

/**
 * The report patch of a generated region of `schools` schools (with a plan); with `oneName`,
 * every school has the same name (sheet names then all need a numeral).
 */
export function benchReport(schools: number, oneName = false): () => WorkbookPatch {
  const region = generateRegion({ schools, seed: 21 });
  if (oneName) {
    for (const s of region.schools) s.name = 'МБОУ СОШ № 1';
    for (const r of region.rows) r.schoolName = 'МБОУ СОШ № 1';
  }
  const settings = defaultSettings();
  const criteria = computeCriteria(region.rows, settings);
  const plan = checkWorkbook([generatePlanGrid({ activities: 120, seed: 4, year: 2025 })], {
    asOf: '2025-06-01',
  }).find((c) => c.isPlan);
  const risks = new Map(region.schools.map((s) => [riskKey(s.code, s.name), s.riskFactors]));
  return () =>
    buildReportPatch({
      criteria,
      riskFactors: risks,
      ...(plan ? { plan } : {}),
      asOf: '2025-06-01',
    });
}

/** A patch into a file, as the command writes it (an existing file is updated). */
export async function writeReport(data: Buffer | null, patch: WorkbookPatch, file: string) {
  const book = data ? await WorkbookUpdate.open(data, file) : await WorkbookUpdate.create(file);
  const result = await book.apply(patch);
  writeFileSync(file, Buffer.concat(result.chunks));
  return result.report;
}

export async function reportBenchmarks(schools = 2000): Promise<BenchRow[]> {
  const build = benchReport(schools);
  const ms = await medianMs(build, 3, 1);
  const rows: BenchRow[] = [timeRow(`Отчёт: построение правки книги, ${schools} школ`, ms, 2000)];

  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-report-bench-'));
  try {
    const file = path.join(dir, 'Отчёт.xlsx');
    // The criteria sheets are measured by the criteria benchmark; this is the report's own part.
    const patch = build();
    const t0 = Date.now();
    await writeReport(null, patch, file);
    const writeMs = Date.now() - t0;
    rows.push(timeRow(`Отчёт: запись нового .xlsx, ${patch.sheets.length} листов`, writeMs, 30000));
    rows.push({
      name: 'Отчёт: размер файла',
      value: Math.round(statSync(file).size / 1024),
      unit: 'KB',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
