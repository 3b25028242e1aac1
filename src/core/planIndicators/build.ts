/**
 * «Показатели плана» from what a host has at hand: the checked plan, the «Показатели» sheet (the
 * one about to be written with the report, or the one an earlier report left in the workbook),
 * the settings and the sheet an earlier run generated.
 */
import { valueAt, type Grid } from '../grid';
import type { WorkbookPatch } from '../patch';
import { patchToGrid } from '../patchGrid';
import type { Settings } from '../settings';
import { cellText } from '../text';
import { PLAN_INDICATORS_KEY, PLAN_INDICATORS_SHEET } from './columns';
import { computedCells } from './computed';
import { extractPlanIndicators, type PlanSource } from './extract';
import { buildPlanIndicatorsSheet, type PlanIndicatorsSheet } from './sheet';
import { readPrevious } from './typed';

export interface PlanIndicatorsOptions {
  plan: PlanSource;
  /** The «Показатели» sheet as a Grid; null when the workbook has no results computed. */
  computed: Grid | null;
  settings: Pick<Settings, 'planIndicatorSources'>;
  /**
   * The «Показатели плана» an earlier run generated, as the host read it (null: there is none).
   * Left out, the host did not look: nothing is carried over, and the patch policy keeps the
   * user's version of the sheet as their own copy.
   */
  previous?: Grid | null;
  /** The year of rows whose deadline and plan period say none (the last year of the results). */
  fallbackYear: number;
  name?: string;
  order?: number;
}

export function planIndicatorsSheet(opts: PlanIndicatorsOptions): PlanIndicatorsSheet {
  return buildPlanIndicatorsSheet({
    name: opts.name ?? PLAN_INDICATORS_SHEET,
    order: opts.order ?? 3,
    plan: { sheet: opts.plan.sheet, ...(opts.plan.file ? { file: opts.plan.file } : {}) },
    indicators: extractPlanIndicators(opts.plan, opts.fallbackYear),
    computed: opts.computed ? computedCells(opts.computed) : [],
    sources: opts.settings.planIndicatorSources,
    ...(opts.previous !== undefined ? { previous: opts.previous } : {}),
  });
}

/** What a host tells the user of the «Показатели плана» a patch carries. */
export interface PlanIndicatorsOutcome {
  /** The summary line as the file shows it: «Достигнуто 1 из 5 показателей (4 без данных)». */
  summary: string;
  /** Rows of the earlier sheet whose typed values were carried over. */
  carried: number;
}

export function planIndicatorsOutcome(
  patch: WorkbookPatch,
  previous: Grid | null | undefined,
): PlanIndicatorsOutcome | null {
  const sheet = patch.sheets.find((s) => s.key === PLAN_INDICATORS_KEY);
  if (!sheet) return null;
  return {
    summary: cellText(valueAt(patchToGrid(sheet), 1, 0)),
    carried: readPrevious(previous).length,
  };
}
