/**
 * Sheet names as Excel allows them, and the one way this program picks a free name: at most 31
 * characters (UTF-16 units, as Excel counts), none of \ / ? * : [ ], no apostrophe at either end,
 * unique ignoring case, never "History" (Excel's change-tracking sheet) nor "_shnor" (our
 * registry, see ./registry.ts). Clashes get " (2)", " (3)"…, the base cut to keep 31 characters.
 */

/** Excel's limit, in UTF-16 code units (an emoji counts twice, as in Excel). */
export const MAX_SHEET_NAME_LENGTH = 31;

/** The veryHidden sheet that lists the generated sheets (see ./registry.ts). */
export const REGISTRY_SHEET = '_shnor';

/** Names a generated sheet never gets, compared ignoring case. */
const RESERVED = ['history', REGISTRY_SHEET];

const FORBIDDEN = /[\\/?*:[\]]/g;
// Control characters Excel refuses in a name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Key under which Excel compares sheet names. */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

export function isReservedSheetName(name: string): boolean {
  return RESERVED.includes(sheetNameKey(name));
}

/** A name Excel accepts ("History" included among the names it refuses). */
export function isLegalSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !/[\\/?*:[\]]/.test(name) &&
    !/[\u0000-\u001f\u007f]/.test(name) && // eslint-disable-line no-control-regex
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.trim() === name &&
    sheetNameKey(name) !== 'history' &&
    !hasBrokenSurrogate(name)
  );
}

function hasBrokenSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, then tidies the end. */
export function cutSheetName(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return tidy(out);
}

/** Trims spaces and apostrophes at both ends (Excel refuses an apostrophe there). */
function tidy(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, '');
}

/**
 * Makes any text a legal sheet name (not yet unique): forbidden characters become spaces, runs of
 * spaces collapse, ends are tidied, the length is cut; an empty result becomes `fallback`.
 */
export function legalSheetName(raw: string, fallback = 'Лист'): string {
  let s = raw.replace(CONTROL, ' ').replace(FORBIDDEN, ' ');
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  s = tidy(s.replace(/\s+/g, ' '));
  s = cutSheetName(s, MAX_SHEET_NAME_LENGTH);
  return s || fallback;
}

/**
 * The wanted name made legal, or the first of "Name (2)", "Name (3)"… that is free: not in `taken`
 * (keys from sheetNameKey) and not reserved.
 */
export function freeSheetName(
  wanted: string,
  taken: ReadonlySet<string>,
  fallback = 'Лист',
): string {
  const base = legalSheetName(wanted, fallback);
  const free = (n: string) =>
    !taken.has(sheetNameKey(n)) && !isReservedSheetName(n) && isLegalSheetName(n);
  if (free(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = `${cutSheetName(base, MAX_SHEET_NAME_LENGTH - suffix.length) || fallback}${suffix}`;
    if (free(name)) return name;
  }
}

/**
 * Unique legal names for `items` (key → wanted text), given names already taken (user sheets,
 * other generated sheets). Items are named in the order given, so callers sort them (schools by
 * code) for names that stay stable across runs.
 */
export function assignSheetNames(
  items: ReadonlyArray<{ key: string; wanted: string }>,
  taken: Iterable<string> = [],
  fallback = 'Лист',
): Map<string, string> {
  const used = new Set<string>();
  for (const t of taken) used.add(sheetNameKey(t));
  const out = new Map<string, string>();
  for (const item of items) {
    const name = freeSheetName(item.wanted, used, fallback);
    used.add(sheetNameKey(name));
    out.set(item.key, name);
  }
  return out;
}
