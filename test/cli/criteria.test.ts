import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { criteriaReportJson } from '../../src/cli/format/jsonSchema';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { cleanPlan } from '../fixtures/plans/handmade';
import { plainWorkbook } from '../support/plainWorkbook';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-criteria-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    cwd: dir,
    today: '2024-06-01',
  };
}

const HEADER = [
  'Муниципалитет',
  'Код ОО',
  'Наименование ОО',
  'Год',
  'Процедура',
  'Класс',
  'Предмет',
  'Кол-во участников',
  'Кол-во «2»',
];

/** A long results table: sch1 is ШНОР in 2023 by trigger A and B; sch2 is not. */
async function resultsFile(
  name: string,
  extra: Array<Array<string | number>> = [],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Результаты ВПР');
  ws.addRow(HEADER);
  const rows: Array<Array<string | number>> = [
    ['Андреапольский МО', 'sch1', 'МБОУ СОШ № 1', 2022, 'ВПР', 5, 'Математика', 20, 8],
    ['Андреапольский МО', 'sch1', 'МБОУ СОШ № 1', 2023, 'ВПР', 5, 'Математика', 20, 6],
    ['Андреапольский МО', 'sch1', 'МБОУ СОШ № 1', 2023, 'ВПР', 5, 'Русский язык', 20, 7],
    ['Андреапольский МО', 'sch2', 'МБОУ СОШ № 2', 2022, 'ВПР', 5, 'Математика', 30, 1],
    ['Андреапольский МО', 'sch2', 'МБОУ СОШ № 2', 2023, 'ВПР', 5, 'Математика', 30, 2],
    ...extra,
  ];
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

test('text: per year the ШНОР with the trigger and the procedures that caused it', async () => {
  await resultsFile('results.xlsx');
  const t = io();
  const code = await main(['criteria', 'results.xlsx'], t);
  const text = t.stdout.join('\n');
  expect(code).toBe(0);
  expect(text).toContain('2023 год: ШНОР 1 из 2 школ с результатами.');
  expect(text).toContain('МБОУ СОШ № 1 (sch1), Андреапольский МО');
  expect(text).toContain('Триггер А');
  expect(text).toContain(
    'Триггер Б: доля «2» не ниже 30,0 % в 2022 и 2023 гг. в одной процедуре: ВПР 5 Математика (30,0 %, N = 20)',
  );
  expect(text).toContain('2023  Доля ШНОР: 50,0 % (1 из 2)');
});

test('json: the documented shape', async () => {
  await resultsFile('results.xlsx');
  const t = io();
  expect(await main(['criteria', 'results.xlsx', '--format', 'json'], t)).toBe(0);
  const json = JSON.parse(t.stdout.join(''));
  expect(criteriaReportJson.parse(json)).toEqual(json);
  expect(json).toMatchObject({ version: 1, command: 'criteria', valid: true });
  expect(json.stats).toMatchObject({ files: 1, filesFailed: 0, rows: 5, schools: 2, errors: 0 });
  expect(json.years).toEqual([2022, 2023]);
  expect(json.settings.threshold).toBe(0.3);
  const sch1 = json.schools.find((s: { code: string }) => s.code === 'sch1');
  expect(sch1.years['2023']).toMatchObject({
    shnor: true,
    triggerA: true,
    triggerB: true,
    lowProcedures: ['ВПР 5 Математика', 'ВПР 5 Русский язык'],
    repeatedProcedures: ['ВПР 5 Математика'],
    consecutiveYears: 1, // in 2022 only one procedure was low: not ШНОР
  });
  expect(sch1.years['2023'].shares['ВПР 5 Русский язык']).toMatchObject({
    participants: 20,
    failed: 7,
    share: 0.35,
    low: true,
  });
  expect(
    json.indicators.find(
      (i: { id: string; year: number }) => i.id === 'shnor-share' && i.year === 2023,
    ),
  ).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
});

test('settings change the result; invalid settings name the field and exit with 2', async () => {
  await resultsFile('results.xlsx');
  writeFileSync(join(dir, 'strict.json'), JSON.stringify({ threshold: 0.5 }));
  const t = io();
  expect(await main(['criteria', 'results.xlsx', '--settings', 'strict.json'], t)).toBe(0);
  expect(t.stdout.join('\n')).toContain('2023 год: ШНОР 0 из 2');

  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ threshold: 'abc', stagnationYears: 0 }));
  const bad = io();
  expect(await main(['criteria', 'results.xlsx', '--settings', 'bad.json'], bad)).toBe(2);
  const err = bad.stderr.join('\n');
  expect(err).toContain('threshold: ожидается число от 0 до 1, получено «abc»');
  expect(err).toContain('stagnationYears: ожидается целое число не меньше 1, получено «0»');
});

