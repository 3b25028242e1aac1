/**
 * The patch policy: the one place that decides how a WorkbookPatch lands in a workbook. Both
 * adapters (src/xlsx for files, src/excel for the add-in) describe the workbook as they see it,
 * call planApply, and carry out the ApplyPlan it returns; neither decides anything by itself.
 *
 * - A generated sheet is the sheet carrying the key's marker (./registry.ts), or an old-style
 *   registration of it. When several carry it (the user duplicated one), the one with the
 *   registry's name is ours and the others are the user's: their marker is taken off. When none
 *   carries it, the sheet with the registry's name is ours only if it still shows exactly what was
 *   written (its marker was lost to a tool that drops names), never a sheet the user made.
 * - Every other sheet is the user's: never changed, its name never taken. An edited generated sheet
 *   is kept as the user's «<name> (правки пользователя)» (unless the patch carries their input
 *   over itself: SheetPatch.carriesEdits); a renamed one gets its name back.
 * - Final names are unique ignoring case, legal, at most 31 characters and never reserved; a patch
 *   name a user sheet holds becomes «Name (2)». Formulas, links and names of the patch are then
 *   resolved against the final names (./references.ts).
 */
import type { WorkbookPatch } from '../patch';
import {
  GENERATOR_VERSION,
  LEGACY_NAME,
  MARKER_NAME,
  isRegistryName,
  type RegistryEntry,
  type SheetVisibility,
} from './registry';
import {
  MAX_SHEET_NAME_LENGTH,
  REGISTRY_SHEET,
  cutSheetName,
  freeSheetName,
  sheetNameKey,
} from './sheetNames';

/** A sheet as the host sees it. */
export interface ExistingSheet {
  name: string;
  visibility: SheetVisibility;
  /** The key its marker holds, if it has one. */
  marker?: string;
  /** The key an old-style registration gives it (the add-in's former settings registry). */
  legacyKey?: string;
  /** Fingerprint of what it shows now (./fingerprint.ts), where the host computed it. */
  fingerprint?: string;
}

/** What a host reads of a workbook for the policy. */
export interface WorkbookState {
  sheets: ExistingSheet[]; // in workbook order, the registry sheet included
  /** Entries of the registry sheet; empty when there is none. */
  registry: RegistryEntry[];
  /** Workbook-level defined names and what they refer to ("='Свод'!$A$1"): old files mark sheets so. */
  names?: Array<{ name: string; formula: string }>;
}

/** A generated sheet found in the workbook. */
export interface GeneratedSheet {
  key: string;
  /** Its name now. */
  name: string;
  /** The user renamed it since it was written. */
  renamed: boolean;
  /** The user changed what it shows since it was written. */
  edited: boolean;
  entry?: RegistryEntry;
}

export interface Identified {
  generated: Map<string, GeneratedSheet>;
  /** Names of sheets carrying a marker that are the user's (copies of a generated sheet). */
  copies: string[];
  registrySheet: string | null;
}

/** A generated sheet the user changed: `name` before this run; `keptAs` holds their version. */
export interface ChangedByUser {
  key: string;
  name: string;
  renamed: boolean;
  edited: boolean;
  keptAs?: string;
}

/** What applying a patch did (or, from the policy, will do): the same type from both hosts. */
export interface ApplyReport {
  status: 'done' | 'cancelled';
  /** Final name of every sheet of the patch, by key. */
  names: Record<string, string>;
  /** Sheets created for keys not in the workbook before. */
  created: string[];
  /** Generated sheets rewritten: the name they had and the name they have now. */
  replaced: Array<{ key: string; previousName: string; name: string }>;
  /** Generated sheets deleted (keys no longer produced). */
  removed: string[];
  /** Patch names a user sheet held, and the names used instead. */
  renamedToAvoidClash: Array<{ key: string; wanted: string; actual: string }>;
  /** Generated sheets the user renamed or edited before this run. */
  changedByUser: ChangedByUser[];
  /** Russian notes on what the host could not do (an older Excel, say). */
  warnings: string[];
  /** office.js only: on a resumed run, what the whole run did from its first request on. */
  wholeRun?: Pick<
    ApplyReport,
    'created' | 'replaced' | 'removed' | 'renamedToAvoidClash' | 'changedByUser'
  >;
  /** office.js only: requests (syncs), write batches, the batch resumed at, estimated bytes. */
  syncs?: number;
  totalBatches?: number;
  startedAt?: number;
  largestBatchBytes?: number;
  totalBytes?: number;
}

