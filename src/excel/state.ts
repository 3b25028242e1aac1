/**
 * Reads the open workbook as the patch policy wants it (src/core/workbook/policy.ts): every sheet
 * with its visibility and marker, the registry sheet, the old-style registrations (workbook-level
 * `_shnor_<hash>` names, the add-in's former id registry in settings), and the fingerprints of the
 * sheets that may be generated. A few requests, however many sheets.
 */
import type { Cell, Grid } from '../core/grid';
import { columnLetter } from '../core/grid';
import { fingerprintGrid } from '../core/workbook/fingerprint';
import type { ExistingSheet, WorkbookState } from '../core/workbook/policy';
import {
  LEGACY_SETTING,
  MARKER_NAME,
  isRegistryName,
  markerKey,
  readRegistryRows,
  type SheetVisibility,
} from '../core/workbook/registry';
import type { XlContext, XlNamedItem, XlRange } from './api';
import {
  PROGRESS_SETTING,
  parseSetting,
  readProgress,
  readStringRecord,
  type Progress,
} from './progress';

/** Cells of formulas and values read per request when fingerprinting (well under 5 MB of response). */
const FINGERPRINT_CHUNK_CELLS = 40_000;

export interface ExcelWorkbook {
  state: WorkbookState;
  /** Worksheet id by sheet name. */
  ids: Map<string, string>;
  /** The name of the registry sheet (ours), if the workbook has one. */
  registrySheet: string | null;
  progress: Progress | null;
  /** The add-in's former registry (worksheet id → key) is still in the settings. */
  legacySetting: boolean;
}

function visibility(v: string): SheetVisibility {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

/** What a formulas/values pair of one cell shows, as a Grid cell (text "=…" stays text). */
function cellOf(formula: unknown, value: unknown): Cell | undefined {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value)
    return { v: null, f: formula.slice(1) };
  if (value === '' || value === null || value === undefined) return undefined;
  return { v: value as string | number | boolean };
}

/** Fingerprints of the named sheets, read in chunks of formulas and values. */
export async function readFingerprints(
  context: XlContext,
  names: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!names.length) return out;
  const used = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name, range };
  });
  await context.sync();
  const grids = new Map<string, Grid>(names.map((n) => [n, { sheet: n, rows: [], merges: [] }]));
  let pending: Array<{ name: string; range: XlRange; top: number; left: number }> = [];
  let cells = 0;
  const flush = async () => {
    if (!pending.length) return;
    await context.sync();
    for (const p of pending) {
      const grid = grids.get(p.name)!;
      p.range.formulas.forEach((row, r) => {
        const target: NonNullable<Grid['rows'][number]> = (grid.rows[p.top + r] ??= []);
        row.forEach((f, c) => {
          const cell = cellOf(f, p.range.values[r]?.[c]);
          if (cell) target[p.left + c] = cell;
        });
      });
    }
    pending = [];
    cells = 0;
  };
  for (const { name, range } of used) {
    if (range.isNullObject) continue;
    const rowsPer = Math.max(1, Math.floor(FINGERPRINT_CHUNK_CELLS / range.columnCount));
    for (let top = 0; top < range.rowCount; top += rowsPer) {
      const count = Math.min(rowsPer, range.rowCount - top);
      const first = range.rowIndex + top;
      const address = `${columnLetter(range.columnIndex)}${first + 1}:${columnLetter(range.columnIndex + range.columnCount - 1)}${first + count}`;
      const chunk = context.workbook.worksheets.getItem(name).getRange(address);
      chunk.load('formulas,values');
      pending.push({ name, range: chunk, top: first, left: range.columnIndex });
      cells += count * range.columnCount;
      if (cells >= FINGERPRINT_CHUNK_CELLS) await flush();
    }
  }
  await flush();
  for (const [name, grid] of grids) out.set(name, fingerprintGrid(grid));
  return out;
}

/**
 * The workbook as the policy sees it. With `fingerprints`, the sheets that may be generated are
 * read to fingerprint them (needed to see what the user edited); without, only the sheets the
 * policy needs to tell an unmarked generated sheet from a user's one.
 */
export async function readWorkbook(
  context: XlContext,
  options: { fingerprints: boolean },
): Promise<ExcelWorkbook> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  wb.names.load('items/name,items/formula');
  const legacy = wb.settings.getItemOrNullObject(LEGACY_SETTING);
  legacy.load('value');
  const progressSetting = wb.settings.getItemOrNullObject(PROGRESS_SETTING);
  progressSetting.load('value');
  await context.sync();

  const markers: XlNamedItem[] = sheets.items.map((ws) => {
    const marker = ws.names.getItemOrNullObject(MARKER_NAME);
    marker.load('formula');
    return marker;
  });
  const registryWs = sheets.items.find(
    (ws) => isRegistryName(ws.name) && visibility(ws.visibility) !== 'visible',
  );
  const registryRange = registryWs?.getUsedRangeOrNullObject(true);
  registryRange?.load('values');
  await context.sync();

  const byId = readStringRecord(legacy.isNullObject ? null : parseSetting(legacy.value));
  const registry =
    registryWs && registryRange && !registryRange.isNullObject
      ? readRegistryRows(registryRange.values, visibility(registryWs.visibility))
      : null;
  const existing: ExistingSheet[] = sheets.items.map((ws, i) => {
    const sheet: ExistingSheet = { name: ws.name, visibility: visibility(ws.visibility) };
    const m = markers[i]!;
    const key = m.isNullObject ? null : markerKey(m.formula);
    if (key !== null) sheet.marker = key;
    if (byId[ws.id] !== undefined) sheet.legacyKey = byId[ws.id];
    return sheet;
  });
  const state: WorkbookState = {
    sheets: existing,
    registry: registry ?? [],
    names: wb.names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
  };
  const registered = new Set(state.registry.map((e) => e.sheet));
  const toRead = existing
    .filter(
      (s) =>
        !(registry && s.name === registryWs?.name) &&
        (options.fingerprints
          ? s.marker !== undefined || s.legacyKey !== undefined || registered.has(s.name)
          : s.marker === undefined && s.legacyKey === undefined && registered.has(s.name)),
    )
    .map((s) => s.name);
  const prints = await readFingerprints(context, toRead);
  for (const s of existing) if (prints.has(s.name)) s.fingerprint = prints.get(s.name)!;
  return {
    state,
    ids: new Map(sheets.items.map((ws) => [ws.name, ws.id])),
    registrySheet: registry ? registryWs!.name : null,
    progress: progressSetting.isNullObject
      ? null
      : readProgress(parseSetting(progressSetting.value)),
    legacySetting: !legacy.isNullObject,
  };
}
