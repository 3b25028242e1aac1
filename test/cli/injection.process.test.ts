/**
 * Formula injection stays impossible: strings that Excel would run as formulas or DDE commands,
 * fed through every user-derived field (school and municipality names, codes, subjects, plan
 * titles, deadlines, executors, results, sheet and file names), come out of every output of the
 * built CLI (review, criteria and report workbooks) as text; no formula the program writes carries
 * any of them, and every sheet reference in names and links resolves.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli, builtCli } from '../support/cli';
import { danglingReferences, scanXlsx } from '../support/xlsxScan';

jest.setTimeout(300_000);

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)+ИНЪЕКЦИЯ',
  '-SUM(1,2)+ИНЪЕКЦИЯ',
  '@SUM(1)+ИНЪЕКЦИЯ',
  '\t=SUM(1,1)+ИНЪЕКЦИЯ',
  '\r=SUM(1,1)+ИНЪЕКЦИЯ',
  '=WEBSERVICE("http://example.invalid/x")',
  '=HYPERLINK("http://example.invalid","ИНЪЕКЦИЯ")',
];
/** Pieces of the payloads no formula of the program ever contains. */
const MARKERS = ['cmd|', 'calc', 'WEBSERVICE', 'HYPERLINK', 'SUM(1', 'example.invalid', 'ИНЪЕКЦИЯ'];

let dir: string;

async function writeBook(file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  builtCli();
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-injection-'));
  mkdirSync(path.join(dir, 'планы'));
  const header = [
    'Муниципалитет',
    'Код ОО',
    'ОО',
    'Год',
    'Процедура',
    'Класс',
    'Предмет',
    'Кол-во участников',
    'Кол-во «2»',
  ];
  const rows: unknown[][] = [header];
  PAYLOADS.forEach((p, i) =>
    [2023, 2024].forEach((year) => {
      rows.push([p, `${p}#${i}`, `${p} ${i}`, year, 'ВПР', 5, 'Математика', 20, 8]);
      rows.push([p, `${p}#${i}`, `${p} ${i}`, year, 'ВПР', 6, 'Русский язык', 20, 7]);
      rows.push([p, `${p}#${i}`, `${p} ${i}`, year, 'ВПР', 7, p, 20, 1]);
    }),
  );
  await writeBook(path.join(dir, 'результаты.xlsx'), { Результаты: rows });
  const plan: unknown[][] = [
    ['План мероприятий («дорожная карта») на 2025 год'],
    ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Ожидаемый результат'],
    ['I', 'Организационные меры'],
    ...PAYLOADS.map((p, i) => [`1.${i + 1}`, `${p} семинар ${i}`, i % 2 ? p : 'март 2025', p, p]),
  ];
  // Sheet and file names that look like formulas (those Excel allows in a name).
  await writeBook(path.join(dir, 'планы', '=1+2.xlsx'), { '=SUM(1)+ИНЪЕКЦИЯ': plan });
  await writeBook(path.join(dir, 'планы', '@calc.xlsx'), { "+calc'x": plan, '-1': plan });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectInert(file: string): Promise<void> {
  const wb = await scanXlsx(readFileSync(path.join(dir, file)));
  const formulas = wb.cells.filter((c) => c.formula !== undefined);
  for (const c of formulas)
    for (const m of MARKERS)
      expect({
        at: `${c.sheet}!${c.address}`,
        formula: c.formula,
        has: c.formula!.includes(m),
      }).toMatchObject({ has: false });
  // The user's strings are there, as text cells.
  const texts = wb.cells.filter((c) => c.formula === undefined && c.text !== undefined);
  expect(texts.some((c) => MARKERS.some((m) => c.text!.includes(m)))).toBe(true);
  for (const c of wb.cells)
    if (c.formula === undefined && c.text !== undefined)
      expect(['s', 'inlineStr']).toContain(c.type);
  // Defined names and links hold only sheet references (a sheet may be named after a payload).
  expect(danglingReferences(wb)).toEqual([]);
}

describe('formula-looking strings in every field', () => {
  it('check --out: the review workbook holds them as text', async () => {
    const r = runCli(['check', 'планы', '--out', 'замечания.xlsx', '--as-of', '2025-06-01'], {
      cwd: dir,
    });
    expect(r.status).not.toBe(2);
    await expectInert('замечания.xlsx');
  });

  it('criteria --out: the criteria workbook holds them as text', async () => {
    const r = runCli(['criteria', 'результаты.xlsx', '--out', 'критерии.xlsx'], { cwd: dir });
    expect(r.status).not.toBe(2);
    await expectInert('критерии.xlsx');
  });

  it('report --out, new and updated: the report holds them as text', async () => {
    for (let i = 0; i < 2; i++) {
      const r = runCli(
        [
          'report',
          'результаты.xlsx',
          '--plan',
          'планы/=1+2.xlsx',
          '--out',
          'отчёт.xlsx',
          '--as-of',
          '2025-06-01',
        ],
        { cwd: dir },
      );
      expect(r.status).not.toBe(2);
      await expectInert('отчёт.xlsx');
    }
  });
});
