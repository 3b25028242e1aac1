/**
 * Target values of plan indicators (docs/domain.md §2.6): "не менее 50%", "Не менее 5 мероприятий",
 * "50 чел.", "не реже 1 раза в месяц", "30-40%". Dates, years and item numbers are not targets.
 */
import { NUMBER_WORDS, squash } from '../text';
import type { Target } from './types';

type Comparator = Target['comparator'];
type Per = NonNullable<Target['per']>;

/** Comparator phrases directly before the number. "более" is read as "≥", "менее" as "≤". */
const COMPARATORS: Array<[RegExp, Comparator]> = [
  [
    /(?:не\s+менее|не\s+ниже|не\s+меньше|не\s+реже|минимум|более|свыше|больше|выше|>=|≥|>)\s*$/,
    '>=',
  ],
  [/(?:не\s+более|не\s+выше|не\s+больше|не\s+чаще|максимум|менее|меньше|ниже|до|<=|≤|<)\s*$/, '<='],
];

const PER: Array<[string, Per, number]> = [
  ['недел', 'week', 1],
  ['месяц', 'month', 1],
  ['квартал', 'quarter', 1],
  // "раз в полугодие" is twice a year.
  ['полугод', 'year', 2],
  ['год', 'year', 1],
  ['учебн', 'year', 1],
];

/** Nouns after a number that make it a count of people. */
const PEOPLE_STEMS = [
  'чел',
  'педагог',
  'учител',
  'обучающ',
  'учащ',
  'ученик',
  'участник',
  'слушател',
  'специалист',
  'руководител',
  'работник',
  'выпускник',
  'дет',
  'родител',
  'наставник',
  'тьютор',
  'эксперт',
];

/** Nouns after a number that make it a count of things. */
const COUNT_STEMS = [
  'мероприят',
  'семинар',
  'вебинар',
  'школ',
  'оо',
  'организац',
  'учрежден',
  'курс',
  'консультац',
  'заседан',
  'совещан',
  'конференц',
  'встреч',
  'выезд',
  'посещен',
  'урок',
  'занят',
  'программ',
  'проект',
  'публикац',
  'материал',
  'рекомендац',
  'отчет',
  'справк',
  'план',
  'карт',
  'единиц',
  'ед',
  'шт',
  'документ',
  'диагностик',
  'мастер-класс',
  'стажировк',
  'сет',
  'площадк',
  'акци',
  'практик',
  'методическ',
  'муниципалитет',
  'район',
  'кейс',
  'модул',
  'случа',
  'событи',
];

/** Nouns after a number that say it is not a target at all: dates, grades, item numbers. */
const NOT_TARGET_STEMS = [
  'год',
  'гг',
  'г',
  'квартал',
  'кв',
  'полугод',
  'класс',
  'числ',
  'январ',
  'феврал',
  'март',
  'апрел',
  'мая',
  'май',
  'мае',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
  'час',
  'мин',
  'лет',
  'балл',
  'уровн',
];

const NUMBER = /(?<![\d.,])(\d+(?:[.,]\d+)?)(?![.,]?\d)/g;

function toNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

function normalise(text: string): string {
  return squash(text).toLowerCase().replace(/ё/g, 'е');
}

/** What follows a number: an optional upper bound, then the unit. */
interface Tail {
  valueTo?: number;
  unit: Target['unit'];
  per?: Per;
  times?: number;
  end: number;
}

/**
 * What follows a number. `compared`: a comparator stands before it ("не менее 5 …"), so any noun
 * makes it a count ("не менее 5 ассоциаций"); without one only the nouns of COUNT_STEMS do.
 */
function readTail(s: string, at: number, compared = false): Tail | null {
  let rest = s.slice(at);
  let consumed = 0;
  let valueTo: number | undefined;
  const range = /^\s*(?:-|до)\s*(\d+(?:[.,]\d+)?)(?![.,]?\d)/.exec(rest);
  if (range) {
    valueTo = toNumber(range[1]!);
    consumed += range[0].length;
    rest = rest.slice(range[0].length);
  }
  const withTo = (t: Omit<Tail, 'valueTo'>): Tail =>
    valueTo === undefined ? t : { ...t, valueTo };
  const percent = /^\s*(?:%|процент[а-я]*)/.exec(rest);
  if (percent) return withTo({ unit: 'percent', end: at + consumed + percent[0].length });
  const times = /^\s*раз[а]?\s+(?:в|за)\s+([а-я]+)/.exec(rest);
  if (times) {
    const per = PER.find(([stem]) => times[1]!.startsWith(stem));
    if (!per) return null;
    return withTo({
      unit: 'times',
      per: per[1],
      times: per[2],
      end: at + consumed + times[0].length,
    });
  }
  const word = /^\s*([а-я]+(?:-[а-я]+)?)\.?/.exec(rest);
  if (!word) return null;
  const w = word[1]!;
  const end = at + consumed + word[0].length;
  if (NOT_TARGET_STEMS.some((stem) => w === stem || (stem.length > 2 && w.startsWith(stem)))) {
    return null;
  }
  if (PEOPLE_STEMS.some((stem) => w.startsWith(stem))) return withTo({ unit: 'people', end });
  if (COUNT_STEMS.some((stem) => w === stem || (stem.length > 2 && w.startsWith(stem)))) {
    return withTo({ unit: 'count', end });
  }
  return compared && w.length >= 3 ? withTo({ unit: 'count', end }) : null;
}

