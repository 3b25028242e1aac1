/**
 * deadline-reversed (error): a range that starts after it ends.
 * deadline-outside-period (error): a deadline not inside the plan period; only when both are known
 * (a period inferred from the deadlines themselves proves nothing).
 */
import { formatDateRu } from '../../text';
import type { Deadline } from '../types';
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const DEADLINE_DATE_ISSUES = defineIssues('plan-deadlines', {
  'deadline-reversed': {
    severity: 'error',
    title: 'Начало срока позже окончания',
    description: 'Начало срока позже его окончания («15.05-01.02.2023»).',
    action: 'Проверьте даты начала и окончания.',
  },
  'deadline-outside-period': {
    severity: 'error',
    title: 'Срок вне периода плана',
    description:
      'Срок выходит за период плана (в плане на 2023 год — «01.03-30.12.2022»). Только когда известны и срок, и период (период не выведен из самих сроков).',
    action: 'Исправьте срок (возможно, опечатка в годе) или период плана.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/deadlineDates': typeof DEADLINE_DATE_ISSUES;
  }
}

const ru = (iso: string): string => formatDateRu(new Date(`${iso}T00:00:00Z`));

function isReversed(d: Deadline): boolean {
  if (d.start && d.end && d.start > d.end) return true;
  return (d.checkpoints ?? []).some((p) => p.start > p.end);
}

export const deadlineReversed: Rule = ({ read }) =>
  read.activities.flatMap((a) =>
    isReversed(a.deadline)
      ? [
          issueAt(
            read.sheet,
            'error',
            'deadline-reversed',
            a.row - 1,
            read.col('deadline'),
            `Срок ${quote(a.deadline.text)}: начало позже окончания.`,
            'Проверьте даты начала и окончания.',
          ),
        ]
      : [],
  );

/** Kinds that mean "the plan period" by definition. */
const WHOLE_PERIOD = new Set(['period', 'recurring', 'by-reference', 'empty', 'unparsed']);

/**
 * The day after an ISO date. A deadline ending on the first day after the period («до 01.01.2024»
 * in a plan for 2023, «к 1 сентября» in a school-year plan) means "by the end of the period": no
 * methodologist calls it outside the plan.
 */
function dayAfter(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export const deadlineOutsidePeriod: Rule = ({ read }) => {
  const p = read.period;
  if (!p || p.source === 'inferred') return [];
  return read.activities.flatMap((a) => {
    const d = a.deadline;
    if (WHOLE_PERIOD.has(d.kind) || !d.start || !d.end || isReversed(d)) return [];
    if (d.start >= p.start && d.end <= dayAfter(p.end)) return [];
    const span = d.start === d.end ? ru(d.start) : `${ru(d.start)}–${ru(d.end)}`;
    return [
      issueAt(
        read.sheet,
        'error',
        'deadline-outside-period',
        a.row - 1,
        read.col('deadline'),
        `Срок ${quote(d.text)} (${span}) выходит за период плана ${ru(p.start)}–${ru(p.end)}.`,
        'Исправьте срок (возможно, опечатка в годе) или период плана.',
      ),
    ];
  });
};
