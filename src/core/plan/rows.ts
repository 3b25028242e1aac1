/**
 * Reading single cells of a plan table (docs/domain.md §2.2): the activity number as it was really
 * stored, numbered headings, footers after the table; classify.ts says what kind of row a row is.
 */
import type { CellValue } from '../grid';
import { isErrorValue } from '../grid';
import { formatDateRu, parseRoman, squash } from '../text';

/** An activity or section number as stored in its cell. */
export interface NumberCell {
  /** What the number reads as: "1.1", "10", "I", "У"; "" when the cell is empty. */
  text: string;
  kind: 'none' | 'arabic' | 'roman' | 'other';
  /** Arabic levels ([2, 3] for "2.3"); for a Roman numeral, its value. */
  parts: number[];
  /** "9." rather than "9". */
  trailingDot: boolean;
  /** How Excel holds it: a pasted "1.1" often becomes the date 01.01. */
  storedAs: 'text' | 'number' | 'date';
  /** A Roman numeral typed with Cyrillic look-alikes ("У" for V). */
  lookalike: boolean;
  /** The cell held the title too ("1.2 Семинар …"). */
  withTitle?: boolean;
  /** What Excel holds when that differs from the number: a date ("01.01.2023"), or 1.1 for "1.10". */
  shown?: string;
}

const NONE: NumberCell = {
  text: '',
  kind: 'none',
  parts: [],
  trailingDot: false,
  storedAs: 'text',
  lookalike: false,
};

const ARABIC = /^(\d{1,4}(?:\.\d{1,4})*)([.)])?$/;

export function parseNumberCell(v: CellValue): NumberCell {
  if (v === null || isErrorValue(v)) return NONE;
  if (v instanceof Date) {
    // Excel turned "1.1" into 1 January: day and month are the two levels.
    const parts = [v.getUTCDate(), v.getUTCMonth() + 1];
    return {
      text: parts.join('.'),
      kind: 'arabic',
      parts,
      trailingDot: false,
      storedAs: 'date',
      lookalike: false,
      shown: formatDateRu(v),
    };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0)
      return { ...NONE, text: String(v), kind: 'other', storedAs: 'number' };
    const text = String(v);
    const parts = text.split('.').map(Number);
    return {
      text,
      kind: 'arabic',
      parts,
      trailingDot: false,
      storedAs: 'number',
      lookalike: false,
    };
  }
  if (typeof v !== 'string') return { ...NONE, text: String(v), kind: 'other' };
  // Already clean (most cells): skip the normalisation.
  const text = ARABIC.test(v)
    ? v
    : squash(v)
        .replace(/\s*\.\s*/g, '.')
        .replace(/\s*\|$/, '');
  if (!text) return NONE;
  const arabic = ARABIC.exec(text);
  if (arabic) {
    const parts = arabic[1]!.split('.').map(Number);
    return {
      text: arabic[1]!,
      kind: 'arabic',
      parts,
      trailingDot: arabic[2] !== undefined,
      storedAs: 'text',
      lookalike: false,
    };
  }
  const romanText = text.replace(/[.)]$/, '');
  const roman = parseRoman(romanText);
  if (roman) {
    return {
      text: romanText,
      kind: 'roman',
      parts: [roman.value],
      trailingDot: romanText !== text,
      storedAs: 'text',
      lookalike: roman.lookalike,
    };
  }
  // Text that is no number keeps its own spacing ("1. Организационные меры" typed in the cell).
  return { ...NONE, text: squash(v), kind: 'other' };
}

/**
 * A number and a title typed into one cell ("1.2 Семинар для учителей", a PDF paste that lost a
 * column border): the number with `withTitle` set, and the title; null when the text is not so.
 */
