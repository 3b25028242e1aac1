/**
 * The pane's side of the use cases (src/app): it turns what the pane read from the workbook into
 * their input and hands back their output. The open workbook is both the input (its user sheets,
 * as one "file") and the target (its state, for the preview and the names sheets get). What is
 * decided here is only how the pane shows it: the notes about the plan sheet not being a results
 * table are left out, and a write's report is read as a whole run.
 */
import { checkPlans, type RegionalOutcome } from '../app/checkPlans';
import { computeCriteria } from '../app/computeCriteria';
import { prepareReport, reportPlan } from '../app/prepareReport';
import { readInputs } from '../app/readResults';
import { NEW_WORKBOOK, type Preview, type SourceFile } from '../app/types';
import type { CriteriaResult } from '../core/criteria/types';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import type { WorkbookPatch } from '../core/patch';
import type { SheetCheck } from '../core/plan/check';
import { findHeader } from '../core/plan/header';
import type { PlanIndicatorsOutcome } from '../core/planIndicators/build';
import type { ResultsRead } from '../core/results/read';
import type { Settings } from '../core/settings';
import type { ApplyReport, WorkbookState } from '../core/workbook/policy';
import type { ChartSpec } from './host';

/** The open workbook as the one input of a use case. */
const workbookFile = (sheets: Grid[]): SourceFile[] => [{ file: '', sheets }];

export function checkPlanSheet(grid: Grid, settings: Settings, asOf: string): SheetCheck {
  const out = checkPlans({ files: workbookFile([grid]), settings, asOf, workbook: NEW_WORKBOOK });
  return out.results.files[0]!.sheets[0]!;
}

/**
 * The plan sheet checked and compared with the regional plan on another sheet of the workbook:
 * the regional issues join the sheet's; `regional` says whether a plan was found there and how
 * many of its activities are addressed to municipalities.
 */
export function checkPlanSheetAgainst(
  grid: Grid,
  regional: Grid,
  settings: Settings,
  asOf: string,
): { check: SheetCheck; regional: RegionalOutcome } {
  const out = checkPlans({
    files: workbookFile([grid]),
    regional: { file: '', sheets: [regional] },
    settings,
    asOf,
    workbook: NEW_WORKBOOK,
  });
  return { check: out.results.files[0]!.sheets[0]!, regional: out.results.regional };
}

/** Sheets (of those whose top rows are given) that hold a plan table's header. */
export function planSheetsAmong(heads: Grid[]): string[] {
  return heads.filter((g) => findHeader(g) !== null).map((g) => g.sheet);
}

/**
 * A sheet that holds a plan is not a results table that failed: the reader's notes that it found
 * no results table there are left out.
 */
function withoutPlanSheetNotes(issues: Issue[], grids: Grid[]): Issue[] {
  const plans = new Set(planSheetsAmong(grids));
  if (plans.size === 0) return issues;
  return issues.filter(
    (i) =>
      !plans.has(i.sheet) ||
      (i.code !== 'results-sheet-skipped' && i.code !== 'results-header-not-found'),
  );
}

/** The results of every sheet, read the one way every use case reads them. */
export function readAllResults(grids: Grid[], settings?: Settings): ResultsRead {
  const read = readInputs(
    workbookFile(grids),
    settings ? { maxParticipants: settings.maxParticipants } : {},
  );
  return {
    rows: read.rows,
    tables: read.tables,
    issues: withoutPlanSheetNotes(read.issues, grids),
    notHeld: read.notHeld,
  };
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
  /** Key of the index sheet in the patch, and the name it asks for. */
  indexKey: string;
  indexSheet: string;
  /** «Показатели плана» (with a plan): its summary line and the rows whose typed values carry over. */
  planIndicators: PlanIndicatorsOutcome | null;
}

/** What a write did, the whole of it when it took several attempts. */
export interface Written {
  created: string[];
  replaced: string[];
  removed: string[];
  /** Final sheet name by key. */
  names: Record<string, string>;
}

export function writtenBy(report: ApplyReport): Written {
  const whole = report.wholeRun ?? report;
  return {
    created: whole.created,
    replaced: whole.replaced.map((r) => r.name),
    removed: whole.removed,
    names: report.names,
  };
}

export function planReport(opts: {
  grids: Grid[];
  state: WorkbookState;
  settings: Settings;
  asOf: string;
  plan: SheetCheck | null;
  /** The earlier «Показатели плана» (planIndicatorsToRead), read by the pane; null: none. */
  previousPlanIndicators?: Grid | null;
}): ReportPlan {
  const out = prepareReport({
    files: workbookFile(opts.grids),
    settings: opts.settings,
    asOf: opts.asOf,
    workbook: opts.state,
    plan: opts.plan ? reportPlan([opts.plan]) : null,
    ...(opts.previousPlanIndicators !== undefined
      ? { previousPlanIndicators: opts.previousPlanIndicators }
      : {}),
  });
  const index = out.patch.sheets.find((s) => s.key === 'index');
  return {
    patch: out.patch,
    chart: out.chart,
    preview: out.preview,
    criteria: out.results.criteria,
    schools: out.results.criteria.schools.length,
    indexKey: index?.key ?? 'index',
    indexSheet: out.results.indexSheet,
    planIndicators: out.results.planIndicators,
  };
}
