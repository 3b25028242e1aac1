/**
 * A1 addresses as office.js reports and accepts them: "Лист1!B3:H50", "'Мой лист'!A1",
 * comma-separated area lists. One range is parsed by parseArea in core/grid.
 */

/** Splits "Sheet!A1:B2" into the sheet part and the range part; quotes around the sheet are removed. */
export function splitSheetAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** Splits an area list on commas that are outside quoted sheet names. */
export function splitAreaList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current.trim()) parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
