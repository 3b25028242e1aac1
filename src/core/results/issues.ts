/**
 * The issue codes of the results reader and how its messages name the place: file, sheet, cell.
 */
import { a1 } from '../grid';
import { defineIssues, type Issue, type IssueOf } from '../issue';

export const RESULTS_ISSUES = defineIssues('results', {
  'results-header-not-found': {
    severity: 'error',
    title: 'Не найдена таблица результатов',
    description:
      'Ни на одном листе не найдена строка заголовка таблицы результатов (в первых 30 строках), или указанного листа нет в книге.',
    action:
      'Проверьте, что на листе есть строка заголовка («ОО», «Кол-во участников», «2»…), или укажите нужный лист.',
  },
  'results-missing-column': {
    severity: 'error',
    title: 'Нет столбца результатов',
    description:
      'В таблице нет обязательного столбца: число участников, число или доля «2», а также год, процедура, класс (для ВПР) и предмет, если их не сообщают строки над таблицей, имя листа или настройки.',
    action:
      'Добавьте столбец или укажите недостающее (год, процедуру, класс, предмет) в строках над таблицей, в имени листа или в настройках.',
  },
  'results-empty': {
    severity: 'error',
    title: 'Нет ни одной строки результатов',
    description: 'Таблицы найдены, но ни одной строки результатов прочитать не удалось.',
    action: 'Проверьте, что под заголовком таблицы есть строки школ с числами.',
  },
  'results-bad-count': {
    severity: 'error',
    title: 'Неверное число',
    description:
      'Число участников или отметок отрицательное, дробное или не число: строка не учитывается.',
    action: 'Исправьте число в указанной ячейке.',
  },
  // Sanity checks of issue #14.
  'results-implausible-count': {
    severity: 'error',
    title: 'Неправдоподобное число',
    description:
      'Число участников или отметок больше правдоподобного предела (настройка maxParticipants, по умолчанию 100 000 на школу и процедуру): строка не учитывается.',
    action:
      'Проверьте число (нет ли лишних цифр или склеенных ячеек); если оно верно, увеличьте настройку maxParticipants.',
  },
  'results-share-in-count': {
    severity: 'error',
    title: 'Доля в столбце количества',
    description: 'В столбце количества записана доля в процентах («30%»): строка не учитывается.',
    action:
      'Впишите количество учеников. Если весь столбец — доли, назовите его «% «2»» или «Доля «2»», и доли будут пересчитаны в количества от числа участников.',
  },
  'results-code-conflict': {
    severity: 'warning',
    title: 'Один код ОО у разных школ',
    description:
      'Один и тот же код ОО встречается с разными названиями или муниципалитетами (в одном файле или в разных): строки с этим кодом считаются одной школой; в сообщении названы обе строки.',
    action: 'Проверьте код ОО, название и муниципалитет в обеих строках.',
  },
  'results-failed-exceeds': {
    severity: 'error',
    title: '«2» больше, чем участников',
    description: 'Число «2» больше числа участников: строка не учитывается.',
    action: 'Исправьте число «2» или число участников.',
  },
  'results-bad-value': {
    severity: 'error',
    title: 'Не распознано значение строки',
    description:
      'Год, класс, процедура, предмет или число участников в строке не указаны или не распознаны: строка не учитывается.',
    action: 'Заполните или исправьте значение в указанной ячейке.',
  },
  'results-unknown-procedure': {
    severity: 'warning',
    title: 'Процедура не распознана',
    description:
      'Процедура не распознана (ожидаются ВПР, ОГЭ, ЕГЭ, ГИА-9, ГИА-11): такие строки не учитываются, их число указано в сводке.',
    action: 'Запишите процедуру как ВПР, ОГЭ или ЕГЭ.',
  },
  'results-unknown-subject': {
    severity: 'warning',
    title: 'Предмет не распознан',
    description:
      'Предмет не распознан: строки сохранены с этим названием, но в правило ШНОР не входят; их число указано в сводке.',
    action: 'Если это русский язык или математика, запишите название предмета полностью.',
  },
  'results-duplicate': {
    severity: 'warning',
    title: 'Строка повторяется',
    description:
      'Та же школа, год и процедура встречаются дважды: учтена первая строка, вторая пропущена.',
    action: 'Удалите повторную строку или исправьте школу, год или процедуру.',
  },
  'results-shares-sum': {
    severity: 'warning',
    title: 'Доли не дают 100 %',
    description: 'Доли отметок в сумме не дают 100 % (допуск ±1,5): проверьте строку.',
    action: 'Проверьте доли отметок в строке.',
  },
  'results-marks-exceed': {
    severity: 'warning',
    title: 'Отметок больше, чем участников',
    description: 'Сумма отметок «2»–«5» больше числа участников.',
    action: 'Проверьте числа отметок и участников в строке.',
  },
  'results-row-skipped': {
    severity: 'warning',
    title: 'Строка пропущена',
    description:
      'Строка внутри таблицы не похожа на строку результатов (нет названия школы или чисел) и пропущена.',
    action: 'Если это школа, заполните её название и числа.',
  },
  'results-same-name': {
    severity: 'info',
    title: 'Одинаковые названия школ',
    description:
      'Две школы одного муниципалитета называются одинаково и различаются только кодом: они учтены раздельно.',
    action: 'Ничего делать не нужно, если это действительно разные школы.',
  },
  'results-formula-like-name': {
    severity: 'info',
    title: 'Название похоже на формулу',
    description:
      'Название начинается с «=», «+», «-» или «@»: сохранено как текст, не как формула.',
    action: 'Ничего делать не нужно.',
  },
  'results-missing-years': {
    severity: 'info',
    title: 'Не все годы у всех школ',
    description: 'У некоторых школ нет результатов за некоторые годы, которые есть у других.',
    action: 'Проверьте, не потерялись ли результаты этих школ за недостающие годы.',
  },
  'results-summary-rows': {
    severity: 'info',
    title: 'Итоговые строки не учтены',
    description:
      'Итоговые строки («Вся выборка», регион, муниципалитет, «Итого») и заголовки групп не являются школами и не учитываются; муниципалитет школ берётся из них.',
    action: 'Ничего делать не нужно.',
  },
  'results-sheet-skipped': {
    severity: 'info',
    title: 'Лист без результатов',
    description: 'На листе нет таблицы результатов: лист пропущен.',
    action: 'Ничего делать не нужно, если на листе и не должно быть результатов.',
  },
});
declare module '../issue' {
  interface IssueRegistry {
    results: typeof RESULTS_ISSUES;
  }
}

