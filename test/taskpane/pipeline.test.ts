import { gridFromValues } from '../../src/core/grid';
import { defaultSettings } from '../../src/core/settings';
import { planFixes } from '../../src/taskpane/fixes';
import {
  checkPlanSheet,
  planReport,
  readAllResults,
  runCriteria,
} from '../../src/taskpane/pipeline';
import type { WorkbookState } from '../../src/core/workbook/policy';
import { PLAN_SHEET, PLAN_VALUES, RESULTS_SHEET, resultValues } from './workbook';

const TODAY = '2025-01-15';

/** The test workbook as the patch policy sees it: the user's two sheets and any generated ones. */
function state(generated: Array<{ key: string; name: string }> = []): WorkbookState {
  return {
    sheets: [
      { name: PLAN_SHEET, visibility: 'visible' },
      { name: RESULTS_SHEET, visibility: 'visible' },
      ...generated.map((g) => ({ name: g.name, visibility: 'visible' as const, marker: g.key })),
    ],
    registry: [],
  };
}

describe('pane pipeline over the test workbook', () => {
  const plan = gridFromValues(PLAN_SHEET, PLAN_VALUES);
  const results = gridFromValues(RESULTS_SHEET, resultValues());

  it('checks the plan and finds the defects the pane can fix', () => {
    const check = checkPlanSheet(plan, defaultSettings(), TODAY);
    expect(check.isPlan).toBe(true);
    const codes = check.issues.map((i) => `${i.code}@${i.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining(['continuation-row@D6', 'number-dot@A7', 'missing-deadline@C8']),
    );
    const fixes = planFixes(plan, check, check.issues);
    expect(fixes.map((f) => f.issue.code).sort()).toEqual(['continuation-row', 'number-dot']);
  });

  it('reads the results and computes the criteria', () => {
    const read = readAllResults([plan, results]);
    expect(read.rows).toHaveLength(16);
    const { result, patch } = runCriteria([plan, results], defaultSettings());
    const shnor2024 = result.schools.filter((s) => s.years['2024']?.shnor).map((s) => s.code);
    expect(shnor2024).toEqual(['sch000001']);
    expect(patch.sheets.length).toBeGreaterThan(0);
  });

  it('plans the report with the chart and says what it creates', () => {
    const p = planReport({
      grids: [plan, results],
      state: state(),
      settings: defaultSettings(),
      asOf: TODAY,
      plan: null,
    });
    expect(p.schools).toBe(4);
    expect(p.preview.replace).toEqual([]);
    expect(p.preview.create).toContain('Оглавление');
    expect(p.chart).not.toBeNull();
  });

  it('promises the names the sheets will really get beside the user own sheets', () => {
    const p = planReport({
      grids: [plan, results],
      state: state(),
      settings: defaultSettings(),
      asOf: TODAY,
      plan: null,
    });
    // The user's own «Результаты» keeps its name; the generated one will be «Результаты (2)».
    expect(p.preview.create).toContain('Результаты (2)');
    expect(p.preview.create).not.toContain('Результаты');
  });

  it('leaves the plan sheet out of the notes about sheets without results', () => {
    const read = readAllResults([plan, results, gridFromValues('Прочее', [['заметки']])]);
    expect(read.issues.map((i) => i.sheet)).not.toContain(PLAN_SHEET);
    expect(read.issues.map((i) => i.sheet)).toContain('Прочее');
  });

  it('previews replacements and removals from the generated sheets already in the workbook', () => {
    const generated = [
      { key: 'index', name: 'Оглавление' },
      { key: 'school:sch999999', name: 'Закрытая школа' },
    ];
    const { preview } = planReport({
      grids: [plan, results],
      state: state(generated),
      settings: defaultSettings(),
      asOf: TODAY,
      plan: null,
    });
    expect(preview.replace).toEqual([{ sheet: 'Оглавление', name: 'Оглавление' }]);
    expect(preview.remove).toEqual(['Закрытая школа']);
    expect(preview.create).not.toContain('Оглавление');
  });
});
