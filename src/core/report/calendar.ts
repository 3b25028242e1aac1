/**
 * Month arithmetic on ISO dates (yyyy-mm-dd) for the roadmap skeleton and the timeline.
 */
export const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

export const MONTHS_SHORT_RU = [
  'янв',
  'фев',
  'мар',
  'апр',
  'май',
  'июн',
  'июл',
  'авг',
  'сен',
  'окт',
  'ноя',
  'дек',
] as const;

export interface YearMonth {
  year: number;
  /** 1–12. */
  month: number;
}

export function yearMonthOf(iso: string): YearMonth {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/** Months from the one holding `start` to the one holding `end`, inclusive. */
export function monthsBetween(start: string, end: string): YearMonth[] {
  const out: YearMonth[] = [];
  let { year, month } = yearMonthOf(start);
  const last = yearMonthOf(end);
  while (year < last.year || (year === last.year && month <= last.month)) {
    out.push({ year, month });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

/** "сентябрь 2024": a month deadline the plan grammar reads back. */
export function monthText(ym: YearMonth): string {
  return `${MONTHS_RU[ym.month - 1]} ${ym.year}`;
}

/** ISO first and last day of a month. */
export function monthBounds(ym: YearMonth): { start: string; end: string } {
  const mm = String(ym.month).padStart(2, '0');
  const lastDay = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
  return {
    start: `${ym.year}-${mm}-01`,
    end: `${ym.year}-${mm}-${String(lastDay).padStart(2, '0')}`,
  };
}
