/** activity-overdue (warning): the deadline has passed and the status column does not say done. */
import { formatDateRu } from '../../text';
import { classifyStatus } from '../status';
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const OVERDUE_ISSUES = defineIssues('plan-deadlines', {
  'activity-overdue': {
    severity: 'warning',
    title: 'Срок истёк, выполнение не отмечено',
    description:
      'Есть столбец «Отметка о выполнении», срок мероприятия истёк (раньше даты проверки), а выполнение не отмечено. Вместе с ним выдаются счётчики статусов.',
    action: 'Отметьте выполнение или перенесите срок.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/overdue': typeof OVERDUE_ISSUES;
  }
}

export const activityOverdue: Rule = ({ read, asOf }) => {
  const c = read.col('status');
  if (c < 0) return [];
  return read.activities.flatMap((a) => {
    const status = classifyStatus(a.status ?? '');
    const end = a.deadline.end;
    if (!end || end >= asOf || status === 'done' || status === 'cancelled') return [];
    return [
      issueAt(
        read.sheet,
        'warning',
        'activity-overdue',
        a.row - 1,
        c,
        `Срок ${quote(a.deadline.text, 40)} истёк ${formatDateRu(new Date(`${end}T00:00:00Z`))}, а отметка о выполнении — ${a.status ? quote(a.status, 40) : 'пусто'}.`,
        'Отметьте выполнение или перенесите срок.',
      ),
    ];
  });
};
