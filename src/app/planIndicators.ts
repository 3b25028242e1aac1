/**
 * «Показатели плана» for the hosts. The report builds the sheet with the «Показатели» it writes
 * (prepareReport); the pane's plan tab builds it alone (preparePlanIndicators), over the
 * «Показатели» an earlier report left in the workbook, if any. Either way the host reads the sheet
 * an earlier run generated (planIndicatorsToRead names it) so the values typed there carry over.
 */
import { CRITERIA_SHEET_KEYS } from '../core/criteria/sheets';
import type { Grid } from '../core/grid';
import {
  planIndicatorsOutcome,
  planIndicatorsSheet,
  type PlanIndicatorsOutcome,
} from '../core/planIndicators/build';
import { PLAN_INDICATORS_KEY } from '../core/planIndicators/columns';
import type { TimelinePlan } from '../core/report/timelineSheet';
import { identifySheets, type WorkbookState } from '../core/workbook/policy';
import { previewPatch } from './preview';
import type { UseCaseInput, UseCaseOutput } from './types';

/** The generated sheet the host should read and pass back: «Показатели плана» of an earlier run. */
export function planIndicatorsToRead(workbook: WorkbookState): string | null {
  return identifySheets(workbook).generated.get(PLAN_INDICATORS_KEY)?.name ?? null;
}

/** The «Показатели» sheet an earlier report left in the workbook: the computed values' source. */
export function computedIndicatorsToRead(workbook: WorkbookState): string | null {
  return identifySheets(workbook).generated.get(CRITERIA_SHEET_KEYS.indicators)?.name ?? null;
}

export interface PlanIndicatorsInput extends Omit<UseCaseInput, 'files'> {
  plan: TimelinePlan;
  /** The «Показатели» sheet as the host read it (computedIndicatorsToRead); null: none. */
  computed: Grid | null;
  /** The earlier «Показатели плана» as the host read it (planIndicatorsToRead); null: none. */
  previous: Grid | null;
}

/**
 * The sheet alone, without a report: its year falls back on the plan's last year, then the
 * date's year.
 */
export function preparePlanIndicators(
  input: PlanIndicatorsInput,
): UseCaseOutput<PlanIndicatorsOutcome> {
  const end = input.plan.period?.end ?? input.asOf;
  const built = planIndicatorsSheet({
    plan: input.plan,
    computed: input.computed,
    settings: input.settings,
    previous: input.previous,
    fallbackYear: Number(end.slice(0, 4)),
  });
  const patch = { sheets: [built.sheet], names: [], removeKeys: [] };
  return {
    patch,
    issues: [],
    results: planIndicatorsOutcome(patch, input.previous)!,
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}
