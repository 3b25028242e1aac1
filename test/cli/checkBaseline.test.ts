/**
 * `check --baseline`: the clerk's round trip through the command line. Version 1 of a municipal
 * plan is checked into a review workbook; the clerk accepts some remarks in «Замечания»; the
 * municipality sends version 2 (rows inserted above, a deadline fixed, an activity deleted, a new
 * one without an executor); the re-check against the workbook (or the JSON report) marks each
 * remark and keeps the acceptances.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkReportJson, type CheckReportJson } from '../../src/cli/format/jsonSchema';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { REMARK_COLUMNS } from '../../src/core/plan/reviewPatch';
import { readWorkbook } from '../../src/xlsx/read';
import { loadWorkbook, workbookToBuffer } from '../../src/xlsx/write';
import { municipalPlanV1, municipalPlanV2 } from '../fixtures/plans/municipal';
import { plainWorkbook } from '../support/plainWorkbook';

async function run(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, today: '2024-03-01' };
  const code = await main(['check', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The clerk marks remarks in «Замечания» as Excel would save them: «да» and her reason. */
async function accept(
  file: string,
  decide: (code: string, cell: string) => string | null | undefined,
): Promise<void> {
  const wb = await loadWorkbook(readFileSync(file));
  const ws = wb.getWorksheet('Замечания')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string) => header.indexOf(name);
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const why = decide(
      String(row.getCell(col(REMARK_COLUMNS.code)).value ?? ''),
      String(row.getCell(col(REMARK_COLUMNS.cell)).value ?? ''),
    );
    if (why === undefined) return;
    row.getCell(col(REMARK_COLUMNS.accepted)).value = 'да';
    if (why) row.getCell(col(REMARK_COLUMNS.justification)).value = why;
  });
  writeFileSync(file, await workbookToBuffer(wb));
}

const label = (i: { code: string; cell: string }) => `${i.code} ${i.cell}`.trim();

