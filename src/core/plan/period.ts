/**
 * The plan period (docs/domain.md §2.3): found in the title block, the sheet or file name, given as a
 * setting, or inferred from the deadlines.
 *
 * findPeriod prefers phrases ("на 2023 год", "в 2022-2023 учебном году", "2021- 2023 гг.") over
 * bare years and takes the one that comes first. Bare years ("tver-2023", "amur-2023-24") are read
 * only in short, name-like texts: in a title block they are usually about something else ("по итогам
 * 2022 года", "приказ от 30.01.2023"). A bare "2023-24" is the calendar years 2023–2024; it is a
 * school year only when "учебн…" follows or the years are written with "/".
 */
import { squash } from '../text';
import { MONTH_WORD, isPlausibleYear, schoolYearBounds, yearEnd, yearStart } from './months';
import type { Deadline } from './types';

export interface FoundPeriod {
  start: string;
  end: string;
  schoolYear: boolean;
  /** The words the period was read from, as written. */
  text: string;
}

export type PeriodSetting = Omit<FoundPeriod, 'text'>;

/** Longest plausible plan: a range of more years than this is not a period. */
const MAX_SPAN_YEARS = 10;

const Y = '((?:19|20)\\d{2})(?!\\d)';
const Y2 = '((?:19|20)\\d{2}|\\d{2})(?!\\d)';
const YEAR_WORD = '(?:гг?\\.?|годы|годах|годов|года|год)(?![а-я])';
const SCHOOL_WORD = 'уч(?:ебн[а-я]*|\\.)(?:\\s*(?:год[а-я]*|гг?\\.?)(?![а-я]))?';

interface Pattern {
  re: RegExp;
  school: boolean;
  /** Index of the group holding the second year, 0 for a single year. */
  second: number;
  /** Checks the surroundings; false rejects this match. */
  accept?: (lower: string, index: number, length: number) => boolean;
}

/** Earlier words in the same clause that put a year in the past ("по итогам работы в 2022 году"). */
const PAST_BEFORE = /(?:итог[а-я]*|прошл[а-я]*|сравнени[а-я]*|был[аио]?)(?![а-я])[^.;:!?]*$/;
/** A preposition right before the year that makes it a past or reference year ("за 2022", "от 2023"). */
const PAST_PREPOSITION = /(?:^|[^а-я])(?:за|от|с|до|по|к)\s*$/;
/** A past-tense verb right after the year ("в 2022 году показали", "в 2022 году было"). */
const PAST_AFTER =
  /^\s*(?:[а-я]+\s+){0,2}?(?:был[аио]?|[а-я]+[аеиыя]л(?:и|а|о|ась|ось|ись|ся)?)(?![а-я])/;

function notInThePast(lower: string, index: number, length: number): boolean {
  const before = lower.slice(Math.max(0, index - 40), index);
  const after = lower.slice(index + length, index + length + 40);
  return !PAST_BEFORE.test(before) && !PAST_PREPOSITION.test(before) && !PAST_AFTER.test(after);
}

const PHRASES: Pattern[] = [
  // "в 2022-2023 учебном году", "на 2023/2024 учебный год", "2023-24 уч. г."
  {
    re: new RegExp(
      `(?:(?:на|в)\\s+)?${Y}\\s*[-/]\\s*${Y2}\\s*(?:${YEAR_WORD}\\s*)?${SCHOOL_WORD}`,
      'g',
    ),
    school: true,
    second: 2,
  },
  // "учебный год: 2023/2024"
  {
    re: new RegExp(`уч(?:ебн[а-я]*)?\\.?\\s+год[а-я]*\\s*:?\\s*${Y}\\s*[-/]\\s*${Y2}`, 'g'),
    school: true,
    second: 2,
  },
  // "на 2023 – 2024 годы", "2021- 2023 гг.", "Сроки реализации 2021- 2023 гг."
  {
    re: new RegExp(`(?:(?:на|в|на период)\\s+)?${Y}\\s*-\\s*${Y2}\\s*${YEAR_WORD}`, 'g'),
    school: false,
    second: 2,
  },
  // "на 2021-2023", "сроки реализации: 2021-2023"
  {
    re: new RegExp(
      `(?:на|на период|сроки? реализации:?|период реализации:?)\\s+${Y}\\s*-\\s*${Y2}(?:\\s*${YEAR_WORD})?`,
      'g',
    ),
    school: false,
    second: 2,
  },
  // "с 2021 по 2023 год"
  {
    re: new RegExp(`с\\s+${Y}\\s*(?:${YEAR_WORD}\\s*)?по\\s+${Y}\\s*(?:${YEAR_WORD})?`, 'g'),
    school: false,
    second: 2,
  },
  // "2022/2023": a slash between years is the school-year convention
  { re: new RegExp(`${Y}\\s*/\\s*${Y2}`, 'g'), school: true, second: 2 },
  // "на 2023 год", "на 2023"
  {
    re: new RegExp(`на\\s+${Y}(?!\\s*[-/.]\\s*\\d)(?:\\s*${YEAR_WORD})?`, 'g'),
    school: false,
    second: 0,
  },
  // "сроки реализации: 2023 год"
  {
    re: new RegExp(
      `(?:сроки?|период) реализации:?\\s+${Y}(?!\\s*[-/.]\\s*\\d)(?:\\s*${YEAR_WORD})?`,
      'g',
    ),
    school: false,
    second: 0,
  },
  // "в 2023 году", unless the sentence is about the past
  {
    re: new RegExp(`в\\s+${Y}\\s*(?:году|г\\.)`, 'g'),
    school: false,
    second: 0,
    accept: notInThePast,
  },
  // "… 2023 год" at the end of a title
  { re: new RegExp(`${Y}\\s*год(?![а-я])`, 'g'), school: false, second: 0, accept: notInThePast },
];

