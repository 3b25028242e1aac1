/** Recurring deadlines: "ежеквартально", "не реже 1 раза в квартал", "ежегодно в сентябре". */
import { MONTH_PREPOSITIONAL_RU, MONTH_WORD, monthFromWord } from '../months';
import { NUMBER_WORDS } from '../../text';
import type { Recurrence } from '../types';

const EVERY_YEAR = new RegExp(`^ежегодно(?:(?:,|,? )(?:(?:в|во) )?(${MONTH_WORD})\\.?)?$`);
const EVERY: Record<string, Recurrence['every']> = {
  ежеквартально: 'quarter',
  ежемесячно: 'month',
  еженедельно: 'week',
};
const TIMES =
  /^(?:(не реже|не менее) )?(?:(\d{1,2}|один|одного|два|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести) раза?|раз|(дважды|трижды)) в (год|учебный год|квартал|месяц|неделю|полугодие)$/;

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
