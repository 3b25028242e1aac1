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
import { parsePeriodSetting } from '../core/plan/period';
import { buildReportPatch, INDEX_SHEET } from '../core/report/build';
import { readRiskFactors } from '../core/report/riskFactors';
import { readResults, type ResultsRead } from '../core/results/read';
import type { Settings } from '../core/settings';
import { addShnorChart } from './chart';
import type { ChartSpec, GeneratedSheet } from './host';

export function checkPlanSheet(grid: Grid, settings: Settings, asOf: string): SheetCheck {
  const period = settings.planPeriod ? parsePeriodSetting(settings.planPeriod) : null;
  return checkSheet(grid, { asOf, period, glossaryExtra: settings.glossary });
}

export function readAllResults(grids: Grid[]): ResultsRead {
  return readResults(grids, {});
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
  /** Sheet names that will be added. */
  create: string[];
  /** Generated sheets that will be rewritten: the name they have now. */
  replace: string[];
  /** Generated sheets of an earlier run that go (schools no longer in the data). */
  remove: string[];
}

export interface ReportPlan {
  patch: WorkbookPatch;
  chart: ChartSpec | null;
  preview: ReportPreview;
  criteria: CriteriaResult;
  schools: number;
  /** Name the index sheet gets in the patch. */
  indexSheet: string;
}

export function previewPatch(patch: WorkbookPatch, generated: GeneratedSheet[]): ReportPreview {
  const byKey = new Map(generated.map((g) => [g.key, g.name]));
  const inPatch = new Set(patch.sheets.map((s) => s.key));
  return {
    create: patch.sheets.filter((s) => !byKey.has(s.key)).map((s) => s.name),
    replace: patch.sheets.filter((s) => byKey.has(s.key)).map((s) => byKey.get(s.key)!),
    remove: patch.removeKeys
      .filter((k) => !inPatch.has(k) && byKey.has(k))
      .map((k) => byKey.get(k)!),
  };
}

export function planReport(opts: {
  grids: Grid[];
  generated: GeneratedSheet[];
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
    previousKeys: opts.generated.map((g) => g.key),
  });
  const { patch, chart } = addShnorChart(built, result);
  const index = patch.sheets.find((s) => s.key === 'index');
  return {
    patch,
    chart,
    preview: previewPatch(patch, opts.generated),
    criteria: result,
    schools: result.schools.length,
    indexSheet: index?.name ?? INDEX_SHEET,
  };
}
