/**
 * missing-column (error) and duplicate-column (warning): the header names every required role once.
 */
import { columnLetter } from '../../grid';
import { HEADER_SYNONYMS, REQUIRED_ROLES, ROLE_RU } from '../header';
import { issueAt, quote, type Rule } from './common';

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
