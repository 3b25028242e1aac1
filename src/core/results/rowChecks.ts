/** Checks across the marks of a row that was read: shares that do not add up, counts over N. */
import type { TableCells } from './tableCells';
import type { TableReport } from './tableReport';
import type { ResultRow } from './types';

const SHARES_TOLERANCE = 1.5;

/**
 * Shares of «2»–«5» that do not add up to 100, or counts that add up to more than N. `shares` are
 * the shares the row gave, «2» first; `marksShares` how many of them are of marks.
 */
export function checkMarks(
  r: number,
  row: ResultRow,
  shares: readonly number[],
  marksShares: number,
  cells: TableCells,
  report: TableReport,
): void {
  const nameCol = cells.col.schoolName ?? 0;
  if (marksShares === 4) {
    const sum = shares[0]! + shares[1]! + shares[2]! + shares[3]!;
    if (Math.abs(sum - 100) > SHARES_TOLERANCE)
      report.issue(
        'results-shares-sum',
        r,
        cells.col.share2 ?? nameCol,
        `доли отметок «2»–«5» в сумме дают ${String(Math.round(sum * 10) / 10).replace('.', ',')} %, а не 100 %; числа отметок посчитаны из долей как есть.`,
        'Сверьте строку с исходной выгрузкой.',
      );
    return;
  }
  // Counts rounded from shares may overshoot N by rounding: only typed counts are checked.
  if (marksShares > 0 || row.n3 === undefined || row.n4 === undefined || row.n5 === undefined)
    return;
  const total = row.failed + row.n3 + row.n4 + row.n5;
  if (total > row.participants)
    report.issue(
      'results-marks-exceed',
      r,
      cells.col.participants ?? nameCol,
      `сумма отметок «2»–«5» (${total}) больше числа участников (${row.participants}).`,
      'Проверьте числа отметок и участников.',
    );
}
