/**
 * `npm run bench`: runs every area's benchmarks, prints a table (name, value, target, met) and
 * writes bench/results.json with the date and the machine. Never fails: a module that is missing
 * or throws becomes a row with a note, so the run always completes.
 *
 * `npm run bench -- AREA[:PART,PART] …` runs only those areas (the module names: plan, criteria,
 * report, update, addin, reader), and of an area only the parts named (see the area's function:
 * reader has shared, inline, federal, check); the rows then go to bench/results.partial.json.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BenchRow } from './harness';

interface Source {
  /** Module path relative to this file, without extension. */
  module: string;
  /** Exported function returning the rows. */
  fn: string;
  what: string;
}

const SOURCES: Source[] = [
  { module: './plan', fn: 'planBenchmarks', what: 'проверка планов' },
  { module: './criteria', fn: 'criteriaBenchmarks', what: 'критерии ШНОР' },
  { module: './report', fn: 'reportBenchmarks', what: 'отчёт по школам' },
  { module: './update', fn: 'updateBenchmarks', what: 'обновление отчёта' },
  { module: './addin', fn: 'addinBenchmarks', what: 'надстройка' },
  { module: './reader', fn: 'readerBenchmarks', what: 'чтение .xlsx' },
];

/** The project root: dist/bench/run.js → two levels up; bench/run.ts (ts-jest) → one. */
export function projectRoot(): string {
  const up2 = path.resolve(__dirname, '..', '..');
  return existsSync(path.join(up2, 'package.json')) ? up2 : path.resolve(__dirname, '..');
}

/** Which areas (by module name) and, per area, which parts the command line asked for. */
export function parseFilters(args: string[]): Map<string, string[] | undefined> | null {
  if (!args.length) return null;
  const chosen = new Map<string, string[] | undefined>();
  for (const a of args) {
    const [area, parts] = a.split(':', 2) as [string, string | undefined];
    chosen.set(area, parts ? parts.split(',').filter(Boolean) : undefined);
  }
  return chosen;
}

async function collect(source: Source, parts?: string[]): Promise<BenchRow[]> {
  const started = Date.now();
  try {
    // require with a path in a variable: the compiler does not insist on the module, so an area
    // not written yet is skipped at run time instead of breaking the build.
    const modulePath: string = source.module;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as Record<string, unknown>;
    const fn = mod[source.fn];
    if (typeof fn !== 'function')
      return [
        {
          name: `${source.what}: нет функции ${source.fn}`,
          value: 0,
          unit: 'count',
          note: 'пропущено',
        },
      ];
    const rows = (await (fn as (parts?: string[]) => Promise<BenchRow[]>)(parts)) ?? [];
    process.stderr.write(`  ${source.what}: ${((Date.now() - started) / 1000).toFixed(1)} с\n`);
    return rows;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const missing = err.code === 'MODULE_NOT_FOUND' && err.message.includes(source.module.slice(2));
    return [
      {
        name: `${source.what} (${source.module})`,
        value: 0,
        unit: 'count',
        note: missing
          ? 'модуль ещё не написан — пропущено'
          : `ошибка: ${err.message.split('\n')[0]}`,
      },
    ];
  }
}

/** Size of the add-in task pane's JavaScript when the add-in was built (dist/addin). */
export function bundleRow(root: string): BenchRow {
  const dir = path.join(root, 'dist', 'addin');
  const name = 'Размер JavaScript области задач надстройки (минифицированный)';
  if (!existsSync(dir))
    return {
      name,
      value: 0,
      unit: 'KB',
      note: 'надстройка не собрана (npm run build:addin) — пропущено',
    };
  const files = readdirSync(dir).filter(
    (f) => f.endsWith('.js') && /taskpane|vendor|runtime/i.test(f),
  );
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  if (!files.length)
    return { name, value: 0, unit: 'KB', note: 'в dist/addin нет файлов taskpane*.js — пропущено' };
  const kb = Math.round(bytes / 1024);
  return {
    name,
    value: kb,
    unit: 'KB',
    target: '< 1024 KB',
    met: kb < 1024,
    note: files.join(', '),
  };
}

function formatValue(r: BenchRow): string {
  return r.unit === 'ratio' || r.unit === 'count' ? String(r.value) : `${r.value} ${r.unit}`;
}

/** The table as text: name, value, target, met. */
export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    formatValue(r),
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'да' : 'НЕТ',
    r.note ?? '',
  ]);
  const head = ['Измерение', 'Значение', 'Цель', 'Выполнено', 'Примечание'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join(' │ ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}

export async function runAll(args: string[] = []): Promise<{ rows: BenchRow[]; file: string }> {
  const started = Date.now();
  const rows: BenchRow[] = [];
  const filters = parseFilters(args);
  for (const s of SOURCES) {
    const area = s.module.slice(2);
    if (filters && !filters.has(area)) continue;
    rows.push(...(await collect(s, filters?.get(area))));
  }
  const root = projectRoot();
  if (!filters || filters.has('bundle')) rows.push(bundleRow(root));
  const file = path.join(root, 'bench', filters ? 'results.partial.json' : 'results.json');
  const cpus = os.cpus();
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        durationSeconds: Math.round((Date.now() - started) / 100) / 10,
        machine: {
          platform: `${os.platform()} ${os.release()}`,
          cpus: cpus.length,
          cpuModel: cpus[0]?.model ?? '',
          memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
          node: process.version,
        },
        ...(filters ? { only: args } : {}),
        rows,
      },
      null,
      2,
    )}\n`,
  );
  return { rows, file };
}

if (require.main === module) {
  process.stderr.write('Замеры… (до 5 минут)\n');
  runAll(process.argv.slice(2))
    .then(({ rows, file }) => {
      process.stdout.write(`${formatTable(rows)}\n\nРезультаты записаны в ${file}\n`);
      const missed = rows.filter((r) => r.met === false).length;
      if (missed) process.stdout.write(`Цели не достигнуты: ${missed}.\n`);
    })
    .catch((e: unknown) => {
      // The benchmark never fails the build; it says what went wrong.
      process.stdout.write(`Замеры прерваны: ${(e as Error).message}\n`);
    });
}