export function splitNumberAndTitle(text: string): { number: NumberCell; title: string } | null {
  // Up to three digits per level: "2023 год" is a year, not activity 2023.
  const m = /^(\d{1,3}(?:\.\d{1,3})*)([.)])?\s+([A-Za-zА-Яа-яЁё«"].*)$/s.exec(squash(text));
  if (!m) return null;
  const number: NumberCell = {
    text: m[1]!,
    kind: 'arabic',
    parts: m[1]!.split('.').map(Number),
    trailingDot: m[2] !== undefined,
    storedAs: 'text',
    lookalike: false,
    withTitle: true,
  };
  return { number, title: m[3]! };
}

/**
 * A hierarchical number stored as a real number loses its trailing zero: "1.10" becomes 1.1.
 * Where the number before it makes "1.10" the next one, it is read so (`shown` keeps what Excel
 * holds, for the number-style warning).
 */
export function restoreLostZeros(numbers: NumberCell[]): NumberCell[] {
  const last = new Map<number, number>();
  return numbers.map((n) => {
    if (n.kind !== 'arabic' || n.parts.length !== 2) return n;
    const [head, tail] = n.parts as [number, number];
    const prev = last.get(head);
    const lost = n.storedAs === 'number' && prev !== undefined && tail * 10 === prev + 1;
    const out: NumberCell = lost
      ? { ...n, text: `${head}.${tail * 10}`, parts: [head, tail * 10], shown: n.text }
      : n;
    last.set(head, out.parts[1]!);
    return out;
  });
}

/** A heading that starts with its own number: "I направление — …", "2. Методическое сопровождение". */
export interface NumberedHeading {
  number: string;
  value: number;
  lookalike: boolean;
  roman: boolean;
}

/**
 * A Roman numeral may be followed by a lower-case word ("I направление"); an Arabic one only by a
 * capital or a quote, so that a fragment such as "9-х классах" or "2 направлениям" is no heading.
 */
const HEADING =
  /^(?:([IVXLCDMУІХСМ]{1,6})(?:\s*[.)])?(?:\s*[-|:]\s*|\s+)(?=[A-Za-zА-Яа-яЁё«"])|(\d{1,2})(?:\s*[.)])?(?:\s*[-|:]\s+|\s+)(?=[A-ZА-ЯЁ«"]))/;

/** Sections are few: a numeral larger than this starting a text is not a section number. */
const MAX_SECTION = 30;

export function numberedHeading(text: string): NumberedHeading | null {
  const m = HEADING.exec(squash(text));
  if (!m) return null;
  const token = (m[1] ?? m[2])!;
  if (/^\d/.test(token)) {
    const value = Number(token);
    return value >= 1 && value <= MAX_SECTION
      ? { number: token, value, lookalike: false, roman: false }
      : null;
  }
  const roman = parseRoman(token);
  if (!roman || roman.value > MAX_SECTION) return null;
  return { number: token, value: roman.value, lookalike: roman.lookalike, roman: true };
}

/** Footnotes, notes, signatures and contacts that end a plan table. */
const FOOTER =
  /^(\*|примечани|пояснени|сноск|исполнитель\s*:|исп\.\s|согласовано|утвержден[оа]?(?![а-я])|подпись|тел\.|телефон|м\.\s?п\.|составил|подготовил|врио|и\.\s?о\.\s|первый заместитель|глава (?:администрации|муниципального|района|города|округа)|(начальник|директор|министр|заместитель|руководитель|ректор|председатель)(?=[\s,]|$))/i;

export function isFooterText(text: string): boolean {
  return FOOTER.test(squash(text));
}

/** "Задачи: …" under a section heading. */
export function isTasksText(text: string): boolean {
  return /^задач[иа]?\s*:/i.test(squash(text));
}

/** True when a text begins like a heading (capital letter or a quote) rather than a fragment. */
export function startsLikeHeading(text: string): boolean {
  return /^[«"]?[A-ZА-ЯЁ]/.test(squash(text));
}

/**
 * The row under a header that numbers the columns: "1 | 2 | 3 | 4" (the table's columns in order,
 * so the read ones may skip a number: "1 | 2 | 4 | 5").
 */
export function isColumnNumbering(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length < 3) return false;
  let last = 0;
  for (const t of filled) {
    const m = /^(\d{1,2})\.?$/.exec(t);
    if (!m || Number(m[1]) <= last || Number(m[1]) > last + 2) return false;
    last = Number(m[1]);
  }
  return Number(/^\d+/.exec(filled[0]!)![0]) <= 2;
}
