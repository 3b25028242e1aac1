/**
 * Applies a WorkbookPatch to the open workbook through office.js: the office.js adapter. It reads
 * the workbook for the patch policy (./state.ts), lets the policy decide (src/core/workbook/
 * policy.ts) and carries the plan out; it decides nothing itself.
 *
 * - Generated sheets are rewritten in place (cleared, renamed back if the user renamed them), so
 *   the user's own formulas pointing at them keep working; an edited one is first copied for the
 *   user (ExcelApi 1.10; older clients rename it for the user and get a new sheet).
 * - Writes go in batches sized by their JSON (well under Excel's 5 MB per request), one sync each,
 *   with calculation suspended; calculation mode is switched to manual for the run and restored
 *   even when the run fails.
 * - After every batch the progress is stored in the same request, so a cancelled or interrupted
 *   run resumes where it stopped when given the same patch again — but only when the workbook still
 *   holds every sheet as the run left it; otherwise (a sheet deleted or renamed meanwhile) the run
 *   starts over, which the policy makes safe.
 */
import type { WorkbookPatch } from '../core/patch';
import { quoteSheet } from '../core/sheetRef';
import { fingerprintSheetPatch } from '../core/workbook/fingerprint';
import { planApply, type ApplyPlan, type ApplyReport } from '../core/workbook/policy';
import { resolvePatchNames } from '../core/workbook/references';
import {
  GENERATOR_VERSION,
  LEGACY_SETTING,
  MARKER_NAME,
  markerFormula,
  registryRows,
  type RegistryEntry,
} from '../core/workbook/registry';
import { REGISTRY_SHEET } from '../core/workbook/sheetNames';
import type { ApiSupport, XlContext, XlWorksheet } from './api';
import { DEFAULT_BATCH_BYTES, callBytes } from './payload';
import { PROGRESS_SETTING, fingerprint as patchFingerprint, type Progress } from './progress';
import { readWorkbook, type ExcelWorkbook } from './state';
import { ExcelSupportError, checkSupport, officeRequirements, type Features } from './support';
import { sendBatch } from './sendBatch';
import { groupBatches, planWrites, type PlannedOp } from './writeBatches';

export interface ApplyProgress {
  /** Write batches done, out of total. */
  done: number;
  total: number;
  /**
   * What is being done: reading the workbook and making the sheets ('prepare'), writing values and
   * formulas of every sheet ('content'), then their formats ('format').
   */
  phase: 'prepare' | 'content' | 'format';
  /** How far the phase got through the patch's sheets (1-based position of the last one written). */
  sheet: number;
  sheets: number;
}

export interface ApplyOptions {
  onProgress?: (progress: ApplyProgress) => void;
  /** Cancels between batches; the progress stays in the workbook for a later resume. */
  signal?: AbortSignal;
  /** Requirement sets of the client; Office.context.requirements by default. */
  api?: ApiSupport;
  /** Bytes per request the adapter aims at (default 1.5 MB; Excel refuses over 5 MB). */
  budgetBytes?: number;
}

interface Run {
  context: XlContext;
  features: Features & { copySheet: boolean };
  report: ApplyReport;
}

function saveSetting(context: XlContext, key: string, value: unknown): void {
  context.workbook.settings.add(key, JSON.stringify(value));
}

/** Registry rows written as text ("@" first, so nothing turns into a number or a formula). */
function writeRegistry(ws: XlWorksheet, entries: RegistryEntry[]): void {
  const rows = registryRows(entries);
  const range = ws.getRange(`A1:E${rows.length}`);
  range.numberFormat = rows.map((r) => r.map(() => '@'));
  range.values = rows;
}

/** The run's plan as it stands now: is it the one the saved progress was writing? */
function canResume(plan: ApplyPlan, progress: Progress | null, fp: string): boolean {
  if (progress?.fingerprint !== fp || progress.stage !== 'content') return false;
  const keys = Object.keys(progress.names);
  return (
    plan.create.length === 0 &&
    plan.keep.length === 0 &&
    plan.remove.length === 0 &&
    plan.unmark.length === 0 &&
    plan.replace.length === keys.length &&
    plan.replace.every((r) => r.sheet === r.name && progress.names[r.key] === r.name)
  );
}

