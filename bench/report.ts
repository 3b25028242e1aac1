/**
 * Report benchmarks: building the report patch for 2 000 schools (with a plan, so the timeline and
 * the roadmap skeletons are in), writing it to a new .xlsx (streamed), the file size, and updating
 * that workbook in place.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { computeCriteria } from '../src/core/criteria/engine';
import { checkWorkbook } from '../src/core/plan/check';
import { buildReportPatch } from '../src/core/report/build';
import { riskKey } from '../src/core/report/riskFactors';
import { defaultSettings } from '../src/core/settings';
import { generatePlanGrid } from '../src/core/synthetic/plan';
import { generateRegion } from '../src/core/synthetic/region';
import {
  applyPatch,
  loadWorkbook,
  writeNewWorkbookFile,
  writeWorkbookFile,
} from '../src/xlsx/write';
import { medianMs, timeRow, type BenchRow } from './harness';

export async function reportBenchmarks(schools = 2000): Promise<BenchRow[]> {
  const region = generateRegion({ schools, seed: 21 });
  const settings = defaultSettings();
  const criteria = computeCriteria(region.rows, settings);
  const plan = checkWorkbook([generatePlanGrid({ activities: 120, seed: 4, year: 2025 })], {
    asOf: '2025-06-01',
  }).find((c) => c.isPlan);
  const risks = new Map(region.schools.map((s) => [riskKey(s.code, s.name), s.riskFactors]));
  const build = () =>
    buildReportPatch({
      criteria,
      riskFactors: risks,
      ...(plan ? { plan } : {}),
      asOf: '2025-06-01',
    });
  const ms = await medianMs(build, 3, 1);
  const rows: BenchRow[] = [timeRow(`Отчёт: построение правки книги, ${schools} школ`, ms, 2000)];

  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-report-bench-'));
  try {
    const file = path.join(dir, 'Отчёт.xlsx');
    // The criteria sheets are measured by the criteria benchmark; this is the report's own part.
    const patch = build();
    // A new report file is streamed, as the report command does.
    let t0 = Date.now();
    await writeNewWorkbookFile(patch, file);
    const writeMs = Date.now() - t0;
    rows.push(timeRow(`Отчёт: запись нового .xlsx, ${patch.sheets.length} листов`, writeMs, 30000));
    rows.push({
      name: 'Отчёт: размер файла',
      value: Math.round(statSync(file).size / 1024),
      unit: 'KB',
    });
    // Updating a report that exists: the workbook is loaded, patched and written whole.
    t0 = Date.now();
    const wb = await loadWorkbook(readFileSync(file));
    applyPatch(wb, patch);
    await writeWorkbookFile(wb, file);
    rows.push(
      timeRow(
        'Отчёт: обновление существующей книги (загрузка, замена листов, запись)',
        Date.now() - t0,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