export type ResultsIssueCode = keyof typeof RESULTS_ISSUES;

/** Says where: «file», лист «sheet», ячейка D7 (the parts that are known). */
export function placeRu(file: string | undefined, sheet: string, cell: string): string {
  const parts: string[] = [];
  if (file) parts.push(`Файл «${file}»`);
  if (sheet) parts.push(`${file ? 'лист' : 'Лист'} «${sheet}»`);
  if (cell) parts.push(`ячейка ${cell}`);
  return parts.length > 0 ? parts.join(', ') : 'Книга';
}

/**
 * An issue of the results reader. r and c are 0-based; r < 0 means the whole sheet.
 * The message gets the place in front of it.
 */
export function resultsIssue<C extends ResultsIssueCode>(
  code: C,
  where: { file?: string; sheet: string; r: number; c: number },
  text: string,
  fix?: string,
): Issue {
  const cell = where.r < 0 ? '' : a1(where.r, Math.max(where.c, 0));
  const issue = {
    severity: RESULTS_ISSUES[code].severity,
    code,
    message: `${placeRu(where.file, where.sheet, cell)}: ${text}`,
    sheet: where.sheet,
    cell,
    row: where.r < 0 ? 0 : where.r + 1,
  } as IssueOf<C>;
  if (fix) issue.fix = fix;
  return issue as Issue;
}

/** A text quoted for a message, shortened. */
export function quoteRu(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}
