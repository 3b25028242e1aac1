/**
 * Reader benchmarks (issue #13): the built CLI as a process, each figure beside its reference
 * measured in the same run.
 * - `criteria region.xlsx --format json` for 2 000 schools (≈ 84 000 rows), the workbook as an
 *   office suite saves it (shared strings) and with inline strings and numeric character
 *   references: time as a ratio to the floor (bench/floorChild.ts: unzip + one regex scan of the
 *   same file, also a process), the same command with exceljs's reader, peak memory.
 * - `criteria federal/` over 85 regional files (40 000 schools), streamed file by file.
 * - `check` over 200 and 2 000 (or 10 000) small plans, text and JSON: peak memory must not grow
 *   with the number of files.
 * Paired runs (floor, lean, exceljs in turn), medians.
 */
import { spawn } from 'child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { generatePlanGrid } from '../src/core/synthetic/plan';
import { generateRegion } from '../src/core/synthetic/region';
import { plainWorkbook, regionWorkbook, type StringLayout } from '../test/support/plainWorkbook';
import type { BenchRow } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'shnor-roadmap.js');
/** Where a measured process's stdout goes. */
const OUTPUT = path.join(tmpdir(), `shnor-bench-${process.pid}.out`);

interface Measured {
  seconds: number;
  maxRssMb: number;
  code: number | null;
}

