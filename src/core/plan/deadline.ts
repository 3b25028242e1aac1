/**
 * The deadline grammar (docs/domain.md §2.4): one deadline cell → { kind, start, end, … } with ISO dates.
 *
 * How a cell is read:
 *  1. normalise: Latin look-alikes, case, ё, dashes, spaces, "г." / "гг." / "года" after years,
 *     line breaks and ";" become one separator;
 *  2. a cell that is a reference ("в соответствии с …", "по мере необходимости") stops here;
 *  3. parenthesised parts and a trailing reference phrase are split off as the note (a recurrence
 *     there, "(ежеквартально)", becomes `recurrence` instead);
 *  4. the main part is a fixed phrase (period, recurrence), an "until" or "с … по …" form, or a
 *     sequence of date tokens (dates, months, years, quarters, halves, school years) read by a
 *     small token grammar. Anything left over makes the cell `unparsed`: nothing is guessed.
 */
import { isErrorValue, type CellValue } from '../grid';
import { cellText, cleanText, fixLookalikes, parseRoman, squash } from '../text';
import {
  MONTH_PREPOSITIONAL_RU,
  MONTH_WORD,
  SERIAL_MAX,
  SERIAL_MIN,
  dateToIso,
  fullYear,
  halfBounds,
  isPlausibleYear,
  isValidDay,
  isoOf,
  isoToRu,
  isoYear,
  monthEnd,
  monthFromWord,
  monthStart,
  quarterBounds,
  schoolYearBounds,
  serialToIso,
  yearEnd,
  yearStart,
} from './months';
import type { Deadline, DeadlineContext, DeadlineKind, Recurrence } from './types';

type PlanPeriod = DeadlineContext['period'];

// ---------------------------------------------------------------------------------------------
// Normalisation

const HAS_LATIN = /[A-Za-z]/;
const BRACKETS = /[()[\]«»"“”]/g;
const DOT_SPACES = /(\d)\s*\.\s*(?=\d)/g;
const YEAR_ABBREVIATION = /(\d{4})\s*(?:гг|г)\.?(?![а-я])/g;
const YEAR_WORD = /(\d{4})\s*(?:года|году|годы|годов|годах|год)(?![а-я])/g;
const DASH = /\s*-\s*/g;
const SEPARATOR = /(?:\s*[;\n]\s*)+/g;
const COMMA = /\s*,\s*/g;
const SPACES = /\s+/g;
const EDGES = /^[\s;,.:-]+|[\s;,.:]+$/g;

/**
 * Lower-case canonical form of a deadline text; see the module comment. Each replacement runs only
 * when its trigger character is present: this is called for every activity.
 */
export function normaliseDeadlineText(s: string): string {
  let t = (HAS_LATIN.test(s) ? fixLookalikes(s) : s).toLowerCase();
  if (t.includes('ё')) t = t.replace(/ё/g, 'е');
  BRACKETS.lastIndex = 0;
  if (BRACKETS.test(t)) t = t.replace(BRACKETS, ' ');
  if (t.includes('.')) t = t.replace(DOT_SPACES, '$1.');
  if (t.includes('г')) t = t.replace(YEAR_ABBREVIATION, '$1 ').replace(YEAR_WORD, '$1 ');
  if (t.includes('-')) t = t.replace(DASH, '-');
  if (t.includes(';') || t.includes('\n')) t = t.replace(SEPARATOR, ';');
  if (t.includes(',')) t = t.replace(COMMA, ',');
  return t.replace(SPACES, ' ').replace(EDGES, '');
}

// ---------------------------------------------------------------------------------------------
// Fixed phrases

/** The whole cell refers to another document or schedule: cannot be checked as a date. */
const BY_REFERENCE =
  /^(?:в соответствии|согласно|по мере|по запросу|по согласованию|по (?:[а-я]+ )?(?:график|план|расписани)|в (?:установленные|определенные) сроки|в сроки)/;
/** References that are not even a schedule. */
const VAGUE_REFERENCE = /^по (?:мере|запросу)/;
/** A reference phrase after the main part ("2023 в соответствии с графиком …"), on the normalised text. */
const REFERENCE_AFTER =
  /[\s,;](?:в соответствии|согласно|по мере|по запросу|по (?:[а-я]+ )?(?:график|план|расписани))/;
/** The same on the raw text, to cut it there. */
const REFERENCE_TAIL =
  /[\s,;]+(?:в соответствии|согласно|по мере|по запросу|по (?:[а-яё]+ )?(?:график|план|расписани))/i;
/** Parenthesised parts (an unclosed one runs to the end). */
const PARENS = /\(([^()]*)(?:\)|$)/g;

const PERIOD =
  /^(?:(?:в течение|на протяжении)(?: всего)?(?: (?:текущего|учебного|календарного|отчетного))? (?:года|периода|срока)(?: (?:реализации|действия) .*)?|весь период(?: .*)?|весь год)$/;
const VAGUE_PERIOD = /^(?:постоянно|систематически|регулярно)$/;

const EVERY_YEAR = new RegExp(`^ежегодно(?:(?:,|,? )(?:(?:в|во) )?(${MONTH_WORD})\\.?)?$`);
const EVERY: Record<string, Recurrence['every']> = {
  ежеквартально: 'quarter',
  ежемесячно: 'month',
  еженедельно: 'week',
};
const TIMES =
  /^(?:(не реже|не менее) )?(?:(\d{1,2}|один|одного|два|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести) раза?|раз|(дважды|трижды)) в (год|учебный год|квартал|месяц|неделю|полугодие)$/;
const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одного: 1,
  два: 2,
  двух: 2,
  дважды: 2,
  три: 3,
  трех: 3,
  трижды: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
};

