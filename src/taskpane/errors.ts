/**
 * Every failure the pane shows is said in Russian together with what to do. Errors the adapter
 * raises already speak Russian (ExcelSupportError, SheetTooLargeError); office.js errors carry a
 * code that is translated here. Only a write that can be resumed promises to continue where it
 * stopped.
 */

const BY_CODE: Record<string, string> = {
  InvalidOperation:
    'Excel не может сделать это сейчас. Если вы редактируете ячейку, закончите ввод (Enter или Esc) и повторите.',
  ItemAlreadyExists:
    'Лист или имя с таким названием уже есть в книге. Переименуйте свой лист и повторите.',
  ResponsePayloadSizeLimitExceeded:
    'Лист слишком большой для чтения за один раз. Удалите пустые строки и столбцы после таблицы и повторите.',
  AccessDenied:
    'Книга защищена от изменений. Снимите защиту листа или книги (Рецензирование → Снять защиту) и повторите.',
  ApiNotFound:
    'Эта версия Excel не поддерживает нужную функцию. Обновите Office или откройте книгу в Excel в Интернете.',
};

/** Codes whose advice depends on whether the action resumes. */
const RESUMABLE: Record<string, { resumable: string; other: string }> = {
  ItemNotFound: {
    resumable:
      'лист, в который шла запись, переименовали или удалили. Повторите действие: надстройка проверит книгу и допишет недостающее.',
    other: 'Нужный лист не найден: возможно, его переименовали или удалили. Повторите действие.',
  },
  RequestPayloadSizeLimitExceeded: {
    resumable:
      'Excel отказался принять слишком большой объём данных за один раз. Повторите: запись продолжится с места остановки.',
    other:
      'Excel отказался принять слишком большой объём данных за один раз. Сохраните книгу и повторите действие.',
  },
  GeneralException: {
    resumable:
      'Связь с Excel прервалась. Повторите действие: запись продолжится с места остановки.',
    other: 'Связь с Excel прервалась. Повторите действие.',
  },
};

const RUSSIAN = /[А-Яа-яЁё]/;

/** The code of an office.js error: `error.code`, or the "Code: message" prefix the fake uses. */
function codeOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return /^(\w+):/.exec(error.message)?.[1];
}

export interface ErrorContext {
  /** The action writes in resumable batches: a retry continues where it stopped. */
  resumable?: boolean;
}

export function russianError(error: unknown, action: string, context: ErrorContext = {}): string {
  if (error instanceof Error) {
    const code = codeOf(error);
    if (code && RESUMABLE[code])
      return `${action}: ${context.resumable ? RESUMABLE[code].resumable : RESUMABLE[code].other}`;
    if (code && BY_CODE[code]) return `${action}: ${BY_CODE[code]}`;
    if (RUSSIAN.test(error.message)) return `${action}: ${error.message}`;
    return `${action}: непредвиденная ошибка (${error.message}). Повторите действие; если ошибка повторится, сохраните книгу, закройте и снова откройте панель.`;
  }
  return `${action}: непредвиденная ошибка. Повторите действие; если ошибка повторится, сохраните книгу, закройте и снова откройте панель.`;
}
