/**
 * Applies a WorkbookPatch to the open workbook through office.js.
 *
 * - Sheets the add-in generated are found by worksheet id in workbook.settings and only those are
 *   cleared and rewritten; a patch name that a user sheet already holds gets a free variant.
 * - Writes go in batches sized by their JSON (well under Excel's 5 MB per request), one sync each,
 *   with calculation suspended; calculation mode is switched to manual for the run and restored
 *   even when the run fails.
 * - After every batch the progress is stored in the same request, so a cancelled or interrupted
 *   run resumes where it stopped when given the same patch again.
 */
import type { WorkbookPatch } from '../core/patch';
import { quoteSheet } from '../core/sheetRef';
import type { ApiSupport, XlContext, XlWorksheet } from './api';
import { executeWrite } from './execute';
import { DEFAULT_BATCH_BYTES, callBytes } from './payload';
import { groupBatches, planWrites, type PlannedOp } from './plan';
import {
  CLI_REGISTRY_SHEET,
  GENERATED_SETTING,
  PROGRESS_SETTING,
  fingerprint as patchFingerprint,
  readProgress,
  readRegistry,
  type Progress,
  type Registry,
} from './registry';
import { sheetNameKey, uniqueSheetName } from './sheetName';
import { splitSheetAddress } from './address';
import { ExcelSupportError, checkSupport, officeRequirements, type Features } from './support';

export interface ApplyProgress {
  /** Write batches done, out of total. */
  done: number;
  total: number;
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

export interface ApplyReport {
  status: 'done' | 'cancelled';
  /** Requests sent (context.sync calls) by this run. */
  syncs: number;
  /** Write batches in the whole patch, and the batch this run started at (0 unless resumed). */
  totalBatches: number;
  startedAt: number;
  /** Estimated size of the largest write batch and of all batches sent by this run. */
  largestBatchBytes: number;
  totalBytes: number;
  created: string[];
  replaced: string[];
  removed: string[];
  /** Patch sheets that got another name because a user sheet already had theirs. */
  renamed: Array<{ wanted: string; actual: string }>;
  /** Russian notes on features the client lacks. */
  warnings: string[];
}

interface SheetInfo {
  id: string;
  name: string;
}

interface WorkbookState {
  sheets: SheetInfo[];
  registry: Registry;
  progress: Progress | null;
  nameList: string[];
  calculationMode: string | null;
}

async function loadState(context: XlContext, features: Features): Promise<WorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name,items/id');
  const registry = wb.settings.getItemOrNullObject(GENERATED_SETTING);
  registry.load('value');
  const progress = wb.settings.getItemOrNullObject(PROGRESS_SETTING);
  progress.load('value');
  wb.names.load('items/name,items/formula');
  if (features.suspendCalculation) wb.application.load('calculationMode');
  await context.sync();
  const state: WorkbookState = {
    sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })),
    registry: registry.isNullObject ? {} : readRegistry(parseSetting(registry.value)),
    progress: progress.isNullObject ? null : readProgress(parseSetting(progress.value)),
    nameList: wb.names.items.map((n) => n.name),
    calculationMode: features.suspendCalculation ? wb.application.calculationMode : null,
  };
  if (state.sheets.some((s) => sheetNameKey(s.name) === sheetNameKey(CLI_REGISTRY_SHEET))) {
    const used = sheets.getItem(CLI_REGISTRY_SHEET).getUsedRangeOrNullObject(true);
    used.load('values');
    await context.sync();
    if (!used.isNullObject) adoptCliSheets(state, used.values, wb.names.items);
  }
  return state;
}

/**
 * Sheets the command line generated into this file: src/xlsx/write.ts lists them in a veryHidden
 * sheet "_shnor" (key, sheet, fingerprint, version, defined name), and the defined name follows the
 * sheet when the user renames it. Recorded here so the add-in replaces them instead of adding copies.
 */
