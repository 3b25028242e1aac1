/**
 * «Критерии»: one row per school and year; formulas over the school's block of «Результаты» give
 * the triggers, ШНОР, consecutive years, stagnation, leaving the list and dynamics per subject.
 */
import type { Scalar } from '../grid';
import { emptySheetPatch, type SheetPatch } from '../patch';
import { C, criteriaFormulas, subjectColumns, type Block, type SheetNames } from './formulas';
import { CRITERIA_ORDER, CRITERIA_SHEET_KEYS, HEADER_STYLE, PERCENT } from './sheets';
import type { CriteriaResult } from './types';

export function criteriaSheet(
  result: CriteriaResult,
  blocks: Map<string, Block>,
  sheets: SheetNames,
): { sheet: SheetPatch; rows: number; positiveCol: string } {
  const subjects = result.settings.subjects;
  const cols = subjectColumns(subjects.length);
  const sheet = emptySheetPatch(sheets.criteria, CRITERIA_SHEET_KEYS.criteria, CRITERIA_ORDER + 2);
  const header: Scalar[] = [
    'Ключ школы',
    'Код ОО',
    'ОО',
    'Муниципалитет',
    'Год',
    'Строки в «Результатах»',
    'Есть результаты',
    'Низких процедур',
    'Низких два года подряд',
    'Триггер А',
    'Триггер Б',
    'ШНОР',
    'Есть прошлый год (строкой выше)',
    'Лет подряд в перечне',
    'Стагнация',
    'ШНОР в прошлом году',
    'Вышла из перечня',
  ];
  for (const s of subjects) header.push(`Участников: ${s}`, `«2»: ${s}`, `Доля «2»: ${s}`);
  for (const s of subjects) header.push(`Динамика: ${s} (1 лучше, −1 хуже)`);
  header.push('Положительная динамика');
  const values: Scalar[][] = [header];
  const formulas: Array<Array<string | null>> = [];
  const cached: Scalar[][] = [];
  let r = 1;
  for (const school of result.schools) {
    const block = blocks.get(school.id);
    if (!block) continue;
    for (const y of Object.values(school.years).sort((a, b) => a.year - b.year)) {
      r++;
      values.push([
        school.id,
        school.code,
        school.name,
        school.municipality,
        y.year,
        `${block.first}–${block.last}`,
      ]);
      const prevAbove = school.years[String(y.year - 1)] !== undefined;
      const byCol = new Map<string, Scalar>([
        [C.hasResults, y.hasResults],
        [C.lowCount, y.lowProcedures.length],
        [C.repeatedCount, y.repeatedProcedures.length],
        [C.triggerA, y.triggerA],
        [C.triggerB, y.triggerB],
        [C.shnor, y.shnor],
        [C.prevAbove, prevAbove],
        [C.consecutive, y.consecutiveYears],
        [C.stagnation, y.stagnation],
        [C.previousShnor, y.previousShnor],
        [C.leftList, y.leftList],
        [cols.positive, y.positiveDynamics],
      ]);
      subjects.forEach((s, k) => {
        const sh = y.subjects[s];
        byCol.set(cols.participants[k]!, sh?.participants ?? 0);
        byCol.set(cols.failed[k]!, sh?.failed ?? 0);
        byCol.set(cols.share[k]!, sh?.share ?? null);
        byCol.set(cols.dynamics[k]!, sh?.dynamics ?? null);
      });
      const row = criteriaFormulas(r, block, subjects, sheets);
      formulas.push(row.map(([, f]) => f));
      cached.push(row.map(([col]) => byCol.get(col) ?? null));
    }
  }
  sheet.values.push({ at: 'A1', values });
  if (formulas.length) sheet.formulas.push({ at: `${C.hasResults}2`, formulas, cached });
  sheet.formats.push({ range: `A1:${cols.positive}1`, style: HEADER_STYLE });
  if (r > 1) {
    for (const col of cols.share)
      sheet.formats.push({ range: `${col}2:${col}${r}`, style: { numFmt: PERCENT } });
    sheet.formats.push({ range: `${C.code}2:${C.code}${r}`, style: { numFmt: '@' } });
  }
  sheet.freeze = { rows: 1, cols: 0 };
  sheet.autoFilter = `A1:${cols.positive}${r}`;
  sheet.columnWidths = [
    { col: C.name, width: 40 },
    { col: C.municipality, width: 22 },
  ];
  return { sheet, rows: r, positiveCol: cols.positive };
}
