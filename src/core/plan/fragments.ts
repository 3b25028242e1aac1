/**
 * Page-break fragments (docs/domain.md §2.2): when a Word or PDF table breaks a row across pages, the
 * paste gives the rest of each cell its own row. Whether a row without a number continues the row
 * above is read from the texts themselves: a fragment starts where a sentence cannot start, or the
 * text above stops where a sentence cannot stop.
 */
import { squash } from '../text';

/** Words a sentence does not end on: prepositions, conjunctions, "а также". */
const OPEN_WORDS = new Set([
  'в',
  'во',
  'на',
  'по',
  'с',
  'со',
  'к',
  'ко',
  'о',
  'об',
  'обо',
  'от',
  'до',
  'для',
  'за',
  'из',
  'изо',
  'при',
  'под',
  'над',
  'без',
  'через',
  'между',
  'среди',
  'также',
  'и',
  'или',
  'и/или',
  'а',
  'но',
]);

/** Count of an opening character minus its closing one. */
function balance(text: string, open: string, close: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === open) n++;
    else if (ch === close) n--;
  }
  return n;
}

/**
 * True when a text stops where a sentence cannot: on a hyphen or dash, a comma, an open parenthesis
 * or quote, or a preposition or conjunction ("… для учителей и", "… (далее", "учителей-").
 */
export function looksUnfinished(text: string): boolean {
  const t = squash(text);
  if (!t) return false;
  if (/[-,:(«/]$/.test(t)) return true;
  if (balance(t, '(', ')') > 0 || balance(t, '«', '»') > 0) return true;
  const last = /([\p{L}/]+)$/u.exec(t.toLowerCase());
  return last !== null && OPEN_WORDS.has(last[1]!);
}

/**
 * True when a text starts where a sentence cannot: with a lower-case letter, or with a closing or
 * joining mark (")", ",", ";", ".", a dash) or an opening parenthesis ("(далее — ОО)").
 */
export function startsAsFragment(text: string): boolean {
  const t = squash(text);
  return /^(?:\p{Ll}|[(),;:.\-/])/u.test(t);
}

/** Starts with a lower-case letter (not a mark): "русского языка и математики". */
export function startsLowerCase(text: string): boolean {
  return /^\p{Ll}/u.test(squash(text));
}

/** A year alone, as the tail of a deadline cell: "2023", "2023 г.", "2023 года", "гг.", "года". */
const YEAR_TAIL =
  /^(?:(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)?\d{2})?\s*(?:г\.?|гг\.?|год[а-я]*)?|г\.?|гг\.?|год[а-я]*)\.?$/i;
/** A 4-digit year anywhere in a text. */
const HAS_YEAR = /(?:^|\D)(?:19|20)\d{2}(?!\d)/;

/**
 * True when a deadline fragment completes the deadline above: a bare year under a text without a
 * year ("февраль–март" + "2023"), anything under a text that stops on a dash or a preposition
 * ("с 01.02.2023 по" + "15.05.2023"), or a fragment that starts with a dash or "по"/"до".
 */
export function completesDeadline(above: string, fragment: string): boolean {
  const a = squash(above);
  const f = squash(fragment);
  if (!a || !f) return false;
  if (YEAR_TAIL.test(f) && !HAS_YEAR.test(a)) return true;
  if (/^(?:[-–—]|по\s|до\s)/i.test(f)) return true;
  return looksUnfinished(a);
}
