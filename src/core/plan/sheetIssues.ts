/**
 * Codes the plan reader (read.ts) and the sheet check (check.ts) raise: where the table is, rows
 * it passes over, the plan period. The rules declare their own codes in rules/*.ts.
 */
import { defineIssues } from '../issue';

export const PLAN_SHEET_ISSUES = defineIssues('plan-table', {
  'header-not-found': {
    severity: 'error',
    title: 'Не найдена таблица плана',
    description:
      'Ни на одном листе книги не найдена шапка таблицы плана (в первых 30 строках нет столбцов «№», «Мероприятие», «Срок», «Ответственные»), или книга пуста. Выдаётся для каждого непустого листа.',
    action:
      'Проверьте, что на листе есть шапка таблицы со столбцами «№», «Мероприятие», «Срок», «Ответственные», или вставьте стандартный шаблон плана.',
  },
  'sheet-empty': {
    severity: 'info',
    title: 'Пустой лист',
    description: 'Лист пуст.',
    action: 'Ничего делать не нужно: пустой лист пропускается.',
  },
  'no-plan-on-sheet': {
    severity: 'info',
    title: 'На листе нет плана',
    description: 'На этом листе нет таблицы плана (план найден на другом листе книги).',
    action: 'Ничего делать не нужно, если план и должен быть на другом листе.',
  },
  'no-activities': {
    severity: 'warning',
    title: 'Нет мероприятий',
    description: 'Под шапкой таблицы нет ни одного мероприятия.',
    action: 'Заполните таблицу плана под шапкой.',
  },
  'continuation-row': {
    severity: 'info',
    title: 'Строка-продолжение',
    description:
      'Строка без номера с продолжением текста (разрыв страницы в Word или PDF) присоединена к мероприятию выше.',
    action: 'Перенесите текст в строку выше и удалите эту строку (в панели — кнопка «Исправить»).',
  },
  'repeated-header': {
    severity: 'info',
    title: 'Повтор шапки',
    description: 'Повтор шапки таблицы (разрыв страницы) пропущен.',
    action: 'Удалите повторную строку шапки.',
  },
  'cell-error': {
    severity: 'warning',
    title: 'Ошибка Excel в ячейке',
    description: 'В ячейке таблицы ошибка Excel (#Н/Д, #ЗНАЧ!); значение считается пустым.',
    action: 'Введите в ячейку значение вместо ошибки.',
  },
});

export const PLAN_PERIOD_ISSUES = defineIssues('plan-deadlines', {
  'period-not-found': {
    severity: 'warning',
    title: 'Период плана не указан',
    description:
      'Период плана нигде не указан; сообщается, какой период выведен из сроков, или что вывести его нельзя.',
    action:
      'Укажите период в заголовке плана («на 2023 год», «на 2023/2024 учебный год») или в настройках.',
  },
});

declare module '../issue' {
  interface IssueRegistry {
    'plan/sheet': typeof PLAN_SHEET_ISSUES;
    'plan/period': typeof PLAN_PERIOD_ISSUES;
  }
}