export interface ApplyPlan {
  /** Final name of every patch sheet, by key. */
  names: Record<string, string>;
  create: Array<{ key: string; name: string }>;
  /** Generated sheets rewritten in place: `sheet` is their name now, `name` the final one. */
  replace: Array<{ key: string; sheet: string; name: string }>;
  /** Generated sheets to delete. */
  remove: Array<{ key: string; sheet: string }>;
  /**
   * Edited generated sheets handed to the user before they are replaced or removed: the user's
   * version ends up under `as`, unmarked. For a replaced key an adapter copies the sheet, or
   * renames it and makes a new one for the key; for a removed key it only renames it.
   */
  keep: Array<{ key: string; sheet: string; as: string }>;
  /** Sheets that carry a marker but are the user's: the marker is taken off. */
  unmark: string[];
  /** Registry rows of generated sheets not in the patch that stay (names as they are now). */
  kept: RegistryEntry[];
  /**
   * Sheets (final names) that must be given a marker: new ones, and generated sheets found
   * without one (old files, a tool that dropped names). Replaced sheets already have theirs.
   */
  mark: Array<{ key: string; sheet: string }>;
  /** Old workbook-level names that marked generated sheets (LEGACY_NAME): dropped on writing. */
  dropNames: string[];
  /** Every sheet after the apply, by final name, in workbook order (the registry last). */
  order: string[];
  /**
   * The registry sheet is there after the apply (a host writes it whole); false when nothing is
   * generated any more, or when a user's own sheet holds its name (then the markers alone tell).
   */
  registry: boolean;
  /** The name of the registry sheet the workbook has now, if any (LibreOffice may leave it hidden). */
  registrySheet: string | null;
  /** The sheet to show, by final name. */
  activeSheet?: string;
  /** The report a host returns when the plan is carried out (status "done"). */
  report: ApplyReport;
}

export interface PlanApplyOptions {
  /** Hand edited generated sheets to the user before replacing them (default true). */
  keepEdited?: boolean;
}

/** The suffix of the copy that keeps a user's edits of a generated sheet. */
export const KEPT_SUFFIX = ' (правки пользователя)';

/** The sheet "='Свод'!$A$1" points at; null for "#REF!" and anything else. */
function sheetOfReference(formula: string): string | null {
  const ref = formula.replace(/^=/, '');
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet.includes('#REF') ? null : sheet;
}

