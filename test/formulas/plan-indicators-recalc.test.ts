/**
 * «Показатели плана» recalculated by LibreOffice after the test types values into the input
 * cells, the way a methodologist would: every «Значение», every «Достигнуто» and the summary line
 * come out as the engine computes them for those inputs; the rows linked to «Показатели» come
 * out as the criteria engine counted them. Two plans in one workbook (one LibreOffice run): the
 * standard structure (counts, people, times a month, a range, «не более», computed shares) and an
 * Amur-like programme (targets of 100 %, indicators without a target).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Scalar } from '../../src/core/grid';
import { planIndicatorsSheet } from '../../src/core/planIndicators/build';
import { COL, LETTER, PLAN_INDICATORS_SHEET } from '../../src/core/planIndicators/columns';
import { achievedOf, valueOf, type RowInputs } from '../../src/core/planIndicators/evaluate';
import type { PlanIndicatorsSheet } from '../../src/core/planIndicators/sheet';
import { buildReportPatch } from '../../src/core/report/build';
import { writeNewWorkbookFile } from '../../src/xlsx/write';
import { AMUR_INDICATOR_ROWS, STANDARD_INDICATOR_ROWS } from '../fixtures/plans/indicatorPlans';
import { checkedPlan, region } from '../core/planIndicators/helpers';
import { formulaValues, libreOffice, recalculate } from '../support/libreoffice';

const soffice = libreOffice('тест пересчёта «Показателей плана» в LibreOffice');
const maybe = soffice ? test : test.skip;
jest.setTimeout(300_000);

/** What the test types, by plan number: numerator, denominator, fact. */
type Typing = Partial<Record<'numerator' | 'denominator' | 'fact', number>>;

const STANDARD_TYPING: Record<string, Typing> = {
  '1.1': { fact: 6 }, // ≥ 5 семинаров: met
  '1.2': { fact: 49 }, // 50 чел.: not met
  // 1.3 left empty: no data
  '2.4': { numerator: 7, denominator: 20 }, // 30–40 %: 35 % met
  '2.5': { numerator: 5, denominator: 0 }, // a zero denominator: no data
};
const AMUR_TYPING: Record<string, Typing> = {
  '1.1': { fact: 1 }, // the share typed as such: 100 %
  '3.1': { numerator: 9, denominator: 10 }, // 90 % of 100 %: not met
  '3.2': { numerator: 12, denominator: 12 },
  '3.8': { numerator: 3, denominator: 40 }, // no target: a value, nothing to meet
};

function expected(sheet: PlanIndicatorsSheet, typing: Record<string, Typing>) {
  return sheet.rows.map((row) => {
    const t = typing[row.indicator.number] ?? {};
    const inputs: RowInputs =
      row.kind === 'computed'
        ? {
            numerator: row.computed!.numerator,
            denominator: row.computed!.denominator,
            fact: null,
          }
        : {
            numerator: t.numerator ?? null,
            denominator: t.denominator ?? null,
            fact: t.fact ?? null,
          };
    const value = valueOf(row.kind, inputs);
    return { row: row.row, value, achieved: achievedOf(row.target, value) };
  });
}

function summaryOf(rows: Array<{ achieved: string }>): string {
  const n = (w: string) => rows.filter((r) => r.achieved === w).length;
  const counted = rows.length - n('цель не указана');
  const noTarget = n('цель не указана');
  return (
    `Достигнуто ${n('да')} из ${counted} ${counted % 10 === 1 && counted % 100 !== 11 ? 'показателя' : 'показателей'} (${n('нет данных')} без данных)` +
    (noTarget ? `; без целевого значения: ${noTarget}` : '')
  );
}

const num = (v: Scalar | { error: string } | undefined) => (typeof v === 'number' ? v : null);

maybe(
  'typed values give the «Достигнуто» the engine expects after LibreOffice recalculates',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shnor-plan-indicators-'));
    try {
      const R = region();
      const standard = checkedPlan(STANDARD_INDICATOR_ROWS);
      const report = buildReportPatch({
        criteria: R.criteria,
        plan: standard,
        asOf: '2025-11-01',
        criteriaPatch: R.criteriaPatch,
      });
      const amur = planIndicatorsSheet({
        plan: checkedPlan(AMUR_INDICATOR_ROWS, 'Программа'),
        computed: R.computed,
        settings: R.settings,
        fallbackYear: 2025,
        name: 'Показатели плана 2',
        order: 4,
      });
      const patch = {
        ...report,
        sheets: [...report.sheets, { ...amur.sheet, key: 'plan-indicators:amur' }],
      };
      const file = join(dir, 'report.xlsx');
      await writeNewWorkbookFile(patch, file);

      // the same sheet the report carries, built alone: its rows say what each one is
      const mine = planIndicatorsSheet({
        plan: standard,
        computed: R.computed,
        settings: R.settings,
        fallbackYear: 2025,
      });
      expect(report.sheets.find((s) => s.key === 'plan-indicators')!.values).toEqual(
        mine.sheet.values,
      );

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      const type = (sheet: string, built: PlanIndicatorsSheet, typing: Record<string, Typing>) => {
        const ws = wb.getWorksheet(sheet)!;
        for (const row of built.rows)
          for (const [col, v] of Object.entries(typing[row.indicator.number] ?? {}))
            ws.getCell(row.row, COL[col as keyof Typing] + 1).value = v;
      };
      type(PLAN_INDICATORS_SHEET, mine, STANDARD_TYPING);
      type('Показатели плана 2', amur, AMUR_TYPING);
      const typed = Buffer.from(await wb.xlsx.writeBuffer());
      const office = recalculate(soffice!, typed);

      for (const [sheet, built, typing] of [
        [PLAN_INDICATORS_SHEET, mine, STANDARD_TYPING],
        ['Показатели плана 2', amur, AMUR_TYPING],
      ] as const) {
        const cells = await formulaValues(office, sheet);
        const want = expected(built, typing);
        const got = want.map(({ row }) => ({
          row,
          value: num(cells.get(`${LETTER.value}${row}`)?.value),
          achieved:
            cells.get(`${LETTER.achieved}${row}`)?.value ??
            // a row without a target holds the words, not a formula
            'цель не указана',
        }));
        expect(
          got.map((g) => ({ ...g, value: g.value === null ? null : +g.value.toFixed(9) })),
        ).toEqual(
          want.map((w) => ({ ...w, value: w.value === null ? null : +w.value.toFixed(9) })),
        );
        expect(cells.get('A2')?.value).toBe(summaryOf(want));
        // every verdict occurs, so the test covers each branch of the formula
        expect(new Set(want.map((w) => w.achieved))).toEqual(
          sheet === PLAN_INDICATORS_SHEET
            ? new Set(['да', 'нет', 'нет данных'])
            : new Set(['да', 'нет', 'нет данных', 'цель не указана']),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