function adoptCliSheets(
  state: WorkbookState,
  rows: unknown[][],
  names: Array<{ name: string; formula: unknown }>,
): void {
  const header = (rows[0] ?? []).map((h) => String(h));
  const col = (title: string) => header.indexOf(title);
  const [keyCol, sheetCol, nameCol] = [col('key'), col('sheet'), col('definedName')];
  if (keyCol < 0 || sheetCol < 0) return;
  const known = new Set(Object.values(state.registry));
  const formulaOf = new Map(names.map((n) => [n.name.toLowerCase(), String(n.formula)]));
  for (const row of rows.slice(1)) {
    const key = String(row[keyCol] ?? '');
    if (!key || known.has(key)) continue;
    const target =
      nameCol >= 0 ? formulaOf.get(String(row[nameCol] ?? '').toLowerCase()) : undefined;
    const name = target
      ? splitSheetAddress(target.replace(/^=/, '')).sheet
      : String(row[sheetCol] ?? '');
    const sheet = state.sheets.find(
      (s) => sheetNameKey(s.name) === sheetNameKey(name) && !(s.id in state.registry),
    );
    if (!sheet) continue;
    state.registry[sheet.id] = key;
    known.add(key);
  }
}

/** Settings hold JSON text (office.js would also accept objects; text survives every client). */
function parseSetting(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

function saveSetting(context: XlContext, key: string, value: unknown): void {
  context.workbook.settings.add(key, JSON.stringify(value));
}

/** Sheets a run interrupted during creation left behind: adopt them so they are not duplicated. */
function adoptInterrupted(state: WorkbookState): void {
  if (!state.progress) return;
  const known = new Set(Object.values(state.registry));
  for (const [key, name] of Object.entries(state.progress.names)) {
    if (known.has(key)) continue;
    const sheet = state.sheets.find(
      (s) => sheetNameKey(s.name) === sheetNameKey(name) && !(s.id in state.registry),
    );
    if (sheet) state.registry[sheet.id] = key;
  }
}

interface Structure {
  names: Record<string, string>;
  registry: Registry;
  /** Sheet names in workbook order after the structure step. */
  order: string[];
}

/**
 * Deletes removed generated sheets, clears the generated sheets being rewritten, creates the new
 * ones and records them: two requests, however many sheets.
 */
async function prepareSheets(
  context: XlContext,
  patch: WorkbookPatch,
  state: WorkbookState,
  features: Features,
  fp: string,
  report: ApplyReport,
  calculationMode: string | undefined,
): Promise<Structure> {
  const wb = context.workbook;
  adoptInterrupted(state);
  const live = new Set(state.sheets.map((s) => s.id));
  const registry: Registry = {};
  for (const [id, key] of Object.entries(state.registry)) if (live.has(id)) registry[id] = key;
  const idByKey = new Map(Object.entries(registry).map(([id, key]) => [key, id]));
  const patchKeys = new Set(patch.sheets.map((s) => s.key));
  const removeIds = new Set(
    patch.removeKeys.filter((k) => !patchKeys.has(k) && idByKey.has(k)).map((k) => idByKey.get(k)!),
  );
  const reusedIds = new Set(
    patch.sheets.filter((s) => idByKey.has(s.key)).map((s) => idByKey.get(s.key)!),
  );

  // Names held by sheets that stay as they are (the user's, and generated ones not in this patch).
  const taken = new Set(
    state.sheets
      .filter((s) => !removeIds.has(s.id) && !reusedIds.has(s.id))
      .map((s) => sheetNameKey(s.name)),
  );
  const sorted = [...patch.sheets].sort((a, b) => a.order - b.order);
  const names: Record<string, string> = {};
  for (const s of sorted) {
    const actual = uniqueSheetName(s.name, taken);
    taken.add(sheetNameKey(actual));
    names[s.key] = actual;
    if (actual !== s.name) report.renamed.push({ wanted: s.name, actual });
  }
  saveSetting(context, PROGRESS_SETTING, {
    fingerprint: fp,
    stage: 'structure',
    done: 0,
    total: 0,
    names,
    calculationMode,
  } satisfies Progress);

  const byId = new Map(state.sheets.map((s) => [s.id, s]));
  const added: Array<{ key: string; sheet: XlWorksheet }> = [];
  for (const s of sorted) {
    if (!idByKey.has(s.key)) {
      const ws = wb.worksheets.add(names[s.key]);
      ws.load('id');
      added.push({ key: s.key, sheet: ws });
      report.created.push(names[s.key]!);
    }
  }
  // Reused sheets: clear everything, then rename in two steps so names can swap between them.
  const renames: Array<{ ws: XlWorksheet; name: string }> = [];
  let temp = 0;
  for (const s of sorted) {
    const id = idByKey.get(s.key);
    if (id === undefined) continue;
    const ws = wb.worksheets.getItem(id);
    const whole = ws.getRange();
    whole.unmerge();
    whole.conditionalFormats.clearAll();
    whole.clear('All');
    ws.freezePanes.unfreeze();
    if (features.autoFilter) ws.autoFilter.remove();
    report.replaced.push(names[s.key]!);
    if (byId.get(id)?.name !== names[s.key]) {
      ws.name = `~shnor~${temp++}`;
      renames.push({ ws, name: names[s.key]! });
    }
  }
  for (const r of renames) r.ws.name = r.name;
  for (const id of removeIds) {
    wb.worksheets.getItem(id).delete();
    report.removed.push(byId.get(id)!.name);
    delete registry[id];
  }
  await context.sync();
  report.syncs++;
  for (const a of added) registry[a.sheet.id] = a.key;

  const order = state.sheets
    .filter((s) => !removeIds.has(s.id))
    .map((s) => (reusedIds.has(s.id) ? names[registry[s.id]!]! : s.name));
  order.push(...added.map((a) => names[a.key]!));
  return { names, registry, order };
}

function batchBytes(batch: PlannedOp[]): number {
  return batch.reduce((n, p) => n + p.bytes, 0);
}

/** "A1:B2" → "$A$1:$B$2". */
function absolute(range: string): string {
  return range.replace(
    /\$?([A-Za-z]{1,3})\$?(\d+)/g,
    (_m, col: string, row: string) => `$${col.toUpperCase()}$${row}`,
  );
}

/** Names, sheet order, the active sheet, and forgetting the finished progress: one request. */
function queueFinish(
  context: XlContext,
  patch: WorkbookPatch,
  existingNames: string[],
  names: Record<string, string>,
  order: string[],
): void {
  const wb = context.workbook;
  const actualByName = new Map(patch.sheets.map((s) => [s.name, names[s.key] ?? s.name]));
  const patchNames = new Set(patch.names.map((n) => n.name.toLowerCase()));
  for (const name of existingNames)
    if (patchNames.has(name.toLowerCase())) wb.names.getItem(name).delete();
  for (const n of patch.names) {
    const sheet = actualByName.get(n.sheet) ?? n.sheet;
    wb.names.add(n.name, `=${quoteSheet(sheet)}!${absolute(n.range)}`, n.comment);
  }
  // Generated sheets go after all others, in patch order; moved only when not already so.
  const wanted = [...patch.sheets].sort((a, b) => a.order - b.order).map((s) => names[s.key]!);
  const tail = order.slice(order.length - wanted.length);
  if (wanted.some((n, i) => tail[i] !== n)) {
    const last = order.length - 1;
    for (const n of wanted) wb.worksheets.getItem(n).position = last;
  }
  if (patch.activeSheet)
    wb.worksheets.getItem(actualByName.get(patch.activeSheet) ?? patch.activeSheet).activate();
  wb.settings.getItemOrNullObject(PROGRESS_SETTING).delete();
}

/** Structure (unless resuming), then the write batches, then the finishing request. */
async function writeAll(
  context: XlContext,
  patch: WorkbookPatch,
  options: ApplyOptions,
  state: WorkbookState,
  features: Features,
  fp: string,
  report: ApplyReport,
  savedMode: string | undefined,
): Promise<void> {
  const budget = options.budgetBytes ?? DEFAULT_BATCH_BYTES;
  const app = context.workbook.application;
  const resume =
    state.progress?.fingerprint === fp && state.progress.stage === 'content'
      ? state.progress
      : null;
  let names: Record<string, string>;
  let order: string[];
  if (resume) {
    names = resume.names;
    order = state.sheets.map((s) => s.name);
    report.startedAt = resume.done;
  } else {
    const structure = await prepareSheets(context, patch, state, features, fp, report, savedMode);
    names = structure.names;
    order = structure.order;
    saveSetting(context, GENERATED_SETTING, structure.registry);
  }
  const progress: Progress = {
    fingerprint: fp,
    stage: 'content',
    done: report.startedAt,
    total: 0,
    names,
  };
  if (savedMode !== undefined) progress.calculationMode = savedMode;
  // Every batch also carries the progress record (sheet names included): leave room for it.
  const progressBytes = callBytes({ key: PROGRESS_SETTING, value: JSON.stringify(progress) });
  const writeBudget = Math.max(budget / 2, budget - progressBytes);
  const planned = planWrites(patch, names, { budgetBytes: writeBudget, features });
  const batches = groupBatches(planned, writeBudget);
  report.totalBatches = progress.total = batches.length;
  if (!resume) {
    saveSetting(context, PROGRESS_SETTING, progress);
    await context.sync();
    report.syncs++;
  }
  for (let i = report.startedAt; i < batches.length; i++) {
    if (options.signal?.aborted) {
      report.status = 'cancelled';
      return;
    }
    const batch = batches[i]!;
    if (features.suspendCalculation) app.suspendApiCalculationUntilNextSync();
    const sheets = new Map<string, XlWorksheet>();
    for (const { op } of batch) {
      let ws = sheets.get(op.sheet);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(op.sheet);
        sheets.set(op.sheet, ws);
      }
      executeWrite(ws, op);
    }
    saveSetting(context, PROGRESS_SETTING, { ...progress, done: i + 1 });
    await context.sync();
    report.syncs++;
    const bytes = batchBytes(batch);
    report.totalBytes += bytes;
    report.largestBatchBytes = Math.max(report.largestBatchBytes, bytes);
    options.onProgress?.({ done: i + 1, total: batches.length });
  }
  queueFinish(context, patch, state.nameList, names, order);
  await context.sync();
  report.syncs++;
}