/** Which sheets are generated (by key), which carry a marker but are the user's, and the registry. */
export function identifySheets(state: WorkbookState): Identified {
  const registryEntries = new Map(state.registry.map((e) => [e.key, e]));
  const registrySheet =
    state.sheets.find(
      (s) => isRegistryName(s.name) && s.visibility !== 'visible' && state.registry.length > 0,
    )?.name ??
    state.sheets.find((s) => isRegistryName(s.name) && s.visibility !== 'visible')?.name ??
    null;
  const isRegistry = (s: ExistingSheet) => registrySheet !== null && s.name === registrySheet;

  // Old files: a workbook-level name per generated sheet, listed in the registry.
  const legacyByName = new Map<string, string>();
  const legacyTargets = new Map(
    (state.names ?? []).map((n) => [n.name.toLowerCase(), sheetOfReference(n.formula)]),
  );
  const legacyGone = new Set<string>();
  for (const e of state.registry) {
    if (!LEGACY_NAME.test(e.definedName) || !legacyTargets.has(e.definedName.toLowerCase()))
      continue;
    const target = legacyTargets.get(e.definedName.toLowerCase());
    if (target) legacyByName.set(sheetNameKey(target), e.key);
    else legacyGone.add(e.key); // the name points at #REF!: the user deleted the sheet
  }

  const candidates = new Map<string, ExistingSheet[]>();
  for (const s of state.sheets) {
    if (isRegistry(s)) continue;
    const key = s.marker ?? s.legacyKey ?? legacyByName.get(sheetNameKey(s.name));
    if (key === undefined) continue;
    candidates.set(key, [...(candidates.get(key) ?? []), s]);
  }

  const generated = new Map<string, GeneratedSheet>();
  const copies: string[] = [];
  const found = (key: string, sheet: ExistingSheet) => {
    const entry = registryEntries.get(key);
    const edited =
      entry !== undefined &&
      entry.version === GENERATOR_VERSION &&
      entry.fingerprint !== '' && // not known yet: a write in progress
      sheet.fingerprint !== undefined &&
      sheet.fingerprint !== entry.fingerprint;
    generated.set(key, {
      key,
      name: sheet.name,
      renamed: entry !== undefined && entry.sheet !== sheet.name,
      edited,
      ...(entry ? { entry } : {}),
    });
  };
  for (const [key, list] of candidates) {
    const entry = registryEntries.get(key);
    const own =
      list.length === 1
        ? list[0]!
        : list.find(
            (s) => entry !== undefined && sheetNameKey(s.name) === sheetNameKey(entry.sheet),
          );
    if (own) found(key, own);
    for (const s of list) if (s !== own && s.marker !== undefined) copies.push(s.name);
  }
  // A registry entry whose sheet carries no marker any more: trusted only when untouched.
  const marked = new Set(state.sheets.filter((s) => s.marker || s.legacyKey).map((s) => s.name));
  const taken = new Set([...generated.values()].map((g) => g.name));
  for (const e of state.registry) {
    if (generated.has(e.key) || legacyGone.has(e.key) || e.version !== GENERATOR_VERSION) continue;
    const s = state.sheets.find(
      (x) =>
        x.name === e.sheet &&
        !marked.has(x.name) &&
        !taken.has(x.name) &&
        !isRegistry(x) &&
        legacyByName.get(sheetNameKey(x.name)) === undefined,
    );
    if (s && s.fingerprint !== undefined && s.fingerprint === e.fingerprint) {
      found(e.key, s);
      taken.add(s.name);
    }
  }
  return { generated, copies, registrySheet };
}

/** Names of the user's own sheets: what a generated sheet must never be called. */
export function userSheetNames(state: WorkbookState): string[] {
  const { generated, registrySheet } = identifySheets(state);
  const ours = new Set([...generated.values()].map((g) => g.name));
  return state.sheets.map((s) => s.name).filter((n) => !ours.has(n) && n !== registrySheet);
}

