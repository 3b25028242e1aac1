/**
 * A plan's target in the sheet's terms, and the arithmetic of «Значение» and «Достигнуто»: once
 * as English A1 formulas (what the sheet computes as the user types) and once in TypeScript (the
 * cached results the file carries, and what the tests expect LibreOffice to compute).
 */
import type { Target } from '../plan/types';
import type { Scalar } from '../grid';
import { ACHIEVED, LETTER } from './columns';

export interface SheetTarget {
  /** A target without «не менее»/«не более» («100 %», «5 семинаров») is a floor. */
  condition: '≥' | '≤' | 'от–до';
  /** Percentages as fractions (50 % → 0.5), «раз в месяц» as times a year. */
  value: number;
  valueTo?: number;
  unit: Target['unit'];
  unitLabel: string;
  /** The target in words: «не менее 50 %». */
  words: string;
}

const PER_YEAR: Record<NonNullable<Target['per']>, number> = {
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

const UNIT_LABEL: Record<Target['unit'], string> = {
  percent: '%',
  count: 'ед.',
  people: 'чел.',
  times: 'раз в год',
};

function shown(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace('.', ',');
}

export function sheetTarget(t: Target): SheetTarget {
  // percentages divided, not multiplied by 0.01: 70 % is 0.7, not 0.7000000000000001
  const scaled = (n: number) =>
    t.unit === 'percent' ? n / 100 : t.unit === 'times' ? n * PER_YEAR[t.per ?? 'year'] : n;
  const condition = t.comparator === 'range' ? 'от–до' : t.comparator === '<=' ? '≤' : '≥';
  const unitLabel = UNIT_LABEL[t.unit];
  const value = scaled(t.value);
  const sheetTarget: SheetTarget = { condition, value, unit: t.unit, unitLabel, words: '' };
  if (t.valueTo !== undefined) sheetTarget.valueTo = scaled(t.valueTo);
  const amount = (n: number) => (t.unit === 'percent' ? `${shown(n * 100)} %` : shown(n));
  const tail = t.unit === 'percent' ? '' : ` ${unitLabel}`;
  sheetTarget.words =
    condition === 'от–до'
      ? `от ${amount(value)} до ${amount(sheetTarget.valueTo ?? value)}${tail}`
      : `${condition === '≤' ? 'не более' : 'не менее'} ${amount(value)}${tail}`;
  return sheetTarget;
}

/**
 * How a row gets its value: from the «Показатели» sheet, from a numerator and a denominator the
 * user types (or a share typed into «Факт»), or from a count typed into «Факт».
 */
export type RowKind = 'computed' | 'share' | 'count';

/** The «Значение» formula of Excel row `n`. */
export function valueFormula(kind: RowKind, n: number): string {
  const { numerator: j, denominator: k, fact: l } = LETTER;
  switch (kind) {
    case 'computed':
      return `=IF(AND(ISNUMBER(${k}${n}),${k}${n}>0),${j}${n}/${k}${n},"")`;
    case 'share':
      return `=IF(AND(ISNUMBER(${j}${n}),ISNUMBER(${k}${n})),IF(${k}${n}>0,${j}${n}/${k}${n},""),IF(ISNUMBER(${l}${n}),${l}${n},""))`;
    case 'count':
      return `=IF(ISNUMBER(${l}${n}),${l}${n},"")`;
  }
}

export interface RowInputs {
  numerator: Scalar;
  denominator: Scalar;
  fact: Scalar;
}

const isNumber = (v: Scalar): v is number => typeof v === 'number' && Number.isFinite(v);

/** What the «Значение» formula gives for these inputs (null for its empty text). */
export function valueOf(kind: RowKind, x: RowInputs): number | null {
  const { numerator: j, denominator: k, fact: l } = x;
  switch (kind) {
    case 'computed':
      return isNumber(k) && k > 0 && isNumber(j) ? j / k : null;
    case 'share':
      if (isNumber(j) && isNumber(k)) return k > 0 ? j / k : null;
      return isNumber(l) ? l : null;
    case 'count':
      return isNumber(l) ? l : null;
  }
}

/** The «Достигнуто» formula of Excel row `n`; null without a target (the cell says so as text). */
export function achievedFormula(target: SheetTarget | null, n: number): string | null {
  if (!target) return null;
  const m = `${LETTER.value}${n}`;
  const e = `${LETTER.target}${n}`;
  const f = `${LETTER.targetTo}${n}`;
  const test =
    target.condition === '≤'
      ? `ROUND(${m}-${e},9)<=0`
      : target.condition === 'от–до'
        ? `AND(ROUND(${m}-${e},9)>=0,ROUND(${m}-${f},9)<=0)`
        : `ROUND(${m}-${e},9)>=0`;
  return `=IF(${m}="","${ACHIEVED.noData}",IF(${test},"${ACHIEVED.yes}","${ACHIEVED.no}"))`;
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** What the «Достигнуто» formula gives. */
export function achievedOf(target: SheetTarget | null, value: number | null): string {
  if (!target) return ACHIEVED.noTarget;
  if (value === null) return ACHIEVED.noData;
  const from = round9(value - target.value) >= 0;
  const upTo = round9(value - (target.valueTo ?? target.value)) <= 0;
  const met =
    target.condition === '≤'
      ? round9(value - target.value) <= 0
      : target.condition === 'от–до'
        ? from && upTo
        : from;
  return met ? ACHIEVED.yes : ACHIEVED.no;
}
