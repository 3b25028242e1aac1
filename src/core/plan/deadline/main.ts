/** The main part of a deadline cell once notes are split off: fixed phrases, "до …", dates. */
import { isPlausibleYear, yearEnd } from '../months';
import type { Deadline, DeadlineKind } from '../types';
import { itemInterval, parseItems, singleKind, type Interval, type PlanPeriod } from './items';
import { parseRecurrence } from './recurrence';
import { tokenise } from './tokens';
import { explicitStartYear, resolveYears } from './years';

const PERIOD =
  /^(?:(?:в течение|на протяжении)(?: всего)?(?: (?:текущего|учебного|календарного|отчетного))? (?:года|периода|срока)(?: (?:реализации|действия) .*)?|весь период(?: .*)?|весь год)$/;
const VAGUE_PERIOD = /^(?:постоянно|систематически|регулярно)$/;

export type Core = Omit<Deadline, 'text'>;

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

export function parseMain(n: string, period: PlanPeriod): Core | null {
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