describe('check --baseline', () => {
  let dir: string;
  const plan = () => path.join(dir, 'Ишим.xlsx');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shnor-baseline-'));
    writeFileSync(plan(), plainWorkbook([municipalPlanV1()], 'shared'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('marks new, unchanged and fixed remarks against a review workbook, keeping acceptances', async () => {
    const first = await run(dir, 'Ишим.xlsx', '--out', 'замечания.xlsx');
    expect(first.code).toBe(1);
    await accept(path.join(dir, 'замечания.xlsx'), (code, cell) =>
      code === 'undefined-abbreviation'
        ? 'ТОИРО расшифровано в приказе'
        : code === 'missing-deadline'
          ? 'Срок по графику ЦОКО'
          : code === 'missing-responsible' && cell === 'D10'
            ? null
            : undefined,
    );
    writeFileSync(plan(), plainWorkbook([municipalPlanV2()], 'shared'));

    const json = await run(dir, 'Ишим.xlsx', '--baseline', 'замечания.xlsx', '--format', 'json');
    const report: CheckReportJson = checkReportJson.parse(JSON.parse(json.out));
    const issues = report.issues;
    expect(issues.every((i) => /^[0-9a-z]{7}\.[0-9a-z]{2}$/.test(i.id!))).toBe(true);
    const open = issues.filter((i) => !i.accepted && i.code !== 'accepted-without-justification');
    expect(open.filter((i) => i.state === 'new').map(label)).toEqual([
      'cycle-step-missing',
      'missing-responsible D13',
    ]);
    // notices about acceptances are counted apart and carry no «новое»/«осталось» mark
    const notices = ['acceptance-stale', 'accepted-without-justification'];
    expect(issues.filter((i) => notices.includes(i.code)).map((i) => i.state)).toEqual([
      undefined,
      undefined,
    ]);
    expect(open.filter((i) => i.state === 'unchanged').map(label)).toEqual(
      expect.arrayContaining(['deadline-outside-period C10']),
    );
    expect(
      issues.filter((i) => i.accepted).map((i) => [label(i), i.accepted!.justification]),
    ).toEqual([
      ['undefined-abbreviation D8', 'ТОИРО расшифровано в приказе'],
      ['missing-responsible D11', ''],
    ]);
    // the stale acceptance: «Срок по графику ЦОКО» was given for 1.4, which was deleted
    const stale = issues.find((i) => i.code === 'acceptance-stale')!;
    expect(stale.message).toContain('Срок по графику ЦОКО');
    expect(issues.filter((i) => i.code === 'accepted-without-justification').map(label)).toEqual([
      'accepted-without-justification D11',
    ]);
    expect(report.files[0]!.sheets[0]!.fixed!.map(label)).toEqual([
      'deadline-reversed C5',
      'missing-deadline C7',
    ]);
    expect(report.files[0]!.baseline).toEqual({
      file: 'Ишим.xlsx',
      fixed: 2,
      unchanged: expect.any(Number),
      new: 2,
      accepted: 2,
      stale: 1,
    });
    expect(report.stats.accepted).toBe(2);
    // an accepted error is not an error
    expect(report.stats.errors).toBe(open.filter((i) => i.severity === 'error').length);

    const text = await run(dir, 'Ишим.xlsx', '--baseline', 'замечания.xlsx');
    expect(text.out.replace(/\s+/g, ' ')).toContain(
      'По сравнению с прошлой проверкой: исправлено 2, осталось 5, новых 2; принятых замечаний 2; устаревших отметок «Принято» 1.',
    );
    expect(text.out).toContain('[новое] Не указаны ответственные');
    // the «[новое]» marks a clerk sees add up to «новых 2» in the line above
    expect(text.out.match(/\[новое\]/g)).toHaveLength(2);
    expect(text.out).toContain('Принятые замечания: 2');
    expect(text.out).toContain('Исправлено с прошлой проверки: 2');
  });

  it('carries the acceptances into the next review workbook, and they stop counting as errors', async () => {
    const review = path.join(dir, 'замечания.xlsx');
    const first = await run(dir, 'Ишим.xlsx', '--out', 'замечания.xlsx', '--format', 'json');
    const errors = checkReportJson
      .parse(JSON.parse(first.out))
      .issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    await accept(review, (code) =>
      errors.some((e) => e.code === code) ? 'Согласовано с министерством' : undefined,
    );
    // the same file again, compared with and written over its own review workbook
    const again = await run(
      dir,
      'Ишим.xlsx',
      '--baseline',
      'замечания.xlsx',
      '--out',
      'замечания.xlsx',
    );
    expect(again.code).toBe(0);
    const read = await readWorkbook('замечания.xlsx', readFileSync(review));
    const sheet = read.sheets.find((s) => s.sheet === 'Замечания')!;
    const header = sheet.rows[0]!.map((c) => c?.v);
    const at = (name: string) => header.indexOf(name);
    const accepted = sheet.rows
      .slice(1)
      .filter((r) => r?.[at(REMARK_COLUMNS.accepted)]?.v === 'да')
      .map((r) => r?.[at(REMARK_COLUMNS.justification)]?.v);
    expect(accepted).toHaveLength(errors.length);
    expect(new Set(accepted)).toEqual(new Set(['Согласовано с министерством']));
    const summary = read.sheets.find((s) => s.sheet === 'Сводка')!;
    const sh = summary.rows[0]!.map((c) => c?.v);
    expect(summary.rows[1]![sh.indexOf('Ошибок')]?.v).toBe(0);
    expect(summary.rows[1]![sh.indexOf('Принято')]?.v).toBe(errors.length);
    expect(summary.rows[1]![sh.indexOf('Осталось')]?.v).toBeGreaterThan(0);
    expect(read.sheets.some((s) => s.sheet === 'Протокол')).toBe(true);
  });

  it('takes a JSON report as the baseline, and refuses what is neither', async () => {
    const first = await run(dir, 'Ишим.xlsx', '--format', 'json');
    writeFileSync(path.join(dir, 'v1.json'), first.out);
    writeFileSync(plan(), plainWorkbook([municipalPlanV2()], 'shared'));
    const second = await run(dir, 'Ишим.xlsx', '--baseline', 'v1.json');
    expect(second.out).toContain('исправлено 2, осталось');
    expect(second.out).toContain('новых 2.');

    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const bad = await run(dir, 'Ишим.xlsx', '--baseline', 'notes.txt');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--baseline ожидает отчёт прошлой проверки');
    const plain = await run(dir, 'Ишим.xlsx', '--baseline', 'Ишим.xlsx');
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('это не книга замечаний прошлой проверки');
  });
});

describe('check --out: the «Протокол» sheets', () => {
  it('writes one per file, and drops those of files no longer checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shnor-protocol-'));
    try {
      mkdirSync(path.join(dir, 'планы'));
      writeFileSync(
        path.join(dir, 'планы', 'Ишим.xlsx'),
        plainWorkbook([municipalPlanV1()], 'shared'),
      );
      writeFileSync(
        path.join(dir, 'планы', 'Вагай.xlsx'),
        plainWorkbook([municipalPlanV2()], 'shared'),
      );
      await run(dir, 'планы', '--out', 'замечания.xlsx');
      const names = async () =>
        (
          await readWorkbook('замечания.xlsx', readFileSync(path.join(dir, 'замечания.xlsx')))
        ).sheets
          .map((s) => s.sheet)
          .filter((s) => s.startsWith('Протокол'));
      expect(await names()).toEqual(['Протокол 1', 'Протокол 2']);
      await run(dir, 'планы/Ишим.xlsx', '--out', 'замечания.xlsx');
      expect(await names()).toEqual(['Протокол']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
