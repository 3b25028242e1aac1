/**
 * The region indicators the «Показатели» sheet computes (criteria/workbookPatch.ts), read back
 * from that sheet as a Grid: which row holds which indicator for which year. The report reads
 * them from the patch it is about to write; the add-in's plan tab from the sheet an earlier report
 * left in the workbook. Either way the «Показатели плана» formulas point at the cells found here.
 */
import { indicatorTitle } from '../criteria/indicators';
import type { IndicatorId } from '../criteria/types';
import { valueAt, type Grid } from '../grid';
import { cellText } from '../text';

export interface ComputedCell {
  id: IndicatorId;
  year: number;
  /** The sheet's name, as formulas must quote it. */
  sheet: string;
  /** Excel row of the indicator on that sheet; numerator in C, denominator in D, value in E. */
  row: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

const FIXED: IndicatorId[] = [
  'shnor-share',
  'left-list-share',
  'positive-dynamics-share',
  'stagnation-share',
  'confirmed-share',
];

/** The indicator a title of the «Показатели» sheet names (the threshold in one of them varies). */
export function indicatorOfTitle(title: string): IndicatorId | null {
  const t = title.trim();
  for (const id of FIXED) if (indicatorTitle(id, { threshold: 0.3 }) === t) return id;
  return /^Доля школ с долей «2» ≥ [\d,.]+ % хотя бы в одной процедуре$/.test(t)
    ? 'low-any-share'
    : null;
}

function numberAt(grid: Grid, r: number, c: number): number | null {
  const v = valueAt(grid, r, c);
  return typeof v === 'number' ? v : null;
}

/** Every indicator row of a «Показатели» sheet: year in A, title in B, C/D/E the numbers. */
export function computedCells(grid: Grid): ComputedCell[] {
  const out: ComputedCell[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const year = numberAt(grid, r, 0);
    const id = indicatorOfTitle(cellText(valueAt(grid, r, 1)));
    if (year === null || !Number.isInteger(year) || !id) continue;
    out.push({
      id,
      year,
      sheet: grid.sheet,
      row: r + 1,
      numerator: numberAt(grid, r, 2),
      denominator: numberAt(grid, r, 3),
      value: numberAt(grid, r, 4),
    });
  }
  return out;
}
