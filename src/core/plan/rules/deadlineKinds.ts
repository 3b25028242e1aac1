/**
 * Deadlines that cannot be checked as dates; never errors.
 * deadline-unparsed (warning): not read as a date, month, quarter or period.
 * deadline-vague (info): "постоянно", "по мере необходимости"; "в течение года" in a plan of
 * several years (which year?); "ежегодно" without a month (when in the year?).
 * deadline-by-reference (info): a deadline given by reference to another document, or a date whose
 * note defers to one ("в течение года (по отдельному графику)").
 */
import { isoYear } from '../months';
import type { PlanRead } from '../planRead';
import type { Deadline, PlanActivity } from '../types';
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
    description:
      'Срок размыт: «постоянно», «по мере необходимости»; «в течение года» в плане на несколько лет (о каком годе речь?); «ежегодно» без месяца (когда в году?). Проверить его по дате нельзя.',
    action: 'Если возможно, укажите конкретный срок или периодичность.',
  },
  'deadline-by-reference': {
    severity: 'info',
    title: 'Срок дан ссылкой',
    description:
      'Срок дан ссылкой на другой документ («в соответствии с планом работы…», «по отдельному графику») или срок уточняется им («1 раз в квартал (по графику)», «в течение года (по отдельному графику)»): точные даты проверить нельзя.',
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

/** The plan runs over more than one calendar or school year. */
function severalYears(read: PlanRead): boolean {
  const p = read.period;
  if (!p) return false;
  const years = isoYear(p.end) - isoYear(p.start);
  return p.schoolYear ? years > 1 : years > 0;
}

/** Why a deadline cannot be checked by date, or null when it can. */
function vagueness(d: Deadline, read: PlanRead): string | null {
  if (d.kind === 'by-reference') return null;
  if (d.vague) return 'размыт: проверить его выполнение по дате нельзя';
  if (d.kind === 'period' && /год/i.test(d.text) && severalYears(read))
    return `не говорит, о каком из лет плана (${isoYear(read.period!.start)}–${isoYear(read.period!.end)}) речь: проверить его по дате нельзя`;
  const r = d.recurrence;
  if (d.kind === 'recurring' && r && r.every === 'year' && r.times === 1 && !r.month && !r.atLeast)
    return 'не называет месяца: когда именно в году его ждать, не сказано';
  return null;
}

export const deadlineVague: Rule = ({ read }) =>
  read.activities.flatMap((a) => {
    const why = vagueness(a.deadline, read);
    return why
      ? [
          issueAt(
            read.sheet,
            'info',
            'deadline-vague',
            a.row - 1,
            read.col('deadline'),
            `Срок ${quote(a.deadline.text)} ${why}.`,
            'Если возможно, укажите конкретный срок, месяц или периодичность.',
          ),
        ]
      : [];
  });

/** A note that defers to another document: "по отдельному графику", "в соответствии с планом". */
const REFERENCE_NOTE =
  /(?:график|план|расписани|в\s+соответствии|согласно|по\s+мере|по\s+запросу|по\s+согласованию)/i;

function referenceMessage(a: PlanActivity): string | null {
  const d = a.deadline;
  if (d.kind === 'by-reference')
    return `Срок ${quote(d.text)} дан ссылкой на другой документ: проверить его по плану нельзя.`;
  if (d.note && REFERENCE_NOTE.test(d.note))
    return `Срок ${quote(d.text)} уточняется другим документом (${quote(d.note, 50)}): точные даты по плану проверить нельзя.`;
  return null;
}

export const deadlineByReference: Rule = ({ read }) =>
  read.activities.flatMap((a) => {
    const message = referenceMessage(a);
    return message
      ? [
          issueAt(
            read.sheet,
            'info',
            'deadline-by-reference',
            a.row - 1,
            read.col('deadline'),
            message,
          ),
        ]
      : [];
  });