/**
 * The structure request: hand edited sheets to the user, take markers off copies, delete removed
 * sheets, clear and rename the replaced ones, create the new ones, mark them, write the registry
 * (fingerprints blank until the content is in) and drop the old registrations. Returns the sheet
 * order the workbook will have after it.
 */
async function prepareStructure(
  run: Run,
  plan: ApplyPlan,
  read: ExcelWorkbook,
  progress: Progress,
): Promise<string[]> {
  const { context, features } = run;
  const wb = context.workbook;
  const byName = (name: string) => wb.worksheets.getItem(read.ids.get(name)!);
  const order = read.state.sheets.map((s) => s.name);
  const replacedKeys = new Set(plan.replace.map((r) => r.key));
  const create = [...plan.create];
  const replace = [...plan.replace];
  const renames: Array<{ ws: XlWorksheet; from: string; to: string }> = [];
  /** Keys whose sheet is copied for the user and rewritten in place: it keeps its marker. */
  const marked = new Set<string>();

  for (const k of plan.keep) {
    const original = byName(k.sheet);
    if (replacedKeys.has(k.key) && features.copySheet) {
      const copy = original.copy('After', original);
      copy.name = k.as;
      copy.names.getItem(MARKER_NAME).delete();
      marked.add(k.key);
      order.splice(order.indexOf(k.sheet) + 1, 0, k.as);
    } else {
      // No copy before ExcelApi 1.10 (or the key is removed): the sheet itself becomes the user's.
      original.names.getItem(MARKER_NAME).delete();
      renames.push({ ws: original, from: k.sheet, to: k.as });
      const i = replace.findIndex((r) => r.key === k.key);
      if (i >= 0) create.push({ key: k.key, name: replace.splice(i, 1)[0]!.name });
    }
  }
  for (const name of plan.unmark) byName(name).names.getItem(MARKER_NAME).delete();
  for (const r of replace) {
    const ws = byName(r.sheet);
    const whole = ws.getRange();
    whole.unmerge();
    whole.conditionalFormats.clearAll();
    whole.clear('All');
    ws.freezePanes.unfreeze();
    if (features.autoFilter) ws.autoFilter.remove();
    if (r.sheet !== r.name) renames.push({ ws, from: r.sheet, to: r.name });
  }
  // Renames in two steps, so names can swap between sheets; deletions in between free theirs.
  renames.forEach((r, i) => (r.ws.name = `~shnor~${i}`));
  for (const r of plan.remove) {
    byName(r.sheet).delete();
    order.splice(order.indexOf(r.sheet), 1);
  }
  if (read.registrySheet && !plan.registry) {
    byName(read.registrySheet).delete();
    order.splice(order.indexOf(read.registrySheet), 1);
  }
  for (const r of renames) {
    r.ws.name = r.to;
    order[order.indexOf(r.from)] = r.to;
  }
  const added = new Map<string, XlWorksheet>();
  for (const c of create) {
    added.set(c.name, wb.worksheets.add(c.name));
    order.push(c.name);
  }
  const marks = [
    ...plan.mark.filter((m) => !marked.has(m.key)),
    ...create
      .filter((c) => !plan.mark.some((m) => m.key === c.key))
      .map((c) => ({ key: c.key, sheet: c.name })),
  ];
  for (const m of marks) {
    const ws =
      added.get(m.sheet) ?? byName(replace.find((r) => r.name === m.sheet)?.sheet ?? m.sheet);
    ws.names.add(MARKER_NAME, markerFormula(m.key)).visible = false;
  }
  if (plan.registry) {
    let registry: XlWorksheet;
    let hidden = false;
    if (read.registrySheet) {
      registry = byName(read.registrySheet);
      registry.getRange().clear('All');
      hidden = read.state.sheets.some(
        (s) => s.name === read.registrySheet && s.visibility === 'veryHidden',
      );
    } else {
      registry = wb.worksheets.add(REGISTRY_SHEET);
      order.push(REGISTRY_SHEET);
    }
    // Only when needed: Excel cannot undo a change of visibility, and setting it would empty the
    // user's undo list on every run.
    if (!hidden) registry.visibility = 'VeryHidden';
    writeRegistry(registry, registryEntries(plan, null));
  }
  for (const name of plan.dropNames) wb.names.getItem(name).delete();
  if (read.legacySetting) wb.settings.getItemOrNullObject(LEGACY_SETTING).delete();
  saveSetting(context, PROGRESS_SETTING, progress);
  await context.sync();
  return order;
}

