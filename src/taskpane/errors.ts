/**
 * Every failure the pane shows is said in Russian together with what to do. Errors the adapter
 * raises already speak Russian (ExcelSupportError, SheetTooLargeError); office.js errors carry a
 * code that is translated here.
 */

const BY_CODE: Record<string, string> = {
  InvalidOperation:
    'Excel не может сделать это сейчас. Если вы редактируете ячейку, закончите ввод (Enter или Esc) и повторите.',
  ItemAlreadyExists:
    'Лист или имя с таким названием уже есть в книге. Переименуйте свой лист и повторите.',
  ItemNotFound:
    'Нужный лист не найден: возможно, его переименовали или удалили. Обновите данные кнопкой действия и повторите.',
  RequestPayloadSizeLimitExceeded:
    'Excel отказался принять слишком большой объём данных за один раз. Повторите: запись продолжится с места остановки.',
  ResponsePayloadSizeLimitExceeded:
    'Лист слишком большой для чтения за один раз. Удалите пустые строки и столбцы после таблицы и повторите.',
  AccessDenied:
    'Книга защищена от изменений. Снимите защиту листа или книги (Рецензирование → Снять защиту) и повторите.',
  GeneralException:
    'Связь с Excel прервалась. Повторите действие; запись отчёта продолжится с места остановки.',
  ApiNotFound:
    'Эта версия Excel не поддерживает нужную функцию. Обновите Office или откройте книгу в Excel в Интернете.',
};

const RUSSIAN = /[А-Яа-яЁё]/;

/** The code of an office.js error: `error.code`, or the "Code: message" prefix the fake uses. */
function codeOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return /^(\w+):/.exec(error.message)?.[1];
}

export function russianError(error: unknown, action: string): string {
  if (error instanceof Error) {
    const code = codeOf(error);
    if (code && BY_CODE[code]) return `${action}: ${BY_CODE[code]}`;
    if (RUSSIAN.test(error.message)) return `${action}: ${error.message}`;
    return `${action}: непредвиденная ошибка (${error.message}). Повторите действие; если ошибка повторится, сохраните книгу, закройте и снова откройте панель.`;
  }
  return `${action}: непредвиденная ошибка. Повторите действие; если ошибка повторится, сохраните книгу, закройте и снова откройте панель.`;
}
