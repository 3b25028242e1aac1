/**
 * `check municipal/ --regional REGIONAL.xlsx` end to end: three municipal plans (complete, missing
 * activities, late deadlines) against a regional plan lying in the same folder; the issues in
 * JSON, the exit code, and the matrix sheet in the review workbook.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkReportJson } from '../../src/cli/format/jsonSchema';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { REGIONAL_MATRIX_SHEET } from '../../src/core/regional/matrixSheet';
import { readWorkbook } from '../../src/xlsx/read';
import {
  municipalComplete,
  municipalLate,
  municipalMissing,
  regionalPlan,
} from '../fixtures/plans/regional';
import { plainWorkbook } from '../support/plainWorkbook';

async function run(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, today: '2024-03-01' };
  const code = await main(['check', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('check --regional', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shnor-regional-'));
    mkdirSync(path.join(dir, 'планы'));
    const write = (name: string, grid: ReturnType<typeof regionalPlan>) =>
      writeFileSync(path.join(dir, 'планы', name), plainWorkbook([grid], 'shared'));
    write('Региональный план.xlsx', regionalPlan());
    write('Ишим.xlsx', municipalComplete());
    write('Вагай.xlsx', municipalMissing());
    write('Абатское.xlsx', municipalLate());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports missing counterparts and late deadlines per municipal plan', async () => {
    const r = await run(
      dir,
      'планы',
      '--regional',
      'планы/Региональный план.xlsx',
      '--format',
      'json',
      '--out',
      'сверка.xlsx',
    );
    expect(r.code).toBe(1);
    const report = checkReportJson.parse(JSON.parse(r.out));
    // the regional plan is not one of the plans checked
    expect(report.files.map((f) => f.file).sort()).toEqual(
      ['планы/Абатское.xlsx', 'планы/Вагай.xlsx', 'планы/Ишим.xlsx'].sort(),
    );
    const regional = (file: string) =>
      report.issues
        .filter((i) => i.file === file && i.code.startsWith('regional-'))
        .map((i) => `${i.code} ${i.cell}`.trim());
    expect(regional('планы/Ишим.xlsx')).toEqual([]);
    expect(regional('планы/Вагай.xlsx')).toEqual([
      'regional-activity-missing',
      'regional-activity-missing',
      'regional-activity-missing',
    ]);
    expect(regional('планы/Абатское.xlsx')).toEqual([
      'regional-deadline-later C3',
      'regional-deadline-later C7',
    ]);
    const ids = report.issues.filter((i) => i.code.startsWith('regional-')).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);

    const book = await readWorkbook('сверка.xlsx', readFileSync(path.join(dir, 'сверка.xlsx')));
    expect(book.sheets.map((s) => s.sheet)).toEqual(
      expect.arrayContaining(['Сводка', 'Замечания', REGIONAL_MATRIX_SHEET]),
    );
    const matrix = book.sheets.find((s) => s.sheet === REGIONAL_MATRIX_SHEET)!;
    const header = matrix.rows[2]!.map((c) => c?.v);
    expect(header.slice(3)).toEqual(['Абатское', 'Вагай', 'Ишим', 'Охват']);
    const column = (name: string) =>
      matrix.rows.slice(3, 9).map((row) => String(row?.[header.indexOf(name)]?.v ?? ''));
    expect(column('Ишим').every((t) => t.startsWith('✓'))).toBe(true);
    expect(column('Вагай').filter((t) => t === 'нет')).toHaveLength(3);
    expect(column('Абатское').filter((t) => t.startsWith('позже срока'))).toHaveLength(2);
    // the share per municipality, a formula with the engine's value cached
    const share = matrix.rows[9]!;
    expect(share[header.indexOf('Вагай')]).toMatchObject({ v: 0.5 });
    expect(share[header.indexOf('Вагай')]?.f).toMatch(/COUNTIF/);
  });

  it('takes the match threshold, and refuses one out of range', async () => {
    const strict = await run(
      dir,
      'планы',
      '--regional',
      'планы/Региональный план.xlsx',
      '--match-threshold',
      '0,99',
    );
    expect(strict.out).toContain('regional-activity-missing');
    expect(strict.out).toContain('при пороге 0,99');
    const bad = await run(dir, 'планы', '--regional', 'планы/Ишим.xlsx', '--match-threshold', '2');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--match-threshold ожидает число от 0 до 1');
  });
});
