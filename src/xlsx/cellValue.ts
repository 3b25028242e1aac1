/** exceljs cell values → the Grid's values: rich text flattened, formulas split into text and result. */
import type ExcelJS from 'exceljs';
import type { Area, Cell, CellValue } from '../core/grid';

export function convertValue(raw: ExcelJS.CellValue): { v: CellValue; f?: string } {
  if (raw === null || raw === undefined) return { v: null };
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')
    return { v: raw };
  if (raw instanceof Date) return { v: raw };
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText))
      return { v: raw.richText.map((t) => t.text).join('') };
    if ('error' in raw) return { v: { error: String(raw.error) } };
    if ('formula' in raw || 'sharedFormula' in raw) {
      const formula = 'formula' in raw ? raw.formula : undefined;
      const result = (raw as { result?: unknown }).result;
      const inner = result === undefined ? { v: null } : convertValue(result as ExcelJS.CellValue);
      return formula ? { v: inner.v, f: formula } : { v: inner.v };
    }
    if ('text' in raw) {
      const text = (raw as { text: unknown }).text;
      if (typeof text === 'string') return { v: text };
      return convertValue(text as ExcelJS.CellValue);
    }
  }
  return { v: String(raw) };
}

/** A cell of the Grid, or undefined when it holds nothing. `formula` stands in for a shared one. */
export function gridCell(
  raw: ExcelJS.CellValue,
  numFmt: string | undefined,
  formula?: string,
): Cell | undefined {
  const converted = convertValue(raw);
  const f = converted.f ?? formula;
  if (converted.v === null && !f) return undefined;
  const out: Cell = { v: converted.v };
  if (f) out.f = f;
  if (numFmt && numFmt !== 'General') out.fmt = numFmt;
  return out;
}

/** "r,c" keys of the cells a merge covers besides its top-left one (they hold nothing). */
export function mergedAway(areas: readonly Area[]): Set<string> {
  const covered = new Set<string>();
  for (const area of areas)
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (r !== area.top || c !== area.left) covered.add(`${r},${c}`);
  return covered;
}
