/**
 * Text normalisation shared by every reader: what pasting from Word and PDF does to text.
 */
import { isErrorValue, type CellValue } from './grid';

/** Every space-like character (NBSP, narrow NBSP, thin spaces, tabs) becomes a plain space. */
const SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\t\f\v]/g;
/** Every dash-like character becomes "-". */
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;
/** Zero-width characters and soft hyphens that survive a paste. */
const INVISIBLE = /\u00AD|\u200C|\u200D|\u2060|\uFEFF/g;

/** Plain spaces, plain dashes, no invisible characters, "\r\n" → "\n"; keeps line breaks. */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').replace(DASHES, '-').replace(/\r\n?/g, '\n');
}

/**
 * The last results of a text function: a plan's rules squash and fold the same titles, executors
 * and deadlines many times over (half the time of checking a 500-activity plan went to these two).
 * Emptied when full, so memory stays bounded whatever is read.
 */
function memo(f: (s: string) => string, size = 20_000): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let out = seen.get(s);
    if (out === undefined) {
      if (seen.size >= size) seen.clear();
      seen.set(s, (out = f(s)));
    }
    return out;
  };
}

/** cleanText, then every run of white space (line breaks too) becomes one space, trimmed. */
export const squash: (s: string) => string = memo((s) => cleanText(s).replace(/\s+/g, ' ').trim());

/** Key for case-, space-, line-break-, ё- and punctuation-insensitive comparison of labels. */
export const foldKey: (s: string) => string = memo((s) =>
  squash(s)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s.,:;«»"'()]/g, ''),
);

/** dd.mm.yyyy of a date taken as UTC (the readers store dates at UTC midnight). */
export function formatDateRu(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${d.getUTCFullYear()}`;
}

/** The text a person sees in a cell, cleaned (line breaks kept). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v).trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'ИСТИНА' : 'ЛОЖЬ';
  if (v instanceof Date) return formatDateRu(v);
  if (isErrorValue(v)) return v.error;
  return '';
}

/**
 * Latin letters that look like Cyrillic ones, mapped to the Cyrillic letter: the one table of
 * look-alikes (pasted text mixes them: "OO" for «ОО», "Cовет").
 */
export const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

/** True when a word mixes Latin and Cyrillic letters (a look-alike typed by mistake). */
export function hasMixedScript(word: string): boolean {
  return /[A-Za-z]/.test(word) && /[А-Яа-яЁё]/.test(word);
}

/** Replaces Latin look-alikes inside Cyrillic words by the Cyrillic letters. */
export const fixLookalikes: (s: string) => string = memo((s) =>
  s.replace(/[A-Za-zА-Яа-яЁё]+/g, (word) =>
    hasMixedScript(word) ? word.replace(/[A-Za-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch) : word,
  ),
);

/**
 * Russian number words and their values, in the forms plans use them ("не реже двух раз в год",
 * "одна встреча", "дважды в год"): the one table of them.
 */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  один: 1,
  одного: 1,
  одной: 1,
  одна: 1,
  два: 2,
  две: 2,
  двух: 2,
  дважды: 2,
  три: 3,
  трех: 3,
  трижды: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
};

/** Cyrillic letters typed for Roman numerals ("У" for V, "І" for I, "Х" for X, "С", "М"). */
const CYRILLIC_ROMAN: Record<string, string> = {
  У: 'V',
  у: 'V',
  І: 'I',
  і: 'I',
  Х: 'X',
  х: 'X',
  С: 'C',
  с: 'C',
  М: 'M',
  м: 'M',
  Ι: 'I',
};

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Reads a Roman numeral, also one typed with Cyrillic look-alikes.
 * Returns the value and whether look-alikes were used, or null when it is not a valid numeral.
 */
export function parseRoman(s: string): { value: number; lookalike: boolean } | null {
  const raw = s.trim();
  if (!raw || raw.length > 8) return null;
  let lookalike = false;
  let latin = '';
  for (const ch of raw) {
    const mapped = CYRILLIC_ROMAN[ch];
    if (mapped) {
      lookalike = true;
      latin += mapped;
    } else latin += ch.toUpperCase();
  }
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(latin)) return null;
  let value = 0;
  for (let i = 0; i < latin.length; i++) {
    const cur = ROMAN_VALUES[latin[i]!]!;
    const next = ROMAN_VALUES[latin[i + 1] ?? ''] ?? 0;
    value += cur < next ? -cur : cur;
  }
  return value > 0 ? { value, lookalike } : null;
}

/** 5 → "V". */
export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of table)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}

/**
 * Reads a number typed as text: "1 234,5", "12,5 %", "−3". Returns null when it is not one.
 * A trailing "%" divides by 100 only when asPercentOf100 is false (the caller decides the unit).
 */
export function parseNumberText(s: string): { value: number; percent: boolean } | null {
  let t = squash(s).replace(/\s/g, '');
  if (!t) return null;
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  t = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return { value: Number(t), percent };
}
