/**
 * The management cycle of docs/domain.md §2.7: which of its nine steps a plan has activities for.
 *
 * A keyword is a lowercase stem or several stems separated by spaces; each stem must start a word
 * ("показател" matches "показателей"), and the stems of one keyword must come in order with at most
 * two other words between them ("анализ результат" matches "анализ образовательных результатов").
 */
import { squash } from '../text';

export interface CycleStep {
  step: number;
  title: string;
  keywords: string[];
}

export const CYCLE_STEPS: CycleStep[] = [
  { step: 1, title: 'Цели', keywords: ['цел'] },
  { step: 2, title: 'Показатели', keywords: ['показател', 'индикатор', 'критери'] },
  {
    step: 3,
    title: 'Методы сбора информации',
    keywords: ['сбор информац', 'сбор данн', 'сбор сведени', 'анкетир', 'опрос', 'диагностик'],
  },
  { step: 4, title: 'Мониторинг', keywords: ['мониторинг'] },
  {
    step: 5,
    title: 'Анализ результатов',
    keywords: ['анализ результат', 'анализ данн', 'анализ итог'],
  },
  { step: 6, title: 'Адресные рекомендации', keywords: ['рекомендац'] },
  {
    step: 7,
    title: 'Меры и мероприятия (семинары, курсы, наставничество)',
    keywords: [
      'семинар',
      'курс',
      'наставничеств',
      'вебинар',
      'повышени квалификац',
      'стажировк',
      'мастер-класс',
      'конференц',
      'консультац',
    ],
  },
  {
    step: 8,
    title: 'Управленческие решения',
    keywords: [
      'приказ',
      'утвержд',
      'координационн совет',
      'управленческ решени',
      'распоряжени',
      'постановлени',
    ],
  },
  {
    step: 9,
    title: 'Анализ эффективности принятых мер',
    keywords: ['анализ эффективност', 'оценк эффективност', 'эффективност принят мер'],
  },
];

/** Words allowed between the stems of one keyword. */
const GAP = 2;

/** Lowercase words of a text; "с целью" (a purpose, not a goal of the plan) is dropped. */
function wordsOf(text: string): string[] {
  return squash(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(?<![а-я])с\s+целью(?![а-я])/g, ' ')
    .split(/[^а-яa-z0-9-]+/)
    .filter((w) => w.length > 0);
}

/** True when the keyword's stems start words of the text in order, close together. */
function matchesKeyword(words: string[], keyword: string): boolean {
  const stems = keyword.split(' ');
  const first = stems[0]!;
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.startsWith(first)) continue;
    let at = i;
    let ok = true;
    for (const stem of stems.slice(1)) {
      let next = -1;
      for (let j = at + 1; j <= Math.min(words.length - 1, at + 1 + GAP); j++) {
        if (words[j]!.startsWith(stem)) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return true;
  }
  return false;
}

/** For each step, the rows (in the order given) whose text matches one of its keywords. */
export function cycleCoverage(
  titles: Array<{ row: number; text: string }>,
): Array<CycleStep & { rows: number[] }> {
  const texts = titles.map((t) => ({ row: t.row, words: wordsOf(t.text) }));
  return CYCLE_STEPS.map((s) => ({
    ...s,
    rows: texts.filter((t) => s.keywords.some((k) => matchesKeyword(t.words, k))).map((t) => t.row),
  }));
}
