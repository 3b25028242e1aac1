/**
 * Use case «prepare the report»: results (+ risk factors, + a checked plan) → the report patch
 * (index, summary, timeline, «Показатели плана», criteria sheets, a tab per school), the chart of the summary, and the
 * preview of what lands where. The command line's `report` and `demo` and the pane's report tab
 * all call this, so they build the same workbook from the same sheets.
 */
import { computeCriteria as computeSchoolCriteria } from '../core/criteria/engine';
import type { CriteriaResult } from '../core/criteria/types';
import { buildCriteriaPatch } from '../core/criteria/workbookPatch';
import type { Grid } from '../core/grid';
import type { SheetCheck } from '../core/plan/check';
import { planIndicatorsOutcome, type PlanIndicatorsOutcome } from '../core/planIndicators/build';
import { buildReportPatch, INDEX_SHEET } from '../core/report/build';
import type { TimelinePlan } from '../core/report/timelineSheet';
import { identifySheets, userSheetNames } from '../core/workbook/policy';
import { addShnorChart } from './chart';
import { checkPlans } from './checkPlans';
import { previewPatch } from './preview';
import { readInputs } from './readResults';
import { NEW_WORKBOOK, type SourceFile, type UseCaseInput, type UseCaseOutput } from './types';

export interface ReportResults {
  criteria: CriteriaResult;
  /** Result rows read from the inputs (0: nothing to report on). */
  rows: number;
  /** The index sheet's final name. */
  indexSheet: string;
  /**
   * Activities of the plan the timeline and school roadmaps were built from (null: no plan, or
   * no plan table in the plan file).
   */
  planActivities: number | null;
  /** «Показатели плана» (built with a plan): its summary line and the rows carried over. */
  planIndicators: PlanIndicatorsOutcome | null;
}

/** The plan a report uses, from a checked plan file or sheet; null when none of it is a plan. */
export function reportPlan(checks: SheetCheck[], file?: string): TimelinePlan | null {
  const plan = checks.find((c) => c.isPlan);
  if (!plan) return null;
  return {
    sheet: plan.sheet,
    ...(file ? { file } : {}),
    period: plan.period,
    sections: plan.sections,
    activities: plan.activities,
  };
}

/** The index's title names the input files; the pane's open workbook has no file name. */
function reportTitle(files: SourceFile[]): { title?: string } {
  const names = files.filter((f) => f.file).map((f) => f.file.split(/[\\/]/).pop()!);
  return names.length ? { title: `Отчёт по школам: ${names.join(', ')}` } : {};
}

export interface PrepareReportInput extends UseCaseInput {
  /** A plan the host has already checked (the pane's plan sheet). */
  plan?: TimelinePlan | null;
  /** A plan file to check here (the command line's --plan); its plan sheet is used. */
  planFile?: SourceFile;
  /**
   * The «Показатели плана» an earlier run left in the workbook (planIndicatorsToRead), as the host
   * read it; null when there is none. Left out, nothing typed there is carried over, and the
   * policy keeps the user's version as their own copy.
   */
  previousPlanIndicators?: Grid | null;
}

/** The plan of the report: the one given, or the plan sheet found in the plan file. */
function planOf(input: PrepareReportInput): TimelinePlan | null {
  if (!input.planFile) return input.plan ?? null;
  const checked = checkPlans({
    files: [input.planFile],
    settings: input.settings,
    asOf: input.asOf,
    workbook: NEW_WORKBOOK,
  });
  return reportPlan(checked.results.files[0]?.sheets ?? [], input.planFile.file);
}

export function prepareReport(input: PrepareReportInput): UseCaseOutput<ReportResults> {
  const plan = planOf(input);
  const read = readInputs(input.files, { maxParticipants: input.settings.maxParticipants });
  input.onProgress?.({ phase: 'compute', rows: read.rows.length });
  const criteria = computeSchoolCriteria(read.rows, input.settings, read.notHeld);
  // The user's own sheets keep their names; ours avoid them.
  const takenNames = userSheetNames(input.workbook);
  const criteriaPatch = buildCriteriaPatch(read.rowCount, criteria, input.settings, { takenNames });
  const built = buildReportPatch({
    criteria,
    riskFactors: read.riskFactors,
    ...(plan ? { plan } : {}),
    asOf: input.asOf,
    ...reportTitle(input.files),
    takenNames,
    criteriaPatch,
    previousKeys: [...identifySheets(input.workbook).generated.keys()],
    ...(input.previousPlanIndicators !== undefined
      ? { previousPlanIndicators: input.previousPlanIndicators }
      : {}),
  });
  const { patch, chart } = addShnorChart(built, criteria);
  const preview = previewPatch(input.workbook, patch);
  const index = patch.sheets.find((s) => s.key === 'index');
  return {
    patch,
    issues: read.issues,
    results: {
      criteria,
      rows: read.rows.length,
      indexSheet: index?.name ?? INDEX_SHEET,
      planActivities: plan ? plan.activities.length : null,
      planIndicators: planIndicatorsOutcome(patch, input.previousPlanIndicators),
    },
    preview,
    chart,
  };
}
