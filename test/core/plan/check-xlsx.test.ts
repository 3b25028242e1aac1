/**
 * A plan written as a real .xlsx with exceljs (dates, error values, merges, rich text), read back
 * through the .xlsx adapter and checked: what the CLI does with a file.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkWorkbook } from '../../../src/core/plan/check';
import { readWorkbook } from '../../../src/xlsx/read';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writePlan(file: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Дорожная карта');
  ws.addRow(['План мероприятий («дорожная карта») на 2023 год']);
  ws.mergeCells('A1:D1');
  ws.addRow([]);
  ws.addRow(['№ п/п', 'Наименование\nмероприятия', 'Срок исполнения', 'Ответственные исполнители']);
  ws.addRow(['I', 'Организационные меры']); // 4
  ws.mergeCells('B4:D4');
  ws.addRow([new Date(Date.UTC(2023, 0, 1)), 'Семинар для учителей', 'март 2023', 'ИРО']); // 5: "1.1" as a date
  ws.addRow(['1.2', 'Вебинары для руководителей', '01.11.2023', 'ЦОКО']); // 6
  ws.addRow([null, null, '01.12.2023', null]); // 7: A6:A7, B6:B7, D6:D7 merged
  ws.mergeCells('A6:A7');
  ws.mergeCells('B6:B7');
  ws.mergeCells('D6:D7');
  ws.addRow([
    '1.3',
    { richText: [{ text: 'Курсы ' }, { text: 'повышения квалификации', font: { bold: true } }] },
    { error: '#N/A' },
    'ИРО',
  ]); // 8
  ws.addRow(['1.4', 'Анализ результатов', '01.03-30.12.2022', 'ЦОКО']); // 9
  ws.addRow([]);
  ws.addRow(['Исполнитель: Петрова А.А.']);
  wb.addWorksheet('Пусто');
  const path = join(dir, file);
  await wb.xlsx.writeFile(path);
  return readFileSync(path);
}

it('checks a plan written to .xlsx and read back', async () => {
  const data = await writePlan('план.xlsx');
  const { sheets } = await readWorkbook('план.xlsx', data);
  const [plan, empty] = checkWorkbook(sheets, { asOf: '2024-01-15', fileName: 'план.xlsx' });
  expect(plan).toMatchObject({
    sheet: 'Дорожная карта',
    isPlan: true,
    headerRow: 3,
    period: { start: '2023-01-01', source: 'title' },
  });
  expect(plan!.sections.map((s) => s.title)).toEqual(['I Организационные меры']);
  expect(plan!.activities.map((a) => [a.row, a.number, a.title, a.continuationRows])).toEqual([
    [5, '1.1', 'Семинар для учителей', []],
    [6, '1.2', 'Вебинары для руководителей', [7]],
    [8, '1.3', 'Курсы повышения квалификации', []],
    [9, '1.4', 'Анализ результатов', []],
  ]);
  expect(plan!.activities[1]!.deadline).toMatchObject({
    kind: 'dates',
    start: '2023-11-01',
    end: '2023-12-01',
  });
  expect(
    plan!.issues
      .filter((i) => i.code !== 'cycle-step-missing')
      .map((i) => `${i.severity} ${i.code} ${i.cell}`),
  ).toEqual([
    'warning number-style A5',
    'error missing-deadline C8',
    'warning cell-error C8',
    'error deadline-outside-period C9',
  ]);
  expect(plan!.issues.find((i) => i.code === 'cell-error')!.message).toContain('#N/A');
  expect(empty).toMatchObject({ sheet: 'Пусто', isPlan: false, issues: [{ code: 'sheet-empty' }] });
});
