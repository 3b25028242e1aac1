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
import { buildReportPatch, INDEX_SHEET } from '../core/report/build';
import { readRiskFactors } from '../core/report/riskFactors';
import { readResults, type ResultsRead } from '../core/results/read';
import type { Settings } from '../core/settings';
import { addShnorChart } from './chart';
import { sheetNameKey, uniqueSheetName } from '../excel/sheetName';
import type { ChartSpec, GeneratedSheet } from './host';

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

/**
 * What writing the patch will do, with the names the sheets will really get: a name a user's sheet
 * (or a generated sheet that stays) already holds gets a free variant, as the adapter gives it.
 */
export function previewPatch(
  patch: WorkbookPatch,
  generated: GeneratedSheet[],
  userSheets: string[],
): ReportPreview {
  const byKey = new Map(generated.map((g) => [g.key, g.name]));
  const inPatch = new Set(patch.sheets.map((s) => s.key));
  const removed = patch.removeKeys.filter((k) => !inPatch.has(k) && byKey.has(k));
  const removedSet = new Set(removed);
  const taken = new Set([
    ...userSheets.map(sheetNameKey),
    ...generated
      .filter((g) => !inPatch.has(g.key) && !removedSet.has(g.key))
      .map((g) => sheetNameKey(g.name)),
  ]);
  const create: string[] = [];
  const replace: string[] = [];
  for (const s of [...patch.sheets].sort((a, b) => a.order - b.order)) {
    const actual = uniqueSheetName(s.name, taken);
    taken.add(sheetNameKey(actual));
    (byKey.has(s.key) ? replace : create).push(actual);
  }
  return { create, replace, remove: removed.map((k) => byKey.get(k)!) };
}

/** What a write did, from the generated sheets before the first attempt and after the last one. */
export interface Written {
  created: string[];
  replaced: string[];
  removed: string[];
}

export function writtenSheets(
  patch: WorkbookPatch,
  before: GeneratedSheet[],
  after: GeneratedSheet[],
): Written {
  const had = new Map(before.map((g) => [g.key, g.name]));
  const now = new Map(after.map((g) => [g.key, g.name]));
  const inPatch = new Set(patch.sheets.map((s) => s.key));
  const out: Written = { created: [], replaced: [], removed: [] };
  for (const s of [...patch.sheets].sort((a, b) => a.order - b.order)) {
    const name = now.get(s.key);
    if (name === undefined) continue;
    (had.has(s.key) ? out.replaced : out.created).push(name);
  }
  for (const key of patch.removeKeys)
    if (!inPatch.has(key) && had.has(key) && !now.has(key)) out.removed.push(had.get(key)!);
  return out;
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
    preview: previewPatch(
      patch,
      opts.generated,
      opts.grids.map((g) => g.sheet),
    ),
    criteria: result,
    schools: result.schools.length,
    indexSheet: index?.name ?? INDEX_SHEET,
  };
}
