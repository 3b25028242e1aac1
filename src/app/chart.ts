/**
 * The chart on the summary sheet: the share of ШНОР by municipality and year as a
 * clustered column chart. Excel charts need their data on a sheet, so a small table (municipality ×
 * year) is added to the summary sheet's patch to the right of its own table, and the chart sits
 * under that table. Pure: returns the patched sheet list and the chart to add.
 */
import type { CriteriaResult } from '../core/criteria/types';
import { a1, type Scalar } from '../core/grid';
import { layoutSheet } from '../core/layout/sheetLayout';
import type { WorkbookPatch } from '../core/patch';
import { countByMunicipality } from '../core/report/summarySheet';

/** A clustered column chart placed on a sheet (data range with headers in the first row and column). */
export interface ChartSpec {
  sheet: string;
  /** Stable chart name: a later run replaces the chart of the same name. */
  name: string;
  title: string;
  /** A1 range of the data, headers included. */
  source: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export const SUMMARY_KEY = 'summary';
export const CHART_NAME = 'ШНОР_по_муниципалитетам';
export const CHART_TITLE = 'Доля ШНОР по муниципалитетам';
/** Columns each year takes in the summary table (see report/summarySheet). */
const SUMMARY_COLUMNS_PER_YEAR = 4;
const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

export interface ChartPlan {
  patch: WorkbookPatch;
  chart: ChartSpec | null;
}

/** Adds the chart's data table to the summary sheet; no chart without a summary sheet or results. */
export function addShnorChart(patch: WorkbookPatch, result: CriteriaResult): ChartPlan {
  const summary = patch.sheets.find((s) => s.key === SUMMARY_KEY);
  const counts = countByMunicipality(result);
  if (!summary || result.years.length === 0 || counts.size === 0) return { patch, chart: null };

  const left = 1 + result.years.length * SUMMARY_COLUMNS_PER_YEAR + 1;
  const titleRow = 2;
  const top = titleRow + 1;
  const rows: Scalar[][] = [['Муниципалитет', ...result.years.map((y) => String(y))]];
  for (const [municipality, byYear] of counts) {
    rows.push([
      municipality,
      ...result.years.map((y) => {
        const c = byYear.get(y);
        return c && c.schools > 0 ? c.shnor / c.schools : null;
      }),
    ]);
  }
  const bottom = top + rows.length - 1;
  const right = left + result.years.length;
  const range = `${a1(top, left)}:${a1(bottom, right)}`;
  // laid out again: the chart's table gets the width its municipality names need (layout is
  // idempotent for the rest of the sheet)
  const patched = layoutSheet({
    ...summary,
    values: [
      ...summary.values,
      { at: a1(titleRow, left), values: [['Доля ШНОР по муниципалитетам (данные диаграммы)']] },
      { at: a1(top, left), values: rows },
    ],
    formats: [
      ...summary.formats,
      { range: a1(titleRow, left), style: { bold: true } },
      {
        range: `${a1(top, left)}:${a1(top, right)}`,
        style: { bold: true, fill: 'D9E2F3', border: 'thin' as const, hAlign: 'center' as const },
      },
      // Years are headers, not numbers: text, so the chart takes them as series names.
      { range: `${a1(top, left + 1)}:${a1(top, right)}`, style: { numFmt: '@' } },
      { range: `${a1(top + 1, left + 1)}:${a1(bottom, right)}`, style: { numFmt: '0.0%' } },
      { range: `${a1(top + 1, left)}:${a1(bottom, right)}`, style: { border: 'thin' as const } },
    ],
  });
  const chartTop = bottom + 2;
  return {
    patch: { ...patch, sheets: patch.sheets.map((s) => (s === summary ? patched : s)) },
    chart: {
      sheet: summary.name,
      name: CHART_NAME,
      title: CHART_TITLE,
      source: range,
      from: a1(chartTop, left),
      to: a1(chartTop + CHART_ROWS - 1, left + CHART_COLUMNS - 1),
    },
  };
}
