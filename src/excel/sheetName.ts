/**
 * A free sheet name next to the user's sheets: Excel compares names ignoring case, and a name
 * holds at most 31 characters, so "Имя (2)" may need the base shortened.
 */
export const MAX_SHEET_NAME = 31;

export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(sheetNameKey(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const base = wanted.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '');
    const candidate = `${base}${suffix}`;
    if (!taken.has(sheetNameKey(candidate))) return candidate;
  }
}
