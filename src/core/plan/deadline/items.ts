/** Items: what a run of deadline tokens means, and the interval each item covers. */
import {
  halfBounds,
  isPlausibleYear,
  isValidDay,
  isoOf,
  isoYear,
  monthEnd,
  monthStart,
  quarterBounds,
  schoolYearBounds,
  yearEnd,
  yearStart,
} from '../months';
import type { DeadlineContext, DeadlineKind } from '../types';
import type { Token } from './tokens';

export type PlanPeriod = DeadlineContext['period'];

export interface Point {
  d: number;
  m: number;
  y: number | null;
}

export interface SpanItem {
  t: 'day' | 'month';
  a: Point;
  b?: Point;
}

export type Item =
  | SpanItem
  | { t: 'quarter' | 'half'; n: number; y: number | null; school?: boolean }
  | { t: 'year'; y: number; y2?: number }
  | { t: 'school'; y: number; y2: number };

export function isSpan(item: Item): item is SpanItem {
  return item.t === 'day' || item.t === 'month';
}

export function parseItems(tokens: Token[]): Item[] | null {
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

export type Interval = { start: string; end: string };

/** The interval of a resolved item; null when a year is still unknown; 'invalid' for 31.02. */
export function itemInterval(
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

export function singleKind(item: Item): DeadlineKind {
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
