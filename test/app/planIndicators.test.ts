/**
 * The use cases around «Показатели плана»: prepareReport builds it with the report and carries
 * the values typed into the sheet the host read back; preparePlanIndicators builds it alone over
 * the «Показатели» an earlier report left, linking the computed indicators there.
 */
import {
  computedIndicatorsToRead,
  planIndicatorsToRead,
  preparePlanIndicators,
} from '../../src/app/planIndicators';
import { prepareReport, reportPlan } from '../../src/app/prepareReport';
import { NEW_WORKBOOK, type SourceFile } from '../../src/app/types';
import { patchToGrid } from '../../src/core/patchGrid';
import { COL, PLAN_INDICATORS_KEY } from '../../src/core/planIndicators/columns';
import { defaultSettings } from '../../src/core/settings';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid } from '../../src/core/synthetic/regionGrids';
import type { WorkbookState } from '../../src/core/workbook/policy';
import { indicatorPlan, STANDARD_INDICATOR_ROWS } from '../fixtures/plans/indicatorPlans';
import { checkedPlan, region } from '../core/planIndicators/helpers';

const settings = defaultSettings();
const results: SourceFile[] = [
  {
    file: 'результаты.xlsx',
    sheets: [resultsGrid(generateRegion({ schools: 12, seed: 3, years: [2023, 2024, 2025] }))],
  },
];
const planFile: SourceFile = {
  file: 'план.xlsx',
  sheets: [indicatorPlan(STANDARD_INDICATOR_ROWS)],
};

/** A workbook holding the sheets an earlier run generated, as a host reads it. */
function workbookWith(...sheets: Array<[name: string, key: string]>): WorkbookState {
  return {
    sheets: sheets.map(([name, key]) => ({ name, visibility: 'visible', marker: key })),
    registry: [],
  };
}

describe('«Показатели плана» in the use cases', () => {
  it('prepareReport carries what was typed into the sheet the host read back', () => {
    const base = { files: results, settings, asOf: '2025-11-01', planFile };
    const first = prepareReport({ ...base, workbook: NEW_WORKBOOK, previousPlanIndicators: null });
    expect(first.results.planIndicators).toMatchObject({ carried: 0 });
    const sheet = first.patch.sheets.find((s) => s.key === PLAN_INDICATORS_KEY)!;
    expect(sheet.carriesEdits).toBe(true);

    const typed = patchToGrid(sheet);
    const row = typed.rows.findIndex((r) => r?.[COL.number]?.v === '1.1');
    typed.rows[row]![COL.fact] = { v: 6 };
    const workbook = workbookWith([sheet.name, PLAN_INDICATORS_KEY]);
    expect(planIndicatorsToRead(workbook)).toBe(sheet.name);
    const second = prepareReport({ ...base, workbook, previousPlanIndicators: typed });
    expect(second.results.planIndicators).toMatchObject({ carried: 1 });
    const again = patchToGrid(second.patch.sheets.find((s) => s.key === PLAN_INDICATORS_KEY)!);
    expect(again.rows[row]![COL.fact]!.v).toBe(6);
    expect(again.rows[row]![COL.achieved]!.v).toBe('да');
    // nothing of the user's is copied or warned about
    expect(second.preview.keep).toEqual([]);
  });

  it('preparePlanIndicators links the «Показатели» an earlier report left', () => {
    const R = region();
    const workbook = workbookWith([R.computed.sheet, 'criteria:indicators']);
    expect(computedIndicatorsToRead(workbook)).toBe(R.computed.sheet);
    expect(planIndicatorsToRead(workbook)).toBeNull();
    const out = preparePlanIndicators({
      plan: reportPlan([checkedPlan(STANDARD_INDICATOR_ROWS)])!,
      settings,
      asOf: '2025-11-01',
      workbook,
      computed: R.computed,
      previous: null,
    });
    expect(out.patch.sheets.map((s) => s.key)).toEqual([PLAN_INDICATORS_KEY]);
    expect(out.preview.create).toEqual(['Показатели плана']);
    const g = patchToGrid(out.patch.sheets[0]!);
    const sources = g.rows.map((r) => String(r?.[COL.source]?.v ?? ''));
    expect(sources.filter((s) => s.startsWith('Расчёт: '))).toHaveLength(3);
    expect(out.results.summary).toMatch(/^Достигнуто \d+ из 8 показателей/);
  });
});
