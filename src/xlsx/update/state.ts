/**
 * What the patch policy needs to know about a workbook on disk (core/workbook/policy.ts,
 * WorkbookState): every sheet in tab order with its visibility, the key of its marker
 * (`_shnor_key`, a hidden name scoped to the sheet), the registry sheet's entries, and the
 * fingerprint of every sheet that may be a generated one (only those are read, with the lean
 * reader; the user's own sheets are never parsed).
 *
 * Reading 2 000 generated sheets back only to learn that nobody touched them would cost more than
 * writing them, so the registry sheet written here has one more column than the shared registry
 * (core/workbook/registry.ts), `part`: the stamp of each sheet's part as it was written (its CRC-32
 * and size, and what stamps.ts adds to decide whether the part can be copied as it is). When the
 * zip directory still shows exactly that part, the sheet is as written and its recorded
 * fingerprint stands; any program that saves the workbook again (Excel, LibreOffice, the add-in
 * rewriting the registry) changes or drops the stamp, and then the sheet is read. Other readers of
 * the registry ignore the column.
 */
import { fingerprintGrid } from '../../core/workbook/fingerprint';
import type { ExistingSheet, WorkbookState } from '../../core/workbook/policy';
import {
  GENERATOR_VERSION,
  isRegistryName,
  LEGACY_NAME,
  MARKER_NAME,
  markerKey,
  readRegistryRows,
  registryRows,
  REGISTRY_COLUMNS,
  type RegistryEntry,
} from '../../core/workbook/registry';
import { sheetNameKey } from '../../core/workbook/sheetNames';
import { XlsxBook } from '../xlsxReader';
import { REL_TYPES, type WorkbookPackage } from './package';
import { parseStamp, type PartStamp } from './stamps';

/** Stands for a generated sheet the reader could not read: it then counts as edited and is kept. */
const UNREADABLE = 'unreadable';

export interface ReadState {
  state: WorkbookState;
  /** Position of the registry sheet the state's entries come from, or -1. */
  registryIndex: number;
  /** Part stamps from the registry's extra column, by key. */
  stamps: Map<string, PartStamp>;
  /** "crc32:size" of the workbook's styles.xml as it is now ('' without one). */
  styles: string;
  /**
   * Generated sheets whose part is exactly the one a run of ours wrote, against the styles.xml the
   * workbook has now, by key: the part, its stamp and its recorded fingerprint.
   */
  intact: Map<string, { part: string; stamp: PartStamp; fingerprint: string }>;
}

/** The extra registry column: the stamp of a sheet part as it was written. */
export const PART_STAMP_COLUMN = 'part';

/** The registry's rows with the part stamp column added. */
export function registryWithStamps(
  entries: readonly RegistryEntry[],
  stamps: ReadonlyMap<string, string>,
): string[][] {
  return registryRows(entries).map((row, i) =>
    i === 0 ? [...row, PART_STAMP_COLUMN] : [...row, stamps.get(row[0]!) ?? ''],
  );
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
  const stamps = new Map<string, PartStamp>();
  for (let i = 0; i < pkg.sheets.length; i++) {
    const s = pkg.sheets[i]!;
    if (!isRegistryName(s.name) || s.kind !== 'worksheet') continue;
    const rows = (await gridOf(i)).rows.map((row) => (row ?? []).map((c) => c?.v ?? null));
    const entries = readRegistryRows(rows, s.state);
    if (entries) {
      registry = entries;
      registryIndex = i;
      const column = REGISTRY_COLUMNS.length;
      if (rows[0]?.[column] === PART_STAMP_COLUMN)
        for (const row of rows.slice(1)) {
          const [key, stamp] = [row[0], row[column]];
          if (typeof key === 'string' && typeof stamp === 'string' && stamp)
            stamps.set(key, parseStamp(stamp));
        }
      break;
    }
  }

  const marked = markers(pkg);
  const recorded = new Map(registry.map((e) => [e.key, e]));
  const entryStamp = (part: string | null): string => {
    const e = part === null ? undefined : pkg.zip.entry(part);
    return e ? `${e.crc32 >>> 0}:${e.size}` : '';
  };
  const styles = entryStamp(pkg.partOfType(REL_TYPES.styles));
  const intact: ReadState['intact'] = new Map();
  /** The recorded fingerprint, when the sheet's part is exactly the one written with it. */
  const unchanged = (key: string | undefined, part: string): string | undefined => {
    const stamp = key === undefined ? undefined : stamps.get(key);
    const entry = key === undefined ? undefined : recorded.get(key);
    if (!stamp || !entry || stamp.part !== entryStamp(part)) return undefined;
    if (stamp.digest && stamp.styles === styles && entry.version === GENERATOR_VERSION)
      intact.set(key!, { part, stamp, fingerprint: entry.fingerprint });
    return entry.fingerprint;
  };
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
      const known = unchanged(marker, s.part!);
      if (known !== undefined) sheet.fingerprint = known;
      else
        try {
          sheet.fingerprint = fingerprintGrid(await gridOf(i));
        } catch {
          sheet.fingerprint = UNREADABLE;
        }
    }
    sheets.push(sheet);
  }
  return { state: { sheets, registry, names }, registryIndex, stamps, styles, intact };
}

/** The sheet (by sheetNameKey) an old-style name "='Свод'!$A$1" points at. */
function legacySheet(formula: string): string {
  const ref = formula.replace(/^=/, '');
  const bang = ref.lastIndexOf('!');
  let sheet = bang > 0 ? ref.slice(0, bang) : '';
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheetNameKey(sheet);
}