/** Registry rows after the apply; the patch's sheets without fingerprints until written. */
function registryEntries(plan: ApplyPlan, prints: Map<string, string> | null): RegistryEntry[] {
  return [
    ...plan.kept,
    ...Object.entries(plan.names).map(([key, sheet]) => ({
      key,
      sheet,
      fingerprint: prints?.get(key) ?? '',
      version: GENERATOR_VERSION,
      definedName: MARKER_NAME,
    })),
  ];
}

/** "A1:B2" → "$A$1:$B$2". */
function absolute(range: string): string {
  return range.replace(
    /\$?([A-Za-z]{1,3})\$?(\d+)/g,
    (_m, col: string, row: string) => `$${col.toUpperCase()}$${row}`,
  );
}

/** Names, sheet order, the active sheet, the registry's fingerprints, forgetting the progress. */
function queueFinish(
  context: XlContext,
  patch: WorkbookPatch,
  plan: ApplyPlan,
  read: ExcelWorkbook,
  order: string[],
): void {
  const wb = context.workbook;
  const patchNames = new Set(patch.names.map((n) => n.name.toLowerCase()));
  for (const n of read.state.names ?? [])
    if (patchNames.has(n.name.toLowerCase())) wb.names.getItem(n.name).delete();
  for (const n of patch.names)
    wb.names.add(n.name, `=${quoteSheet(n.sheet)}!${absolute(n.range)}`, n.comment);
  if (order.some((n, i) => plan.order[i] !== n))
    plan.order.forEach((name, i) => (wb.worksheets.getItem(name).position = i));
  if (plan.registry) {
    const prints = new Map(patch.sheets.map((s) => [s.key, fingerprintSheetPatch(s)]));
    writeRegistry(wb.worksheets.getItem(REGISTRY_SHEET), registryEntries(plan, prints));
  }
  if (plan.activeSheet) wb.worksheets.getItem(plan.activeSheet).activate();
  wb.settings.getItemOrNullObject(PROGRESS_SETTING).delete();
}

function batchBytes(batch: PlannedOp[]): number {
  return batch.reduce((n, p) => n + p.bytes, 0);
}

