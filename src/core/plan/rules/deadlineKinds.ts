/**
 * deadline-unparsed (warning), deadline-vague (info), deadline-by-reference (info): deadlines that
 * cannot be checked as dates. They are never errors.
 */
import { issueAt, quote, type Rule } from './common';

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
