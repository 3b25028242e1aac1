/**
 * The pane's side of the use cases (src/app): it turns what the pane read from the workbook into
 * their input and hands back their output. Nothing is decided here; the open workbook is both the
 * input (its user sheets, as one "file") and the target (its state, for the preview).
 */
import { checkPlans } from '../app/checkPlans';
import { computeCriteria } from '../app/computeCriteria';
import {
  prepareReport as prepareReportUseCase,
  reportPlan,
  type ReportResults,
} from '../app/prepareReport';
import { readInputs } from '../app/readResults';
import { NEW_WORKBOOK, type Preview, type UseCaseOutput } from '../app/types';
import type { CriteriaResult } from '../core/criteria/types';
import type { Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import type { SheetCheck } from '../core/plan/check';
import type { PlanIndicatorsOutcome } from '../core/planIndicators/build';
import type { ResultsRead } from '../core/results/read';
import type { Settings } from '../core/settings';
import type { WorkbookState } from '../core/workbook/policy';
import type { ChartSpec } from './host';

/** The open workbook as the one input of a use case. */
const workbookFile = (sheets: Grid[]) => [{ file: '', sheets }];

export function checkPlanSheet(grid: Grid, settings: Settings, asOf: string): SheetCheck {
  const out = checkPlans({ files: workbookFile([grid]), settings, asOf, workbook: NEW_WORKBOOK });
  return out.results.files[0]!.sheets[0]!;
}

/** The results tables of the open workbook, read as the use cases read them. */
export function readAllResults(grids: Grid[], settings?: Settings): ResultsRead {
  const read = readInputs(
    workbookFile(grids),
    settings ? { maxParticipants: settings.maxParticipants } : {},
  );
  return { rows: read.rows, tables: read.tables, issues: read.issues, notHeld: read.notHeld };
}

export interface CriteriaRun {
  result: CriteriaResult;
  patch: WorkbookPatch;
  preview: Preview;
}

export function runCriteria(
  grids: Grid[],
  settings: Settings,
  workbook: WorkbookState = NEW_WORKBOOK,
): CriteriaRun {
  const out = computeCriteria({ files: workbookFile(grids), settings, asOf: '', workbook });
  return { result: out.results.criteria, patch: out.patch, preview: out.preview };
}

export interface ReportPlan {
  patch: WorkbookPatch;
  chart: ChartSpec | null;
  preview: Preview;
  criteria: CriteriaResult;
  schools: number;
  /** Name the index sheet gets. */
  indexSheet: string;
  /** «Показатели плана» (with a plan): its summary line and the rows whose typed values carry over. */
  planIndicators: PlanIndicatorsOutcome | null;
}

export function prepareReport(opts: {
  grids: Grid[];
  workbook: WorkbookState;
  settings: Settings;
  asOf: string;
  plan: SheetCheck | null;
  /** The earlier «Показатели плана» (planIndicatorsToRead), read by the pane; null: none. */
  previousPlanIndicators?: Grid | null;
}): ReportPlan {
  const out: UseCaseOutput<ReportResults> = prepareReportUseCase({
    files: workbookFile(opts.grids),
    settings: opts.settings,
    asOf: opts.asOf,
    workbook: opts.workbook,
    plan: opts.plan ? reportPlan([opts.plan]) : null,
    ...(opts.previousPlanIndicators !== undefined
      ? { previousPlanIndicators: opts.previousPlanIndicators }
      : {}),
  });
  return {
    patch: out.patch,
    chart: out.chart,
    preview: out.preview,
    criteria: out.results.criteria,
    schools: out.results.criteria.schools.length,
    indexSheet: out.results.indexSheet,
    planIndicators: out.results.planIndicators,
  };
}
