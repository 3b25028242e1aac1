/**
 * WorkbookPatch → exceljs Workbook, and workbooks → files. The .xlsx twin of the office.js adapter.
 *
 * Generated sheets are recognised by identity, not by name: a veryHidden registry sheet "_shnor"
 * lists (key, sheet name, fingerprint, generator version, defined name), and every generated sheet
 * has a hidden workbook defined name pointing at its A1. Excel rewrites defined names when a sheet
 * is renamed, so a generated sheet the user renamed is still found. User sheets are never touched.
 */
import { createHash } from 'crypto';
import { writeFile } from 'fs/promises';
import ExcelJS from 'exceljs';
import { columnLetter, parseA1 } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import { quoteSheet } from '../core/sheetRef';
import './sheetRefQuoting';
import { worksheetToGrid } from './exceljsRead';
import { seenValue, sheetOptions, StyleCache, writeSheet } from './sheetWriter';

/** The veryHidden sheet that remembers which sheets this program generated. */
import { REGISTRY_SHEET } from './registrySheet';

export { REGISTRY_SHEET };
/** Bumped when the layout of generated sheets changes in a way a reader should know about. */
export const GENERATOR_VERSION = '1';
const NAME_PREFIX = '_shnor_';
const MAX_SHEET_NAME = 31;

export interface GeneratedSheetInfo {
  key: string;
  /** The sheet's current name (after any rename by the user). */
  name: string;
  /** Content fingerprint recorded when the sheet was generated. */
  fingerprint: string;
  /** Fingerprint of the content as it is now. */
  currentFingerprint: string;
  /** The user renamed the sheet since it was generated. */
  renamed: boolean;
  /** The user changed values or formulas since it was generated. */
  edited: boolean;
}

export interface ApplyReport {
  /** Names of sheets created for keys never generated before. */
  created: string[];
  /** Generated sheets replaced: key, the name they had, the name they have now. */
  replaced: Array<{ key: string; previousName: string; name: string }>;
  /** Names of generated sheets deleted through removeKeys. */
  removed: string[];
  /** Wanted names taken by a user sheet, and the name used instead. */
  renamedToAvoidClash: Array<{ key: string; wanted: string; actual: string }>;
  /** Generated sheets the user renamed or edited before they were replaced or removed. */
  changedByUser: GeneratedSheetInfo[];
}

interface RegistryEntry {
  key: string;
  sheet: string;
  fingerprint: string;
  version: string;
  definedName: string;
}

// exceljs cannot mark a defined name hidden; this adds hidden="1" to ours when the file is written.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DefinedNameXform = require('exceljs/lib/xlsx/xform/book/defined-name-xform') as {
  prototype: {
    render(
      xml: XmlStreamLike,
      model: { name: string; localSheetId?: number; ranges: string[] },
    ): void;
  };
};
interface XmlStreamLike {
  openNode(name: string, attrs?: Record<string, unknown>): void;
  writeText(t: string): void;
  closeNode(): void;
}
DefinedNameXform.prototype.render = function render(xml, model) {
  xml.openNode('definedName', {
    name: model.name,
    localSheetId: model.localSheetId,
    hidden: model.name.startsWith(NAME_PREFIX) ? '1' : undefined,
  });
  xml.writeText(model.ranges.join(','));
  xml.closeNode();
};

/**
 * Fingerprint of what a person sees: values and formulas (not cached results, not styles). The
 * sheet writer computes the same hash from what it writes (sheetWriter.writeSheet).
 */
export function sheetFingerprint(ws: ExcelJS.Worksheet): string {
  const grid = worksheetToGrid(ws);
  const hash = createHash('sha1');
  grid.rows.forEach((row, r) => {
    let seen = '';
    row?.forEach((cell, c) => {
      const v = cell?.f ? `=${cell.f}` : cell ? seenValue(cell.v) : null;
      if (v !== null) seen += `${r},${c}=${v}\u0000`;
    });
    if (seen) hash.update(seen);
  });
  return hash.digest('hex').slice(0, 16);
}

function definedNameFor(key: string): string {
  return NAME_PREFIX + createHash('sha1').update(key).digest('hex').slice(0, 12);
}

