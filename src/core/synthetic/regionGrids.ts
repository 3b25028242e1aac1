/**
 * A generated region as the sheets a user would paste: the long results table (docs/domain.md §3.1)
 * and a risk-factor sheet, one row per school that has factors.
 */
import { gridFromValues, type CellValue, type Grid } from '../grid';
import { RESULTS_SHEET, RISK_SHEET, type Region } from './region';

export const RESULTS_HEADER = [
  'Муниципалитет',
  'Код ОО',
  'Наименование ОО',
  'Год',
  'Процедура',
  'Класс',
  'Предмет',
  'Кол-во участников',
  'Кол-во «2»',
  'Кол-во «3»',
  'Кол-во «4»',
  'Кол-во «5»',
  'Понизили',
  'Подтвердили',
  'Повысили',
] as const;

export const RISK_HEADER = [
  'Код ОО',
  'Наименование ОО',
  'Муниципалитет',
  'Фактор риска 1',
  'Фактор риска 2',
  'Фактор риска 3',
] as const;

/** The results sheet: header in row 1, then region.rows in order (their source rows match). */
export function resultsGrid(region: Region): Grid {
  const values: CellValue[][] = [[...RESULTS_HEADER]];
  for (const r of region.rows) {
    values.push([
      r.municipality,
      r.schoolCode,
      r.schoolName,
      r.year,
      r.type,
      r.grade,
      r.subject,
      r.participants,
      r.failed,
      r.n3 ?? null,
      r.n4 ?? null,
      r.n5 ?? null,
      r.lowered ?? null,
      r.confirmed ?? null,
      r.raised ?? null,
    ]);
  }
  return gridFromValues(RESULTS_SHEET, values);
}

/** The risk-factor sheet: schools with at least one factor. */
export function riskGrid(region: Region): Grid {
  const values: CellValue[][] = [[...RISK_HEADER]];
  for (const s of region.schools) {
    if (!s.riskFactors.length) continue;
    values.push([
      s.code,
      s.name,
      s.municipality,
      s.riskFactors[0] ?? null,
      s.riskFactors[1] ?? null,
      s.riskFactors[2] ?? null,
    ]);
  }
  return gridFromValues(RISK_SHEET, values);
}

export function gridsFromRegion(region: Region): Grid[] {
  return [resultsGrid(region), riskGrid(region)];
}
