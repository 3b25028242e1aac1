/**
 * Where one indicator's value comes from: the computed indicator its words mean, unless the
 * settings say otherwise (planIndicatorSources, keyed by the plan's number or the start of the
 * text), and the year, unless the settings give one.
 */
import type { IndicatorId } from '../criteria/types';
import type { PlanIndicatorSource, Settings } from '../settings';
import type { ComputedCell } from './computed';
import type { PlanIndicator } from './extract';
import { textKey } from './typed';

/** The computed indicators in words that fit the «Источник» column. */
export const COMPUTED_NAMES: Record<IndicatorId, string> = {
  'shnor-share': 'Доля ШНОР',
  'low-any-share': 'Доля школ с долей «2» не ниже порога хотя бы в одной процедуре',
  'left-list-share': 'Доля ШНОР, вышедших из перечня',
  'positive-dynamics-share': 'Доля ШНОР с положительной динамикой',
  'stagnation-share': 'Доля ШНОР в стагнации',
  'confirmed-share': 'Доля обучающихся, подтвердивших отметку',
};

export interface Resolved {
  /** The settings say the row is not an indicator. */
  skip: boolean;
  year: number;
  computed: ComputedCell | null;
  /** What to add to «Источник»: the computed indicator, a setting, a year without results. */
  note: string;
}

/** A text key matches when the indicator's text starts with it (long enough to mean something). */
const MIN_TEXT_KEY = 6;

function settingFor(
  ind: PlanIndicator,
  sources: Settings['planIndicatorSources'],
): { source?: PlanIndicatorSource; year?: number } | null {
  const number = ind.number.trim().replace(/\.$/, '');
  let found = number ? (sources[number] ?? sources[`${number}.`]) : undefined;
  if (found === undefined) {
    const text = textKey(ind.text);
    const key = Object.keys(sources)
      .filter((k) => k.length >= MIN_TEXT_KEY && text.startsWith(textKey(k)))
      .sort((a, b) => b.length - a.length)[0];
    if (key !== undefined) found = sources[key];
  }
  if (found === undefined) return null;
  return typeof found === 'string' ? { source: found } : found;
}

export function resolveSource(
  ind: PlanIndicator,
  sources: Settings['planIndicatorSources'],
  computed: readonly ComputedCell[],
): Resolved {
  const setting = settingFor(ind, sources);
  const year = setting?.year ?? ind.year;
  const bySetting = setting?.source !== undefined;
  const fromSettings = bySetting || setting?.year !== undefined ? ' (задано в настройках)' : '';
  if (setting?.source === 'skip') return { skip: true, year, computed: null, note: '' };
  const wanted = setting?.source === 'input' ? null : (setting?.source ?? ind.meaning);
  if (!wanted) return { skip: false, year, computed: null, note: fromSettings };
  const name = `«${COMPUTED_NAMES[wanted]}»`;
  const cell = computed.find((c) => c.id === wanted && c.year === year) ?? null;
  if (!cell) {
    const why = computed.length
      ? `; показатель ${name} за ${year} год по результатам не рассчитан`
      : `; показатель ${name} можно взять из отчёта по результатам`;
    return { skip: false, year, computed: null, note: `${why}${fromSettings}` };
  }
  return { skip: false, year, computed: cell, note: `${name}, ${year}${fromSettings}` };
}