/** Words between a comparator and its number: "не менее в 5 ассоциациях", "не менее чем 5". */
const PREPOSITION_BEFORE = /\s(?:чем\s+)?(?:(?:в|во|на|из|у|для)\s+)?$/;

/** The longest comparator phrase ending right before the number ("не более", not "более"). */
function comparatorBefore(s: string, at: number): Comparator | null {
  let before = s.slice(Math.max(0, at - 24), at);
  const between = PREPOSITION_BEFORE.exec(before);
  if (between) before = before.slice(0, between.index + 1);
  let best: { index: number; cmp: Comparator } | null = null;
  for (const [re, cmp] of COMPARATORS) {
    const m = re.exec(before);
    // The phrase must start a word: "до" in "где" or "после" does not count.
    if (!m || (m.index > 0 && /[а-яa-z]/.test(before[m.index - 1]!))) continue;
    if (!best || m.index < best.index) best = { index: m.index, cmp };
  }
  return best?.cmp ?? null;
}

interface Found {
  target: Target;
  end: number;
}

function candidates(s: string, cased: string, original: string): Found[] {
  const found: Found[] = [];
  // Number words before "раз" ("двух раз в год") and after a comparator ("не менее пяти школ").
  const spelled = s
    .replace(/(?<![а-я])([а-я]+)(?=\s+раз[а]?\s)/g, (w) =>
      NUMBER_WORDS[w] !== undefined ? String(NUMBER_WORDS[w]) : w,
    )
    .replace(
      /(?<=(?:не\s+менее|не\s+более|не\s+ниже|не\s+реже|не\s+меньше|минимум|более|менее)\s+)([а-я]+)(?=\s)/g,
      (w) => (NUMBER_WORDS[w] !== undefined ? String(NUMBER_WORDS[w]) : w),
    );
  let covered = 0;
  for (const m of spelled.matchAll(NUMBER)) {
    // The upper bound of a range already read is not a target of its own.
    if (m.index < covered) continue;
    const value = toNumber(m[1]!);
    const compared = comparatorBefore(spelled, m.index);
    const tail = readTail(spelled, m.index + m[0].length, compared !== null);
    if (!tail) continue;
    // People and things come in whole numbers: "2.6 Организация …" is an item number.
    if ((tail.unit === 'count' || tail.unit === 'people') && !Number.isInteger(value)) continue;
    // So is a number that opens the text before a capitalised word ("2 Организация …").
    if (tail.unit === 'count' && m.index === 0 && /^\s*[А-ЯЁ]/.test(cased.slice(m[0].length))) {
      continue;
    }
    // "от 30 до 40%" is a range as well.
    const from = /от\s*$/.test(spelled.slice(Math.max(0, m.index - 4), m.index));
    let comparator: Comparator = compared ?? '=';
    if (tail.valueTo !== undefined) comparator = 'range';
    else if (from && comparator === '=') comparator = '>=';
    const target: Target = {
      comparator,
      value: value * (tail.times ?? 1),
      unit: tail.unit,
      text: original,
    };
    if (tail.valueTo !== undefined) target.valueTo = tail.valueTo;
    if (tail.per) target.per = tail.per;
    found.push({ target, end: tail.end });
    covered = tail.end;
  }
  return found;
}

/**
 * The target a text states, or null. In an indicator's own name ("Доля школ, в которых не менее
 * 30% обучающихся …") a number describes the indicator, so there only a target at the very end
 * counts ("Доля ШНОР … — не менее 50%").
 */
export function parseTarget(text: string): Target | null {
  const original = text.replace(/\s+/g, ' ').trim();
  if (!original) return null;
  const cased = squash(text);
  const s = normalise(cased);
  const found = candidates(s, cased, original);
  if (/^доля(?![а-я])/.test(s)) {
    const last = found[found.length - 1];
    return last && /^[\s.;)]*$/.test(s.slice(last.end)) ? last.target : null;
  }
  return found[0]?.target ?? null;
}

/** The first target found in a row's cells, in the order given. */
export function findTarget(texts: string[]): Target | null {
  for (const t of texts) {
    const target = parseTarget(t);
    if (target) return target;
  }
  return null;
}
