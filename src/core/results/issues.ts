/**
 * The issue codes of the results reader and how its messages name the place: file, sheet, cell.
 */
import { a1 } from '../grid';
import type { Issue, Severity } from '../issue';

export interface ResultsIssueCode {
  code: string;
  severity: Severity;
  /** Russian meaning, for the README and the task pane's help. */
  meaning: string;
}

export const RESULTS_ISSUE_CODES: readonly ResultsIssueCode[] = [
  {
    code: 'results-header-not-found',
    severity: 'error',
    meaning:
      'Ни на одном листе не найдена строка заголовка таблицы результатов (в первых 30 строках), или указанного листа нет в книге.',
  },
  {
    code: 'results-missing-column',
    severity: 'error',
    meaning:
      'В таблице нет обязательного столбца: число участников, число или доля «2», а также год, процедура, класс (для ВПР) и предмет, если их не сообщают строки над таблицей, имя листа или настройки.',
  },
  {
    code: 'results-empty',
    severity: 'error',
    meaning: 'Таблицы найдены, но ни одной строки результатов прочитать не удалось.',
  },
  {
    code: 'results-bad-count',
    severity: 'error',
    meaning:
      'Число участников или отметок отрицательное, дробное или не число: строка не учитывается.',
  },
  // Sanity checks of issue #14 (declared here beside the reader's other codes).
  {
    code: 'results-implausible-count',
    severity: 'error',
    meaning:
      'Число участников или отметок больше правдоподобного предела (настройка maxParticipants, по умолчанию 100 000 на школу и процедуру): строка не учитывается.',
  },
  {
    code: 'results-share-in-count',
    severity: 'error',
    meaning:
      'В столбце количества записана доля в процентах («30%»): строка не учитывается. Если весь столбец — доли, назовите его «% «2»» или «Доля «2»», и доли будут пересчитаны в количества от числа участников.',
  },
  {
    code: 'results-code-conflict',
    severity: 'warning',
    meaning:
      'Один и тот же код ОО встречается с разными названиями или муниципалитетами: строки с этим кодом считаются одной школой; названы обе строки.',
  },
  {
    code: 'results-failed-exceeds',
    severity: 'error',
    meaning: 'Число «2» больше числа участников: строка не учитывается.',
  },
  {
    code: 'results-bad-value',
    severity: 'error',
    meaning:
      'Год, класс, процедура, предмет или число участников в строке не указаны или не распознаны: строка не учитывается.',
  },
  {
    code: 'results-unknown-procedure',
    severity: 'warning',
    meaning:
      'Процедура не распознана (ожидаются ВПР, ОГЭ, ЕГЭ, ГИА-9, ГИА-11): такие строки не учитываются, их число указано в сводке.',
  },
  {
    code: 'results-unknown-subject',
    severity: 'warning',
    meaning:
      'Предмет не распознан: строки сохранены с этим названием, но в правило ШНОР не входят; их число указано в сводке.',
  },
  {
    code: 'results-duplicate',
    severity: 'warning',
    meaning:
      'Та же школа, год и процедура встречаются дважды: учтена первая строка, вторая пропущена.',
  },
  {
    code: 'results-shares-sum',
    severity: 'warning',
    meaning: 'Доли отметок в сумме не дают 100 % (допуск ±1,5): проверьте строку.',
  },
  {
    code: 'results-marks-exceed',
    severity: 'warning',
    meaning: 'Сумма отметок «2»–«5» больше числа участников.',
  },
  {
    code: 'results-row-skipped',
    severity: 'warning',
    meaning:
      'Строка внутри таблицы не похожа на строку результатов (нет названия школы или чисел) и пропущена.',
  },
  {
    code: 'results-same-name',
    severity: 'info',
    meaning:
      'Две школы одного муниципалитета называются одинаково и различаются только кодом: они учтены раздельно.',
  },
  {
    code: 'results-formula-like-name',
    severity: 'info',
    meaning: 'Название начинается с «=», «+», «-» или «@»: сохранено как текст, не как формула.',
  },
  {
    code: 'results-missing-years',
    severity: 'info',
    meaning: 'У некоторых школ нет результатов за некоторые годы, которые есть у других.',
  },
  {
    code: 'results-summary-rows',
    severity: 'info',
    meaning:
      'Итоговые строки («Вся выборка», регион, муниципалитет, «Итого») и заголовки групп не являются школами и не учитываются; муниципалитет школ берётся из них.',
  },
  {
    code: 'results-sheet-skipped',
    severity: 'info',
    meaning: 'На листе нет таблицы результатов: лист пропущен.',
  },
];

const SEVERITY_OF: ReadonlyMap<string, Severity> = new Map(
  RESULTS_ISSUE_CODES.map((c) => [c.code, c.severity]),
);

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
export function resultsIssue(
  code: string,
  where: { file?: string; sheet: string; r: number; c: number },
  text: string,
  fix?: string,
): Issue {
  const severity = SEVERITY_OF.get(code);
  if (!severity) throw new Error(`Unknown results issue code: ${code}`);
  const cell = where.r < 0 ? '' : a1(where.r, Math.max(where.c, 0));
  const issue: Issue = {
    severity,
    code,
    message: `${placeRu(where.file, where.sheet, cell)}: ${text}`,
    sheet: where.sheet,
    cell,
    row: where.r < 0 ? 0 : where.r + 1,
  };
  if (fix) issue.fix = fix;
  return issue;
}

/** A text quoted for a message, shortened. */
export function quoteRu(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}
