/**
 * A checked plan and the «Показатели» sheet of a fictional region whose results run to the
 * plan's year, for the «Показатели плана» tests.
 */
import { computeCriteria } from '../../../src/core/criteria/engine';
import type { CriteriaResult } from '../../../src/core/criteria/types';
import { CRITERIA_SHEET_KEYS } from '../../../src/core/criteria/sheets';
import { buildCriteriaPatch } from '../../../src/core/criteria/workbookPatch';
import type { CellValue, Grid } from '../../../src/core/grid';
import type { WorkbookPatch } from '../../../src/core/patch';
import { patchToGrid } from '../../../src/core/patchGrid';
import { checkSheet, type SheetCheck } from '../../../src/core/plan/check';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import { generateRegion } from '../../../src/core/synthetic/region';
import { indicatorPlan } from '../../fixtures/plans/indicatorPlans';

export function checkedPlan(rows: CellValue[][], sheet = 'План'): SheetCheck {
  const check = checkSheet(indicatorPlan(rows, sheet), { asOf: '2025-11-01' });
  if (!check.isPlan) throw new Error('fixture is not a plan');
  return check;
}

export interface Region {
  settings: Settings;
  criteria: CriteriaResult;
  criteriaPatch: WorkbookPatch;
  /** The «Показатели» sheet as a Grid. */
  computed: Grid;
}

export function region(years = [2023, 2024, 2025], settings = defaultSettings()): Region {
  const r = generateRegion({ schools: 40, seed: 11, years });
  const criteria = computeCriteria(r.rows, settings, []);
  const criteriaPatch = buildCriteriaPatch(r.rows.length, criteria, settings);
  const sheet = criteriaPatch.sheets.find((s) => s.key === CRITERIA_SHEET_KEYS.indicators)!;
  return { settings, criteria, criteriaPatch, computed: patchToGrid(sheet) };
}
