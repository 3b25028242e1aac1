/** indicator-without-target (warning): an indicator row ("Доля …") with no target anywhere in it. */
import type { PlanActivity } from '../types';
import type { PlanRead } from '../read';
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const INDICATOR_TARGET_ISSUES = defineIssues('plan-activities', {
  'indicator-without-target': {
    severity: 'warning',
    title: 'Показатель без целевого значения',
    description:
      'Строка-показатель («Доля …» или заполненный столбец «Показатель») без целевого значения (процента, количества) во всей строке.',
    action: 'Укажите целевое значение, например «не менее 50%» или «100%».',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/indicatorTarget': typeof INDICATOR_TARGET_ISSUES;
  }
}

export function isIndicatorRow(a: PlanActivity, read: PlanRead): boolean {
  return /^доля(\s|$)/i.test(a.title) || (read.col('indicator') >= 0 && !!a.extra.indicator);
}

export const indicatorWithoutTarget: Rule = ({ read }) => {
  const where = ['target', 'indicator', 'result', 'title'] as const;
  const c = where.map((role) => read.col(role)).find((x) => x >= 0) ?? 0;
  return read.activities.flatMap((a) =>
    isIndicatorRow(a, read) && !a.target
      ? [
          issueAt(
            read.sheet,
            'warning',
            'indicator-without-target',
            a.row - 1,
            c,
            `Показатель ${quote(a.extra.indicator || a.title, 70)} без целевого значения: в строке нет ни процента, ни количества.`,
            'Укажите целевое значение, например «не менее 50%» или «100%».',
          ),
        ]
      : [],
  );
};