/** "ежеквартально", "не реже 1 раза в квартал", "ежегодно в сентябре" → Recurrence. */
export function parseRecurrence(n: string): Recurrence | null {
  // Every recurrence says "еже…", "раз" or "…жды"; most cells say none of them.
  if (!n.startsWith('еже') && !n.includes('раз') && !n.includes('жды')) return null;
  const y = EVERY_YEAR.exec(n);
  if (y) {
    const month = y[1] ? monthFromWord(y[1]) : null;
    return month ? { every: 'year', times: 1, month } : { every: 'year', times: 1 };
  }
  const every = EVERY[n];
  if (every) return { every, times: 1 };
  const t = TIMES.exec(n);
  if (!t) return null;
  const word = t[2] ?? t[3];
  let times = word === undefined ? 1 : (NUMBER_WORDS[word] ?? Number(word));
  if (times < 1) return null;
  const per = t[4]!;
  let unit: Recurrence['every'];
  if (per === 'полугодие') {
    unit = 'year';
    times *= 2;
  } else
    unit =
      per === 'квартал'
        ? 'quarter'
        : per === 'месяц'
          ? 'month'
          : per === 'неделю'
            ? 'week'
            : 'year';
  const r: Recurrence = { every: unit, times };
  if (t[1]) r.atLeast = true;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  /** D day (d.m[.y] or "1 сентября"), M month, Y year, S school year, Q quarter, H half, - dash, ; separator. */
  t: 'D' | 'M' | 'Y' | 'S' | 'Q' | 'H' | '-' | ';';
  d: number;
  m: number;
  y: number | null;
  /** Last year of a school year. */
  y2: number;
}

