import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { writeGridsFile } from '../../src/cli/commands/demo';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid, riskGrid } from '../../src/core/synthetic/regionGrids';
import { addUserSheet, readParts, typeInCell } from '../support/xlsxParts';

function captureIo(cwd: string): Io & { text: () => string; errors: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd,
    today: '2025-03-01',
    text: () => out.join('\n'),
    errors: () => err.join('\n'),
  };
}

const sha = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');

async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const visible = (wb: ExcelJS.Workbook) =>
  wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);

describe('shnor-roadmap report', () => {
  let dir: string;
  const region = generateRegion({ schools: 14, seed: 8 });
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'shnor-report-'));
    await writeGridsFile(
      [resultsGrid(region), riskGrid(region)],
      path.join(dir, 'результаты.xlsx'),
    );
    await writeGridsFile(
      [{ ...generatePlanGrid({ activities: 30, seed: 2, year: 2025 }), sheet: 'План' }],
      path.join(dir, 'план.xlsx'),
    );
    const smaller = generateRegion({ schools: 12, seed: 8 });
    await writeGridsFile([resultsGrid(smaller)], path.join(dir, 'меньше.xlsx'));
    writeFileSync(path.join(dir, 'настройки.json'), JSON.stringify({ threshold: 0.25 }));
    writeFileSync(path.join(dir, 'плохие.json'), JSON.stringify({ threshold: 'abc' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the report without touching the inputs', async () => {
    const before = [sha(path.join(dir, 'результаты.xlsx')), sha(path.join(dir, 'план.xlsx'))];
    const io = captureIo(dir);
    const code = await main(
      [
        'report',
        'результаты.xlsx',
        '--plan',
        'план.xlsx',
        '--out',
        'отчёт.xlsx',
        '--as-of',
        '2025-06-01',
      ],
      io,
    );
    expect(io.errors()).toBe('');
    expect(code).toBe(0);
    expect([sha(path.join(dir, 'результаты.xlsx')), sha(path.join(dir, 'план.xlsx'))]).toEqual(
      before,
    );
    expect(io.text()).toMatch(/школ: 14; годы: 2022, 2023, 2024/);
    expect(io.text()).toMatch(/Листов создано: 22, заменено: 0, удалено: 0/);
    expect(io.text()).toContain('Отчёт: отчёт.xlsx');
    const wb = await openBook(path.join(dir, 'отчёт.xlsx'));
    const names = visible(wb);
    expect(names.slice(0, 4)).toEqual(['Оглавление', 'Свод', 'График', 'Показатели плана']);
    expect(names).toHaveLength(4 + 4 + 14);
    // the plan's years have no results yet: its indicators wait for typed values
    expect(io.text()).toMatch(/Показатели плана: Достигнуто 0 из 4 показателей \(4 без данных\)\./);
    // Risk factors from the input reached the school tabs.
    const weak = region.schools.find((s) => s.riskFactors.length)!;
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
    expect(texts.some((t) => t.includes(weak.riskFactors[0]!))).toBe(true);
    // A share on a school tab is a formula with its cached value.
    const tab = wb.worksheets.find(
      (ws) => ws.name !== 'Оглавление' && ws.getCell('A1').text === '← Оглавление',
    )!;
    let formulas = 0;
    tab.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) formulas++;
      }),
    );
    expect(formulas).toBeGreaterThan(10);
    // Rows with long wrapped text got a height, so nothing is cut off when the file opens.
    let tall = 0;
    tab.eachRow((row) => {
      if ((row.height ?? 0) > 15) tall++;
    });
    expect(tall).toBeGreaterThan(3);
  });

  it('updates an existing report: replaces generated sheets, keeps the user’s, removes gone schools, says what the user changed', async () => {
    const file = path.join(dir, 'отчёт2.xlsx');
    expect(await main(['report', 'результаты.xlsx', '--out', 'отчёт2.xlsx'], captureIo(dir))).toBe(
      0,
    );
    // The user adds a sheet and types over a cell of «Свод», as in Excel (names kept).
    const edited = typeInCell(readFileSync(file), 'Свод', 'A1', 'правка пользователя');
    writeFileSync(file, addUserSheet(edited, 'Мои заметки', 'не трогать'));

    const io = captureIo(dir);
    expect(
      await main(
        ['report', 'меньше.xlsx', '--out', 'отчёт2.xlsx', '--settings', 'настройки.json'],
        io,
      ),
    ).toBe(0);
    expect(io.text()).toMatch(
      /листы, которые вы изменили, заменены новыми:[^]*«Свод» \(изменено содержимое\): ваш вариант сохранён как «Свод \(правки пользователя\)»/,
    );
    expect(io.text()).toMatch(/удалено: 2/);
    const after = await openBook(file);
    expect(after.getWorksheet('Мои заметки')!.getCell('A1').value).toBe('не трогать');
    expect(after.getWorksheet('Свод')!.getCell('A1').value).toBe('Свод по муниципалитетам');
    expect(after.getWorksheet('Свод (правки пользователя)')!.getCell('A1').value).toBe(
      'правка пользователя',
    );
    // no plan now: no «График»; the user's version of «Свод» is one more sheet
    expect(visible(after)).toHaveLength(3 + 1 + 4 + 12 - 1 + 1);
  });

  it.each(['openpyxl.xlsx', 'openpyxl-libreoffice.xlsx', 'excel-parts.xlsm'])(
    'writes the report into the user’s %s (images, a styled table, macros) without touching their parts',
    async (name) => {
      const original = readFileSync(path.join(__dirname, '../fixtures/user-workbooks', name));
      writeFileSync(path.join(dir, name), original);
      expect(await main(['report', 'результаты.xlsx', '--out', name], captureIo(dir))).toBe(0);
      const before = readParts(original);
      const after = readParts(readFileSync(path.join(dir, name)));
      for (const part of [
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/media/image1.png',
      ])
        expect(after.get(part)?.equals(before.get(part)!)).toBe(true);
      expect(after.has('xl/worksheets/sheet3.xml')).toBe(true);
    },
  );

  it.each([
    [['report', 'результаты.xlsx'], /Укажите файл отчёта: --out/],
    [['report', '--out', 'x.xlsx'], /хотя бы один файл/],
    [['report', 'результаты.xlsx', '--out', 'результаты.xlsx'], /совпадает с входным файлом/],
    [['report', 'план.xlsx', '--out', 'x.xlsx'], /не найдено результатов/],
    [
      ['report', 'результаты.xlsx', '--out', 'x.xlsx', '--settings', 'плохие.json'],
      /Файл настроек «плохие.json» содержит ошибки:\n\s+threshold/,
    ],
    [
      ['report', 'результаты.xlsx', '--out', 'x.xlsx', '--as-of', '2025-13-01'],
      /--as-of ожидает дату/,
    ],
    [['report', 'результаты.xlsx', '--out', 'x.txt'], /--out ожидает книгу \.xlsx/],
    [
      ['report', 'результаты.xlsx', '--out', 'нет.xlsm'],
      /новая книга записывается только как \.xlsx/,
    ],
    [
      ['report', 'результаты.xlsx', '--out', 'без-плана.xlsx', '--plan', 'меньше.xlsx'],
      /В файле плана «меньше\.xlsx» не найдена таблица плана/,
    ],
  ])('%j exits with 2 and a Russian message', async (args, message) => {
    const io = captureIo(dir);
    expect(await main(args, io)).toBe(2);
    expect(io.errors()).toMatch(message);
  });
});
