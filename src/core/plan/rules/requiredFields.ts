/**
 * missing-title, missing-deadline, missing-responsible (errors): an activity without what every
 * activity must have. A column that is missing altogether is reported once, by missing-column.
 */
import type { ColumnRole, PlanActivity } from '../types';
import { issueAt, quote, type Rule } from './common';

function missing(
  role: ColumnRole,
  code: string,
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