export async function applyPatch(
  context: XlContext,
  patch: WorkbookPatch,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const support = checkSupport(options.api ?? officeRequirements());
  if (!support.ok) throw new ExcelSupportError(support.messages.join(' '));
  const features = support.features;
  const report: ApplyReport = {
    status: 'done',
    syncs: 0,
    totalBatches: 0,
    startedAt: 0,
    largestBatchBytes: 0,
    totalBytes: 0,
    created: [],
    replaced: [],
    removed: [],
    renamed: [],
    warnings: support.messages,
  };
  if (options.signal?.aborted) return { ...report, status: 'cancelled' };

  const fp = patchFingerprint(patch);
  const state = await loadState(context, features);
  report.syncs++;
  const app = context.workbook.application;
  // The user's own mode: a run that died with calculation switched to manual saved it.
  const userMode =
    state.calculationMode === 'Manual' && state.progress?.calculationMode
      ? state.progress.calculationMode
      : state.calculationMode;
  // Manual calculation for the whole run, the user's mode back at the end (also after a failure).
  const switchedMode = features.suspendCalculation && userMode !== null && userMode !== 'Manual';
  const restoreMode = async () => {
    app.calculationMode = userMode!;
    await context.sync();
    report.syncs++;
  };
  try {
    if (switchedMode && state.calculationMode !== 'Manual') app.calculationMode = 'Manual';
    await writeAll(
      context,
      patch,
      options,
      state,
      features,
      fp,
      report,
      switchedMode ? userMode! : undefined,
    );
  } catch (error) {
    // The original failure matters more than a failed restore.
    if (switchedMode) await restoreMode().catch(() => undefined);
    throw error;
  }
  if (switchedMode) await restoreMode();
  return report;
}