const TOKEN = new RegExp(
  [
    // 1-4: "2022/2023", "2022-2023 учебный год", "2023-24 уч. г." (year-range when neither "/" nor "уч")
    `(\\d{4})\\s*([/-])\\s*(\\d{4}|\\d{2})(?!\\d)(\\s*уч[а-я]*\\.?(?:\\s*г(?:од[а-я]*|г)?\\.?(?![а-я]))?)?`,
    // 5-7: "01.02.2023", "01.02", "01.03.", "1.2.23"
    `(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2})(?!\\d))?\\.?`,
    // 8-10: "1 сентября 2023", "15 мая"
    `(\\d{1,2}) ?(${MONTH_WORD})\\.?(?![а-я])(?: ?(\\d{4})(?!\\d))?`,
    // 11: "1 квартал", "IV кв.", "І квартале", "1-й квартал", "первый квартал"
    `(\\d|[ivxі]{1,4}|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[а-я]*)(?:-?[а-я]{1,3})? ?кв(?:артал[а-я]*|\\.)?(?![а-я])`,
    // 12: "1 полугодие", "II полугодие", "второе полугодие"
    `(\\d|[iі]{1,2}|перв[а-я]*|втор[а-я]*)(?:-?[а-я]{1,3})? ?полугоди[а-я]*`,
    // 13: a year
    `(\\d{4})(?!\\d)`,
    // 14: a month word
    `(${MONTH_WORD})\\.?(?![а-я])`,
    // 15-16: dash, list separator
    `(-)`,
    `([;,]|и(?![а-я]))`,
    // 17: the day alone before a range ending in a month word: "1-15 сентября", "с 1 по 15 мая"
    `(\\d{1,2})(?=-\\d{1,2} ?(?:${MONTH_WORD}))`,
  ].join('|'),
  'y',
);

/** "первый", "второе", "третьем", "четвертого" by their first three letters. */
const ORDINALS: Record<string, number> = { пер: 1, вто: 2, тре: 3, чет: 4 };

function ordinal(s: string): number | null {
  if (/^\d$/.test(s)) return Number(s);
  const o = ORDINALS[s.slice(0, 3)];
  if (o !== undefined) return o;
  return parseRoman(s)?.value ?? null;
}

function tok(t: Token['t'], d = 0, m = 0, y: number | null = null, y2 = 0): Token {
  return { t, d, m, y, y2 };
}

