/** Years a deadline leaves out, from its neighbours in the cell or from the plan period. */
import { isoYear } from '../months';
import { isSpan, type Item, type PlanPeriod } from './items';

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

export function explicitStartYear(item: Item): number | null {
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

/** True when point `p` falls earlier in a calendar year than point `q` (years aside). */
function before(p: { d: number; m: number }, q: { d: number; m: number }): boolean {
  return p.m < q.m || (p.m === q.m && p.d < q.d);
}

export function resolveYears(items: Item[], period: PlanPeriod): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (isSpan(item)) {
      const { a, b } = item;
      if (b) {
        const yearless = a.y === null && b.y === null;
        // An end without a year that comes before its start in the calendar lies in the next
        // year: «сентябрь 2023 – май», «01.09.2023–31.05».
        if (b.y === null && a.y !== null) b.y = before(b, a) ? a.y + 1 : a.y;
        if (b.y === null) b.y = inheritYear(items, k, b.m, period);
        // The start's missing year comes from the end; for months, a first month later than the
        // last lies in the previous year ("декабрь-январь 2023"). Dates with the end's year keep
        // it, so a reversed "15.05-01.02.2023" stays reversed for the rules to report.
        // With no year on either end, a start later in the calendar than the end lies in the year
        // before («15.12–15.01» in a school-year plan).
        if (a.y === null && b.y !== null)
          a.y = (item.t === 'month' || yearless) && before(b, a) ? b.y - 1 : b.y;
      } else if (a.y === null) a.y = inheritYear(items, k, a.m, period);
    } else if ((item.t === 'quarter' || item.t === 'half') && item.y === null) {
      item.y = inheritYear(items, k, firstMonth(item), period);
    }
  }
}
