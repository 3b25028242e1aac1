/**
 * The pane's actions as plain functions over grids and settings: check a plan sheet, read the
 * results, compute the criteria, build the report and say what it will create or replace.
 * No office.js here; the views read and write through the PaneHost.
 */
import { computeCriteria } from '../core/criteria/engine';
import type { CriteriaResult } from '../core/criteria/types';
import { buildCriteriaPatch } from '../core/criteria/workbookPatch';
import type { Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import { checkSheet, type SheetCheck } from '../core/plan/check';
import { findHeader } from '../core/plan/header';
import { parsePeriodSetting } from '../core/plan/period';
import { buildReportPatch } from '../core/report/build';
import { readRiskFactors } from '../core/report/riskFactors';
import { readResults, type ResultsRead } from '../core/results/read';
import type { Settings } from '../core/settings';
import { addShnorChart } from './chart';
import {
  identifySheets,
  planApply,
  type ApplyReport,
  type WorkbookState,
} from '../core/workbook/policy';
import type { ChartSpec } from './host';

export function checkPlanSheet(grid: Grid, settings: Settings, asOf: string): SheetCheck {
  const period = settings.planPeriod ? parsePeriodSetting(settings.planPeriod) : null;
  return checkSheet(grid, { asOf, period, glossaryExtra: settings.glossary });
}

/** Sheets (of those whose top rows are given) that hold a plan table's header. */
export function planSheetsAmong(heads: Grid[]): string[] {
  return heads.filter((g) => findHeader(g) !== null).map((g) => g.sheet);
}

/**
 * The results of every sheet. A sheet that holds a plan is not a results table that failed: the
 * reader's notes that it found no results table there are left out.
 */
export function readAllResults(grids: Grid[]): ResultsRead {
  const read = readResults(grids, {});
  const plans = new Set(planSheetsAmong(grids));
  if (plans.size === 0) return read;
  return {
    ...read,
    issues: read.issues.filter(
      (i) =>
        !plans.has(i.sheet) ||
        (i.code !== 'results-sheet-skipped' && i.code !== 'results-header-not-found'),
    ),
  };
}

export interface CriteriaRun {
  result: CriteriaResult;
  patch: WorkbookPatch;
}

export function runCriteria(read: ResultsRead, settings: Settings): CriteriaRun {
  const result = computeCriteria(read.rows, settings, read.notHeld);
  return { result, patch: buildCriteriaPatch(read.rows, result, settings) };
}

export interface ReportPreview {
  /** Sheets that will be added, under the names they will get. */
  create: string[];
  /** Generated sheets that will be rewritten, under the names they will have. */
  replace: string[];
  /** Generated sheets of an earlier run that go (schools no longer in the data). */
  remove: string[];
  /** Generated sheets the user edited: kept for the user under another name first. */
  kept: Array<{ name: string; as: string }>;
}

export interface ReportPlan {
  patch: WorkbookPatch;
  chart: ChartSpec | null;
  preview: ReportPreview;
  criteria: CriteriaResult;
  schools: number;
  /** Key of the index sheet in the patch. */
  indexKey: string;
}

/**
 * What writing the patch will do, from the one patch policy the adapters follow (planApply), with
 * the names the sheets will really get: a name a user's sheet holds gets a free variant.
 */
export function previewPatch(patch: WorkbookPatch, state: WorkbookState): ReportPreview {
  const { report } = planApply(state, patch);
  return {
    create: report.created,
    replace: report.replaced.map((r) => r.name),
    remove: report.removed,
    kept: report.changedByUser.flatMap((c) => (c.keptAs ? [{ name: c.name, as: c.keptAs }] : [])),
  };
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
}): ReportPlan {
  const read = readAllResults(opts.grids);
  const { result, patch: criteriaPatch } = runCriteria(read, opts.settings);
  const risks = readRiskFactors(opts.grids);
  const plan = opts.plan?.isPlan ? opts.plan : null;
  const built = buildReportPatch({
    criteria: result,
    riskFactors: risks.bySchool,
    ...(plan
      ? {
          plan: {
            sheet: plan.sheet,
            period: plan.period,
            sections: plan.sections,
            activities: plan.activities,
          },
        }
      : {}),
    asOf: opts.asOf,
    // The grids are the user's own sheets (the host leaves generated ones out): never reused.
    takenNames: opts.grids.map((g) => g.sheet),
    criteriaPatch,
    previousKeys: [...identifySheets(opts.state).generated.keys()],
  });
  const { patch, chart } = addShnorChart(built, result);
  const index = patch.sheets.find((s) => s.key === 'index');
  return {
    patch,
    chart,
    preview: previewPatch(patch, opts.state),
    criteria: result,
    schools: result.schools.length,
    indexKey: index?.key ?? 'index',
  };
}
