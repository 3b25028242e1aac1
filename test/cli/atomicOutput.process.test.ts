/**
 * The built CLI as a process: a kill at any moment, a full disk and two writers at once never leave
 * a half-written file where a good one was (README «Надёжность»).
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import { hostname, tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeGridsFile } from '../../src/cli/commands/demo';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid } from '../../src/core/synthetic/regionGrids';
import { builtCli, runCli, showsStack, startCli } from '../support/cli';

jest.setTimeout(600_000);

const sha = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');
/** Our leftovers a killed run may leave: its lock and its temporary files (cleaned next run). */
const OUR_DEBRIS = /^\.(.+)\.shnor-(lock|\d+-[0-9a-f]{8}\.(tmp|lock-tmp|stale))$/;

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ws.name);
}

let dir: string;
beforeAll(async () => {
  builtCli();
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-atomic-'));
  const region = generateRegion({ schools: 30, seed: 5, years: [2022, 2023, 2024] });
  await writeGridsFile([resultsGrid(region)], path.join(dir, 'результаты.xlsx'));
  await writeGridsFile(
    [{ ...generatePlanGrid({ activities: 40, seed: 3, year: 2025 }), sheet: 'План' }],
    path.join(dir, 'план.xlsx'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a kill at a random point of the write', () => {
  it('leaves the old file byte-identical or the new one complete, and only debris the next run removes', async () => {
    const work = path.join(dir, 'kill');
    mkdirSync(work);
    copyFileSync(path.join(dir, 'результаты.xlsx'), path.join(work, 'результаты.xlsx'));
    const args = (out: string) => ['criteria', 'результаты.xlsx', '--out', out];
    // One whole run: how long the command takes here, and the workbook it writes.
    const t0 = Date.now();
    expect(runCli(args('эталон.xlsx'), { cwd: work }).status).toBe(0);
    const full = Date.now() - t0;
    const expected = await sheetNames(path.join(work, 'эталон.xlsx'));
    expect(expected).toEqual(expect.arrayContaining(['Критерии', 'Результаты']));

    const outcomes = { old: 0, complete: 0, missing: 0 };
    const tries = 20;
    for (let i = 0; i < tries; i++) {
      // Even tries update an existing workbook, odd ones write a new file.
      const target = path.join(work, i % 2 ? 'новый.xlsx' : 'отчёт.xlsx');
      if (i === 0) copyFileSync(path.join(work, 'эталон.xlsx'), target);
      if (i % 2) rmSync(target, { force: true });
      const before = existsSync(target) ? sha(target) : null;
      const { child, done } = startCli(args(path.basename(target)), { cwd: work });
      const at = Math.round(full * (0.25 + 0.85 * Math.random()));
      const timer = setTimeout(() => child.kill('SIGKILL'), at);
      await done;
      clearTimeout(timer);
      if (!existsSync(target)) {
        expect(before).toBeNull();
        outcomes.missing++;
      } else if (before !== null && sha(target) === before) outcomes.old++;
      else {
        expect(await sheetNames(target)).toEqual(expected);
        outcomes.complete++;
      }
      for (const name of readdirSync(work)) {
        if (name.endsWith('.xlsx')) continue;
        expect(name).toMatch(OUR_DEBRIS);
      }
    }
    expect(outcomes.old + outcomes.complete + outcomes.missing).toBe(tries);
    // The next runs take over the dead runs' locks at once and clean up their temporary files.
    expect(runCli(args('отчёт.xlsx'), { cwd: work }).status).toBe(0);
    expect(runCli(args('новый.xlsx'), { cwd: work }).status).toBe(0);
    expect(readdirSync(work).filter((n) => !n.endsWith('.xlsx'))).toEqual([]);
    expect(await sheetNames(path.join(work, 'отчёт.xlsx'))).toEqual(expected);
  });
});

/** A small tmpfs, when this process may mount one (root in CI's container). */
function mountTmpfs(at: string, kilobytes: number): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', at], {
      stdio: 'pipe',
    });
    return true;
  } catch {
    return false;
  }
}