function readRegistry(wb: ExcelJS.Workbook): RegistryEntry[] {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return [];
  const entries: RegistryEntry[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const text = (i: number) => {
      const v = row.getCell(i).value;
      return v === null || v === undefined ? '' : String(v);
    };
    if (text(1))
      entries.push({
        key: text(1),
        sheet: text(2),
        fingerprint: text(3),
        version: text(4),
        definedName: text(5),
      });
  });
  return entries;
}

function writeRegistry(wb: ExcelJS.Workbook, entries: RegistryEntry[]): void {
  const old = wb.getWorksheet(REGISTRY_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (entries.length) addRegistrySheet(wb, entries);
}

/** The registry sheet, last in the workbook; a streamed one is committed. */
function addRegistrySheet(wb: ExcelJS.Workbook, entries: RegistryEntry[], stream = false): void {
  const ws = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  ws.addRow(['key', 'sheet', 'fingerprint', 'version', 'definedName']);
  for (const e of entries) ws.addRow([e.key, e.sheet, e.fingerprint, e.version, e.definedName]);
  if (stream) ws.commit();
}

/** Sheet name a workbook defined name points at, or null. */
function sheetOfDefinedName(wb: ExcelJS.Workbook, name: string): string | null {
  const found = wb.definedNames.model.find((d) => d.name === name);
  const range = found?.ranges[0];
  if (!range) return null;
  const m = /^(?:'((?:[^']|'')*)'|([^!]*))!/.exec(range);
  if (!m) return null;
  return (m[1] ?? m[2] ?? '').replace(/''/g, "'") || null;
}

/**
 * Finds the worksheet of a registry entry by its defined name. Only when the name is gone
 * altogether (another tool dropped it) the recorded sheet name is trusted; a name that no longer
 * resolves (#REF! after the user deleted the sheet) means the sheet is gone, even if the user has
 * since made a sheet of the same name.
 */
function locate(wb: ExcelJS.Workbook, e: RegistryEntry): ExcelJS.Worksheet | undefined {
  const hasName =
    e.definedName !== '' && wb.definedNames.model.some((d) => d.name === e.definedName);
  if (!hasName) return wb.getWorksheet(e.sheet);
  const viaName = sheetOfDefinedName(wb, e.definedName);
  return viaName ? wb.getWorksheet(viaName) : undefined;
}

/** Every sheet this program generated earlier, with whether the user renamed or edited it. */
export function listGeneratedSheets(wb: ExcelJS.Workbook): GeneratedSheetInfo[] {
  const out: GeneratedSheetInfo[] = [];
  for (const e of readRegistry(wb)) {
    const ws = locate(wb, e);
    if (!ws) continue;
    const currentFingerprint = sheetFingerprint(ws);
    out.push({
      key: e.key,
      name: ws.name,
      fingerprint: e.fingerprint,
      currentFingerprint,
      renamed: ws.name !== e.sheet,
      edited: currentFingerprint !== e.fingerprint,
    });
  }
  return out;
}

/** Names of the sheets that are the user's own: neither generated by us nor the registry. */
export function userSheetNames(wb: ExcelJS.Workbook): string[] {
  // Only the names are needed: unlike listGeneratedSheets, no sheet content is read.
  const generated = new Set<string>();
  for (const e of readRegistry(wb)) {
    const ws = locate(wb, e);
    if (ws) generated.add(ws.name);
  }
  return wb.worksheets
    .map((ws) => ws.name)
    .filter((n) => !generated.has(n) && n !== REGISTRY_SHEET);
}

/** Drops defined names whose every range points at one of the given sheets, and our own names. */
function pruneDefinedNames(
  wb: ExcelJS.Workbook,
  goneSheets: Set<string>,
  dropNames: Set<string>,
): void {
  const model = wb.definedNames.model
    .filter((d) => !dropNames.has(d.name))
    .map((d) => ({
      name: d.name,
      ranges: d.ranges.filter((r) => !goneSheets.has(sheetOfRange(r) ?? '')),
    }))
    .filter((d) => d.ranges.length > 0);
  wb.definedNames.model = model;
}

function sheetOfRange(range: string): string | null {
  const m = /^(?:'((?:[^']|'')*)'|([^!]*))!/.exec(range);
  return m ? (m[1] ?? m[2] ?? '').replace(/''/g, "'") : null;
}

