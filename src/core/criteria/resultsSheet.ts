/**
 * «Результаты»: the normalised results, one row per school, procedure and year, each school's
 * rows together, with the per-row formulas (share failed, low, repeated…) filled down.
 */
import type { Scalar } from '../grid';
import { emptySheetPatch, type SheetPatch } from '../patch';
import {
  R,
  RESULT_FORMULA_KEYS,
  resultFormulaTemplates,
  type Block,
  type ResultFormulaKey,
  type SheetNames,
} from './formulas';
import { CRITERIA_ORDER, CRITERIA_SHEET_KEYS, HEADER_STYLE, PERCENT } from './sheets';
import type { CriteriaResult, ProcedureResult, SchoolCriteria } from './types';

export interface ResultLine {
  school: SchoolCriteria;
  p: ProcedureResult;
}

/** Rows of «Результаты» in order (school, procedure, year) and each school's block of rows. */
export function resultLines(result: CriteriaResult): {
  lines: ResultLine[];
  blocks: Map<string, Block>;
} {
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

export function resultsSheet(lines: ResultLine[], sheets: SheetNames): SheetPatch {
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
