/** «Показатели»: the region indicators by year, numerator and denominator as formulas. */
import type { Scalar } from '../grid';
import { emptySheetPatch, type FormulaBlock, type SheetPatch } from '../patch';
import { indicatorFormulas, lowAnyTitleFormula, type SheetNames } from './formulas';
import { CRITERIA_ORDER, CRITERIA_SHEET_KEYS, HEADER_STYLE, PERCENT } from './sheets';
import type { CriteriaResult } from './types';

export function indicatorsSheet(
  result: CriteriaResult,
  criteriaRows: number,
  resultRows: number,
  positiveCol: string,
  sheets: SheetNames,
): SheetPatch {
  const sheet = emptySheetPatch(
    sheets.indicators,
    CRITERIA_SHEET_KEYS.indicators,
    CRITERIA_ORDER + 3,
  );
  const values: Scalar[][] = [['Год', 'Показатель', 'Числитель', 'Знаменатель', 'Значение']];
  const formulas: Array<Array<string | null>> = [];
  const cached: Scalar[][] = [];
  const titles: FormulaBlock[] = [];
  result.indicators.forEach((ind, i) => {
    const r = i + 2;
    if (ind.id === 'low-any-share') {
      // The title names the threshold: it follows the threshold cell too.
      values.push([ind.year]);
      titles.push({ at: `B${r}`, formulas: [[lowAnyTitleFormula()]], cached: [[ind.title]] });
    } else values.push([ind.year, ind.title]);
    const [num, den] = indicatorFormulas(
      ind.id,
      `A${r}`,
      { first: 2, last: criteriaRows },
      { first: 2, last: resultRows },
      positiveCol,
      sheets,
    );
    formulas.push([num, den, `=IF(D${r}>0,C${r}/D${r},"")`]);
    cached.push([ind.numerator, ind.denominator, ind.value]);
  });
  sheet.values.push({ at: 'A1', values });
  // Without any row of results there is nothing to sum over: the table holds only the header.
  if (formulas.length && criteriaRows > 1) sheet.formulas.push({ at: 'C2', formulas, cached });
  sheet.formulas.push(...titles);
  sheet.formats.push({ range: 'A1:E1', style: HEADER_STYLE });
  if (formulas.length)
    sheet.formats.push({ range: `E2:E${formulas.length + 1}`, style: { numFmt: PERCENT } });
  sheet.freeze = { rows: 1, cols: 0 };
  sheet.columnWidths = [
    { col: 'A', width: 8 },
    { col: 'B', width: 60 },
    { col: 'C', width: 12 },
    { col: 'D', width: 12 },
    { col: 'E', width: 12 },
  ];
  return sheet;
}
