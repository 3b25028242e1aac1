/**
 * deadline-unparsed (warning), deadline-vague (info), deadline-by-reference (info): deadlines that
 * cannot be checked as dates. They are never errors.
 */
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const DEADLINE_KIND_ISSUES = defineIssues('plan-deadlines', {
  'deadline-unparsed': {
    severity: 'warning',
    title: 'Срок не распознан',
    description:
      'Срок не удалось прочитать как дату, месяц, квартал, полугодие, год или период; приводится текст ячейки.',
    action:
      'Запишите срок в виде «30.09.2023», «март 2023», «I квартал 2023» или «в течение года».',
  },
  'deadline-vague': {
    severity: 'info',
    title: 'Размытый срок',
    description: 'Срок размыт («постоянно»): проверить его по дате нельзя.',
    action: 'Если возможно, укажите конкретный срок или периодичность.',
  },
  'deadline-by-reference': {
    severity: 'info',
    title: 'Срок дан ссылкой',
    description:
      'Срок дан ссылкой на другой документ («в соответствии с планом работы…», «по отдельному графику»): проверить его нельзя.',
    action: 'Ничего делать не нужно; если срок известен, его можно указать явно.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/deadlineKinds': typeof DEADLINE_KIND_ISSUES;
  }
}

export const deadlineUnparsed: Rule = ({ read }) =>
  read.activities.flatMap((a) =>
    a.deadline.kind === 'unparsed'
      ? [
          issueAt(
            read.sheet,
            'warning',
            'deadline-unparsed',
            a.row - 1,
            read.col('deadline'),
            `Срок ${quote(a.deadline.text)} не распознан как дата, месяц, квартал или период.`,
            'Запишите срок в виде «30.09.2023», «март 2023», «I квартал 2023» или «в течение года».',
          ),
        ]
      : [],
  );

export const deadlineVague: Rule = ({ read }) =>
  read.activities.flatMap((a) =>
    a.deadline.vague && a.deadline.kind !== 'by-reference'
      ? [
          issueAt(
            read.sheet,
            'info',
            'deadline-vague',
            a.row - 1,
            read.col('deadline'),
            `Срок ${quote(a.deadline.text)} размыт: проверить его выполнение по дате нельзя.`,
            'Если возможно, укажите конкретный срок или периодичность.',
          ),
        ]
      : [],
  );

export const deadlineByReference: Rule = ({ read }) =>
  read.activities.flatMap((a) =>
    a.deadline.kind === 'by-reference'
      ? [
          issueAt(
            read.sheet,
            'info',
            'deadline-by-reference',
            a.row - 1,
            read.col('deadline'),
            `Срок ${quote(a.deadline.text)} дан ссылкой на другой документ: проверить его по плану нельзя.`,
          ),
        ]
      : [],
  );
