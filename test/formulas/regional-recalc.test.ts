/**
 * The matrix «Сверка с региональным планом» over the regional fixture and three municipal plans,
 * recalculated by LibreOffice: every share formula gives the value the engine cached.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';
import { checkWorkbook } from '../../src/core/plan/check';
import { matchPlan, regionalActivities } from '../../src/core/regional/match';
import { buildRegionalMatrix, REGIONAL_MATRIX_SHEET } from '../../src/core/regional/matrixSheet';
import { applyPatch, workbookToBuffer } from '../../src/xlsx/write';
import {
  municipalComplete,
  municipalLate,
  municipalMissing,
  regionalPlan,
} from '../fixtures/plans/regional';
import { formulaValues, libreOffice, recalculate } from '../support/libreoffice';

const soffice = libreOffice('тест пересчёта формул сверки с региональным планом в LibreOffice');
const maybe = soffice ? test : test.skip;
jest.setTimeout(300_000);

const plan = (grid: Grid, file: string) => ({
  file,
  sheets: checkWorkbook([grid], { asOf: '2024-03-01', fileName: file }),
});

maybe('the matrix shares recalculate in LibreOffice to the engine values', async () => {
  const regional = regionalActivities(plan(regionalPlan(), 'Регион.xlsx'));
  const municipalities = (
    [
      ['Ишим', municipalComplete()],
      ['Вагай', municipalMissing()],
      ['Абатское', municipalLate()],
    ] as const
  ).map(([name, grid]) => ({
    name,
    counterparts: matchPlan(regional, plan(grid, `${name}.xlsx`), { threshold: 0.5 }),
  }));
  const sheet = buildRegionalMatrix({
    regionalFile: 'Регион.xlsx',
    regional,
    municipalities,
    threshold: 0.5,
    order: 0,
  });
  const wb = new ExcelJS.Workbook();
  applyPatch(wb, { sheets: [sheet], names: [], removeKeys: [] });
  const written = await workbookToBuffer(wb);
  const engine = await formulaValues(written, REGIONAL_MATRIX_SHEET);
  const office = await formulaValues(recalculate(soffice!, written), REGIONAL_MATRIX_SHEET);
  // six activities at the right, two rows of three municipalities at the bottom
  expect(engine.size).toBe(12);
  const got = [...engine].map(([cell, mine]) => [cell, office.get(cell)?.value, mine.value]);
  for (const [cell, theirs, mine] of got) {
    expect(typeof theirs).toBe('number');
    expect([cell, theirs as number]).toEqual([cell, expect.closeTo(mine as number, 9)]);
  }
  expect(office.get('E10')?.value).toBeCloseTo(0.5, 9);
  expect(office.get('F11')?.value).toBeCloseTo(4 / 6, 9);
});
