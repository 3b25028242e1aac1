/**
 * Criteria benchmarks: the engine on generated regions of 2 000, 10 000 and 40 000 schools (the
 * growth exponent fitted by least squares on log–log must stay near 1: linear), 100 000 result
 * rows in the engine and in the results reader, the criteria command on a 100 000-row .xlsx in a
 * child process (time and peak RSS), and LibreOffice opening the workbook it wrote, with and
 * without recalculating every formula, when soffice is installed.
 */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { computeCriteria } from '../src/core/criteria/engine';
import { defaultSettings } from '../src/core/settings';
import { generateRegion } from '../src/core/synthetic/region';
import { resultsGrid } from '../src/core/synthetic/regionGrids';
import ExcelJS from 'exceljs';
import { writeGridsFile } from '../src/cli/commands/demo';
import { readResults } from '../src/core/results/read';
import { medianMs, timeRow, type BenchRow } from './harness';

const run = promisify(execFile);

/** Slope of log(y) against log(x) by least squares: 1 is linear growth. */
export function growthExponent(points: Array<{ n: number; ms: number }>): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** Rows of a region cut to exactly `n` (a region of ~14 rows per school and year is generated). */
export function resultRows(n: number, seed = 7) {
  const region = generateRegion({ schools: Math.ceil(n / 36) + 10, seed });
  return region.rows.slice(0, n);
}

/** Each region size in its own process (bench/scalingChild.ts), with a fresh heap. */
async function engineScaling(): Promise<BenchRow[]> {
  const points: Array<{ n: number; ms: number }> = [];
  const rows: BenchRow[] = [];
  const child = path.join(__dirname, 'scalingChild.js');
  for (const schools of [2000, 10000, 40000]) {
    const { stdout } = await run(process.execPath, [child, String(schools)], {
      maxBuffer: 1 << 20,
    });
    const measured = JSON.parse(stdout.trim().split('\n').pop()!) as { rows: number; ms: number };
    points.push({ n: schools, ms: measured.ms });
    rows.push(
      timeRow(`Критерии ШНОР, ${schools} школ, ${measured.rows} строк (движок)`, measured.ms),
    );
  }
  const k = growthExponent(points);
  rows.push({
    name: 'Рост времени расчёта критериев (показатель степени, МНК по log–log)',
    value: Math.round(k * 1000) / 1000,
    unit: 'ratio',
    target: '< 1.15',
    met: k < 1.15,
  });
  return rows;
}

/** A child process runs the .xlsx path so its peak RSS is its own. */
async function endToEnd(dir: string): Promise<{ rows: BenchRow[]; output?: string }> {
  const input = path.join(dir, 'Результаты_100000.xlsx');
  const output = path.join(dir, 'Критерии_100000.xlsx');
  const region = generateRegion({ schools: 2400, seed: 9 });
  const rows = region.rows.slice(0, 100000);
  const schools = new Set(rows.map((r) => r.schoolCode)).size;
  const grid = resultsGrid({ ...region, rows });
  await writeGridsFile([grid], input);
  const child = path.join(__dirname, 'criteriaChild.js');
  if (!existsSync(child))
    return {
      rows: [
        {
          name: 'Критерии .xlsx от файла до файла',
          value: 0,
          unit: 's',
          note: `нет ${child}: соберите npm run build:cli`,
        },
      ],
    };
  const t0 = Date.now();
  const { stdout } = await run(process.execPath, [child, input, output], { maxBuffer: 1 << 20 });
  const seconds = (Date.now() - t0) / 1000;
  const measured = JSON.parse(stdout.trim().split('\n').pop()!) as {
    code: number;
    maxRssMb: number;
  };
  const rowsOut: BenchRow[] = [
    {
      name: `Команда criteria --out от файла до файла: 100 000 строк результатов, ${schools} школ (код завершения ${measured.code})`,
      value: Math.round(seconds * 10) / 10,
      unit: 's',
      target: '< 15 s',
      met: seconds < 15,
    },
    {
      name: 'Пиковая память (RSS) того же прогона',
      value: Math.round(measured.maxRssMb),
      unit: 'MB',
      target: '< 1024 MB',
      met: measured.maxRssMb < 1024,
    },
    { name: 'Размер книги критериев', value: Math.round(statSync(output).size / 1024), unit: 'KB' },
  ];
  return { rows: rowsOut, output };
}

