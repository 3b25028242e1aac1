/**
 * Reading single rows of a plan table (docs/domain.md §2.2): the activity number as it was really
 * stored, numbered headings, footers after the table, and what kind of row a row is.
 */
import type { CellValue } from '../grid';
import { isErrorValue } from '../grid';
import { formatDateRu, parseRoman, squash } from '../text';
import type { ColumnRole } from './types';
import { isRepeatedHeader } from './header';

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
  return { ...NONE, text, kind: 'other' };
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

const HEADING =
  /^([IVXLCDMУІХСМ]{1,6}|\d{1,2})(?:\s*[.)])?(?:\s*[-|:]\s*|\s+)(?=[A-Za-zА-Яа-яЁё«"])/;

/** Sections are few: a numeral larger than this starting a text is not a section number. */
const MAX_SECTION = 30;

export function numberedHeading(text: string): NumberedHeading | null {
  const m = HEADING.exec(squash(text));
  if (!m) return null;
  const token = m[1]!;
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
  /^(\*|примечани|пояснени|сноск|исполнитель\s*:|исп\.\s|согласовано|утвержд|подпись|тел\.|телефон|м\.\s?п\.|(начальник|директор|министр|заместитель|руководитель|ректор|председатель)(?=[\s,]|$))/i;

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

/** The row under a header that numbers the columns: "1 | 2 | 3 | 4". */
export function isColumnNumbering(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length < 3) return false;
  return filled.every((t, i) => t === String(i + 1) || t === `${i + 1}.`);
}

export type RowKind =
  | 'blank'
  | 'repeated-header'
  | 'section'
  | 'tasks'
  | 'subheading'
  | 'activity'
  | 'continuation'
  | 'footer';

/** What a row holds, as the classifier needs it. */
export interface RowCells {
  /** Texts the row holds itself, by role (a cell covered by a merge from above is not here). */
  own: Partial<Record<ColumnRole, string>>;
  /** Texts of unmapped columns. */
  otherTexts: string[];
  number: NumberCell;
  /** The title cell is merged across other columns (a heading spanning the table). */
  titleSpans: boolean;
}

export interface RowContext {
  /** Activity numbers are hierarchical ("1.1"): a bare "1." without deadline is a section. */
  hierarchical: boolean;
  /** An activity has been read already. */
  afterActivity: boolean;
  /** The last thing read was a section heading (its "Задачи" or wrapped tail may follow). */
  afterSection: boolean;
}

export interface Classified {
  kind: RowKind;
  heading?: NumberedHeading;
  /** The heading text for sections and sub-headings. */
  text?: string;
}

const FIELD_ROLES: ColumnRole[] = [
  'deadline',
  'responsible',
  'result',
  'indicator',
  'target',
  'audience',
  'evidence',
  'status',
  'task',
];

export function classifyRow(cells: RowCells, ctx: RowContext): Classified {
  const own = cells.own;
  const filledRoles = (Object.keys(own) as ColumnRole[]).filter((r) => own[r]);
  const anyOther = cells.otherTexts.some((t) => t !== '');
  if (filledRoles.length === 0 && !anyOther) return { kind: 'blank' };
  if (isRepeatedHeader(own)) return { kind: 'repeated-header' };

  const title = own.title ?? '';
  const firstText =
    own.number ||
    title ||
    FIELD_ROLES.map((r) => own[r] ?? '').find((t) => t) ||
    cells.otherTexts.find((t) => t) ||
    '';
  const deadline = own.deadline ?? '';
  const responsible = own.responsible ?? '';
  const fieldsEmpty = !deadline && !responsible;
  const num = cells.number;

  if (
    ctx.afterActivity &&
    num.kind !== 'arabic' &&
    num.kind !== 'roman' &&
    !deadline &&
    isFooterText(firstText)
  )
    return { kind: 'footer' };

  if (fieldsEmpty) {
    if (num.kind === 'roman')
      return {
        kind: 'section',
        heading: { number: num.text, value: num.parts[0]!, lookalike: num.lookalike, roman: true },
        text: title,
      };
    if (num.kind === 'arabic' && num.parts.length === 1 && ctx.hierarchical && title)
      return {
        kind: 'section',
        heading: { number: num.text, value: num.parts[0]!, lookalike: false, roman: false },
        text: title,
      };
    if (num.kind === 'other') {
      const heading = numberedHeading(num.text);
      if (heading)
        return {
          kind: 'section',
          heading,
          text: squash([own.number, title].filter(Boolean).join(' ')),
        };
      // Text without a numeral merged across the table: a heading typed into the number column.
      if (cells.titleSpans && !title)
        return ctx.afterActivity || ctx.afterSection
          ? { kind: 'subheading', text: num.text }
          : { kind: 'section', text: num.text };
    }
    if (num.kind === 'none') {
      const text = title || firstText;
      if (isTasksText(text) && ctx.afterSection) return { kind: 'tasks', text };
      const heading = numberedHeading(text);
      if (heading && filledRoles.length <= 1) return { kind: 'section', heading, text };
      const onlyTitle = filledRoles.length === 1 && title !== '' && !anyOther;
      if (onlyTitle && (startsLikeHeading(title) || cells.titleSpans))
        return ctx.afterActivity || ctx.afterSection
          ? { kind: 'subheading', text: title }
          : { kind: 'section', text: title };
    }
  }

  if (num.kind === 'none' && ctx.afterActivity) {
    const filled = filledRoles.length + cells.otherTexts.filter((t) => t !== '').length;
    const complete = title !== '' && deadline !== '' && responsible !== '';
    if (filled <= 2 && !complete) return { kind: 'continuation' };
  }
  if (num.kind === 'none' && !ctx.afterActivity && fieldsEmpty && !title) {
    // Text outside the known columns before the first activity: part of the title block.
    return { kind: 'blank' };
  }
  return { kind: 'activity' };
}
