/**
 * The workbook's defined names after an update. Every name of the user keeps its element byte for
 * byte, with two exceptions Excel itself would make: a sheet-scoped name follows its sheet to its
 * new position (localSheetId re-indexed, so two local «Итог» on two sheets stay two), and a
 * reference to a sheet that was renamed or removed is rewritten (to the new name, or to #REF!).
 * Names scoped to a sheet that is replaced or removed go with it; so do our own marker names of
 * sheets handed to the user. Then our names are added: each generated sheet's marker, print titles
 * and filter range, and the patch's workbook names.
 */
import type { WorkbookPatch } from '../../core/patch';
import { quoteSheet } from '../../core/sheetRef';
import { renameSheetsInFormula } from '../../core/workbook/references';
import { LEGACY_NAME, MARKER_NAME, markerFormula } from '../../core/workbook/registry';
import type { RegistryEntry } from '../../core/workbook/registry';
import type { Layout } from './layout';
import type { PackageName, WorkbookPackage } from './package';
import { absolute, type LocalName } from './sheetPart';
import { escapeXml, setAttr } from './xmlEdit';

/** A sheet name no workbook can have: stands for a removed sheet until it becomes #REF!. */
const GONE = '\u0001gone';

/** Our names for one generated sheet at `position`. */
export interface SheetNames {
  position: number;
  key: string;
  local: LocalName[];
}

function element(prefix: string, attrs: string, formula: string): string {
  const p = prefix ? `${prefix}:` : '';
  return `<${p}definedName${attrs}>${escapeXml(formula)}</${p}definedName>`;
}

/** A user's name, kept: re-indexed and with references to renamed or removed sheets rewritten. */
function keptName(
  pkg: WorkbookPackage,
  n: PackageName,
  localSheetId: number | undefined,
  renames: Map<string, string>,
): string {
  const text = pkg.xml.slice(n.element.start, n.element.end);
  const formula = renames.size ? renameSheetsInFormula(n.formula, renames) : n.formula;
  const refFixed = formula.split(`${quoteSheet(GONE)}!`).join('#REF!');
  if (localSheetId === n.localSheetId && refFixed === n.formula) return text;
  let attrs = n.element.attrs;
  if (localSheetId !== undefined) attrs = setAttr(attrs, 'localSheetId', String(localSheetId));
  if (refFixed === n.formula && !n.element.selfClosing) {
    const p = n.element.prefix ? `${n.element.prefix}:` : '';
    const inner = pkg.xml.slice(n.element.openEnd, n.element.closeStart);
    return `<${p}definedName${attrs}>${inner}</${p}definedName>`;
  }
  return element(n.element.prefix, attrs, refFixed);
}

/** The <definedName> elements of the updated workbook. */
export function definedNames(
  pkg: WorkbookPackage,
  layout: Layout,
  patch: WorkbookPatch,
  generated: SheetNames[],
  /** Registry entries of sheets that are replaced or removed: their legacy names go. */
  goingEntries: RegistryEntry[],
): string[] {
  const renames = new Map(layout.renamed);
  for (const r of layout.removed) renames.set(r, GONE);
  const patchNames = new Set(patch.names.map((n) => n.name.toLowerCase()));
  const goingLegacy = new Set(
    goingEntries
      .filter((e) => LEGACY_NAME.test(e.definedName))
      .map((e) => e.definedName.toLowerCase()),
  );
  const unmarked = new Set<number>();
  layout.sheets.forEach((s, i) => {
    if (s.kind === 'kept' || (s.kind === 'existing' && s.unmark)) unmarked.add(i);
  });

  const out: string[] = [];
  for (const n of pkg.names) {
    if (n.localSheetId !== undefined) {
      if (layout.gone.has(n.localSheetId)) continue;
      const position = layout.position.get(n.localSheetId);
      // A scope that names no sheet at all: Excel ignores such a name; so do we, as it is.
      if (position === undefined) {
        out.push(keptName(pkg, n, n.localSheetId, renames));
        continue;
      }
      if (n.name === MARKER_NAME && unmarked.has(position)) continue;
      out.push(keptName(pkg, n, position, renames));
    } else {
      const lower = n.name.toLowerCase();
      if (patchNames.has(lower) || goingLegacy.has(lower)) continue;
      out.push(keptName(pkg, n, undefined, renames));
    }
  }

  const prefix = pkg.prefix;
  for (const g of generated) {
    const scope = ` localSheetId="${g.position}"`;
    out.push(
      element(prefix, ` name="${MARKER_NAME}"${scope} hidden="1"`, markerFormula(g.key).slice(1)),
    );
    for (const l of g.local)
      out.push(
        element(prefix, ` name="${l.name}"${scope}${l.hidden ? ' hidden="1"' : ''}`, l.formula),
      );
  }
  for (const n of patch.names) {
    const range = absolute(n.range);
    const comment = n.comment ? ` comment="${escapeXml(n.comment)}"` : '';
    out.push(
      element(prefix, ` name="${escapeXml(n.name)}"${comment}`, `${quoteSheet(n.sheet)}!${range}`),
    );
  }
  return out;
}
