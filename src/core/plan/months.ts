/**
 * Calendar helpers for the deadline grammar: Russian month words, ISO dates built from parts,
 * quarters, halves, school years and Excel serial numbers. All dates are ISO strings (yyyy-mm-dd).
 */

/**
 * A Russian month word in any grammatical case or a common abbreviation ("января", "марте", "янв",
 * "сент"), lower case. Used inside larger patterns, so it has no groups of its own; follow it
 * with `\.?(?![а-я])` to make sure the whole word was taken.
 */
export const MONTH_WORD =
  'январ[а-я]*|янв|феврал[а-я]*|февр?|март[а-я]*|мар|апрел[а-я]*|апр|ма[йяею]|июн[а-я]*|июл[а-я]*|август[а-я]*|авг|сентябр[а-я]*|сент?|октябр[а-я]*|окт|ноябр[а-я]*|нояб?|декабр[а-я]*|дек';

const MONTH_BY_PREFIX: Record<string, number> = {
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
};

/** The month number (1–12) of a lower-case word matched by MONTH_WORD, or null. */
export function monthFromWord(word: string): number | null {
  const prefix = word.slice(0, 3);
  const m = MONTH_BY_PREFIX[prefix];
  if (m !== undefined) return m;
  // "май", "мая", "мае", "маю": every other "ма…" month word is март (caught above as "мар").
  return prefix.startsWith('ма') ? 5 : null;
}

/** "в сентябре": the prepositional case used after "ежегодно в". */
export const MONTH_PREPOSITIONAL_RU = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS[m - 1] ?? 0);
}

/** True for a real calendar day (31.02 is not one). */
export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** (2023, 2, 1) → "2023-02-01". The caller checks validity. */
export function isoOf(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function monthStart(y: number, m: number): string {
  return isoOf(y, m, 1);
}

export function monthEnd(y: number, m: number): string {
  return isoOf(y, m, daysInMonth(y, m));
}

export function yearStart(y: number): string {
  return isoOf(y, 1, 1);
}

export function yearEnd(y: number): string {
  return isoOf(y, 12, 31);
}

/** Quarter q (1–4) of year y: first and last day. */
export function quarterBounds(y: number, q: number): { start: string; end: string } {
  return { start: monthStart(y, q * 3 - 2), end: monthEnd(y, q * 3) };
}

/** Half h (1–2) of calendar year y: Jan–Jun or Jul–Dec. */
export function halfBounds(y: number, h: number): { start: string; end: string } {
  return { start: monthStart(y, h * 6 - 5), end: monthEnd(y, h * 6) };
}

/** The school year that starts in September of `first` and ends in August of `last` (default first + 1). */
export function schoolYearBounds(
  first: number,
  last: number = first + 1,
): { start: string; end: string } {
  return { start: isoOf(first, 9, 1), end: isoOf(last, 8, 31) };
}

/** "2023-09-30" → 2023. */
export function isoYear(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** "30.09.2023" for "2023-09-30". */
export function isoToRu(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Excel serial numbers we accept as dates: 1 Jan 2000 (36526) to 2064 (60000). */
export const SERIAL_MIN = 36526;
export const SERIAL_MAX = 60000;

/**
 * The ISO day of an Excel serial number (1900 date system; the fraction is the time of day and is
 * dropped). Serial 25569 is 1 Jan 1970; every serial we accept lies after Excel's phantom 29 Feb 1900.
 */
export function serialToIso(serial: number): string {
  const days = Math.floor(serial) - 25569;
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The ISO day of a Date. Readers store dates at UTC midnight; a date that is a few hours off
 * (a host that applied a time zone) is rounded to the nearest UTC day rather than truncated.
 */
export function dateToIso(d: Date): string {
  const days = Math.round(d.getTime() / 86_400_000);
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A two-digit year as typed in a date ("01.02.23"): 2000 + yy. Four-digit years pass unchanged.
 */
export function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Years we accept in deadlines and periods; anything else is a typo, not a year. */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

export function isPlausibleYear(y: number): boolean {
  return y >= YEAR_MIN && y <= YEAR_MAX;
}
