/**
 * buildCriteriaPatch: the criteria as a workbook that recomputes itself — «Настройки» (the cells
 * the formulas read, by name), «Результаты» (the normalised table), «Критерии» (school × year) and
 * «Показатели» (region indicators). Every formula carries the engine's value as its cached result,
 * so the file shows correct numbers even before a spreadsheet recalculates it.
 */
import type { Scalar } from '../grid';
import { layoutWorkbook } from '../layout/sheetLayout';
import {
  emptySheetPatch,
  type FormulaBlock,
  type NamedRange,
  type SheetPatch,
  type WorkbookPatch,
} from '../patch';
import type { ResultRow } from '../results/types';
import type { CriteriaSettings } from '../settings';
import {
  C,
  criteriaFormulas,
  indicatorFormulas,
  lowAnyTitleFormula,
  NAME,
  R,
  RESULT_FORMULA_KEYS,
  resultFormulaTemplates,
  type ResultFormulaKey,
  criteriaSheetNames,
  type SheetNames,
  subjectColumns,
  type Block,
} from './formulas';
import type { CriteriaResult, ProcedureResult, SchoolCriteria } from './types';

export const CRITERIA_SHEET_KEYS = {
  settings: 'criteria:settings',
  results: 'criteria:results',
  criteria: 'criteria:criteria',
  indicators: 'criteria:indicators',
} as const;

/** Position of the first criteria sheet among generated sheets; a report places its own sheets around it. */
export const CRITERIA_ORDER = 100;

const HEADER_STYLE = {
  bold: true,
  wrap: true,
  fill: 'DDEBF7',
  vAlign: 'middle' as const,
  border: 'thin' as const,
};
const PERCENT = '0.0%';

/** Settings rows: label, value, workbook name, explanation. */
function settingsSheet(
  settings: CriteriaSettings,
  sheets: SheetNames,
): { sheet: SheetPatch; names: NamedRange[] } {
  const sheet = emptySheetPatch(sheets.settings, CRITERIA_SHEET_KEYS.settings, CRITERIA_ORDER);
  const live: Array<[string, number, string, string]> = [
    [
      'Порог доли «2» (включительно)',
      settings.threshold,
      NAME.threshold,
      'Процедура низкая, если доля «2» не меньше порога. Доля от 0 до 1: 0,3 = 30 %.',
    ],
    [
      'Минимум участников',
      settings.minParticipants,
      NAME.minParticipants,
      'При меньшем числе участников результата нет, и процедура не может быть низкой.',
    ],
    [
      'Малая выборка: меньше участников',
      settings.smallSample,
      NAME.smallSample,
      'Такие результаты отмечаются, но учитываются.',
    ],
    [
      'Лет подряд для стагнации',
      settings.stagnationYears,
      NAME.stagnationYears,
      'Школа в стагнации, если она в перечне ШНОР столько лет подряд или дольше.',
    ],
    [
      'Δ для динамики, п. п.',
      settings.dynamicsDelta,
      NAME.dynamicsDelta,
      'Предмет улучшился, если доля «2» снизилась больше чем на Δ процентных пунктов.',
    ],
  ];
  const fixed: Array<[string, string]> = [
    [
      'Процедура определяется по',
      settings.procedureIdentity === 'type+subject' ? 'виду и предмету' : 'виду, классу и предмету',
    ],
    ['Учитываемые предметы', settings.subjects.join('; ')],
    [
      'Учитываемые процедуры',
      settings.procedures
        .map((p) => (p.grades ? `${p.type} (классы ${p.grades.join(', ')})` : p.type))
        .join('; '),
    ],
    [
      'Не проводились',
      settings.yearsNotHeld.length
        ? settings.yearsNotHeld
            .map((n) =>
              [n.type, n.grade, n.subject, n.year].filter((x) => x !== undefined).join(' '),
            )
            .join('; ')
        : 'нет',
    ],
  ];
  const values: Scalar[][] = [
    ['Настройки расчёта критериев ШНОР', null, null],
    ['Параметр', 'Значение', 'Пояснение'],
    ...live.map(([label, value, name, note]) => [
      label,
      value,
      `${note} Имя ячейки в формулах: ${name}.`,
    ]),
    ...fixed.map(([label, value]) => [
      label,
      value,
      'Задано при создании листа; чтобы изменить, измените настройки и постройте лист заново.',
    ]),
  ];
  sheet.values.push({ at: 'A1', values });
  sheet.formats.push(
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2:C2', style: HEADER_STYLE },
  );
  sheet.formats.push({ range: `B3:B${2 + live.length}`, style: { fill: 'FFF2CC', bold: true } });
  sheet.formats.push(
    { range: 'B3', style: { numFmt: '0%' } },
    { range: `C3:C${2 + live.length + fixed.length}`, style: { wrap: true } },
  );
  sheet.columnWidths = [
    { col: 'A', width: 36 },
    { col: 'B', width: 24 },
    { col: 'C', width: 80 },
  ];
  const names = live.map(([, , name], i) => ({ name, sheet: sheets.settings, range: `B${3 + i}` }));
  return { sheet, names };
}

