/**
 * The built CLI as a process at the edges of issue #14: pipes, links, an output among the inputs,
 * file-system failures in Russian, exit codes, --version, implausible results.
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeGridsFile } from '../../src/cli/commands/demo';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid } from '../../src/core/synthetic/regionGrids';
import { builtCli, runCli, showsStack } from '../support/cli';
import { danglingReferences, scanXlsx } from '../support/xlsxScan';

jest.setTimeout(300_000);

const sha = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');
const isRoot = process.getuid?.() === 0;
/** Runs as an ordinary user where the test runs as root (root may write anywhere). */
const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};

let dir: string;
beforeAll(async () => {
  builtCli();
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-edges-'));
  chmodSync(dir, 0o755);
  // Small results for every test but the pipe's, which needs megabytes of JSON.
  const region = generateRegion({ schools: 8, seed: 11, years: [2023, 2024] });
  await writeGridsFile([resultsGrid(region)], path.join(dir, 'результаты.xlsx'));
  const large = generateRegion({ schools: 200, seed: 11, years: [2022, 2023, 2024] });
  await writeGridsFile([resultsGrid(large)], path.join(dir, 'большие.xlsx'));
  mkdirSync(path.join(dir, 'планы'));
  for (const n of ['а', 'б'])
    await writeGridsFile(
      [
        {
          ...generatePlanGrid({ activities: 12, seed: n.charCodeAt(0), year: 2025 }),
          sheet: 'План',
        },
      ],
      path.join(dir, 'планы', `${n}.xlsx`),
    );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the launcher', () => {
  it('prints the version of the built CLI', () => {
    const r = runCli(['--version'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      (
        JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version,
    );
  });

  it('writes several megabytes of JSON through a pipe in full', async () => {
    const child = spawn(
      process.execPath,
      [builtCli(), 'criteria', 'большие.xlsx', '--format', 'json'],
      {
        cwd: dir,
      },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    // A slow reader, as `jq` on a busy machine: the pipe fills up while the CLI finishes.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 1500);
    const status = await new Promise<number | null>((r) => child.on('close', r));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(status).toBe(0);
  });

  it('stops quietly when the reader of the pipe goes away', async () => {
    const child = spawn(
      process.execPath,
      [builtCli(), 'criteria', 'большие.xlsx', '--format', 'json'],
      {
        cwd: dir,
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    await new Promise((r) => child.on('close', r));
    expect(showsStack(stderr)).toBe(false);
  });
});

describe('links and outputs among the inputs', () => {
  it('reads a workbook that is a symbolic link in the folder', () => {
    const folder = path.join(dir, 'ссылки');
    mkdirSync(folder);
    symlinkSync(path.join(dir, 'планы', 'а.xlsx'), path.join(folder, 'план-ссылка.xlsx'));
    const r = runCli(['check', folder, '--format', 'json', '--as-of', '2025-06-01'], { cwd: dir });
    expect(r.status).not.toBe(2);
    const files = (JSON.parse(r.stdout) as { files: Array<{ file: string; sheets: unknown[] }> })
      .files;
    expect(files.map((f) => [f.file, f.sheets.length])).toEqual([['ссылки/план-ссылка.xlsx', 1]]);
  });

  it('refuses --out that is a plan in the checked folder, and leaves the plan as it was', () => {
    const plan = path.join(dir, 'планы', 'б.xlsx');
    const before = sha(plan);
    const r = runCli(['check', 'планы', '--out', 'планы/б.xlsx'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Файл для записи «планы/б.xlsx» — это входной файл «планы/б.xlsx»');
    expect(sha(plan)).toBe(before);
  });

  it('updates its own review workbook in the folder without checking it as a plan', () => {
    const first = runCli(['check', 'планы', '--out', 'планы/замечания.xlsx', '--format', 'json'], {
      cwd: dir,
    });
    const second = runCli(['check', 'планы', '--out', 'планы/замечания.xlsx', '--format', 'json'], {
      cwd: dir,
    });
    const files = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file);
    expect(files(first)).toEqual(['планы/а.xlsx', 'планы/б.xlsx']);
    expect(files(second)).toEqual(files(first));
    rmSync(path.join(dir, 'планы', 'замечания.xlsx'));
  });

  it('never writes through a symbolic or hard link onto an input', () => {
    const input = path.join(dir, 'результаты.xlsx');
    const before = sha(input);
    symlinkSync(input, path.join(dir, 'символьная.xlsx'));
    linkSync(input, path.join(dir, 'жёсткая.xlsx'));
    for (const out of ['символьная.xlsx', 'жёсткая.xlsx']) {
      const r = runCli(['report', 'результаты.xlsx', '--out', out], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `Файл для записи «${out}» — это входной файл «результаты.xlsx» (один и тот же файл через ссылку)`,
      );
    }
    expect(sha(input)).toBe(before);
  });

  it('writes through a symbolic link to an earlier report: the link stays a link', () => {
    const folder = path.join(dir, 'отчёты');
    mkdirSync(folder);
    expect(
      runCli(['criteria', 'результаты.xlsx', '--out', 'отчёты/2025.xlsx'], { cwd: dir }).status,
    ).toBe(0);
    symlinkSync('2025.xlsx', path.join(folder, 'последний.xlsx'));
    const r = runCli(['criteria', 'результаты.xlsx', '--out', 'отчёты/последний.xlsx'], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    expect(lstatSync(path.join(folder, 'последний.xlsx')).isSymbolicLink()).toBe(true);
  });
});

describe('file-system failures and exit codes', () => {
  it('says in Russian that the folder is not writable, without a stack', () => {
    const folder = path.join(dir, 'только-чтение');
    mkdirSync(folder, { mode: 0o555 });
    chmodSync(folder, 0o555);
    const r = runCli(['criteria', 'результаты.xlsx', '--out', 'только-чтение/к.xlsx'], {
      cwd: dir,
      ...asUser,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'Не удалось записать файл «только-чтение/к.xlsx»: нет прав на запись в папку «только-чтение».',
    );
    expect(showsStack(r.stderr)).toBe(false);
  });

  it('says which folder is missing, and that a folder is not a file', () => {
    const missing = runCli(['criteria', 'результаты.xlsx', '--out', 'нет/к.xlsx'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Не удалось записать файл «нет/к.xlsx»: папки «нет» нет.');
    mkdirSync(path.join(dir, 'папка.xlsx'));
    const folder = runCli(['criteria', 'результаты.xlsx', '--out', 'папка.xlsx'], { cwd: dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('«папка.xlsx»: это папка, а не файл');
    expect(showsStack(missing.stderr + folder.stderr)).toBe(false);
  });

  it('names an unreadable input in Russian', () => {
    const file = path.join(dir, 'закрытый.xlsx');
    copyFileSync(path.join(dir, 'результаты.xlsx'), file);
    chmodSync(file, 0o000);
    const r = runCli(['criteria', 'закрытый.xlsx', 'результаты.xlsx'], { cwd: dir, ...asUser });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      'Не удалось прочитать файл «закрытый.xlsx»: нет прав на чтение.',
    );
    rmSync(file);
  });

  it('report: unreadable inputs make the exit code 1, the report is still written', () => {
    writeFileSync(path.join(dir, 'битый.xlsx'), 'PK\u0003\u0004 not a zip');
    const r = runCli(['report', 'результаты.xlsx', 'битый.xlsx', '--out', 'о.xlsx'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('битый.xlsx');
    expect(lstatSync(path.join(dir, 'о.xlsx')).size).toBeGreaterThan(0);
    rmSync(path.join(dir, 'битый.xlsx'));
  });

  it('a read-only disk is named as such', () => {
    const folder = path.join(dir, 'ro');
    mkdirSync(folder);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', folder], {
        stdio: 'pipe',
      });
    } catch {
      console.warn('tmpfs не смонтирован (нужны права root): проверка EROFS пропущена');
      return;
    }
    try {
      const r = runCli(['criteria', 'результаты.xlsx', '--out', 'ro/к.xlsx'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('диск или папка доступны только для чтения');
    } finally {
      execFileSync('umount', [folder]);
    }
  });
});

describe('implausible results', () => {
  it('warns of one code under two names and refuses 10¹⁴ pupils and «30%» in a count', async () => {
    const header = [
      'Муниципалитет',
      'Код ОО',
      'ОО',
      'Год',
      'Процедура',
      'Класс',
      'Предмет',
      'Кол-во участников',
      '«2»',
    ];
    const row = (code: string, name: string, n: number, two: number | string) => [
      'Район',
      code,
      name,
      2024,
      'ВПР',
      5,
      'Математика',
      n,
      two,
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Результаты');
    for (const r of [
      header,
      row('sch1', 'СОШ № 1', 20, 2),
      [...row('sch1', 'Гимназия № 2', 20, 2).slice(0, 3), 2023, ...row('', '', 20, 2).slice(4)],
      row('sch3', 'СОШ № 3', 1e14, 2),
      row('sch4', 'СОШ № 4', 20, '30%'),
    ])
      ws.addRow(r);
    await wb.xlsx.writeFile(path.join(dir, 'странные.xlsx'));
    const r = runCli(['criteria', 'странные.xlsx'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /предупреждение: .*код ОО sch1 встречается с разным названием: «СОШ № 1».*«Гимназия № 2»/,
    );
    expect(r.stdout).toMatch(
      /ошибка: .*100\s000\s000\s000\s000 больше правдоподобного предела 100\s000 /,
    );
    expect(r.stdout).toMatch(/ошибка: .*записана доля «30%», а нужно число учеников/);
  });
});

describe('schools named like the sheets the program owns', () => {
  it('report over schools «_shnor», «_SHNOR» and «Оглавление»: one sheet a name, new and updated, and the workbook opens', async () => {
    const region = generateRegion({ schools: 3, seed: 4, years: [2023, 2024] });
    const names = ['_shnor', '_SHNOR', 'Оглавление'];
    region.schools.forEach((s, i) => (s.name = names[i]!));
    const byCode = new Map(region.schools.map((s) => [s.code, s.name]));
    for (const r of region.rows) r.schoolName = byCode.get(r.schoolCode)!;
    const folder = path.join(dir, 'имена');
    mkdirSync(folder);
    await writeGridsFile([resultsGrid(region)], path.join(folder, 'результаты.xlsx'));
    const sheetsOf = async (data: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state }));
    };
    for (const run of ['new', 'update']) {
      const r = runCli(['report', 'результаты.xlsx', '--out', 'отчёт.xlsx'], { cwd: folder });
      expect({ run, status: r.status, stderr: r.stderr }).toMatchObject({ run, status: 0 });
      const written = readFileSync(path.join(folder, 'отчёт.xlsx'));
      const sheets = await sheetsOf(written);
      const keys = sheets.map((s) => s.name.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
      // The registry is the one hidden «_shnor»; the schools' sheets and the index are visible.
      expect(sheets.filter((s) => s.state === 'veryHidden').map((s) => s.name)).toEqual(['_shnor']);
      expect(sheets.filter((s) => s.name.toLowerCase() === 'оглавление')).toHaveLength(1);
      expect(danglingReferences(await scanXlsx(written))).toEqual([]);
    }
  });
});