/** Structure (unless resuming), then the write batches, then the finishing request. */
async function writeAll(
  run: Run,
  patch: WorkbookPatch,
  options: ApplyOptions,
  read: ExcelWorkbook,
  savedMode: string | undefined,
): Promise<void> {
  const { context, report, features } = run;
  const budget = options.budgetBytes ?? DEFAULT_BATCH_BYTES;
  const plan = planApply(read.state, patch);
  const resolved = resolvePatchNames(patch, plan.names);
  const fp = patchFingerprint(patch);
  const resume = canResume(plan, read.progress, fp) ? read.progress! : null;
  const progress: Progress = {
    fingerprint: fp,
    stage: 'content',
    done: resume?.done ?? 0,
    total: 0,
    names: plan.names,
    report: resume?.report ?? {
      created: plan.report.created,
      replaced: plan.report.replaced,
      removed: plan.report.removed,
      renamedToAvoidClash: plan.report.renamedToAvoidClash,
      changedByUser: plan.report.changedByUser,
    },
  };
  if (savedMode !== undefined) progress.calculationMode = savedMode;
  Object.assign(report, plan.report, { status: 'done', warnings: report.warnings });
  // A resumed run also says what the whole run did, from its first request on.
  if (resume?.report) report.wholeRun = resume.report;
  report.startedAt = progress.done;
  // Every batch also carries the progress record (sheet names included): leave room for it.
  const progressBytes = callBytes({ key: PROGRESS_SETTING, value: JSON.stringify(progress) });
  const writeBudget = Math.max(budget / 2, budget - progressBytes);
  const batches = groupBatches(
    planWrites(resolved, plan.names, { budgetBytes: writeBudget, features }),
    writeBudget,
  );
  report.totalBatches = progress.total = batches.length;
  const sheets = patch.sheets.length;
  options.onProgress?.({
    done: progress.done,
    total: batches.length,
    phase: 'prepare',
    sheet: 0,
    sheets,
  });
  const order = resume
    ? read.state.sheets.map((s) => s.name)
    : await prepareStructure(run, plan, read, progress);
  for (let i = progress.done; i < batches.length; i++) {
    if (options.signal?.aborted) {
      report.status = 'cancelled';
      return;
    }
    const batch = batches[i]!;
    await sendBatch(context, batch, {
      suspendCalculation: features.suspendCalculation,
      progress: { ...progress, done: i + 1 },
    });
    const bytes = batchBytes(batch);
    report.totalBytes! += bytes;
    report.largestBatchBytes = Math.max(report.largestBatchBytes!, bytes);
    const last = batch[batch.length - 1]!;
    options.onProgress?.({
      done: i + 1,
      total: batches.length,
      phase: last.phase,
      sheet: last.sheet,
      sheets,
    });
  }
  queueFinish(context, resolved, plan, read, order);
  await context.sync();
}

export async function applyPatch(
  context: XlContext,
  patch: WorkbookPatch,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const api = options.api ?? officeRequirements();
  const support = checkSupport(api);
  if (!support.ok) throw new ExcelSupportError(support.messages.join(' '));
  const features = { ...support.features, copySheet: api.isSetSupported('ExcelApi', '1.10') };
  const report: ApplyReport = {
    status: 'done',
    names: {},
    created: [],
    replaced: [],
    removed: [],
    renamedToAvoidClash: [],
    changedByUser: [],
    warnings: support.messages,
    syncs: 0,
    totalBatches: 0,
    startedAt: 0,
    largestBatchBytes: 0,
    totalBytes: 0,
  };
  if (options.signal?.aborted) return { ...report, status: 'cancelled' };

  // Every request of the run is counted, reads included.
  const original = context;
  context = {
    workbook: original.workbook,
    sync: () => {
      report.syncs!++;
      return original.sync();
    },
  };
  const app = context.workbook.application;
  if (features.suspendCalculation) app.load('calculationMode');
  const read = await readWorkbook(context, { fingerprints: true });
  const calculationMode = features.suspendCalculation ? app.calculationMode : null;
  // The user's own mode: a run that died with calculation switched to manual saved it.
  const userMode =
    calculationMode === 'Manual' && read.progress?.calculationMode
      ? read.progress.calculationMode
      : calculationMode;
  // Manual calculation for the whole run, the user's mode back at the end (also after a failure).
  const switchedMode = features.suspendCalculation && userMode !== null && userMode !== 'Manual';
  const restoreMode = async () => {
    app.calculationMode = userMode!;
    await context.sync();
  };
  const run: Run = { context, features, report };
  try {
    if (switchedMode && calculationMode !== 'Manual') app.calculationMode = 'Manual';
    await writeAll(run, patch, options, read, switchedMode ? userMode! : undefined);
  } catch (error) {
    // The original failure matters more than a failed restore.
    if (switchedMode) await restoreMode().catch(() => undefined);
    throw error;
  }
  if (switchedMode) await restoreMode();
  return report;
}