interface ResultLine {
  school: SchoolCriteria;
  p: ProcedureResult;
}

/** Rows of «Результаты» in order (school, procedure, year) and each school's block of rows. */
function resultLines(result: CriteriaResult): { lines: ResultLine[]; blocks: Map<string, Block> } {
  const lines: ResultLine[] = [];
  const blocks = new Map<string, Block>();
  for (const school of result.schools) {
    const first = lines.length + 2;
    const procs: ProcedureResult[] = [];
    for (const y of Object.values(school.years)) procs.push(...Object.values(y.shares));
    procs.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.year - b.year));
    for (const p of procs) lines.push({ school, p });
    if (procs.length) blocks.set(school.id, { first, last: lines.length + 1 });
  }
  return { lines, blocks };
}

function resultsSheet(lines: ResultLine[], sheets: SheetNames): SheetPatch {
  const sheet = emptySheetPatch(sheets.results, CRITERIA_SHEET_KEYS.results, CRITERIA_ORDER + 1);
  const header = [
    'Ключ школы',
    'Код ОО',
    'ОО',
    'Муниципалитет',
    'Процедура',
    'Предмет (для динамики)',
    'Год',
    'Учитывается',
    'Участников',
    '«2»',
    '«3»',
    '«4»',
    '«5»',
    'Понизили',
    'Подтвердили',
    'Повысили',
    'Доля «2»',
    'Низкий результат',
    'Малая выборка',
    'Та же процедура годом ранее — строкой выше',
    'Низкий два года подряд',
    'Успеваемость',
    'Качество знаний',
    'Средняя отметка',
    'Доля подтвердивших',
    'Учтено участников (для динамики)',
    'Учтено «2» (для динамики)',
  ];
  const values: Scalar[][] = [header];
  const cached: Scalar[][] = [];
  for (const { school, p } of lines) {
    values.push([
      school.id,
      school.code,
      school.name,
      school.municipality,
      p.label,
      p.subjectGroup ?? '',
      p.year,
      p.counted,
      p.participants,
      p.failed,
      p.n3,
      p.n4,
      p.n5,
      p.lowered,
      p.confirmed,
      p.raised,
    ]);
    const pooled = p.counted && p.share !== null && p.subjectGroup !== null;
    const prevYear = school.years[String(p.year - 1)];
    const prevAbove = prevYear?.shares[p.label] !== undefined;
    const engine: Record<ResultFormulaKey, Scalar> = {
      share: p.share,
      low: p.low,
      small: p.small,
      prevAbove,
      repeated: school.years[String(p.year)]!.repeatedProcedures.includes(p.label),
      successRate: p.successRate,
      quality: p.quality,
      avgMark: p.avgMark,
      confirmedShare: p.confirmedShare,
      pooledParticipants: pooled ? p.participants : 0,
      pooledFailed: pooled ? p.failed : 0,
    };
    cached.push(RESULT_FORMULA_KEYS.map((k) => engine[k]));
  }
  sheet.values.push({ at: 'A1', values });
  const templates = resultFormulaTemplates();
  if (cached.length)
    sheet.formulas.push({
      at: `${R.share}2`,
      formulas: [RESULT_FORMULA_KEYS.map((k) => templates[k])],
      cached,
      fillDown: true,
    });
  const last = lines.length + 1;
  sheet.formats.push({ range: `A1:${R.pooledFailed}1`, style: HEADER_STYLE });
  if (lines.length) {
    for (const col of [R.share, R.successRate, R.quality, R.confirmedShare])
      sheet.formats.push({ range: `${col}2:${col}${last}`, style: { numFmt: PERCENT } });
    sheet.formats.push({ range: `${R.avgMark}2:${R.avgMark}${last}`, style: { numFmt: '0.00' } });
    sheet.formats.push({ range: `${R.code}2:${R.code}${last}`, style: { numFmt: '@' } });
  }
  sheet.freeze = { rows: 1, cols: 0 };
  sheet.autoFilter = `A1:${R.pooledFailed}${last}`;
  sheet.columnWidths = [
    { col: R.schoolKey, width: 14 },
    { col: R.name, width: 40 },
    { col: R.municipality, width: 22 },
    { col: R.procedure, width: 30 },
    { col: R.subjectGroup, width: 16 },
  ];
  return sheet;
}

function criteriaSheet(
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

function indicatorsSheet(
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

export interface CriteriaPatchOptions {
  /** Names of the user's own sheets in the target workbook: the criteria sheets avoid them. */
  takenNames?: readonly string[];
}

/**
 * The criteria workbook. `rows` are the results the criteria were computed from; the sheets are
 * built from `result`, which already holds them normalised (not-held years left out, duplicates summed).
 */
export function buildCriteriaPatch(
  rows: readonly ResultRow[],
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
        `Строк результатов во входных данных: ${rows.length}; строк на листе «${sheets.results}»: ${lines.length} (повторы сложены, непроводившиеся процедуры исключены).`,
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
