/**
 * indicator-without-target (warning): an indicator row with no target anywhere in it.
 *
 * An indicator row names a share ("Доля …", "Определение доли …", "(показатель – доля …)") or has
 * text in the indicator column. A target counts in any text of the row, in digits or in words
 * ("не менее чем в 5 ассоциациях", "100 % школ"). Not every share needs one: the ШНОР criterion
 * itself and diagnostic shares (schools where risks or deficits were found) describe what is to be
 * found, and their result is a list; a share the plan means to raise (positive dynamics, coverage,
 * confirmed marks) does need a target, whatever its result says.
 */
import type { PlanRead } from '../planRead';
import type { PlanActivity } from '../types';
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const INDICATOR_TARGET_ISSUES = defineIssues('plan-activities', {
  'indicator-without-target': {
    severity: 'warning',
    title: 'Показатель без целевого значения',
    description:
      'Строка-показатель («Доля …», «Определение доли …», «(показатель – доля …)» или заполненный столбец «Показатель») без целевого значения — процента или количества, цифрами или словами — ни в одной ячейке строки. Не выдаётся для самого критерия ШНОР и для диагностических долей (школы, «в которых выявлены риски / дефициты», «в которых не организована …»): они описывают, что ищут, а не что должны достичь. Доля, которую план должен увеличить (положительная динамика, охват, подтвердившие отметки), цель требует, даже если результат — перечень.',
    action: 'Укажите целевое значение, например «не менее 50%» или «100%».',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/indicatorTarget': typeof INDICATOR_TARGET_ISSUES;
  }
}

/** A share named at the start, after "Определение"/"Расчёт", or after "показатель –". */
const SHARE =
  /^доля(?![а-яё])|^(?:определение|расч[её]т|оценка|мониторинг)\s+доли(?![а-яё])|показател[ьяи]\s*[-–—:]?\s*доля(?![а-яё])/i;

export function isIndicatorRow(a: PlanActivity, read: PlanRead): boolean {
  return SHARE.test(a.title) || (read.col('indicator') >= 0 && !!a.extra.indicator);
}

/** Shares the plan means to raise or reach. */
const OUTCOME =
  /положительн\S*\s+динамик|повысивш|улучшивш|подтвердивш|освоивш|прошедш|охвачен|включ[её]нн|участвующ|удовлетвор|достигш|сдавш|преодолевш|вышедш|получивш/i;

/**
 * Shares that describe what is to be found: risks, deficits, what is not done, the ШНОР criterion
 * ("не преодолели минимальный порог"). Words about the population measured ("слабоуспевающих")
 * do not count: a share of them that gets help is an outcome.
 */
const DIAGNOSTIC = /выявлен|риск|дефицит|не\s+организован|не\s+преодолел/i;

/** The share itself: the indicator column, else the title from the word "доля" on. */
export function shareText(a: PlanActivity): string {
  if (a.extra.indicator) return a.extra.indicator;
  const at = a.title.search(/дол[яи](?![а-яё])/i);
  return at > 0 ? a.title.slice(at).replace(/^доли/i, 'доля') : a.title;
}

function needsTarget(a: PlanActivity): boolean {
  const text = shareText(a);
  return OUTCOME.test(text) || !DIAGNOSTIC.test(text);
}

export const indicatorWithoutTarget: Rule = ({ read }) => {
  const where = ['target', 'indicator', 'result', 'title'] as const;
  const c = where.map((role) => read.col(role)).find((x) => x >= 0) ?? 0;
  return read.activities.flatMap((a) =>
    isIndicatorRow(a, read) && !a.target && needsTarget(a)
      ? [
          issueAt(
            read.sheet,
            'warning',
            'indicator-without-target',
            a.row - 1,
            c,
            `Показатель ${quote(shareText(a), 70)} без целевого значения: ни в одной ячейке строки нет ни процента, ни количества.`,
            'Укажите целевое значение, например «не менее 50%» или «100%».',
          ),
        ]
      : [],
  );
};