function tokenise(n: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < n.length) {
    if (n.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const g = TOKEN.exec(n);
    if (!g) return null;
    i = TOKEN.lastIndex;
    if (g[1] !== undefined) {
      const y1 = Number(g[1]);
      let y2 = Number(g[3]);
      if (g[3]!.length === 2) y2 += Math.floor(y1 / 100) * 100;
      if (g[2] === '/' || g[4] !== undefined) out.push(tok('S', 0, 0, y1, y2));
      else out.push(tok('Y', 0, 0, y1), tok('-'), tok('Y', 0, 0, y2));
    } else if (g[5] !== undefined) {
      out.push(tok('D', Number(g[5]), Number(g[6]), g[7] === undefined ? null : fullYear(g[7])));
    } else if (g[8] !== undefined) {
      out.push(
        tok(
          'D',
          Number(g[8]),
          monthFromWord(g[9]!) ?? 0,
          g[10] === undefined ? null : Number(g[10]),
        ),
      );
    } else if (g[11] !== undefined) {
      const q = ordinal(g[11]);
      if (q === null || q < 1 || q > 4) return null;
      out.push(tok('Q', 0, q));
    } else if (g[12] !== undefined) {
      const h = ordinal(g[12]);
      if (h === null || h < 1 || h > 2) return null;
      out.push(tok('H', 0, h));
    } else if (g[13] !== undefined) out.push(tok('Y', 0, 0, Number(g[13])));
    else if (g[14] !== undefined) out.push(tok('M', 0, monthFromWord(g[14]) ?? 0));
    else if (g[15] !== undefined) out.push(tok('-'));
    else if (g[16] !== undefined) out.push(tok(';'));
    else out.push(tok('D', Number(g[17]), 0));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Items: what a run of tokens means

interface Point {
  d: number;
  m: number;
  y: number | null;
}

interface SpanItem {
  t: 'day' | 'month';
  a: Point;
  b?: Point;
}

type Item =
  | SpanItem
  | { t: 'quarter' | 'half'; n: number; y: number | null; school?: boolean }
  | { t: 'year'; y: number; y2?: number }
  | { t: 'school'; y: number; y2: number };

function isSpan(item: Item): item is SpanItem {
  return item.t === 'day' || item.t === 'month';
}

function parseItems(tokens: Token[]): Item[] | null {
  const items: Item[] = [];
  let i = 0;
  const at = (k: number): Token | undefined => tokens[k];
  const yearAfter = (k: number): number | null => {
    const next = at(k);
    return next && next.t === 'Y' ? next.y : null;
  };
  while (i < tokens.length) {
    const tk = tokens[i]!;
    if (tk.t === ';') {
      if (items.length === 0) return null;
      i++;
      continue;
    }
    if (tk.t === 'D') {
      const a: Point = { d: tk.d, m: tk.m, y: tk.y };
      const second = at(i + 2);
      if (at(i + 1)?.t === '-' && second?.t === 'D') {
        if (a.m === 0) a.m = second.m; // "1-15 сентября"
        items.push({ t: 'day', a, b: { d: second.d, m: second.m, y: second.y } });
        i += 3;
      } else {
        items.push({ t: 'day', a });
        i += 1;
      }
    } else if (tk.t === 'M') {
      let y = yearAfter(i + 1);
      const a: Point = { d: 0, m: tk.m, y };
      i += y === null ? 1 : 2;
      const second = at(i + 1);
      if (at(i)?.t === '-' && second?.t === 'M') {
        y = yearAfter(i + 2);
        items.push({ t: 'month', a, b: { d: 0, m: second.m, y } });
        i += y === null ? 2 : 3;
      } else items.push({ t: 'month', a });
    } else if (tk.t === 'Y') {
      const second = at(i + 2);
      if (at(i + 1)?.t === '-' && second?.t === 'Y') {
        items.push({ t: 'year', y: tk.y!, y2: second.y! });
        i += 3;
      } else {
        items.push({ t: 'year', y: tk.y! });
        i += 1;
      }
    } else if (tk.t === 'S') {
      items.push({ t: 'school', y: tk.y!, y2: tk.y2 });
      i += 1;
    } else if (tk.t === 'H' && at(i + 1)?.t === 'S') {
      // "1 полугодие 2023/2024 учебного года": a half of the school year
      items.push({ t: 'half', n: tk.m, y: tokens[i + 1]!.y, school: true });
      i += 2;
    } else if (tk.t === 'Q' || tk.t === 'H') {
      const y = yearAfter(i + 1);
      items.push({ t: tk.t === 'Q' ? 'quarter' : 'half', n: tk.m, y });
      i += y === null ? 1 : 2;
    } else return null;
  }
  return items;
}

/** The year a month without its own year falls in, from the plan period. */
function yearFromPeriod(month: number, period: PlanPeriod): number | null {
  if (!period) return null;
  const first = isoYear(period.start);
  if (!period.schoolYear) return first;
  return month >= 9 ? first : first + 1;
}

/** First month of an item, for deciding the year of a neighbour that has none. */
function firstMonth(item: Item): number {
  if (isSpan(item)) return item.a.m;
  if (item.t === 'quarter') return item.n * 3 - 2;
  if (item.t === 'half') return item.n * 6 - 5;
  return 1;
}

function lastMonth(item: Item): number {
  if (isSpan(item)) return (item.b ?? item.a).m;
  if (item.t === 'quarter') return item.n * 3;
  if (item.t === 'half') return item.n * 6;
  return 12;
}

function explicitStartYear(item: Item): number | null {
  if (isSpan(item)) return item.a.y ?? item.b?.y ?? null;
  return item.y;
}

function resolvedEndYear(item: Item): number | null {
  if (isSpan(item)) return (item.b ?? item.a).y;
  if (item.t === 'year' || item.t === 'school') return item.y2 ?? item.y;
  return item.y;
}

/**
 * The year of a point that has none: from the next item in the list that has one (a later month
 * there means this one lies in the previous year), else from the previous item, else the period.
 */
function inheritYear(items: Item[], k: number, month: number, period: PlanPeriod): number | null {
  for (let j = k + 1; j < items.length; j++) {
    const y = explicitStartYear(items[j]!);
    if (y !== null) return month > firstMonth(items[j]!) ? y - 1 : y;
  }
  for (let j = k - 1; j >= 0; j--) {
    const y = resolvedEndYear(items[j]!);
    if (y !== null) return month < lastMonth(items[j]!) ? y + 1 : y;
  }
  return yearFromPeriod(month, period);
}

function resolveYears(items: Item[], period: PlanPeriod): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (isSpan(item)) {
      const { a, b } = item;
      if (b) {
        if (b.y === null) b.y = a.y ?? inheritYear(items, k, b.m, period);
        // The start's missing year comes from the end; for months, a first month later than the
        // last lies in the previous year ("декабрь-январь 2023"). Dates keep the end's year, so a
        // reversed "15.05-01.02.2023" stays reversed for the rules to report.
        if (a.y === null && b.y !== null) a.y = item.t === 'month' && a.m > b.m ? b.y - 1 : b.y;
      } else if (a.y === null) a.y = inheritYear(items, k, a.m, period);
    } else if ((item.t === 'quarter' || item.t === 'half') && item.y === null) {
      item.y = inheritYear(items, k, firstMonth(item), period);
    }
  }
}

