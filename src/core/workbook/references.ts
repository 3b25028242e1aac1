/**
 * Resolves a patch against the final sheet names the policy chose (./policy.ts): a sheet the patch
 * calls «Результаты» may land as «Результаты (2)» beside a user's sheet of that name, and every
 * formula, link, defined name and conditional format of the patch that points at it must follow.
 */
import { quoteSheet, type FormulaBlock, type WorkbookPatch } from '../patch';
import { sheetNameKey } from './sheetNames';

/** String literals, quoted sheet names with "!", and unquoted names with "!", in a formula. */
const TOKENS = /"(?:[^"]|"")*"|'((?:[^']|'')*)'!|([^\s"'!(),;=+\-*/^&<>%{}[\]:]+)!/g;

/** The formula with references to renamed sheets (keys from sheetNameKey → new name) rewritten. */
export function renameSheetsInFormula(
  formula: string,
  renames: ReadonlyMap<string, string>,
): string {
  if (!formula.includes('!')) return formula;
  return formula.replace(TOKENS, (token, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    if (name === undefined) return token; // a string literal
    const to = renames.get(sheetNameKey(name));
    return to === undefined ? token : `${quoteSheet(to)}!`;
  });
}

function renameBlock(block: FormulaBlock, renames: ReadonlyMap<string, string>): FormulaBlock {
  return {
    ...block,
    formulas: block.formulas.map((row) =>
      row.map((f) => (f === null ? null : renameSheetsInFormula(f, renames))),
    ),
  };
}

/**
 * The patch with its sheets under their final names (key → name) and every reference to them
 * rewritten. Returns the patch itself when no name changes.
 */
export function resolvePatchNames(
  patch: WorkbookPatch,
  names: Readonly<Record<string, string>>,
): WorkbookPatch {
  const renames = new Map<string, string>();
  for (const s of patch.sheets) {
    const to = names[s.key];
    if (to !== undefined && to !== s.name) renames.set(sheetNameKey(s.name), to);
  }
  if (!renames.size) return patch;
  const sheetName = (name: string) => renames.get(sheetNameKey(name)) ?? name;
  return {
    ...patch,
    sheets: patch.sheets.map((s) => ({
      ...s,
      name: names[s.key] ?? s.name,
      formulas: s.formulas.map((b) => renameBlock(b, renames)),
      hyperlinks: s.hyperlinks.map((h) => ({ ...h, sheet: sheetName(h.sheet) })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({
        ...cf,
        value: renameSheetsInFormula(cf.value, renames),
      })),
    })),
    names: patch.names.map((n) => ({ ...n, sheet: sheetName(n.sheet) })),
    ...(patch.activeSheet !== undefined ? { activeSheet: sheetName(patch.activeSheet) } : {}),
  };
}
