/**
 * The indicators a plan states (domain.md §2.6): the rows with an indicator column filled in,
 * the rows whose title is an indicator («Доля …»), the rows that name one inside an activity
 * («… (показатель – доля ШНОР, показавших положительную динамику)»), and the rows with a target
 * anywhere (the plan check reads targets: plan/targets.ts). Each with the year it is measured
 * for and what it means among the computed region indicators.
 */
import type { IndicatorId } from '../criteria/types';
import type { Period, PlanActivity, Target } from '../plan/types';
import { squash } from '../text';
import { matchIndicator } from './match';

export interface PlanSource {
  sheet: string;
  file?: string;
  period: Period | null;
  activities: PlanActivity[];
}

export interface PlanIndicator {
  /** Excel row of the activity on the plan sheet. */
  row: number;
  /** The plan's number, as written ("3.6"); '' when the row has none. */
  number: string;
  /** The indicator in the plan's words. */
  text: string;
  /** The text the target was read from, as written ('' when the plan gives none). */
  targetText: string;
  target: Target | null;
  /** The year the value is for: the year the row's deadline ends, within the plan period. */
  year: number;
  /** The computed indicator the words mean, if any. */
  meaning: IndicatorId | null;
}

/** «показатель – доля …» inside an activity's title. */
const NAMED = /показател[ьяи]\S*\s*[-–—:]\s*(доля\s.*)$/i;

/**
 * Results of year Y are complete from July of Y (ВПР in spring, ОГЭ and ЕГЭ in June): a value due
 * before then can only be the previous year's.
 */
const RESULTS_COMPLETE_MONTH = 7;

/** The year of the results a row's value is for, due by the end of its deadline. */
function year(a: PlanActivity, period: Period | null, fallback: number): number {
  const due = a.deadline.end ?? period?.end ?? null;
  const to = period ? Number(period.end.slice(0, 4)) : null;
  if (!due) return fallback;
  let y = Number(due.slice(0, 4));
  if (Number(due.slice(5, 7)) < RESULTS_COMPLETE_MONTH) y -= 1;
  return to !== null && y > to ? to : y;
}

/** The text's unbalanced closing brackets at the end dropped: «… (по итогам ВПР)» ends once. */
function balanced(text: string): string {
  let out = text.trim();
  while (out.endsWith(')') && (out.match(/\)/g) ?? []).length > (out.match(/\(/g) ?? []).length)
    out = out.slice(0, -1).trim();
  return out;
}

/**
 * A percentage inside «в которых …», «у которых …»: it says which schools a list holds («перечень
 * школ, в которых выявлено более 50% обучающихся…»), it promises nothing.
 */
function describesList(target: Target): boolean {
  const text = squash(target.text).toLowerCase();
  const number = new RegExp(`(?<![\\d.,])${String(target.value).replace('.', '[.,]')}(?![\\d])`);
  const at = text.search(number);
  const before = at < 0 ? '' : (text.slice(0, at).split(/[.;]/).pop() ?? '');
  return /(?:^|\s)(?:(?:в|у|для|среди)\s+котор(?:ых|ой|ом)|где)(?![а-я])/.test(before);
}

const COMPARATOR_WORDS =
  /(?:(?:не\s+)?(?:менее|ниже|более|выше|меньше|больше|реже|чаще)|свыше|минимум|максимум|до|от)\s*$/i;

/**
 * The target as the plan writes it. When it sits inside the indicator's own words («Доля ШНОР,
 * вышедших из перечня, — не менее 30 %»), just that part: «не менее 30 %».
 */
function targetPhrase(target: Target, text: string): string {
  const written = squash(target.text);
  // «не реже двух раз в год» may spell its number: the whole text then
  if (written.toLowerCase() !== squash(text).toLowerCase() || target.unit === 'times')
    return written;
  const value = String(target.value).replace('.', '[.,]');
  const numbers = [...written.matchAll(new RegExp(`(?<![\\d.,])(?:${value})(?![\\d])`, 'g'))];
  const hit = numbers[/^доля/i.test(written) ? numbers.length - 1 : 0];
  if (!hit) return written;
  const before = written.slice(0, hit.index);
  const comparator = COMPARATOR_WORDS.exec(before);
  const start = comparator ? comparator.index : hit.index;
  const tail =
    /^(?:\s*(?:[-–—]|до)\s*\d+(?:[.,]\d+)?)?\s*(?:%|процент\S*|раз\S*\s+в\s+\S+|[а-яё]+\.?)?/i.exec(
      written.slice(hit.index + hit[0].length),
    );
  return written.slice(start, hit.index + hit[0].length + (tail?.[0].length ?? 0)).trim();
}

/** The indicator's own words in a row, or null when the row states none. */
function indicatorText(a: PlanActivity): string | null {
  const column = squash(a.extra.indicator ?? '');
  if (column) return column;
  if (/^доля(?![а-яё])/i.test(a.title)) return a.title;
  const named = NAMED.exec(a.title);
  if (named) {
    const words = balanced(squash(named[1]!));
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  if (!a.target || describesList(a.target)) return null;
  // a share stated in the result column («Доля ШНОР, вышедших из перечня, — не менее 30 %»)
  const stated = squash(a.target.text);
  return /^доля(?![а-яё])/i.test(stated) ? stated : a.title;
}

/**
 * Every indicator of the plan, in plan order. `fallbackYear` is the year of rows whose deadline
 * and plan period say nothing (the last year of the results, say).
 */
export function extractPlanIndicators(plan: PlanSource, fallbackYear: number): PlanIndicator[] {
  const out: PlanIndicator[] = [];
  for (const a of plan.activities) {
    const text = indicatorText(a);
    if (!text) continue;
    // read by the plan check from the target column, the indicator, the result, the title
    const target = a.target ?? null;
    out.push({
      row: a.row,
      number: a.number,
      text,
      targetText: target ? targetPhrase(target, text) : '',
      target,
      year: year(a, plan.period, fallbackYear),
      meaning: matchIndicator(text),
    });
  }
  return out;
}