type Interval = { start: string; end: string };

/** The interval of a resolved item; null when a year is still unknown; 'invalid' for 31.02. */
function itemInterval(
  item: Item,
  period: PlanPeriod,
  ownYear: boolean,
): Interval | null | 'invalid' {
  switch (item.t) {
    case 'day': {
      const { a, b } = item;
      for (const p of b ? [a, b] : [a]) {
        if (p.y !== null && (!isPlausibleYear(p.y) || !isValidDay(p.y, p.m, p.d))) return 'invalid';
        if (p.y === null && !isValidDay(2000, p.m, p.d)) return 'invalid';
      }
      const e = b ?? a;
      if (a.y === null || e.y === null) return null;
      return { start: isoOf(a.y, a.m, a.d), end: isoOf(e.y, e.m, e.d) };
    }
    case 'month': {
      const e = item.b ?? item.a;
      for (const p of [item.a, e]) if (p.y !== null && !isPlausibleYear(p.y)) return 'invalid';
      if (item.a.y === null || e.y === null) return null;
      return { start: monthStart(item.a.y, item.a.m), end: monthEnd(e.y, e.m) };
    }
    case 'quarter':
      if (item.y === null) return null;
      if (!isPlausibleYear(item.y)) return 'invalid';
      return quarterBounds(item.y, item.n);
    case 'half':
      if (item.y === null) return null;
      if (!isPlausibleYear(item.y)) return 'invalid';
      // A half of a school year ("1 полугодие 2023/2024 учебного года"), and in a school-year plan
      // a half without its own year, is a school half: Sep–Dec, Jan–Aug.
      if (item.school || (!ownYear && period?.schoolYear)) {
        const first = item.school ? item.y : isoYear(period!.start);
        return item.n === 1
          ? { start: isoOf(first, 9, 1), end: isoOf(first, 12, 31) }
          : { start: isoOf(first + 1, 1, 1), end: isoOf(first + 1, 8, 31) };
      }
      return halfBounds(item.y, item.n);
    case 'year':
      if (!isPlausibleYear(item.y) || (item.y2 !== undefined && !isPlausibleYear(item.y2)))
        return 'invalid';
      return { start: yearStart(item.y), end: yearEnd(item.y2 ?? item.y) };
    case 'school':
      if (!isPlausibleYear(item.y) || !isPlausibleYear(item.y2) || item.y2 <= item.y)
        return 'invalid';
      return schoolYearBounds(item.y, item.y2);
  }
}