test('--out writes the criteria workbook with formulas and cached values', async () => {
  await resultsFile('results.xlsx');
  const t = io();
  expect(await main(['criteria', 'results.xlsx', '--out', 'criteria.xlsx'], t)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'criteria.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(
    expect.arrayContaining(['Настройки', 'Результаты', 'Критерии', 'Показатели']),
  );
  const crit = wb.getWorksheet('Критерии')!;
  const header = (crit.getRow(1).values as unknown[]).indexOf('ШНОР');
  const cells = [2, 3, 4, 5].map((r) => crit.getRow(r).getCell(header));
  expect(cells.every((c) => typeof c.formula === 'string')).toBe(true);
  expect(cells.map((c) => (c.model as { result?: unknown }).result)).toEqual([
    false,
    true,
    false,
    false,
  ]);
});

test("--out into a workbook with the user's own «Результаты» sheet leaves it alone", async () => {
  await resultsFile('results.xlsx');
  const target = new ExcelJS.Workbook();
  target.addWorksheet('Результаты').getCell('A1').value = 'мои данные';
  await target.xlsx.writeFile(join(dir, 'mine.xlsx'));
  const t = io();
  expect(await main(['criteria', 'results.xlsx', '--out', 'mine.xlsx'], t)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'mine.xlsx'));
  expect(wb.getWorksheet('Результаты')!.getCell('A1').value).toBe('мои данные');
  const crit = wb.getWorksheet('Критерии')!;
  expect(String(crit.getCell('G2').formula)).toContain("'Результаты (2)'!");
  // a second run replaces its own sheets instead of adding more
  expect(await main(['criteria', 'results.xlsx', '--out', 'mine.xlsx'], io())).toBe(0);
  const again = new ExcelJS.Workbook();
  await again.xlsx.readFile(join(dir, 'mine.xlsx'));
  expect(again.worksheets.map((w) => w.name).filter((n) => n.startsWith('Результаты'))).toEqual([
    'Результаты',
    'Результаты (2)',
  ]);
});

test('unusable input and bad arguments exit with 2', async () => {
  const t = io();
  expect(await main(['criteria'], t)).toBe(2);
  const missing = io();
  expect(await main(['criteria', 'нет-такого.xlsx'], missing)).toBe(2);
  expect(missing.stderr.join('\n')).toContain('не найдено ни одной строки результатов');
  const fmt = io();
  await resultsFile('results.xlsx');
  expect(await main(['criteria', 'results.xlsx', '--format', 'xml'], fmt)).toBe(2);
  const out = io();
  expect(await main(['criteria', 'results.xlsx', '--out', 'a.csv'], out)).toBe(2);
});

test('errors in the data exit with 1', async () => {
  await resultsFile('broken.xlsx', [
    ['Андреапольский МО', 'sch3', 'МБОУ СОШ № 3', 2023, 'ВПР', 5, 'Математика', 10, 12],
  ]);
  const t = io();
  const code = await main(['criteria', 'broken.xlsx'], t);
  const text = t.stdout.join('\n');
  expect(text).toContain('Замечания:');
  expect(code).toBe(1);
});

