/**
 * missing-column (error) and duplicate-column (warning): the header names every required role once.
 */
import { columnLetter } from '../../grid';
import { HEADER_SYNONYMS, REQUIRED_ROLES, ROLE_RU } from '../header';
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const COLUMN_ISSUES = defineIssues('plan-table', {
  'missing-column': {
    severity: 'error',
    title: 'Нет обязательного столбца',
    description:
      'В шапке таблицы нет обязательного столбца: «№», «Мероприятие», «Срок» или «Ответственные»; в сообщении перечислены заголовки, которые искались.',
    action: 'Добавьте столбец или переименуйте существующий одним из этих заголовков.',
  },
  'duplicate-column': {
    severity: 'warning',
    title: 'Столбец повторяется',
    description:
      'Два столбца с одной ролью (например, «Результат» и «Ожидаемый результат»); читается левый.',
    action: 'Переименуйте или удалите лишний столбец.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/columns': typeof COLUMN_ISSUES;
  }
}

export const missingColumn: Rule = ({ read }) =>
  REQUIRED_ROLES.filter((role) => !read.header.columns[role]).map((role) =>
    issueAt(
      read.sheet,
      'error',
      'missing-column',
      read.header.row,
      0,
      `В шапке таблицы (строка ${read.header.row + 1}) нет обязательного столбца «${ROLE_RU[role]}»; искали заголовки: ${HEADER_SYNONYMS[role].join(', ')}.`,
      `Добавьте столбец «${ROLE_RU[role]}» или переименуйте существующий одним из этих заголовков.`,
    ),
  );

export const duplicateColumn: Rule = ({ read }) =>
  read.header.duplicates.map((d) =>
    issueAt(
      read.sheet,
      'warning',
      'duplicate-column',
      read.header.row,
      d.col,
      `Столбец ${columnLetter(d.col)} ${quote(d.header)} повторяет столбец ${columnLetter(d.firstCol)} ${quote(read.header.columns[d.role]?.header ?? '')} (роль «${ROLE_RU[d.role]}»); читается только ${columnLetter(d.firstCol)}.`,
      'Переименуйте или удалите лишний столбец.',
    ),
  );
