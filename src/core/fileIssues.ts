/**
 * Codes about the files and sheets a command was given, before any plan or results are read.
 * The CLI raises them (a file it cannot open, a sheet that is not there); the review workbook
 * lists unreadable files under the same code.
 */
import { defineIssues, type Issue } from './issue';

export const FILE_ISSUES = defineIssues('files', {
  'unreadable-file': {
    severity: 'error',
    title: 'Файл не прочитан',
    description:
      'Файл не удалось прочитать или использовать: он повреждён, защищён паролем, сохранён в другом формате (.xls, .csv, .docx…) или в нём нет указанного листа. Остальные файлы обрабатываются.',
    action:
      'Сохраните файл как «Книга Excel (.xlsx)» без пароля или укажите существующий лист и запустите команду снова.',
  },
  'sheet-not-found': {
    severity: 'error',
    title: 'Нет указанного листа',
    description:
      'Лист, указанный для проверки, в книге отсутствует; перечисляются имеющиеся листы.',
    action: 'Укажите имя листа так, как оно написано на ярлычке.',
  },
});
declare module './issue' {
  interface IssueRegistry {
    files: typeof FILE_ISSUES;
  }
}

/** The issue of a file that could not be read or used; the message says which file and why. */
export function unreadableFileIssue(message: string): Issue {
  return { severity: 'error', code: 'unreadable-file', message, sheet: '', cell: '', row: 0 };
}
