/**
 * `report --plan` writes «Показатели плана»; a user types values into it (at the zip level, as
 * Excel saves: the sheet's hidden names kept); the next run keeps every typed value — in its row,
 * or, for a row that left the plan, at the end of the sheet — and keeps no «(правки
 * пользователя)» copy of the sheet.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { writeGridsFile } from '../../src/cli/commands/demo';
import { COL, PLAN_INDICATORS_SHEET } from '../../src/core/planIndicators/columns';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid } from '../../src/core/synthetic/regionGrids';
import { indicatorPlan, STANDARD_INDICATOR_ROWS } from '../fixtures/plans/indicatorPlans';
import { typeValues } from '../support/xlsxParts';

jest.setTimeout(120_000);

function io(cwd: string): Io & { text: () => string } {
  const out: string[] = [];
  return {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    cwd,
    today: '2025-11-01',
    text: () => out.join('\n'),
  };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The Excel row of the indicator numbered `number` on «Показатели плана». */
function rowOf(ws: ExcelJS.Worksheet, number: string): number {
  for (let r = 1; r <= ws.rowCount; r++)
    if (ws.getCell(r, COL.number + 1).value === number) return r;
  throw new Error(`нет строки ${number}`);
}

const cell = (ws: ExcelJS.Worksheet, number: string, col: keyof typeof COL) =>
  ws.getCell(rowOf(ws, number), COL[col] + 1);

describe('report --plan: «Показатели плана»', () => {
  let dir: string;
  const run = async (plan: string) => {
    const out = io(dir);
    const code = await main(
      ['report', 'результаты.xlsx', '--plan', plan, '--out', 'отчёт.xlsx', '--as-of', '2025-11-01'],
      out,
    );
    expect(code).toBe(0);
    return out.text();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'shnor-plan-indicators-cli-'));
    await writeGridsFile(
      [resultsGrid(generateRegion({ schools: 14, seed: 8, years: [2023, 2024, 2025] }))],
      path.join(dir, 'результаты.xlsx'),
    );
    await writeGridsFile([indicatorPlan(STANDARD_INDICATOR_ROWS)], path.join(dir, 'план.xlsx'));
    const shorter = STANDARD_INDICATOR_ROWS.filter((r) => r[0] !== '1.2');
    await writeGridsFile([indicatorPlan(shorter)], path.join(dir, 'план без 1.2.xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the sheet, keeps what the user typed on the next runs, and says so', async () => {
    const first = await run('план.xlsx');
    expect(first).toMatch(/Показатели плана: Достигнуто \d+ из 8 показателей \(\d+ без данных\)\./);

    const file = path.join(dir, 'отчёт.xlsx');
    let wb = await open(file);
    let ws = wb.getWorksheet(PLAN_INDICATORS_SHEET)!;
    expect(ws).toBeDefined();
    expect(cell(ws, '2.1', 'source').value).toMatch(
      /^Расчёт: «Доля ШНОР, вышедших из перечня», 2025/,
    );
    // the user types, as in Excel (the sheet's hidden names kept)
    const at = (number: string, col: keyof typeof COL) => cell(ws, number, col).address;
    writeFileSync(
      file,
      typeValues(readFileSync(file), PLAN_INDICATORS_SHEET, {
        [at('1.1', 'fact')]: 6,
        [at('1.2', 'fact')]: 51,
        [at('2.4', 'numerator')]: 7,
        [at('2.4', 'denominator')]: 20,
        [at('2.1', 'note')]: 'сверено',
      }),
    );

    const second = await run('план.xlsx');
    expect(second).toMatch(/Введённые раньше значения перенесены \(строк: 4\)/);
    expect(second).not.toMatch(/Будут заменены/);
    wb = await open(file);
    expect(wb.worksheets.map((w) => w.name).filter((n) => /правки/.test(n))).toEqual([]);
    ws = wb.getWorksheet(PLAN_INDICATORS_SHEET)!;
    expect(cell(ws, '1.1', 'fact').value).toBe(6);
    expect(cell(ws, '2.4', 'numerator').value).toBe(7);
    expect(cell(ws, '2.4', 'denominator').value).toBe(20);
    expect(cell(ws, '2.1', 'note').value).toBe('сверено');
    // the verdict the file carries is already the one for the typed values
    const achieved = cell(ws, '1.1', 'achieved').value as { result?: unknown };
    expect(achieved.result).toBe('да');

    // the plan loses row 1.2: its value stays, at the end of the sheet
    const third = await run('план без 1.2.xlsx');
    expect(third).toMatch(/Показатели плана: Достигнуто \d+ из 7 показателей/);
    wb = await open(file);
    ws = wb.getWorksheet(PLAN_INDICATORS_SHEET)!;
    const orphan = rowOf(ws, '1.2');
    expect(ws.getCell(orphan, COL.source + 1).value).toBe('Строки нет в плане');
    expect(ws.getCell(orphan, COL.fact + 1).value).toBe(51);
    expect(cell(ws, '1.1', 'fact').value).toBe(6);
  });
});
