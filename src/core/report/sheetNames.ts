/**
 * Sheet names for the report: short and readable ("СОШ №5 Ржев"), always legal in Excel (at most
 * 31 characters, none of \ / ? * : [ ], no apostrophe at either end, not "History", not empty) and
 * unique ignoring case. Names depend only on the set of schools (taken in code order), so the same
 * school keeps its tab name from run to run.
 */

/** Excel's limit, in UTF-16 code units (an emoji counts twice, as in Excel). */
export const MAX_SHEET_NAME_LENGTH = 31;

const FORBIDDEN = /[\\/?*:[\]]/g;
// Control characters Excel refuses in a name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Excel reserves "History" (any case) for its change-tracking sheet. */
const RESERVED = ['history'];

/** Key under which Excel compares sheet names. */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

export function isLegalSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !/[\\/?*:[\]]/.test(name) &&
    !/[\u0000-\u001f\u007f]/.test(name) && // eslint-disable-line no-control-regex
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.trim() === name &&
    !RESERVED.includes(sheetNameKey(name)) &&
    !hasBrokenSurrogate(name)
  );
}

function hasBrokenSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, then tidies the end. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return tidy(out);
}

/** Trims spaces and apostrophes at both ends (Excel refuses an apostrophe there). */
function tidy(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, '');
}

/**
 * Makes any text a legal sheet name (not yet unique): forbidden characters become spaces, runs of
 * spaces collapse, ends are tidied, the length is cut; an empty result becomes `fallback`.
 */
export function legalSheetName(raw: string, fallback = 'Лист'): string {
  let s = raw.replace(CONTROL, ' ').replace(FORBIDDEN, ' ');
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  s = tidy(s.replace(/\s+/g, ' '));
  s = cut(s, MAX_SHEET_NAME_LENGTH);
  return s || fallback;
}

/** Legal-form phrases and their usual abbreviations, longest first. */
const LONG_FORMS: Array<[RegExp, string]> = [
  [
    /(муниципальное|государственное|частное)\s+(бюджетное|казённое|казенное|автономное)?\s*(обще)?образовательное\s+учреждение/gi,
    '',
  ],
  [/средняя\s+общеобразовательная\s+школа/gi, 'СОШ'],
  [/основная\s+общеобразовательная\s+школа/gi, 'ООШ'],
  [/начальная\s+общеобразовательная\s+школа/gi, 'НОШ'],
  [/с\s+углубл[её]нным\s+изучением\s+отдельных\s+предметов/gi, 'с УИОП'],
  [/(^|\s)имени(?=\s)/gi, '$1им.'],
];

const LEGAL_ABBREVIATIONS =
  /(^|\s)(МБОУ|МАОУ|МКОУ|МОУ|ГБОУ|ГАОУ|ГКОУ|ГОУ|ЧОУ|НОУ|АНОО|АНО|ЧУ|ОУ|МБОО|МАОО)(?=\s|$|«|")/g;

/** Genitive of a town after "г." turned back to the form people write on a label. */
function townNominative(word: string): string {
  if (/(ов|ев|ин|ын)а$/.test(word)) return word.slice(0, -1); // Ржева → Ржев, Кашина → Кашин
  if (/[сц]ка$/.test(word)) return word.slice(0, -1); // Бежецка → Бежецк
  if (/ля$/.test(word)) return `${word.slice(0, -1)}ь`; // Лихославля → Лихославль
  return word;
}

/**
 * The readable short form of a school's full name: legal form dropped, standard school types
 * abbreviated, the number and the place kept. "МБОУ СОШ № 5 г. Ржева" → "СОШ №5 Ржев".
 */
export function shortSchoolName(fullName: string): string {
  let s = fullName.replace(/^\s*\(\s*sch\d+\s*\)\s*/i, '');
  for (const [re, to] of LONG_FORMS) s = s.replace(re, to);
  s = s.replace(LEGAL_ABBREVIATIONS, '$1');
  s = s.replace(/[«»"„“”]/g, ' ');
  s = s.replace(/№\s*/g, '№');
  s = s.replace(
    /(^|\s)(г|гор|пгт|пос|п|с|д|дер|ст)\.\s*([А-ЯЁA-Z][а-яёa-z-]+)/g,
    (_m, sp: string, kind: string, place: string) =>
      kind === 'г' || kind === 'гор' ? `${sp}${townNominative(place)}` : `${sp}${kind}. ${place}`,
  );
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Unique legal names for `items` (key → wanted text), given names already taken (user sheets,
 * other generated sheets). Items are named in the order given, so callers sort them (schools by
 * code) for names that stay stable across runs. Clashes get " (2)", " (3)"… within 31 characters.
 */
export function assignSheetNames(
  items: ReadonlyArray<{ key: string; wanted: string }>,
  taken: Iterable<string> = [],
  fallback = 'Лист',
): Map<string, string> {
  const used = new Set<string>(RESERVED);
  for (const t of taken) used.add(sheetNameKey(t));
  const out = new Map<string, string>();
  for (const item of items) {
    const base = legalSheetName(item.wanted, fallback);
    let name = base;
    for (let k = 2; used.has(sheetNameKey(name)) || !isLegalSheetName(name); k++) {
      const suffix = ` (${k})`;
      name = `${cut(base, MAX_SHEET_NAME_LENGTH - suffix.length) || fallback}${suffix}`;
    }
    used.add(sheetNameKey(name));
    out.set(item.key, name);
  }
  return out;
}
