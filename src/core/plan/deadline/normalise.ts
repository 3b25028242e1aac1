/** Deadline texts in one canonical lower-case form before the grammar reads them. */
import { fixLookalikes } from '../../text';

const HAS_LATIN = /[A-Za-z]/;
const BRACKETS = /[()[\]«»"“”]/g;
const DOT_SPACES = /(\d)\s*\.\s*(?=\d)/g;
const YEAR_ABBREVIATION = /(\d{4})\s*(?:гг|г)\.?(?![а-я])/g;
const YEAR_WORD = /(\d{4})\s*(?:года|году|годы|годов|годах|год)(?![а-я])/g;
const DASH = /\s*-\s*/g;
/** ";" separates checkpoints; a line break is only where the cell wrapped ("январь–март\n2023"). */
const SEPARATOR = /(?:\s*;\s*)+/g;
const COMMA = /\s*,\s*/g;
const SPACES = /\s+/g;
const EDGES = /^[\s;,.:-]+|[\s;,.:]+$/g;

/**
 * Lower-case canonical form of a deadline text: look-alikes, case, ё, brackets, dashes, spaces, "г." /
 * "гг." / "года" after years, ";" as one separator. Each replacement runs only
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
  if (t.includes(';')) t = t.replace(SEPARATOR, ';');
  if (t.includes(',')) t = t.replace(COMMA, ',');
  return t.replace(SPACES, ' ').replace(EDGES, '');
}
