/**
 * The deadline grammar (docs/domain.md §2.4): one deadline cell → { kind, start, end, … } with ISO dates.
 *
 * How a cell is read:
 *  1. normalise: Latin look-alikes, case, ё, dashes, spaces, "г." / "гг." / "года" after years,
 *     line breaks and ";" become one separator (normalise.ts);
 *  2. a cell that is a reference ("в соответствии с …", "по мере необходимости") stops here;
 *  3. parenthesised parts and a trailing reference phrase are split off as the note (a recurrence
 *     there, "(ежеквартально)", becomes `recurrence` instead);
 *  4. the main part is a fixed phrase (period, recurrence), an "until" or "с … по …" form, or a
 *     sequence of date tokens (dates, months, years, quarters, halves, school years) read by a
 *     small token grammar (main.ts, tokens.ts, items.ts, years.ts). Anything left over makes the
 *     cell `unparsed`: nothing is guessed.
 */
import { isErrorValue, type CellValue } from '../../grid';
import { cellText, cleanText, squash } from '../../text';
import {
  SERIAL_MAX,
  SERIAL_MIN,
  dateToIso,
  isPlausibleYear,
  isValidDay,
  isoOf,
  isoToRu,
  isoYear,
  serialToIso,
  yearEnd,
  yearStart,
} from '../months';
import type { Deadline, DeadlineContext } from '../types';
import type { PlanPeriod } from './items';
import { parseMain } from './main';
import { normaliseDeadlineText } from './normalise';
import { parseRecurrence } from './recurrence';

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