describe('a full disk', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) execFileSync('umount', [m]);
  });

  /**
   * A folder where writes fail for lack of space: a tmpfs just large enough for `fill` bytes when
   * one can be mounted, otherwise a preloaded module that fails writes of our temporary files
   * with ENOSPC (the CLI's own code path is the same either way).
   */
  function fullFolder(name: string, fill: number): { folder: string; env: NodeJS.ProcessEnv } {
    const folder = path.join(dir, name);
    mkdirSync(folder);
    if (mountTmpfs(folder, Math.ceil(fill / 1024) + 64)) {
      mounts.push(folder);
      return { folder, env: {} };
    }
    console.warn('tmpfs не смонтирован (нужны права root): нехватка места имитируется модулем');
    return {
      folder,
      env: { NODE_OPTIONS: `--require ${path.join(__dirname, '..', 'support', 'failWrites.js')}` },
    };
  }

  it('keeps the old report byte-identical and says so in Russian', () => {
    const old = readFileSync(path.join(dir, 'результаты.xlsx'));
    const { folder, env } = fullFolder('full-update', old.length);
    writeFileSync(path.join(folder, 'отчёт.xlsx'), old);
    const before = sha(path.join(folder, 'отчёт.xlsx'));
    // The results file itself stands in as an earlier workbook a user keeps in --out.
    const r = runCli(['criteria', path.join(dir, 'результаты.xlsx'), '--out', 'отчёт.xlsx'], {
      cwd: folder,
      env,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Не удалось записать файл «отчёт.xlsx»: на диске не хватает места');
    expect(r.stderr).toContain('Прежний файл не изменён.');
    expect(showsStack(r.stderr)).toBe(false);
    expect(sha(path.join(folder, 'отчёт.xlsx'))).toBe(before);
    expect(readdirSync(folder)).toEqual(['отчёт.xlsx']);
  });

  it('leaves no partial new file', () => {
    const { folder, env } = fullFolder('full-new', 16 * 1024);
    const r = runCli(['criteria', path.join(dir, 'результаты.xlsx'), '--out', 'новый.xlsx'], {
      cwd: folder,
      env,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Не удалось записать файл «новый\.xlsx»: на диске не хватает места/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('two writers of one file', () => {
  it('take turns: the second waits and updates what the first wrote', async () => {
    const work = path.join(dir, 'two');
    mkdirSync(work);
    const results = path.join(dir, 'результаты.xlsx');
    const plan = path.join(dir, 'план.xlsx');
    // Different commands add different sheets: a lost update would lose one command's sheets.
    const a = startCli(['criteria', results, '--out', 'общий.xlsx'], { cwd: work });
    const b = startCli(['check', plan, '--out', 'общий.xlsx', '--as-of', '2025-06-01'], {
      cwd: work,
    });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.status, rb.status]).toEqual([0, expect.any(Number)]);
    expect(rb.status).not.toBe(2);
    const names = await sheetNames(path.join(work, 'общий.xlsx'));
    expect(names).toEqual(
      expect.arrayContaining(['Критерии', 'Результаты', 'Сводка', 'Замечания']),
    );
    expect(readdirSync(work)).toEqual(['общий.xlsx']);
  });

  it('stops with a Russian message naming the other process when it waits too long', async () => {
    const work = path.join(dir, 'busy');
    mkdirSync(work);
    writeFileSync(path.join(work, 'отчёт.xlsx'), readFileSync(path.join(dir, 'результаты.xlsx')));
    const before = sha(path.join(work, 'отчёт.xlsx'));
    // A live process holds the lock (as a run on this computer would).
    const holder = spawn('sleep', ['60']);
    const lock = path.join(work, '.отчёт.xlsx.shnor-lock');
    writeFileSync(
      lock,
      JSON.stringify({
        pid: holder.pid,
        host: hostname(),
        since: new Date().toISOString(),
        token: 'x',
      }),
    );
    try {
      const r = runCli(['criteria', path.join(dir, 'результаты.xlsx'), '--out', 'отчёт.xlsx'], {
        cwd: work,
        env: { SHNOR_ROADMAP_LOCK_WAIT: '1' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `Файл «отчёт.xlsx» сейчас записывает другой запуск shnor-roadmap (процесс ${holder.pid}`,
      );
      expect(r.stderr).toContain('Дождитесь окончания того запуска');
      expect(sha(path.join(work, 'отчёт.xlsx'))).toBe(before);
      expect(existsSync(lock)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((r) => holder.on('close', r));
    // Its process gone, the lock is taken over at once.
    const r = runCli(['criteria', path.join(dir, 'результаты.xlsx'), '--out', 'отчёт.xlsx'], {
      cwd: work,
      env: { SHNOR_ROADMAP_LOCK_WAIT: '1' },
    });
    expect(r.status).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(statSync(path.join(work, 'отчёт.xlsx')).size).toBeGreaterThan(0);
  });
});
