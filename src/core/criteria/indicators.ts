/**
 * Region indicators of docs/domain.md §3.5, each with its numerator and denominator so that a person
 * (and the «Показатели» sheet) can check the arithmetic.
 */
import type { CriteriaSettings } from '../settings';
import type { Indicator, IndicatorId, SchoolCriteria, SchoolYear } from './types';

export function indicatorTitle(
  id: IndicatorId,
  settings: Pick<CriteriaSettings, 'threshold'>,
): string {
  const pct = `${String(Math.round(settings.threshold * 1000) / 10).replace('.', ',')} %`;
  switch (id) {
    case 'shnor-share':
      return 'Доля ШНОР';
    case 'low-any-share':
      return `Доля школ с долей «2» ≥ ${pct} хотя бы в одной процедуре`;
    case 'left-list-share':
      return 'Доля ШНОР, вышедших из перечня';
    case 'positive-dynamics-share':
      return 'Доля ШНОР с положительной динамикой';
    case 'stagnation-share':
      return 'Доля ШНОР в стагнации';
    case 'confirmed-share':
      return 'Доля обучающихся, подтвердивших отметку';
  }
}

export const INDICATOR_IDS: readonly IndicatorId[] = [
  'shnor-share',
  'low-any-share',
  'left-list-share',
  'positive-dynamics-share',
  'stagnation-share',
  'confirmed-share',
];

/** Numerator and denominator of one indicator, counted over one school-year. */
function contribution(id: IndicatorId, y: SchoolYear): [number, number] {
  switch (id) {
    case 'shnor-share':
      return [y.shnor ? 1 : 0, y.hasResults ? 1 : 0];
    case 'low-any-share':
      return [y.lowProcedures.length > 0 ? 1 : 0, y.hasResults ? 1 : 0];
    case 'left-list-share':
      return [y.leftList ? 1 : 0, y.previousShnor ? 1 : 0];
    case 'positive-dynamics-share':
      return [y.previousShnor && y.positiveDynamics === true ? 1 : 0, y.previousShnor ? 1 : 0];
    case 'stagnation-share':
      return [y.stagnation ? 1 : 0, y.shnor ? 1 : 0];
    case 'confirmed-share': {
      let confirmed = 0;
      let compared = 0;
      for (const p of Object.values(y.shares)) {
        confirmed += p.confirmed ?? 0;
        compared += (p.lowered ?? 0) + (p.confirmed ?? 0) + (p.raised ?? 0);
      }
      return [confirmed, compared];
    }
  }
}

export function regionIndicators(
  schools: readonly SchoolCriteria[],
  years: readonly number[],
  settings: CriteriaSettings,
): Indicator[] {
  const out: Indicator[] = [];
  for (const year of years) {
    const key = String(year);
    const numerators = INDICATOR_IDS.map(() => 0);
    const denominators = INDICATOR_IDS.map(() => 0);
    // one pass over the schools per year (40 000 schools × 6 indicators in a federal folder)
    for (const s of schools) {
      const y = s.years[key];
      if (!y) continue;
      INDICATOR_IDS.forEach((id, i) => {
        const [n, d] = contribution(id, y);
        numerators[i]! += n;
        denominators[i]! += d;
      });
    }
    INDICATOR_IDS.forEach((id, i) => {
      const numerator = numerators[i]!;
      const denominator = denominators[i]!;
      out.push({
        id,
        title: indicatorTitle(id, settings),
        year,
        numerator,
        denominator,
        value: denominator > 0 ? numerator / denominator : null,
      });
    });
  }
  return out;
}