/** Name-like texts (sheet and file names) may carry bare years. */
const NAME_LIKE_MAX = 64;
/** A year written as part of a date in words: "«30» января 2023", "30 янв 2023". */
const DATE_BEFORE = new RegExp(`(?:(?:^|[^а-я])(?:${MONTH_WORD})\\.?|\\d»?)\\s*$`);

function bareYearAccepted(lower: string, index: number, length: number): boolean {
  return (
    notInThePast(lower, index, length) &&
    !DATE_BEFORE.test(lower.slice(Math.max(0, index - 20), index))
  );
}
const BARE: Pattern[] = [
  // "amur-2023-24", "plan_2021_2023"
  {
    re: new RegExp(`(?<![\\d.])${Y}\\s*[-_]\\s*${Y2}(?![-.]\\d)`, 'g'),
    school: false,
    second: 2,
    accept: bareYearAccepted,
  },
  // "tver-2023", but not "2023-01-15" or "30.01.2023"
  {
    re: new RegExp(`(?<![\\d.])${Y}(?![-./]\\d)`, 'g'),
    school: false,
    second: 0,
    accept: (lower, index, length) =>
      // "2022 года", "2022 году": the phrase patterns above already had their chance at those
      bareYearAccepted(lower, index, length) &&
      !/^\s*(?:год|гг?\.)/.test(lower.slice(index + length)),
  },
];

function expandYear(first: number, text: string): number {
  if (text.length === 4) return Number(text);
  const century = Math.floor(first / 100) * 100;
  return century + Number(text);
}

function periodOf(first: number, last: number, school: boolean): PeriodSetting | null {
  if (!isPlausibleYear(first) || !isPlausibleYear(last)) return null;
  if (school) {
    if (last <= first || last - first > MAX_SPAN_YEARS) return null;
    return { ...schoolYearBounds(first, last), schoolYear: true };
  }
  if (last < first || last - first > MAX_SPAN_YEARS) return null;
  return { start: yearStart(first), end: yearEnd(last), schoolYear: false };
}

function firstMatch(s: string, lower: string, patterns: Pattern[]): FoundPeriod | null {
  let best: { index: number; found: FoundPeriod } | null = null;
  for (const p of patterns) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(lower)) !== null) {
      if (best && m.index >= best.index) break;
      if (p.accept && !p.accept(lower, m.index, m[0].length)) continue;
      const first = Number(m[1]);
      const last = p.second ? expandYear(first, m[p.second]!) : first;
      const period = periodOf(first, last, p.school);
      if (!period) continue;
      best = {
        index: m.index,
        found: { ...period, text: s.slice(m.index, m.index + m[0].length).trim() },
      };
      break;
    }
  }
  return best?.found ?? null;
}

/** The plan period named in a title block, sheet name or file name; null when there is none. */
export function findPeriod(text: string): FoundPeriod | null {
  const s = squash(text);
  if (!s) return null;
  // toLowerCase keeps the length of Cyrillic and Latin text, so indexes into `lower` fit `s`.
  const lower = s.toLowerCase().replace(/ё/g, 'е');
  return (
    firstMatch(s, lower, PHRASES) ?? (s.length <= NAME_LIKE_MAX ? firstMatch(s, lower, BARE) : null)
  );
}

/**
 * The --period option: "2023" (a calendar year), "2023-2024" (calendar years), "2022/2023" (a school
 * year, 1 Sep 2022 – 31 Aug 2023). Short second years ("2022/23") are accepted. Null when invalid.
 */
export function parsePeriodSetting(setting: string): PeriodSetting | null {
  const s = squash(setting);
  const one = /^(\d{4})$/.exec(s);
  if (one) return periodOf(Number(one[1]), Number(one[1]), false);
  const two = /^(\d{4})\s*([-/])\s*(\d{4}|\d{2})$/.exec(s);
  if (!two) return null;
  const first = Number(two[1]);
  return periodOf(first, expandYear(first, two[3]!), two[2] === '/');
}

/**
 * The period the deadlines cover, in whole calendar years: 1 Jan of the earliest start to 31 Dec
 * of the latest end. Deadlines without dates are ignored; null when none has one.
 */
export function inferPeriod(deadlines: Deadline[]): { start: string; end: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const d of deadlines) {
    for (const iso of [d.start, d.end]) {
      if (iso === null) continue;
      if (min === null || iso < min) min = iso;
      if (max === null || iso > max) max = iso;
    }
  }
  if (min === null || max === null) return null;
  return { start: `${min.slice(0, 4)}-01-01`, end: `${max.slice(0, 4)}-12-31` };
}
