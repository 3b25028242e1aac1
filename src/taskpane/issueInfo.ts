/**
 * Russian names of the issue codes for the pane (the issue filter, grouped notices, the help view).
 * The one place the pane takes them from: when the core's issue catalogue lands, this module
 * becomes a re-export of it.
 */
import type { Severity } from '../core/issue';
import { RESULTS_ISSUE_CODES } from '../core/results/issues';

export interface IssueInfo {
  code: string;
  severity: Severity;
  /** Short name of the kind of issue. */
  title: string;
  /** What it means (empty when the catalogue has no text yet). */
  description: string;
}

const PLAN: Array<[string, Severity, string]> = [
  ['header-not-found', 'error', 'Не найдена шапка плана'],
  ['sheet-not-found', 'error', 'Лист не найден'],
  ['sheet-empty', 'info', 'Пустой лист'],
  ['no-plan-on-sheet', 'info', 'На листе нет плана'],
  ['no-activities', 'warning', 'Нет мероприятий'],
  ['missing-column', 'error', 'Нет обязательного столбца'],
  ['duplicate-column', 'warning', 'Два столбца с одной ролью'],
  ['missing-number', 'warning', 'Нет номера мероприятия'],
  ['duplicate-number', 'error', 'Повтор номера'],
  ['number-sequence', 'warning', 'Пропуск или порядок номеров'],
  ['number-style', 'warning', 'Номер записан иначе'],
  ['number-section-mismatch', 'warning', 'Номер не по разделу'],
  ['section-number', 'warning', 'Номер раздела'],
  ['missing-title', 'error', 'Нет названия мероприятия'],
  ['duplicate-title', 'warning', 'Повтор мероприятия'],
  ['similar-title', 'info', 'Похожие мероприятия'],
  ['missing-deadline', 'error', 'Нет срока'],
  ['deadline-unparsed', 'warning', 'Срок не прочитан'],
  ['deadline-outside-period', 'error', 'Срок вне периода плана'],
  ['deadline-reversed', 'error', 'Начало срока позже окончания'],
  ['deadline-vague', 'info', 'Размытый срок'],
  ['deadline-by-reference', 'info', 'Срок по другому документу'],
  ['missing-responsible', 'error', 'Нет ответственных'],
  ['undefined-abbreviation', 'warning', 'Нерасшифрованное сокращение'],
  ['indicator-without-target', 'warning', 'Показатель без целевого значения'],
  ['continuation-row', 'info', 'Строка-продолжение'],
  ['repeated-header', 'info', 'Повтор шапки'],
  ['cycle-step-missing', 'warning', 'Шаг управленческого цикла'],
  ['period-not-found', 'warning', 'Период плана не указан'],
  ['cell-error', 'warning', 'Ошибка Excel в ячейке'],
  ['activity-overdue', 'warning', 'Срок истёк, не выполнено'],
];

const RESULTS_TITLES: Record<string, string> = {
  'results-header-not-found': 'Не найдена таблица результатов',
  'results-missing-column': 'Нет нужного столбца',
  'results-empty': 'Нет строк результатов',
  'results-bad-count': 'Неверное число',
  'results-failed-exceeds': '«2» больше участников',
  'results-marks-exceed': 'Отметок больше участников',
  'results-shares-sum': 'Доли не дают 100 %',
  'results-bad-value': 'Неверное значение',
  'results-unknown-procedure': 'Неизвестная процедура',
  'results-unknown-subject': 'Неизвестный предмет',
  'results-duplicate': 'Повтор строки результатов',
  'results-same-name': 'Одинаковые названия школ',
  'results-formula-like-name': 'Название похоже на формулу',
  'results-missing-years': 'Нет данных за год',
  'results-row-skipped': 'Строка не взята',
  'results-summary-rows': 'Итоговые строки',
  'results-sheet-skipped': 'Лист без результатов',
};

const OTHER: Array<[string, Severity, string]> = [
  ['duplicate-result', 'warning', 'Повтор результата'],
  ['not-held-with-data', 'warning', 'Данные за непроведённую процедуру'],
  ['risk-factors-over-three', 'warning', 'Больше трёх факторов риска'],
];

const INFO: IssueInfo[] = [
  ...PLAN.map(([code, severity, title]) => ({ code, severity, title, description: '' })),
  ...RESULTS_ISSUE_CODES.map((c) => ({
    code: c.code,
    severity: c.severity,
    title: RESULTS_TITLES[c.code] ?? c.code,
    description: c.meaning,
  })),
  ...OTHER.map(([code, severity, title]) => ({ code, severity, title, description: '' })),
];

const BY_CODE = new Map(INFO.map((i) => [i.code, i]));

export function issueCatalogue(): IssueInfo[] {
  return INFO;
}

export function issueTitle(code: string): string {
  return BY_CODE.get(code)?.title ?? code;
}
