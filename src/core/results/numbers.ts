/**
 * Numbers as results tables hold them: real numbers, or text with a comma decimal, a "%" sign,
 * spaces as thousands separators. Counts must be whole and not negative; shares are percentages.
 */
import type { Cell } from '../grid';
import { cellText, parseNumberText } from '../text';

export type NumberRead =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'text'; text: string };

const PLAIN_DIGITS = /^\d+$/;
/** "12", "12,5", "12.5 %": the common shapes, read with one expression. */
const SIMPLE_DECIMAL = /^ ?(\d+)(?:[.,](\d+))? ?(%?) ?$/;

/** What a cell holds as a number. The common shapes skip the slower general parser. */
export function readNumber(cell: Cell | undefined): NumberRead {
  const v = cell?.v ?? null;
  if (v === null) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v, percent: false };
  if (typeof v !== 'string') return { kind: 'text', text: cellText(v) };
  if (PLAIN_DIGITS.test(v)) return { kind: 'number', value: Number(v), percent: false };
  const simple = SIMPLE_DECIMAL.exec(v);
  if (simple) {
    const value = Number(simple[2] === undefined ? simple[1] : `${simple[1]}.${simple[2]}`);
    return { kind: 'number', value, percent: simple[3] === '%' };
  }
  if (!v.trim()) return { kind: 'empty' };
  const parsed = parseNumberText(v);
  return parsed ? { kind: 'number', ...parsed } : { kind: 'text', text: v.trim() };
}

const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const DOT = 46;

/**
 * "12,5" or "12.5" read character by character, with no allocation; -1 for anything else.
 * Shares of a pasted export are all like this, one per mark and school.
 */
export function plainDecimal(s: string): number {
  let whole = 0;
  let fraction = 0;
  let scale = 1;
  let digits = 0;
  let separator = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= ZERO && ch <= NINE) {
      digits++;
      if (separator) {
        fraction = fraction * 10 + (ch - ZERO);
        scale *= 10;
      } else whole = whole * 10 + (ch - ZERO);
    } else if ((ch === COMMA || ch === DOT) && !separator && digits > 0) separator = true;
    else return -1;
  }
  if (digits === 0 || digits > 15) return -1;
  return whole + fraction / scale;
}

/** A number as a Russian reader writes it: 12,5. */
function shownRu(n: number): string {
  return String(n).replace('.', ',');
}

/** Excel's double noise ("12.000000000001") still counts as whole. */
const WHOLE_TOLERANCE = 1e-9;

export type CountRead =
  | { ok: true; value: number }
  | { ok: false; problem: 'empty' | 'text' | 'negative' | 'fractional' | 'percent'; shown: string };

/** A count: a whole number ≥ 0. A percentage («30%», or 0,3 shown with a % format) is not one. */
export function readCount(cell: Cell | undefined): CountRead {
  const v = cell?.v;
  const percentFormat = cell?.fmt?.includes('%') === true;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && !percentFormat)
    return { ok: true, value: v };
  const n = readNumber(cell);
  if (n.kind === 'empty') return { ok: false, problem: 'empty', shown: '' };
  if (n.kind === 'text') return { ok: false, problem: 'text', shown: n.text };
  if (n.percent) return { ok: false, problem: 'percent', shown: `${shownRu(n.value)}%` };
  if (percentFormat)
    return { ok: false, problem: 'percent', shown: `${shownRu(Math.round(n.value * 1e6) / 1e4)}%` };
  if (n.value < 0) return { ok: false, problem: 'negative', shown: shownRu(n.value) };
  const whole = Math.round(n.value);
  if (Math.abs(n.value - whole) > WHOLE_TOLERANCE)
    return { ok: false, problem: 'fractional', shown: shownRu(n.value) };
  return { ok: true, value: whole };
}

/** Shares just over 100 come from rounding in the source; more than this is not a share. */
const SHARE_SLACK = 0.5;

/** Why a cell is not a share: empty, or what it shows instead. */
export interface NotAShare {
  empty: boolean;
  shown: string;
}

/**
 * A share in percent (0–100), or why the cell is not one. A number shown with a "%" format
 * (0.235 shown as 23,5 %) is multiplied by 100; text "23,5 %" and a plain 23.5 are taken as they
 * are. A share is returned as a bare number: this runs four times on every row of an export.
 */
export function readShare(cell: Cell | undefined): number | NotAShare {
  const v = cell?.v;
  if (typeof v === 'string') {
    const fast = plainDecimal(v);
    if (fast >= 0 && fast <= 100 + SHARE_SLACK) return fast;
  }
  const n = readNumber(cell);
  if (n.kind === 'empty') return { empty: true, shown: '' };
  if (n.kind === 'text') return { empty: false, shown: n.text };
  const value = !n.percent && cell?.fmt?.includes('%') ? n.value * 100 : n.value;
  if (value < 0 || value > 100 + SHARE_SLACK) return { empty: false, shown: shownRu(n.value) };
  return value;
}

/** Counts from shares of N: round(share × N / 100). */
export function countFromShare(sharePercent: number, participants: number): number {
  return Math.round((sharePercent * participants) / 100);
}