/** Decides how `patch` lands in the workbook `state` describes. Pure. */
export function planApply(
  state: WorkbookState,
  patch: WorkbookPatch,
  options: PlanApplyOptions = {},
): ApplyPlan {
  const keepEdited = options.keepEdited ?? true;
  const { generated, copies, registrySheet } = identifySheets(state);
  const sorted = [...patch.sheets].sort((a, b) => a.order - b.order);
  const patchKeys = new Set(sorted.map((s) => s.key));
  const removeKeys = new Set(patch.removeKeys.filter((k) => !patchKeys.has(k) && generated.has(k)));
  const goingKeys = new Set([...patchKeys, ...removeKeys].filter((k) => generated.has(k)));
  // typed input the patch carries over itself needs no copy and no warning
  const carried = new Set(sorted.filter((s) => s.carriesEdits).map((s) => s.key));
  const generatedNames = new Map([...generated.values()].map((g) => [g.name, g.key]));

  // Names that stay: user sheets, and generated sheets this patch leaves alone.
  const taken = new Set<string>();
  for (const s of state.sheets) {
    if (s.name === registrySheet) continue;
    const key = generatedNames.get(s.name);
    if (key === undefined || !goingKeys.has(key)) taken.add(sheetNameKey(s.name));
  }
  const userHoldsRegistryName =
    registrySheet === null && state.sheets.some((s) => isRegistryName(s.name));

  const names: Record<string, string> = {};
  const report: ApplyReport = {
    status: 'done',
    names,
    created: [],
    replaced: [],
    removed: [],
    renamedToAvoidClash: [],
    changedByUser: [],
    warnings: [],
  };
  const plan: ApplyPlan = {
    names,
    create: [],
    replace: [],
    remove: [],
    keep: [],
    unmark: [...copies],
    kept: [],
    mark: [],
    dropNames: state.registry
      .map((e) => e.definedName)
      .filter(
        (n) =>
          LEGACY_NAME.test(n) &&
          (state.names ?? []).some((x) => x.name.toLowerCase() === n.toLowerCase()),
      ),
    order: [],
    registry: false,
    registrySheet,
    report,
  };
  for (const s of sorted) {
    if (names[s.key] !== undefined) continue;
    const name = freeSheetName(s.name, taken);
    taken.add(sheetNameKey(name));
    names[s.key] = name;
    if (name !== s.name)
      report.renamedToAvoidClash.push({ key: s.key, wanted: s.name, actual: name });
  }
  // The user's versions of edited sheets get their names after the patch's.
  const keptAs = new Map<string, string>();
  for (const key of goingKeys) {
    const g = generated.get(key)!;
    const edited = g.edited && !carried.has(key);
    const change: ChangedByUser = { key, name: g.name, renamed: g.renamed, edited };
    if (edited && keepEdited) {
      const kept = cutSheetName(g.name, MAX_SHEET_NAME_LENGTH - KEPT_SUFFIX.length) + KEPT_SUFFIX;
      const as = freeSheetName(kept, taken);
      taken.add(sheetNameKey(as));
      keptAs.set(g.name, as);
      plan.keep.push({ key, sheet: g.name, as });
      change.keptAs = as;
    }
    if (g.renamed || edited) report.changedByUser.push(change);
  }
  for (const s of sorted) {
    const g = generated.get(s.key);
    const name = names[s.key]!;
    if (!g) {
      plan.create.push({ key: s.key, name });
      report.created.push(name);
    } else if (!plan.replace.some((r) => r.key === s.key)) {
      plan.replace.push({ key: s.key, sheet: g.name, name });
      report.replaced.push({ key: s.key, previousName: g.name, name });
    }
  }
  for (const key of removeKeys) {
    const g = generated.get(key)!;
    if (keptAs.has(g.name)) continue; // renamed for the user instead
    plan.remove.push({ key, sheet: g.name });
    report.removed.push(g.name);
  }

  // Order: the user's sheets as they are (a kept version where the sheet was), then generated
  // sheets this patch leaves alone, then the patch's in its order, then the registry.
  const user: string[] = [];
  const stay: string[] = [];
  for (const s of state.sheets) {
    if (s.name === registrySheet) continue;
    const key = generatedNames.get(s.name);
    if (key === undefined) user.push(s.name);
    else if (keptAs.has(s.name)) user.push(keptAs.get(s.name)!);
    else if (!goingKeys.has(key)) {
      stay.push(s.name);
      // Its row stays; one found by an old registration gets a row (and a marker, below).
      const entry = generated.get(key)!.entry;
      plan.kept.push({
        key,
        sheet: s.name,
        fingerprint: entry?.fingerprint ?? s.fingerprint ?? '',
        version: entry?.version ?? (s.fingerprint !== undefined ? GENERATOR_VERSION : ''),
        definedName: MARKER_NAME,
      });
    }
  }
  plan.order = [...new Set([...user, ...stay, ...sorted.map((s) => names[s.key]!)])];
  plan.registry = !userHoldsRegistryName && plan.kept.length + sorted.length > 0;
  if (plan.registry) plan.order.push(registrySheet ?? REGISTRY_SHEET);

  const markerOf = new Map(state.sheets.map((s) => [s.name, s.marker]));
  for (const s of sorted) {
    const g = generated.get(s.key);
    if (!g || keptAs.has(g.name) || markerOf.get(g.name) !== s.key)
      plan.mark.push({ key: s.key, sheet: names[s.key]! });
  }
  for (const e of plan.kept)
    if (markerOf.get(e.sheet) !== e.key) plan.mark.push({ key: e.key, sheet: e.sheet });

  const active = patch.activeSheet ? sorted.find((s) => s.name === patch.activeSheet) : undefined;
  if (active) plan.activeSheet = names[active.key];
  return plan;
}