function findSoffice(): string | null {
  for (const p of [
    '/usr/bin/soffice',
    '/usr/bin/libreoffice',
    '/usr/lib/libreoffice/program/soffice',
  ])
    if (existsSync(p)) return p;
  return null;
}

/** A throw-away LibreOffice profile that recalculates every formula on load, or never does. */
export function loProfile(dir: string, recalculate: boolean): string {
  const user = path.join(dir, 'user');
  mkdirSync(user, { recursive: true });
  const mode = recalculate ? 0 : 1; // 0 = always recalculate, 1 = never
  writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

/**
 * Seconds LibreOffice takes to open the workbook (recalculating every formula, or not) and save
 * its first sheet as CSV: the CSV keeps the export small, so the time is loading and computing.
 */
async function openInLibreOffice(
  soffice: string,
  workbook: string,
  dir: string,
  recalculate: boolean,
): Promise<number> {
  const profile = loProfile(path.join(dir, `lo-profile-${String(recalculate)}`), recalculate);
  const args = (out: string, file: string) => [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'csv',
    '--outdir',
    path.join(dir, out),
    file,
  ];
  // A first run on a one-cell workbook creates the profile, so the measured run does not pay for it.
  const tiny = path.join(dir, 'tiny.xlsx');
  if (!existsSync(tiny)) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 1;
    await wb.xlsx.writeFile(tiny);
  }
  await run(soffice, args('lo-warm', tiny), { timeout: 120_000 });
  const t0 = Date.now();
  await run(soffice, args('lo-out', workbook), { timeout: 300_000 });
  return (Date.now() - t0) / 1000;
}

async function libreOfficeRecalc(workbook: string, dir: string): Promise<BenchRow[]> {
  const soffice = findSoffice();
  const name = 'LibreOffice: открыть книгу критериев (100 000 строк) с пересчётом всех формул';
  if (!soffice)
    return [{ name, value: 0, unit: 's', note: 'LibreOffice не установлен — пропущено' }];
  try {
    const withRecalc = await openInLibreOffice(soffice, workbook, dir, true);
    const loadOnly = await openInLibreOffice(soffice, workbook, dir, false);
    const round = (x: number) => Math.round(x * 10) / 10;
    return [
      { name, value: round(withRecalc), unit: 's', target: '< 30 s', met: withRecalc < 30 },
      {
        name: 'Из них пересчёт (разница с открытием без пересчёта)',
        value: round(withRecalc - loadOnly),
        unit: 's',
      },
    ];
  } catch (e) {
    return [
      {
        name,
        value: 0,
        unit: 's',
        note: `LibreOffice завершился с ошибкой: ${(e as Error).message.slice(0, 120)}`,
      },
    ];
  }
}

export async function criteriaBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(...(await engineScaling()));
  const hundred = resultRows(100000);
  const settings = defaultSettings();
  const ms = await medianMs(() => computeCriteria(hundred, settings), 5, 1);
  rows.push(timeRow(`Критерии ШНОР, ${hundred.length} строк (движок)`, ms, 500));
  const table = resultsGrid(generateRegion({ schools: 2400, seed: 9 }));
  table.rows.length = 100_001; // the header and 100 000 rows
  const read = await medianMs(() => readResults([table]), 5, 1);
  rows.push(timeRow('Распознавание 100 000 строк результатов с листа (движок)', read));
  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-bench-'));
  try {
    const { rows: e2e, output } = await endToEnd(dir);
    rows.push(...e2e);
    if (output) rows.push(...(await libreOfficeRecalc(output, dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
