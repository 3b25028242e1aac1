/**
 * missing-title, missing-deadline, missing-responsible (errors): an activity without what every
 * activity must have. A column that is missing altogether is reported once, by missing-column.
 */
import type { ColumnRole, PlanActivity } from '../types';
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const REQUIRED_FIELD_ISSUES = defineIssues('plan-activities', {
  'missing-title': {
    severity: 'error',
    title: 'Нет названия мероприятия',
    description: 'У мероприятия нет названия.',
    action: 'Впишите название мероприятия.',
  },
  'missing-deadline': {
    severity: 'error',
    title: 'Нет срока',
    description: 'Не указан срок.',
    action: 'Укажите срок: дату, месяц, квартал или «в течение года».',
  },
  'missing-responsible': {
    severity: 'error',
    title: 'Нет ответственных',
    description: 'Не указаны ответственные исполнители.',
    action: 'Укажите ответственных исполнителей.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/requiredFields': typeof REQUIRED_FIELD_ISSUES;
  }
}

function missing(
  role: ColumnRole,
  code: keyof typeof REQUIRED_FIELD_ISSUES,
  isEmpty: (a: PlanActivity) => boolean,
  what: string,
  fix: string,
): Rule {
  return ({ read }) => {
    const c = read.col(role);
    if (c < 0) return [];
    return read.activities.flatMap((a) =>
      isEmpty(a)
        ? [
            issueAt(
              read.sheet,
              'error',
              code,
              a.row - 1,
              c,
              `${what} ${a.number ? `№ ${a.number} ` : ''}${a.title ? quote(a.title, 60) : `в строке ${a.row}`}.`,
              fix,
            ),
          ]
        : [],
    );
  };
}

export const missingTitle = missing(
  'title',
  'missing-title',
  (a) => a.title === '',
  'Нет названия у мероприятия',
  'Впишите название мероприятия.',
);

export const missingDeadline = missing(
  'deadline',
  'missing-deadline',
  (a) => a.deadline.kind === 'empty',
  'Не указан срок мероприятия',
  'Укажите срок: дату, месяц, квартал или «в течение года».',
);

export const missingResponsible = missing(
  'responsible',
  'missing-responsible',
  (a) => a.responsibleText.trim() === '',
  'Не указаны ответственные за мероприятие',
  'Укажите ответственных исполнителей.',
);
