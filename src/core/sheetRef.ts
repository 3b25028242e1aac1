/**
 * Sheet names inside references Excel reads: formulas, defined names (print titles among them),
 * hyperlinks. One function quotes them all; nobody writes their own.
 *
 * Excel leaves a name bare only when it cannot be read as anything else. Quoting is always allowed,
 * so anything in doubt is quoted: every name except plain ASCII words (a letter or "_", then
 * letters, digits, "_" and ".") that look like neither a cell (A1, XFD1048576, ABC12x; Sheet1 stays bare), nor an R1C1
 * reference (R, C, R1C1, RC2), nor a boolean (TRUE, FALSE). Cyrillic and other non-ASCII names,
 * spaces, punctuation, a leading digit: quoted. Inside quotes an apostrophe is doubled.
 */

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** One to three letters then a digit: a cell reference (A1…XFD1048576) or a name starting like one. */
const CELL_LIKE = /^[A-Za-z]{1,3}\d/;
const R1C1_LIKE = /^(?:R\d*C?\d*|C\d*)$/i;
const BOOLEAN = /^(?:TRUE|FALSE)$/i;

/** True when Excel reads the name bare (unquoted) as the sheet's name and nothing else. */
export function isBareSheetName(name: string): boolean {
  return PLAIN.test(name) && !CELL_LIKE.test(name) && !R1C1_LIKE.test(name) && !BOOLEAN.test(name);
}

/** The sheet name as a reference wants it: `Sheet1` stays, `'Свод'`, `'A1'`, `'O''Brien'`. */
export function quoteSheet(name: string): string {
  return isBareSheetName(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Свод'!$A$1`: a sheet name and an area on it. */
export function sheetRef(name: string, area: string): string {
  return `${quoteSheet(name)}!${area}`;
}

/**
 * The sheet name and the area of a reference written by sheetRef (or by Excel): the inverse of
 * quoteSheet. Null when the text is not a sheet reference.
 */
export function parseSheetRef(ref: string): { sheet: string; area: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!][^!]*))!(.*)$/s.exec(ref);
  if (!m) return null;
  const quoted = m[1];
  if (quoted !== undefined) return { sheet: quoted.replace(/''/g, "'"), area: m[3]! };
  return isBareSheetName(m[2]!) ? { sheet: m[2]!, area: m[3]! } : null;
}
