/**
 * How a workbook remembers the sheets this program generated, in a form both hosts (the add-in
 * through office.js, the command line through its .xlsx adapter) read and write:
 *
 * - **the marker**: each generated sheet carries a hidden defined name scoped to that sheet,
 *   `_shnor_key`, whose formula is the string constant `="<patch key>"`. It moves with the sheet
 *   through renames and reorders, does not depend on any cell, and is copied with the sheet (the
 *   policy, ./policy.ts, tells such a copy from the original);
 * - **the registry**: the veryHidden sheet `_shnor` with one row per generated sheet
 *   (key | sheet | fingerprint | version | definedName): the name it was given and the fingerprint
 *   of what it showed when written (./fingerprint.ts), so a later run sees what the user changed.
 *
 * LibreOffice has no veryHidden sheets and saves ours as hidden: a hidden `_shnor` with our header
 * is still the registry. A visible `_shnor`, or one without the header, is the user's own sheet.
 */
import { REGISTRY_SHEET, sheetNameKey } from './sheetNames';

/** The sheet-scoped defined name that marks a generated sheet. */
export const MARKER_NAME = '_shnor_key';

/** Registry columns, in order: the header row of the `_shnor` sheet. */
export const REGISTRY_COLUMNS = ['key', 'sheet', 'fingerprint', 'version', 'definedName'] as const;

/**
 * Version of the fingerprint recorded in the registry. Entries of another version (files written
 * before the shared fingerprint) cannot be compared, so their sheets count as unedited.
 */
export const GENERATOR_VERSION = '2';

/**
 * Workbook-level names `_shnor_<hex>` pointing at a generated sheet's A1: how the command line
 * marked its sheets before the sheet-scoped marker. Still read, for files written then.
 */
export const LEGACY_NAME = /^_shnor_[0-9a-f]+$/;

/** Worksheet id → key: the add-in's registry in workbook.settings before the shared one. Still read. */
export const LEGACY_SETTING = 'shnorRoadmap.generatedSheets';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface RegistryEntry {
  key: string;
  /** The name the sheet was given when it was last written. */
  sheet: string;
  /** Fingerprint of what it showed then. */
  fingerprint: string;
  version: string;
  /** The defined name that marks it: MARKER_NAME, or a legacy workbook-level name. */
  definedName: string;
}

/** The marker's formula for a key: a string constant, quotes doubled. */
export function markerFormula(key: string): string {
  return `="${key.replace(/"/g, '""')}"`;
}

/**
 * The key a marker holds, from its formula as office.js gives it ('="index"') or as the file
 * stores it ('"index"'); null for anything else.
 */
export function markerKey(formula: unknown): string | null {
  if (typeof formula !== 'string') return null;
  const m = /^=?\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : null;
}

/** The registry sheet's rows: the header, then one row per entry (all text). */
export function registryRows(entries: readonly RegistryEntry[]): string[][] {
  return [
    [...REGISTRY_COLUMNS],
    ...entries.map((e) => [e.key, e.sheet, e.fingerprint, e.version, e.definedName]),
  ];
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Entries from the registry sheet's values, or null when the sheet is not our registry: another
 * header, or visible (then it is a user's sheet that happens to be called `_shnor`).
 */
export function readRegistryRows(
  rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>,
  visibility: SheetVisibility,
): RegistryEntry[] | null {
  if (visibility === 'visible') return null;
  const header = (rows[0] ?? []).map(text);
  if (REGISTRY_COLUMNS.some((c, i) => header[i] !== c)) return null;
  const entries: RegistryEntry[] = [];
  for (const row of rows.slice(1)) {
    const cells = (row ?? []).map(text);
    if (!cells[0]) continue;
    entries.push({
      key: cells[0],
      sheet: cells[1] ?? '',
      fingerprint: cells[2] ?? '',
      version: cells[3] ?? '',
      definedName: cells[4] ?? '',
    });
  }
  return entries;
}

/** True for the name of the registry sheet (Excel compares names ignoring case). */
export function isRegistryName(name: string): boolean {
  return sheetNameKey(name) === sheetNameKey(REGISTRY_SHEET);
}
