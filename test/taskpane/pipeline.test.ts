import { gridFromValues } from '../../src/core/grid';
import { defaultSettings } from '../../src/core/settings';
import { planFixes } from '../../src/taskpane/fixes';
import { previewPatch } from '../../src/app/preview';
import {
  checkPlanSheet,
  prepareReport,
  readAllResults,
  runCriteria,
} from '../../src/taskpane/pipeline';
import { PLAN_SHEET, PLAN_VALUES, RESULTS_SHEET, resultValues } from './workbook';

const TODAY = '2025-01-15';

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
    const p = prepareReport({
      grids: [plan, results],
      workbook: { sheets: [], registry: [] },
      settings: defaultSettings(),
      asOf: TODAY,
      plan: null,
    });
    expect(p.schools).toBe(4);
    expect(p.preview.replace).toEqual([]);
    expect(p.preview.create).toContain('Оглавление');
    expect(p.chart).not.toBeNull();
  });

  it('previews replacements and removals from the registry of generated sheets', () => {
    const p = prepareReport({
      grids: [plan, results],
      workbook: { sheets: [], registry: [] },
      settings: defaultSettings(),
      asOf: TODAY,
      plan: null,
    });
    // Generated sheets as the workbook shows them: by their markers (core/workbook/registry.ts).
    const workbook = {
      sheets: [
        { name: 'Оглавление', visibility: 'visible' as const, marker: 'index' },
        { name: 'Закрытая школа', visibility: 'visible' as const, marker: 'school:sch999999' },
      ],
      registry: [],
    };
    const preview = previewPatch(workbook, { ...p.patch, removeKeys: ['school:sch999999'] });
    expect(preview.replace.map((r) => r.sheet)).toEqual(['Оглавление']);
    expect(preview.remove).toEqual(['Закрытая школа']);
    expect(preview.create).not.toContain('Оглавление');
  });
});
