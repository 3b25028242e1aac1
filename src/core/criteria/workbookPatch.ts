/**
 * buildCriteriaPatch: the criteria as a workbook that recomputes itself — «Настройки» (the cells
 * the formulas read, by name), «Результаты» (the normalised table), «Критерии» (school × year) and
 * «Показатели» (region indicators). Every formula carries the engine's value as its cached result,
 * so the file shows correct numbers even before a spreadsheet recalculates it.
 */
import { layoutWorkbook } from '../layout/sheetLayout';
import type { WorkbookPatch } from '../patch';
import type { CriteriaSettings } from '../settings';
import { criteriaSheet } from './criteriaSheet';
import { criteriaSheetNames } from './formulas';
import { indicatorsSheet } from './indicatorsSheet';
import { resultLines, resultsSheet } from './resultsSheet';
import { settingsSheet } from './settingsSheet';
import type { CriteriaResult } from './types';

export interface CriteriaPatchOptions {
  /** Names of the user's own sheets in the target workbook: the criteria sheets avoid them. */
  takenNames?: readonly string[];
}

/**
 * The criteria workbook. `rowsRead` is how many result rows the criteria were computed from; the
 * sheets are built from `result`, which already holds them normalised (not-held years left out,
 * duplicates summed).
 */
export function buildCriteriaPatch(
  rowsRead: number,
  result: CriteriaResult,
  settings: CriteriaSettings,
  opts: CriteriaPatchOptions = {},
): WorkbookPatch {
  const sheets = criteriaSheetNames(opts.takenNames);
  const s = settingsSheet(settings, sheets);
  const { lines, blocks } = resultLines(result);
  s.sheet.values.push({
    at: `A${s.sheet.values[0]!.values.length + 2}`,
    values: [
      [
        `Строк результатов во входных данных: ${rowsRead}; строк на листе «${sheets.results}»: ${lines.length} (повторы сложены, непроводившиеся процедуры исключены).`,
      ],
    ],
  });
  const results = resultsSheet(lines, sheets);
  const criteria = criteriaSheet({ ...result, settings }, blocks, sheets);
  const indicators = indicatorsSheet(
    result,
    criteria.rows,
    lines.length + 1,
    criteria.positiveCol,
    sheets,
  );
  return layoutWorkbook({
    sheets: [s.sheet, results, criteria.sheet, indicators],
    names: s.names,
    removeKeys: [],
    activeSheet: sheets.criteria,
  });
}