/** Runs node with `args`, stdout to a file; wall time and the peak memory peak.js reports. */
function runNode(args: string[], preload: string[] = []): Promise<Measured> {
  const out = openSync(OUTPUT, 'w');
  const requires = ['peak.js', ...preload].flatMap((p) => ['--require', path.join(__dirname, p)]);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...requires, ...args], { stdio: ['ignore', out, 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(out);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const line = err.trim().split('\n').pop() ?? '';
      try {
        resolve({ seconds, code, maxRssMb: (JSON.parse(line) as { maxRssMb: number }).maxRssMb });
      } catch {
        reject(new Error(`no memory figure from ${args.join(' ')}: ${err.slice(-300)}`));
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

async function regionRows(dir: string, layout: StringLayout, runs: number): Promise<BenchRow[]> {
  const file = path.join(dir, `region-${layout}.xlsx`);
  writeFileSync(file, regionWorkbook(generateRegion({ schools: 2000, seed: 9 }), layout));
  const what =
    layout === 'shared' ? 'общие строки, как сохраняет Excel' : 'строки в ячейках, &#NNNN;';
  const floor: number[] = [];
  const lean: Measured[] = [];
  const text: Measured[] = [];
  const exceljs: Measured[] = [];
  let jsonMb = 0;
  for (let i = 0; i < runs; i++) {
    floor.push((await runNode([path.join(__dirname, 'floorChild.js'), file])).seconds);
    lean.push(await runNode([CLI, 'criteria', file, '--format', 'json']));
    jsonMb = statSync(OUTPUT).size / 2 ** 20;
    if (layout === 'shared') text.push(await runNode([CLI, 'criteria', file]));
    if (i === 0 || layout === 'shared')
      exceljs.push(
        await runNode([CLI, 'criteria', file, '--format', 'json'], ['exceljsReader.js']),
      );
  }
  const f = median(floor);
  const l = median(lean.map((m) => m.seconds));
  const e = median(exceljs.map((m) => m.seconds));
  const rss = median(lean.map((m) => m.maxRssMb));
  const ratio = l / f;
  return [
    {
      name: `Пол: распаковка + один проход регулярным выражением (${what})`,
      value: r2(f),
      unit: 's',
    },
    {
      name: `criteria --format json, 2 000 школ (${what}), от файла до результата`,
      value: r2(l),
      unit: 's',
      note: `код ${lean[0]!.code}; медиана ${runs} парных прогонов`,
    },
    {
      name: `  то же к полу (${what})`,
      value: r2(ratio),
      unit: 'ratio',
      ...(layout === 'shared' ? { target: '≤ 3', met: ratio <= 3 } : {}),
    },
    ...(text.length
      ? [
          {
            name: `  то же с отчётом текстом (без JSON на ${Math.round(jsonMb)} МБ), к полу`,
            value: r2(median(text.map((m) => m.seconds)) / f),
            unit: 'ratio' as const,
            note: `${r2(median(text.map((m) => m.seconds)))} s, ${Math.round(median(text.map((m) => m.maxRssMb)))} MB`,
          },
        ]
      : []),
    {
      name: `  то же с читателем exceljs (${what})`,
      value: r2(e),
      unit: 's',
      note: `к полу ${r1(e / f)}; медиана ${exceljs.length}`,
    },
    {
      name: `  пиковая память (${what})`,
      value: Math.round(rss),
      unit: 'MB',
      ...(layout === 'shared' ? { target: '≤ 400 MB', met: rss <= 400 } : {}),
      note: `с exceljs ${Math.round(median(exceljs.map((m) => m.maxRssMb)))} MB`,
    },
  ];
}

/** 85 regional files, 40 000 schools: `criteria folder/` as text (the JSON of 40 000 schools is not a console report). */
async function federalRows(dir: string): Promise<BenchRow[]> {
  const folder = path.join(dir, 'federal');
  mkdirSync(folder);
  let rows = 0;
  for (let k = 1; k <= 85; k++) {
    const schools = Math.round((40000 * k) / 85) - Math.round((40000 * (k - 1)) / 85);
    const region = generateRegion({ schools, seed: 100 + k });
    rows += region.rows.length;
    writeFileSync(
      path.join(folder, `регион-${String(k).padStart(2, '0')}.xlsx`),
      regionWorkbook(region, 'shared', k),
    );
  }
  const m = await runNode([CLI, 'criteria', folder]);
  return [
    {
      name: `criteria по папке: 85 регионов, 40 000 школ, ${rows} строк`,
      value: r1(m.seconds),
      unit: 's',
      target: '< 60 s',
      met: m.seconds < 60,
      note: `код ${m.code}`,
    },
    {
      name: '  пиковая память',
      value: Math.round(m.maxRssMb),
      unit: 'MB',
      target: '< 1536 MB',
      met: m.maxRssMb < 1536,
    },
  ];
}

/** A folder of `n` copies of one small plan (20 activities), named in order. */
function planFolder(dir: string, n: number): string {
  const template = path.join(dir, 'plan.xlsx');
  writeFileSync(
    template,
    plainWorkbook(
      [{ ...generatePlanGrid({ activities: 20, seed: 1, year: 2024 }), sheet: 'План' }],
      'shared',
    ),
  );
  const folder = mkdtempSync(path.join(dir, `plans-${n}-`));
  for (let i = 0; i < n; i++)
    copyFileSync(template, path.join(folder, `план-${String(i).padStart(5, '0')}.xlsx`));
  return folder;
}

/**
 * `check` over folders of `sizes` small plans, as text and as JSON: the peak memory per file
 * between the smallest and the largest folder (near 0: nothing of a file is kept for the report).
 */
async function checkFolderRows(dir: string, sizes: [number, number]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const folders = sizes.map((n) => planFolder(dir, n));
  const label = (n: number) => n.toLocaleString('ru-RU');
  for (const format of ['text', 'json'] as const) {
    const out: Measured[] = [];
    for (const [k, folder] of folders.entries()) {
      const m = await runNode([CLI, 'check', folder!, '--as-of', '2024-06-01', '--format', format]);
      rows.push({
        name: `check по папке из ${label(sizes[k]!)} планов, --format ${format}`,
        value: r1(m.seconds),
        unit: 's',
        note: `${Math.round(m.maxRssMb)} MB`,
      });
      out.push(m);
    }
    const [small, large] = out as [Measured, Measured];
    const perFileKb = ((large.maxRssMb - small.maxRssMb) * 1024) / (sizes[1] - sizes[0]);
    rows.push({
      name: `  прирост пиковой памяти на файл (${label(sizes[1])} против ${label(sizes[0])})`,
      value: Math.round(perFileKb),
      unit: 'KB',
      target: '< 5 KB',
      met: perFileKb < 5,
      note: 'файл выводится или откладывается во временный файл, не хранится',
    });
  }
  return rows;
}

/** Parts run only when named (too long for the whole bench). */
const NAMED_ONLY = new Set(['check10k']);

/** The parts of this area, by the name `npm run bench -- reader:PART` selects them with. */
const PARTS: Record<string, (dir: string) => Promise<BenchRow[]>> = {
  shared: (dir) => regionRows(dir, 'shared', 3),
  inline: (dir) => regionRows(dir, 'inline', 1),
  federal: federalRows,
  // from 1 000 files: below that the row shows V8's heap growing to its working size (200 → 2 000
  // gave 7–12 KB per file for a flat live heap)
  check: (dir) => checkFolderRows(dir, [1000, 3000]),
  // 10 000 plans, as issue #14 measured, against 2 000 (V8's heap has grown to its steady size by
  // then; from 200 the row shows that growth too): about 6 minutes on 2 cores, run apart
  check10k: (dir) => checkFolderRows(dir, [2000, 10000]),
};

export async function readerBenchmarks(parts?: string[]): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-reader-bench-'));
  try {
    const rows: BenchRow[] = [];
    for (const [name, part] of Object.entries(PARTS))
      if (parts ? parts.includes(name) : !NAMED_ONLY.has(name)) rows.push(...(await part(dir)));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
