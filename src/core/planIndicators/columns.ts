/**
 * The columns of the «Показатели плана» sheet: the builder writes them, and the next run reads
 * the values the user typed back by these headers (typed.ts).
 */
import { columnLetter } from '../grid';

export const PLAN_INDICATORS_KEY = 'plan-indicators';
export const PLAN_INDICATORS_SHEET = 'Показатели плана';

export const COLUMNS = [
  ['number', '№', 7],
  ['text', 'Показатель', 44],
  ['targetText', 'Цель в плане', 24],
  ['condition', 'Условие', 9],
  ['target', 'Цель', 9],
  ['targetTo', 'Цель до', 8],
  ['unit', 'Ед.', 9],
  ['year', 'Год', 7],
  ['source', 'Источник', 30],
  ['numerator', 'Числитель', 11],
  ['denominator', 'Знаменатель', 12],
  ['fact', 'Факт', 10],
  ['value', 'Значение', 10],
  ['achieved', 'Достигнуто', 13],
  ['note', 'Примечание', 22],
] as const;

export type Column = (typeof COLUMNS)[number][0];

/** 0-based column index of each column. */
export const COL = Object.fromEntries(COLUMNS.map(([key], i) => [key, i])) as Record<
  Column,
  number
>;

/** Column letter of each column ("J" for the numerator). */
export const LETTER = Object.fromEntries(
  COLUMNS.map(([key], i) => [key, columnLetter(i)]),
) as Record<Column, string>;

/** The columns a person types into. */
export const INPUTS = ['numerator', 'denominator', 'fact'] as const;
export type InputColumn = (typeof INPUTS)[number];

/** What the next run carries over: the inputs and the user's own notes. */
export const CARRIED = [...INPUTS, 'note'] as const;
export type CarriedColumn = (typeof CARRIED)[number];

/** How the «Источник» column begins, by kind of row: the next run knows typed cells by it. */
export const SOURCE_PREFIX = {
  computed: 'Расчёт',
  input: 'Ввод',
  orphan: 'Строки нет в плане',
} as const;

/** Words of «Достигнуто». */
export const ACHIEVED = {
  yes: 'да',
  no: 'нет',
  noData: 'нет данных',
  noTarget: 'цель не указана',
} as const;