function nameTaken(wb: ExcelJS.Workbook, name: string): boolean {
  const lower = name.toLowerCase();
  return wb.worksheets.some((ws) => ws.name.toLowerCase() === lower);
}

/** "Name (2)", "Name (3)"… cut to Excel's 31 characters: the first one not taken. */
function freeName(wanted: string, taken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

function emptyReport(): ApplyReport {
  return { created: [], replaced: [], removed: [], renamedToAvoidClash: [], changedByUser: [] };
}

/** Gives a generated sheet its hidden defined name and returns its registry entry. */
function registerSheet(
  wb: ExcelJS.Workbook,
  key: string,
  sheet: string,
  fingerprint: string,
): RegistryEntry {
  const definedName = definedNameFor(key);
  wb.definedNames.add(`${quoteSheet(sheet)}!$A$1`, definedName);
  return { key, sheet, fingerprint, version: GENERATOR_VERSION, definedName };
}

/** The workbook names a patch asks for (settings cells the formulas read, say). */
function addPatchNames(wb: ExcelJS.Workbook, patch: WorkbookPatch): void {
  for (const n of patch.names) {
    const [from, to] = n.range.replace(/\$/g, '').split(':');
    const abs = (ref: string) => {
      const { r, c } = parseA1(ref);
      return `$${columnLetter(c)}$${r + 1}`;
    };
    wb.definedNames.add(`${quoteSheet(n.sheet)}!${abs(from!)}${to ? `:${abs(to)}` : ''}`, n.name);
  }
}

/** Sets orderNo: user sheets first in their order, then generated ones by `rank`, registry last. */
function reorder(wb: ExcelJS.Workbook, generatedRank: Map<string, number>): void {
  const sheets = wb.worksheets;
  const user = sheets.filter((ws) => !generatedRank.has(ws.name) && ws.name !== REGISTRY_SHEET);
  const generated = sheets
    .filter((ws) => generatedRank.has(ws.name))
    .sort((a, b) => generatedRank.get(a.name)! - generatedRank.get(b.name)!);
  const registry = sheets.filter((ws) => ws.name === REGISTRY_SHEET);
  // orderNo is how exceljs orders sheets when it writes the file (not in its typings).
  [...user, ...generated, ...registry].forEach((ws, i) => {
    (ws as ExcelJS.Worksheet & { orderNo: number }).orderNo = i;
  });
}

function setActive(wb: ExcelJS.Workbook, name: string): void {
  const index = wb.worksheets.findIndex((ws) => ws.name === name);
  if (index < 0) return;
  for (const ws of wb.worksheets) {
    // A sheet loaded from a file without <sheetViews> has views === null.
    const view = (ws.views ?? [])[0] as
      (Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean }) | undefined;
    if (view) view.tabSelected = ws.name === name;
  }
  const base = (wb.views ?? [])[0] ?? {
    x: 0,
    y: 0,
    width: 12000,
    height: 8000,
    visibility: 'visible',
  };
  wb.views = [{ ...base, firstSheet: 0, activeTab: index } as ExcelJS.WorkbookView];
}

/**
 * Applies a patch: creates, replaces (by key) and removes generated sheets, writes workbook names,
 * and leaves every user sheet exactly as it was.
 */
