/**
 * What the patch policy needs to know about a workbook on disk (core/workbook/policy.ts,
 * WorkbookState): every sheet in tab order with its visibility, the key of its marker
 * (`_shnor_key`, a hidden name scoped to the sheet), the registry sheet's entries, and the
 * fingerprint of every sheet that may be a generated one (only those are read, with the lean
 * reader; the user's own sheets are never parsed).
 */
import { fingerprintGrid } from '../../core/workbook/fingerprint';
import type { ExistingSheet, WorkbookState } from '../../core/workbook/policy';
import {
  isRegistryName,
  LEGACY_NAME,
  MARKER_NAME,
  markerKey,
  readRegistryRows,
  type RegistryEntry,
} from '../../core/workbook/registry';
import { sheetNameKey } from '../../core/workbook/sheetNames';
import { XlsxBook } from '../xlsxReader';
import type { WorkbookPackage } from './package';

/** Stands for a generated sheet the reader could not read: it then counts as edited and is kept. */
const UNREADABLE = 'unreadable';

export interface ReadState {
  state: WorkbookState;
  /** Position of the registry sheet the state's entries come from, or -1. */
  registryIndex: number;
}

/** Markers by sheet position: the key each sheet's `_shnor_key` holds. */
function markers(pkg: WorkbookPackage): Map<number, string> {
  const out = new Map<number, string>();
  for (const n of pkg.names) {
    if (n.name !== MARKER_NAME || n.localSheetId === undefined) continue;
    const key = markerKey(n.formula);
    if (key !== null) out.set(n.localSheetId, key);
  }
  return out;
}

export async function readWorkbookState(pkg: WorkbookPackage, data: Buffer): Promise<ReadState> {
  const book = await XlsxBook.open(data, pkg.zip.file);
  const gridOf = (i: number) => {
    const s = pkg.sheets[i]!;
    return book.readSheet({ name: s.name, state: s.state, part: s.part! });
  };

  // The registry: a hidden worksheet called _shnor with our header.
  let registry: RegistryEntry[] = [];
  let registryIndex = -1;
  for (let i = 0; i < pkg.sheets.length; i++) {
    const s = pkg.sheets[i]!;
    if (!isRegistryName(s.name) || s.kind !== 'worksheet') continue;
    const rows = (await gridOf(i)).rows.map((row) => (row ?? []).map((c) => c?.v ?? null));
    const entries = readRegistryRows(rows, s.state);
    if (entries) {
      registry = entries;
      registryIndex = i;
      break;
    }
  }

  const marked = markers(pkg);
  const registered = new Set(registry.map((e) => sheetNameKey(e.sheet)));
  const names = pkg.names
    .filter((n) => n.localSheetId === undefined)
    .map((n) => ({ name: n.name, formula: n.formula }));
  const legacyTargets = new Set(
    names.filter((n) => LEGACY_NAME.test(n.name)).map((n) => legacySheet(n.formula)),
  );

  const sheets: ExistingSheet[] = [];
  for (let i = 0; i < pkg.sheets.length; i++) {
    const s = pkg.sheets[i]!;
    const sheet: ExistingSheet = { name: s.name, visibility: s.state };
    const marker = marked.get(i);
    if (marker !== undefined) sheet.marker = marker;
    const candidate =
      i !== registryIndex &&
      s.kind === 'worksheet' &&
      (marker !== undefined ||
        registered.has(sheetNameKey(s.name)) ||
        legacyTargets.has(sheetNameKey(s.name)));
    if (candidate) {
      try {
        sheet.fingerprint = fingerprintGrid(await gridOf(i));
      } catch {
        sheet.fingerprint = UNREADABLE;
      }
    }
    sheets.push(sheet);
  }
  return { state: { sheets, registry, names }, registryIndex };
}

/** The sheet (by sheetNameKey) an old-style name "='Свод'!$A$1" points at. */
function legacySheet(formula: string): string {
  const ref = formula.replace(/^=/, '');
  const bang = ref.lastIndexOf('!');
  let sheet = bang > 0 ? ref.slice(0, bang) : '';
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheetNameKey(sheet);
}