function singleKind(item: Item): DeadlineKind {
  switch (item.t) {
    case 'day':
      return item.b ? 'date-range' : 'date';
    case 'month':
      return item.b ? 'month-range' : 'month';
    case 'quarter':
      return 'quarter';
    case 'half':
      return 'half';
    case 'year':
      return item.y2 === undefined ? 'year' : 'year-range';
    case 'school':
      return 'school-year';
  }
}

type Core = Omit<Deadline, 'text'>;

/** Reads a sequence of date tokens: one item, or a list of checkpoints. */
function parseDateTokens(n: string, period: PlanPeriod): Core | null {
  const tokens = tokenise(n);
  if (!tokens || tokens.length === 0) return null;
  const items = parseItems(tokens);
  if (!items || items.length === 0) return null;
  const ownYears = items.map((it) => explicitStartYear(it) !== null);
  resolveYears(items, period);
  if (items.length === 1) {
    const iv = itemInterval(items[0]!, period, ownYears[0]!);
    if (iv === 'invalid') return null;
    return { kind: singleKind(items[0]!), start: iv?.start ?? null, end: iv?.end ?? null };
  }
  // A list: checkpoints of days, months, quarters or halves (years and school years do not mix).
  let anyDay = false;
  const checkpoints: Interval[] = [];
  let complete = true;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.t === 'year' || item.t === 'school') return null;
    if (item.t === 'day') anyDay = true;
    const iv = itemInterval(item, period, ownYears[k]!);
    if (iv === 'invalid') return null;
    if (iv === null) complete = false;
    else checkpoints.push(iv);
  }
  const kind: DeadlineKind = anyDay ? 'dates' : 'months';
  if (!complete) return { kind, start: null, end: null };
  let start = checkpoints[0]!.start;
  let end = checkpoints[0]!.end;
  for (const c of checkpoints) {
    if (c.start < start) start = c.start;
    if (c.end > end) end = c.end;
  }
  return { kind, start, end, checkpoints };
}

// ---------------------------------------------------------------------------------------------
// The main part of a cell

const UNTIL = /^(?:в срок )?(?:до|не позднее|к|по) (.+)$/;
const UNTIL_END_OF_PERIOD =
  /^(?:конца|окончания) (?:(?:текущего|учебного|календарного) )?(?:года|периода)$/;
const UNTIL_END_OF_YEAR = /^(?:конца|окончания) (\d{4})$/;
const FROM_TO = /^с (.+?) (?:по|до) (.+)$/;
const LEADING_PREPOSITION = /^(?:в течение|в|во|на) /;

function planBounds(period: PlanPeriod): { start: string | null; end: string | null } {
  return period ? { start: period.start, end: period.end } : { start: null, end: null };
}

function parseMain(n: string, period: PlanPeriod): Core | null {
  if (PERIOD.test(n)) return { kind: 'period', ...planBounds(period) };
  if (VAGUE_PERIOD.test(n)) return { kind: 'period', ...planBounds(period), vague: true };
  const recurrence = parseRecurrence(n);
  if (recurrence) return { kind: 'recurring', ...planBounds(period), recurrence };

  const until = UNTIL.exec(n);
  if (until) return parseUntil(until[1]!, period);

  const fromTo = FROM_TO.exec(n);
  if (fromTo) n = `${fromTo[1]}-${fromTo[2]}`;
  else n = n.replace(LEADING_PREPOSITION, '');
  return parseDateTokens(n, period);
}

/**
 * "до 15.02.2023", "не позднее …", "к 1 сентября 2023": from the period start to that day. When the
 * period starts after the day, the interval is that day alone (out of period, not reversed).
 */