export function applyPatch(wb: ExcelJS.Workbook, patch: WorkbookPatch): ApplyReport {
  const report = emptyReport();
  const registry = readRegistry(wb);
  const infoByKey = new Map(listGeneratedSheets(wb).map((i) => [i.key, i]));
  const previousActive = wb.worksheets[(wb.views ?? [])[0]?.activeTab ?? -1]?.name;

  // 1. Take away the generated sheets that are replaced or removed.
  const patchKeys = new Set(patch.sheets.map((s) => s.key));
  const removeKeys = new Set(patch.removeKeys);
  const gone = new Set<string>();
  const dropNames = new Set<string>();
  const previousName = new Map<string, string>();
  const kept: RegistryEntry[] = [];
  for (const e of registry) {
    const ws = locate(wb, e);
    if (!patchKeys.has(e.key) && !removeKeys.has(e.key)) {
      // A generated sheet the user deleted is forgotten, with its dangling name.
      if (ws) kept.push({ ...e, sheet: ws.name });
      else dropNames.add(e.definedName);
      continue;
    }
    dropNames.add(e.definedName);
    if (!ws) continue;
    const info = infoByKey.get(e.key);
    if (info && (info.renamed || info.edited)) report.changedByUser.push(info);
    previousName.set(e.key, ws.name);
    if (removeKeys.has(e.key) && !patchKeys.has(e.key)) report.removed.push(ws.name);
    gone.add(ws.name);
    wb.removeWorksheet(ws.id);
  }
  for (const p of patch.names) dropNames.add(p.name);
  pruneDefinedNames(wb, gone, dropNames);

  // 2. Create the patch's sheets in their order.
  const entries: RegistryEntry[] = [...kept];
  const styles = new StyleCache();
  const sorted = [...patch.sheets].sort((a, b) => a.order - b.order);
  for (const p of sorted) {
    let name = p.name;
    if (nameTaken(wb, name)) {
      name = freeName(p.name, (n) => nameTaken(wb, n));
      report.renamedToAvoidClash.push({ key: p.key, wanted: p.name, actual: name });
    }
    const ws = wb.addWorksheet(name, sheetOptions(p, false));
    const fingerprint = writeSheet(ws, p, styles, false);
    const prev = previousName.get(p.key);
    if (prev !== undefined) report.replaced.push({ key: p.key, previousName: prev, name });
    else report.created.push(name);
    entries.push(registerSheet(wb, p.key, name, fingerprint));
  }

  // 3. Workbook names asked for by the patch.
  addPatchNames(wb, patch);

  // 4. Registry, order, active sheet.
  writeRegistry(wb, entries);
  const rank = new Map<string, number>();
  const patchOrder = new Map(patch.sheets.map((s) => [s.key, s.order]));
  entries.forEach((e, i) =>
    rank.set(e.sheet, patchOrder.get(e.key) ?? Number.MAX_SAFE_INTEGER - entries.length + i),
  );
  reorder(wb, rank);
  const active = patch.activeSheet
    ? (entries.find((e) => e.key === patch.sheets.find((s) => s.name === patch.activeSheet)?.key)
        ?.sheet ?? patch.activeSheet)
    : previousActive;
  if (active && wb.getWorksheet(active)) setActive(wb, active);
  return report;
}

/**
 * Writes a patch as a new workbook file, streaming: each row goes to the file as soon as it is
 * made, so memory stays flat whatever the number of rows. The file is the one applyPatch on an
 * empty workbook gives (same sheets, registry, names and fingerprints). To update a workbook that
 * already exists, load it and use applyPatch: only that keeps the user's sheets whole.
 */
export async function writeNewWorkbookFile(
  patch: WorkbookPatch,
  file: string,
  /** Called after each sheet is written (progress of long runs). */
  onSheet?: (done: number, of: number) => void,
): Promise<ApplyReport> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const report = emptyReport();
  const styles = new StyleCache();
  const entries: RegistryEntry[] = [];
  const used = new Set<string>();
  let activeTab = 0;
  for (const p of [...patch.sheets].sort((a, b) => a.order - b.order)) {
    const name = used.has(p.name.toLowerCase())
      ? freeName(p.name, (n) => used.has(n.toLowerCase()))
      : p.name;
    if (name !== p.name)
      report.renamedToAvoidClash.push({ key: p.key, wanted: p.name, actual: name });
    used.add(name.toLowerCase());
    const active = p.name === patch.activeSheet;
    if (active) activeTab = entries.length;
    const ws = wb.addWorksheet(name, sheetOptions(p, active));
    const fingerprint = writeSheet(ws, p, styles, true);
    ws.commit();
    report.created.push(name);
    entries.push(registerSheet(wb, p.key, name, fingerprint));
    onSheet?.(entries.length, patch.sheets.length);
  }
  addPatchNames(wb, patch);
  if (entries.length) addRegistrySheet(wb, entries, true);
  wb.views = [
    { x: 0, y: 0, width: 12000, height: 8000, visibility: 'visible', firstSheet: 0, activeTab },
  ] as ExcelJS.WorkbookView[];
  await wb.commit();
  return report;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeWorkbookFile(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFile(file, await workbookToBuffer(wb));
}

/** Loads a workbook for patching (the file must be a readable .xlsx; see read.ts for diagnosis). */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}
