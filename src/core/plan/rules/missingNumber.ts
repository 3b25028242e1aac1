/** missing-number (warning): an activity row without its number. */
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const MISSING_NUMBER_ISSUES = defineIssues('plan-numbers', {
  'missing-number': {
    severity: 'warning',
    title: 'Нет номера',
    description: 'У мероприятия нет номера.',
    action: 'Пронумеруйте мероприятие.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/missingNumber': typeof MISSING_NUMBER_ISSUES;
  }
}

export const missingNumber: Rule = ({ read }) => {
  const c = read.col('number');
  if (c < 0) return [];
  return read.activities.flatMap((a, i) =>
    read.meta[i]!.number.kind === 'none'
      ? [
          issueAt(
            read.sheet,
            'warning',
            'missing-number',
            a.row - 1,
            c,
            `У мероприятия ${quote(a.title || '(без названия)', 60)} нет номера.`,
            'Пронумеруйте мероприятие.',
          ),
        ]
      : [],
  );
};