function parseUntil(rest: string, period: PlanPeriod): Core | null {
  let end: string | null;
  if (UNTIL_END_OF_PERIOD.test(rest)) end = period?.end ?? null;
  else {
    const y = UNTIL_END_OF_YEAR.exec(rest);
    if (y) {
      const year = Number(y[1]);
      if (!isPlausibleYear(year)) return null;
      end = yearEnd(year);
    } else {
      const day = parseDateTokens(rest, period);
      if (!day || day.kind !== 'date') return null;
      end = day.end;
    }
  }
  if (end === null) return { kind: 'until', start: null, end: null };
  const start = period ? (period.start <= end ? period.start : end) : null;
  return { kind: 'until', start, end };
}

// ---------------------------------------------------------------------------------------------
// Public API

function emptyDeadline(text: string): Deadline {
  return { kind: 'empty', start: null, end: null, text };
}

function unparsed(text: string): Deadline {
  return { kind: 'unparsed', start: null, end: null, text };
}

function singleDate(iso: string): Deadline {
  return { kind: 'date', start: iso, end: iso, text: isoToRu(iso) };
}

/** A plain "dd.mm.yyyy", the commonest cell: read without the full pipeline. */
const PLAIN_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/** Reads one deadline cell. Never throws; what it cannot read is `unparsed` with its text. */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  if (value === null || value === undefined) return emptyDeadline('');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return unparsed('');
    const iso = dateToIso(value);
    return isPlausibleYear(isoYear(iso)) ? singleDate(iso) : unparsed(isoToRu(iso));
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && isPlausibleYear(value)) {
      return { kind: 'year', start: yearStart(value), end: yearEnd(value), text: String(value) };
    }
    if (value >= SERIAL_MIN && value < SERIAL_MAX + 1) return singleDate(serialToIso(value));
    return unparsed(String(value));
  }
  if (typeof value === 'boolean' || isErrorValue(value)) return unparsed(cellText(value));
  return copyDeadline(parseCached(value, ctx.period));
}

/**
 * Plans repeat a few deadline texts ("в течение года" in row after row), so results are kept per
 * text for the period of the latest call (a sheet's cells all share one period; a new period starts
 * a new cache). Keyed by the cell string itself, whose hash the engine keeps. Bounded; callers get
 * copies, so nothing they do to a result leaks into another.
 */
const CACHE_LIMIT = 4096;
const cache = new Map<string, Deadline>();
let cachedPeriod: PlanPeriod = null;

function samePeriod(a: PlanPeriod, b: PlanPeriod): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.start === b.start && a.end === b.end && a.schoolYear === b.schoolYear;
}

function parseCached(value: string, period: PlanPeriod): Deadline {
  if (!samePeriod(period, cachedPeriod)) {
    cache.clear();
    cachedPeriod = period && {
      start: period.start,
      end: period.end,
      schoolYear: period.schoolYear,
    };
  }
  let d = cache.get(value);
  if (!d) {
    const text = cleanText(value).trim();
    d = text ? parseText(text, period) : emptyDeadline('');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(value, d);
  }
  return d;
}

function copyDeadline(d: Deadline): Deadline {
  const c: Deadline = { ...d };
  if (d.checkpoints) c.checkpoints = d.checkpoints.map((p) => ({ start: p.start, end: p.end }));
  if (d.recurrence) c.recurrence = { ...d.recurrence };
  return c;
}