test('json: the same envelope as check, with unusable files and the issues of every file', async () => {
  await resultsFile('broken.xlsx', [
    ['Андреапольский МО', 'sch3', 'МБОУ СОШ № 3', 2023, 'ВПР', 5, 'Математика', 10, 12],
  ]);
  writeFileSync(join(dir, 'битый.xlsx'), 'not a workbook');
  const t = io();
  expect(await main(['criteria', 'broken.xlsx', 'битый.xlsx', '--format', 'json'], t)).toBe(1);
  const json = criteriaReportJson.parse(JSON.parse(t.stdout.join('')));
  expect(json).toMatchObject({ version: 1, command: 'criteria', valid: false });
  expect(json.files.map((f) => [f.file, f.valid, f.error !== undefined])).toEqual([
    ['broken.xlsx', false, false],
    ['битый.xlsx', false, true],
  ]);
  expect(json.files[0]!.stats).toMatchObject({ rows: 5, errors: 1 });
  expect(json.issues.map((i) => [i.file, i.code, i.cell])).toEqual([
    ['broken.xlsx', 'results-failed-exceeds', 'I7'],
    ['битый.xlsx', 'unreadable-file', ''],
  ]);
  expect(json.issues[0]!.title).toBe('«2» больше, чем участников');
  expect(json.stats).toMatchObject({ files: 2, filesFailed: 1, errors: 2 });
});

test('json: a result repeated in a second file is reported in that file', async () => {
  await resultsFile('a.xlsx');
  await resultsFile('b.xlsx');
  const t = io();
  expect(await main(['criteria', 'a.xlsx', 'b.xlsx', '--format', 'json'], t)).toBe(0);
  const json = criteriaReportJson.parse(JSON.parse(t.stdout.join('')));
  const repeated = json.issues.filter((i) => i.code === 'duplicate-result');
  expect(repeated).toHaveLength(5);
  expect(new Set(repeated.map((i) => i.file))).toEqual(new Set(['b.xlsx']));
  expect(json.files.map((f) => f.stats.warnings)).toEqual([0, 5]);
});

test('a folder holding an earlier criteria workbook and a plan besides the results: no false errors', async () => {
  mkdirSync(join(dir, 'папка'));
  await resultsFile(join('папка', 'results.xlsx'));
  writeFileSync(join(dir, 'папка', 'план.xlsx'), plainWorkbook([cleanPlan()], 'shared'));
  // the criteria workbook this program wrote earlier lies in the same folder
  expect(await main(['criteria', 'папка', '--out', join('папка', 'критерии.xlsx')], io())).toBe(0);

  const t = io();
  expect(await main(['criteria', 'папка', '--format', 'json'], t)).toBe(0);
  const report = criteriaReportJson.parse(JSON.parse(t.stdout.join('')));
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  // the generated workbook is passed over, the plan's sheet is said to be a plan
  expect(report.stats.filesIgnored).toBe(1);
  expect(report.files.map((f) => f.file).sort()).toEqual(
    [join('папка', 'results.xlsx'), join('папка', 'план.xlsx')].sort(),
  );
  expect(report.issues.map((i) => i.message)).toContainEqual(
    expect.stringContaining('на листе план мероприятий, а не результаты'),
  );
  expect(report.schools.map((s) => s.code).sort()).toEqual(['sch1', 'sch2']);

  // named on its own, the generated workbook is refused with a reason
  const alone = io();
  expect(await main(['criteria', join('папка', 'критерии.xlsx')], alone)).not.toBe(0);
  expect(alone.stderr.join('\n') + alone.stdout.join('\n')).toContain('создан программой');
});

test('--quiet, which help lists for criteria, is accepted', async () => {
  await resultsFile('quiet.xlsx');
  expect(await main(['criteria', 'quiet.xlsx', '--quiet'], io())).toBe(0);
});
