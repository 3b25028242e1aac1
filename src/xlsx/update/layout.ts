/**
 * The sheets of the updated workbook, in the order the policy chose (ApplyPlan.order), each tied to
 * what it is made of: an existing sheet kept as it is (its <sheet> element, its part), an edited
 * generated sheet handed to the user under a new name (the same part, only the name changes), a
 * patch sheet (a new part, or the part of the generated sheet it replaces), or the registry.
 * Also the map from old sheet positions to new ones, which sheet-scoped names need.
 */
import type { SheetPatch, WorkbookPatch } from '../../core/patch';
import type { ApplyPlan } from '../../core/workbook/policy';
import { sheetNameKey } from '../../core/workbook/sheetNames';
import type { PackageSheet, WorkbookPackage } from './package';

export type FinalSheet =
  | { kind: 'existing'; name: string; old: number; unmark: boolean }
  | { kind: 'kept'; name: string; old: number }
  | { kind: 'patch'; name: string; patch: SheetPatch; reuse?: number }
  | { kind: 'registry'; name: string; reuse?: number };

export interface Layout {
  sheets: FinalSheet[];
  /** Old position → new position, for sheets that stay (as they are or as the user's copy). */
  position: Map<number, number>;
  /** Old positions of sheets whose part goes (replaced or removed, and not kept). */
  gone: Set<number>;
  /** Old sheet name (sheetNameKey) → new name, for sheets that stay under another name. */
  renamed: Map<string, string>;
  /** Names (sheetNameKey) of sheets that are removed for good. */
  removed: Set<string>;
}

export function layoutSheets(
  pkg: WorkbookPackage,
  plan: ApplyPlan,
  patch: WorkbookPatch,
  registryIndex: number,
): Layout {
  const oldIndex = new Map<string, number>();
  pkg.sheets.forEach((s: PackageSheet, i) => oldIndex.set(sheetNameKey(s.name), i));
  const indexOf = (name: string) => {
    const i = oldIndex.get(sheetNameKey(name));
    if (i === undefined) throw new Error(`layoutSheets: no sheet «${name}»`);
    return i;
  };
  const patchByName = new Map(patch.sheets.map((s) => [sheetNameKey(s.name), s]));
  const keptAs = new Map(plan.keep.map((k) => [sheetNameKey(k.as), k.sheet]));
  const keptSheets = new Set(plan.keep.map((k) => sheetNameKey(k.sheet)));
  const replacedBy = new Map<string, number>();
  for (const r of plan.replace)
    if (!keptSheets.has(sheetNameKey(r.sheet)))
      replacedBy.set(sheetNameKey(r.name), indexOf(r.sheet));
  const unmark = new Set(plan.unmark.map(sheetNameKey));
  const registryName = plan.registry ? plan.order[plan.order.length - 1] : undefined;

  const layout: Layout = {
    sheets: [],
    position: new Map(),
    gone: new Set(),
    renamed: new Map(),
    removed: new Set(),
  };
  for (const name of plan.order) {
    const key = sheetNameKey(name);
    const p = patchByName.get(key);
    let sheet: FinalSheet;
    if (name === registryName) {
      sheet = { kind: 'registry', name, ...(registryIndex >= 0 ? { reuse: registryIndex } : {}) };
    } else if (p) {
      const reuse = replacedBy.get(key);
      sheet = { kind: 'patch', name, patch: p, ...(reuse !== undefined ? { reuse } : {}) };
    } else if (keptAs.has(key)) {
      const old = indexOf(keptAs.get(key)!);
      sheet = { kind: 'kept', name, old };
      layout.renamed.set(sheetNameKey(pkg.sheets[old]!.name), name);
    } else {
      const old = indexOf(name);
      sheet = { kind: 'existing', name, old, unmark: unmark.has(key) };
    }
    if (sheet.kind === 'existing' || sheet.kind === 'kept')
      layout.position.set(sheet.old, layout.sheets.length);
    layout.sheets.push(sheet);
  }
  const replacements = new Map(plan.replace.map((r) => [sheetNameKey(r.sheet), r]));
  pkg.sheets.forEach((s, i) => {
    if (layout.position.has(i)) return;
    layout.gone.add(i);
    const replacement = replacements.get(sheetNameKey(s.name));
    if (replacement && !keptSheets.has(sheetNameKey(s.name))) {
      if (replacement.name !== s.name) layout.renamed.set(sheetNameKey(s.name), replacement.name);
    } else if (i !== registryIndex) layout.removed.add(sheetNameKey(s.name));
  });
  return layout;
}