function parseText(text: string, period: PlanPeriod): Deadline {
  const plain = PLAIN_DATE.exec(text);
  if (plain) {
    const y = Number(plain[3]);
    const m = Number(plain[2]);
    const d = Number(plain[1]);
    if (!isPlausibleYear(y) || !isValidDay(y, m, d)) return unparsed(text);
    const iso = isoOf(y, m, d);
    return { kind: 'date', start: iso, end: iso, text };
  }

  const whole = normaliseDeadlineText(text);
  if (!whole) return emptyDeadline(text);
  if (BY_REFERENCE.test(whole)) {
    const d: Deadline = { kind: 'by-reference', start: null, end: null, text };
    if (VAGUE_REFERENCE.test(whole)) d.vague = true;
    return d;
  }

  // Split off the secondary parts: "(по отдельному графику)", "… в соответствии с графиком …".
  const notes: string[] = [];
  let main = text;
  if (main.includes('(')) {
    main = main.replace(PARENS, (_all, inner: string) => {
      const note = squash(inner);
      if (note) notes.push(note);
      return ' ';
    });
  }
  const tail = REFERENCE_AFTER.test(whole) ? REFERENCE_TAIL.exec(main) : null;
  if (tail && tail.index > 0) {
    notes.push(squash(main.slice(tail.index).replace(/^[\s,;]+/, '')));
    main = main.slice(0, tail.index);
  }
  const n = notes.length ? normaliseDeadlineText(main) : whole;
  if (!n) return unparsed(text);

  const core = parseMain(n, period);
  if (!core) return unparsed(text);
  const rest: string[] = [];
  for (const note of notes) {
    const r = core.recurrence ? null : parseRecurrence(normaliseDeadlineText(note));
    if (r) core.recurrence = r;
    else rest.push(note);
  }
  const d: Deadline = { ...core, text };
  if (rest.length) d.note = rest.join('; ');
  return d;
}

// ---------------------------------------------------------------------------------------------
// Labels

const PER_RU: Record<Recurrence['every'], string> = {
  year: 'год',
  quarter: 'квартал',
  month: 'месяц',
  week: 'неделю',
};
const EVERY_RU: Record<Recurrence['every'], string> = {
  year: 'ежегодно',
  quarter: 'ежеквартально',
  month: 'ежемесячно',
  week: 'еженедельно',
};

/** "раз" after a number: 1 раз, 2 раза, 5 раз (genitive after "не реже": 1 раза, 2 раз). */
function timesRu(n: number, atLeast: boolean): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const few = mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14);
  const one = mod10 === 1 && mod100 !== 11;
  if (atLeast) return `${n} ${one ? 'раза' : 'раз'}`;
  return `${n} ${few ? 'раза' : 'раз'}`;
}

/** "ежегодно в сентябре", "ежеквартально", "не реже 2 раз в год". */
export function recurrenceLabelRu(r: Recurrence): string {
  let s: string;
  if (r.times === 1 && !r.atLeast) s = EVERY_RU[r.every];
  else
    s = `${r.atLeast ? 'не реже ' : ''}${timesRu(r.times, r.atLeast === true)} в ${PER_RU[r.every]}`;
  if (r.month) s += ` в ${MONTH_PREPOSITIONAL_RU[r.month - 1]}`;
  return s;
}

function intervalRu(start: string | null, end: string | null): string {
  if (start && end) return start === end ? isoToRu(start) : `${isoToRu(start)} – ${isoToRu(end)}`;
  if (end) return `до ${isoToRu(end)}`;
  return '';
}

/**
 * The parsed deadline in Russian for messages and the timeline: "01.02.2023 – 15.05.2023",
 * "ежеквартально (01.01.2023 – 31.12.2023)", "срок задан ссылкой: «…»".
 */
export function deadlineLabelRu(d: Deadline): string {
  if (d.kind === 'empty') return 'срок не указан';
  if (d.kind === 'unparsed') return `срок не распознан: «${d.text}»`;
  if (d.kind === 'by-reference') return `срок задан ссылкой: «${d.text}»`;
  const interval = intervalRu(d.start, d.end);
  if (d.recurrence) {
    const r = recurrenceLabelRu(d.recurrence);
    return interval ? `${r} (${interval})` : r;
  }
  if (interval) return d.vague ? `постоянно (${interval})` : interval;
  return `«${d.text}» (год не определён: период плана неизвестен)`;
}
