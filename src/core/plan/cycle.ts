/**
 * The management cycle of docs/domain.md §2.7: which of its nine steps a plan speaks of, anywhere — in
 * the text above the table (passport, goals, indicators), in section titles, in every text column
 * of every activity.
 *
 * A keyword is one or more lowercase stems: each stem must start a word ("показател" matches
 * "показателей"), and the stems of one keyword must come in order with at most two other words
 * between them ("анализ результат" matches "анализ образовательных результатов"). Each keyword
 * carries the words it stands for, for messages: people read words, not stems.
 */
import { squash } from '../text';

export interface Keyword {
  stems: string;
  /** The words as a reader would write them: "сбор информации". */
  words: string;
}

export interface CycleStep {
  step: number;
  title: string;
  keywords: Keyword[];
}

const kw = (stems: string, words: string): Keyword => ({ stems, words });

export const CYCLE_STEPS: CycleStep[] = [
  {
    step: 1,
    title: 'Цели',
    keywords: [
      kw('цел', 'цели'),
      kw('задач', 'задачи'),
      kw('стратеги', 'стратегия'),
      kw('разработк программ', 'разработка программ'),
      kw('планировани', 'планирование'),
    ],
  },
  {
    step: 2,
    title: 'Показатели',
    keywords: [
      kw('показател', 'показатели'),
      kw('индикатор', 'индикаторы'),
      kw('критери', 'критерии'),
      kw('доля', 'доля …'),
      kw('доли', 'доля …'),
      kw('результативност', 'результативность'),
    ],
  },
  {
    step: 3,
    title: 'Методы сбора информации',
    keywords: [
      kw('сбор информац', 'сбор информации'),
      kw('сбор данн', 'сбор данных'),
      kw('сбор сведени', 'сбор сведений'),
      kw('анкетир', 'анкетирование'),
      kw('опрос', 'опрос'),
      kw('диагностик', 'диагностика'),
      kw('мониторинг', 'мониторинг'),
      kw('исследовани', 'исследования'),
      kw('обследовани', 'обследование'),
      kw('изучени', 'изучение'),
      kw('наблюдател', 'наблюдатели'),
      kw('тестировани', 'тестирование'),
      kw('оценочн процедур', 'оценочные процедуры'),
      kw('впр', 'ВПР'),
      kw('огэ', 'ОГЭ'),
      kw('егэ', 'ЕГЭ'),
      kw('гиа', 'ГИА'),
      kw('анализ данн', 'анализ данных'),
      kw('контекстн данн', 'контекстные данные'),
    ],
  },
  {
    step: 4,
    title: 'Мониторинг',
    keywords: [kw('мониторинг', 'мониторинг'), kw('отслеживани', 'отслеживание')],
  },
  {
    step: 5,
    title: 'Анализ результатов',
    keywords: [
      kw('анализ результат', 'анализ результатов'),
      kw('анализ данн', 'анализ данных'),
      kw('анализ итог', 'анализ итогов'),
      kw('анализ образовательн', 'анализ образовательных результатов'),
      kw('аналитическ', 'аналитическая справка, аналитические материалы'),
    ],
  },
  {
    step: 6,
    title: 'Адресные рекомендации',
    keywords: [kw('рекомендац', 'рекомендации')],
  },
  {
    step: 7,
    title: 'Меры и мероприятия (семинары, курсы, наставничество)',
    keywords: [
      kw('семинар', 'семинары'),
      kw('курс', 'курсы'),
      kw('наставничеств', 'наставничество'),
      kw('вебинар', 'вебинары'),
      kw('повышени квалификац', 'повышение квалификации'),
      kw('стажировк', 'стажировки'),
      kw('мастер-класс', 'мастер-классы'),
      kw('конференц', 'конференции'),
      kw('консультац', 'консультации'),
      kw('обучени', 'обучение'),
      kw('сопровождени', 'сопровождение'),
    ],
  },
  {
    step: 8,
    title: 'Управленческие решения',
    keywords: [
      kw('приказ', 'приказ'),
      kw('утвержд', 'утверждение'),
      kw('координационн совет', 'координационный совет'),
      kw('решени', 'решения'),
      kw('распоряжени', 'распоряжение'),
      kw('постановлени', 'постановление'),
      kw('корректировк', 'корректировка'),
      kw('нпа', 'НПА'),
      kw('нормативн', 'нормативные акты'),
      kw('локальн акт', 'локальные акты'),
      kw('задани', 'муниципальное задание'),
      kw('перечень', 'перечень школ'),
      kw('перечн', 'перечень школ'),
      kw('список', 'список школ'),
      kw('списк', 'список школ'),
    ],
  },
  {
    step: 9,
    title: 'Анализ эффективности принятых мер',
    keywords: [
      kw('анализ эффективност', 'анализ эффективности'),
      kw('оценк эффективност', 'оценка эффективности'),
      kw('мониторинг эффективност', 'мониторинг эффективности'),
      kw('вывод эффективност', 'выводы об эффективности'),
      kw('эффективност принят', 'эффективность принятых мер'),
      kw('эффективност мер', 'эффективность мер'),
      kw('результативност мер', 'результативность мер'),
    ],
  },
];

/** Words allowed between the stems of one keyword. */
const GAP = 2;

/**
 * Lowercase words of a text. "с целью" and "в целях" state a purpose, not a goal of the plan;
 * "эффективный режим работы" (a school's target state) is no analysis of the measures' effect.
 */
function wordsOf(text: string): string[] {
  return squash(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(?<![а-я])(?:с\s+целью|в\s+целях)(?![а-я])/g, ' ')
    .replace(/(?<![а-я])эффективн[а-я]*\s+(?:режим|состояни)[а-я]*/g, ' ')
    .split(/[^а-яa-z0-9-]+/)
    .filter((w) => w.length > 0);
}

/** Each keyword's stems, split once (every text of a plan is matched against every keyword). */
const STEMS = new Map<string, string[]>();

/** True when the keyword's stems start words of the text in order, close together. */
function matchesKeyword(words: string[], keyword: string): boolean {
  let stems = STEMS.get(keyword);
  if (!stems) STEMS.set(keyword, (stems = keyword.split(' ')));
  const first = stems[0]!;
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.startsWith(first)) continue;
    let at = i;
    let ok = true;
    for (let k = 1; k < stems.length; k++) {
      const stem = stems[k]!;
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

/**
 * For each step, the rows (in the order given) whose text speaks of it. A row 0 stands for text
 * outside the table (the title block).
 */
export function cycleCoverage(
  texts: Array<{ row: number; text: string }>,
): Array<CycleStep & { rows: number[] }> {
  const read = texts.map((t) => ({ row: t.row, words: wordsOf(t.text) }));
  return CYCLE_STEPS.map((s) => ({
    ...s,
    rows: read
      .filter((t) => s.keywords.some((k) => matchesKeyword(t.words, k.stems)))
      .map((t) => t.row),
  }));
}

/** The words looked for, each once, for a message: "сбор информации, данных, анкетирование, …". */
export function keywordsRu(step: CycleStep): string {
  return [...new Set(step.keywords.map((k) => k.words))].join(', ');
}
