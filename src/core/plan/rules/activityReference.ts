/**
 * activity-by-reference (info): what the activity does is given by reference to another document
 * ("Улучшение качества преподавания отдельных предметов (по отдельному плану)"): the plan cannot be
 * checked for it.
 */
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const ACTIVITY_REFERENCE_ISSUES = defineIssues('plan-activities', {
  'activity-by-reference': {
    severity: 'info',
    title: 'Мероприятие дано ссылкой',
    description:
      'Содержание мероприятия дано ссылкой на другой документ («… (по отдельному плану)»): что будет сделано, по плану проверить нельзя.',
    action: 'Перечислите основные мероприятия отдельного плана или приложите его.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/activityReference': typeof ACTIVITY_REFERENCE_ISSUES;
  }
}

const BY_REFERENCE =
  /по\s+отдельн[а-яё]*\s+(?:план|график|программ|перечн|списк)[а-яё]*|согласно\s+(?:отдельн[а-яё]*\s+)?(?:план|программ)[а-яё]*/i;

export const activityByReference: Rule = ({ read }) =>
  read.activities.flatMap((a) => {
    const m = BY_REFERENCE.exec(a.title);
    return m
      ? [
          issueAt(
            read.sheet,
            'info',
            'activity-by-reference',
            a.row - 1,
            read.col('title'),
            `Содержание мероприятия ${quote(a.title, 60)} дано ссылкой на другой документ («${m[0]}»): что именно будет сделано, по плану проверить нельзя.`,
            'Перечислите основные мероприятия отдельного плана или приложите его.',
          ),
        ]
      : [];
  });
