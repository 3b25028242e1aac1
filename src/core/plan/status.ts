/**
 * What a status column says ("Отметка о выполнении"): done, in progress, not done, cancelled.
 */
import { squash } from '../text';

export type ActivityStatus = 'done' | 'in-progress' | 'not-done' | 'cancelled' | 'unknown';

/** Checked in order: negations and "частично" before the plain "выполнено". */
const RULES: Array<[RegExp, ActivityStatus]> = [
  [/^(?:отмен|исключен|снят[оа]? с контрол|аннулир)/, 'cancelled'],
  [
    /^(?:не\s+(?:выполн|исполн|проведен|реализ|начат|сделан)|нет$|-$|✗|✘|×|х$|ложь$|0$)/,
    'not-done',
  ],
  [
    /(?:частичн|не\s+в\s+полном\s+объеме|в\s+работе|в\s+процессе|выполняетс|исполняетс|реализуетс|проводитс|в\s+стадии|начат|перенесен|продолжа|на\s+исполнении|в\s+ходе)/,
    'in-progress',
  ],
  [
    /^(?:выполн|исполн|проведен|реализован|сделан|завершен|готов|да$|\+$|✓|✔|☑|v$|истина$|1$|100\s*%$)/,
    'done',
  ],
];

/** A date alone (or "выполнено 15.03.2023"): the day the activity was reported done. */
const DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/;

/**
 * Classifies a status cell's text. Empty cells and texts nobody can read are 'unknown'; a date
 * alone means the activity was done on that day.
 */
export function classifyStatus(text: string): ActivityStatus {
  const s = squash(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.!;,]+$/, '');
  if (!s) return 'unknown';
  if (DATE.test(s)) return 'done';
  for (const [re, status] of RULES) if (re.test(s)) return status;
  return 'unknown';
}
