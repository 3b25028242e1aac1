/**
 * How much room a text takes in a cell, in Excel's own units: the width from Calibri's metrics
 * (Excel's default font, which generated sheets use), lines by wrapping at spaces as Excel and
 * LibreOffice do, row heights in points. Pure estimates: a spreadsheet does not refit the rows of
 * a file it opens, so the core has to say how tall a row with wrapped text must be.
 */
import { BOLD, REGULAR } from './calibriWidths';

export interface FontSpec {
  bold?: boolean;
  /** Points; 11 when not said (Excel's default). */
  size?: number;
}

export const DEFAULT_FONT_SIZE = 11;
/** Pixels of one column width unit (the digit width of Calibri 11 at 96 dpi). */
const PX_PER_CHAR = 7;
/** Cell margins and grid line, in pixels: text never uses the whole column. */
const CELL_PADDING_PX = 6;
/** Renderers differ a little in kerning and hinting: measure a text a few per cent wider. */
const SAFETY = 1.02;
/** Width of characters outside the table, in 1/1000 em (about a Cyrillic lower-case letter). */
const UNKNOWN_WIDTH = 560;

function decode(runs: ReadonlyArray<readonly [number, string]>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [from, s] of runs)
    for (let i = 0; i < s.length / 2; i++)
      out.set(from + i, parseInt(s.slice(i * 2, i * 2 + 2), 36));
  return out;
}

let tables: { regular: Map<number, number>; bold: Map<number, number> } | null = null;

function widths(bold: boolean): Map<number, number> {
  tables ??= { regular: decode(REGULAR), bold: decode(BOLD) };
  return bold ? tables.bold : tables.regular;
}

/**
 * What was measured so far, by what (a width, a longest word, lines in a room of some width), font
 * and text. A report repeats the same words and phrases (headers, the plan's activities) on
 * thousands of sheets; measuring each once made laying them out several times faster. Bounded:
 * a map is emptied when it grows past MEMO_LIMIT texts, all of them past MEMO_MAPS maps.
 */
const memo = new Map<string, Map<string, number>>();
const MEMO_LIMIT = 50_000;
const MEMO_MAPS = 200;

function measured(font: FontSpec, what = 'width'): Map<string, number> {
  const key = `${what} ${font.bold === true ? 'b' : ''}${font.size ?? DEFAULT_FONT_SIZE}`;
  let known = memo.get(key);
  if (!known) {
    if (memo.size >= MEMO_MAPS) memo.clear();
    memo.set(key, (known = new Map()));
  } else if (known.size > MEMO_LIMIT) known.clear();
  return known;
}

/** Width of a single line of text in pixels at 96 dpi. */
export function textWidthPx(text: string, font: FontSpec = {}): number {
  return widthIn(measured(font), text, font);
}

function widthIn(known: Map<string, number>, text: string, font: FontSpec): number {
  let px = known.get(text);
  if (px === undefined) known.set(text, (px = measure(text, font)));
  return px;
}

function measure(text: string, font: FontSpec): number {
  const table = widths(font.bold === true);
  let em = 0;
  for (const ch of text) em += table.get(ch.codePointAt(0)!) ?? UNKNOWN_WIDTH;
  const pxPerEm = ((font.size ?? DEFAULT_FONT_SIZE) * 96) / 72;
  return (em / 1000) * pxPerEm * SAFETY;
}

/** Pixels of a column `width` characters wide (Excel's stored width, padding included). */
export function columnPx(width: number): number {
  return Math.round(width * PX_PER_CHAR);
}

/** Room for text in a cell (or merged cells) of `px` pixels. */
export function textRoomPx(px: number): number {
  return Math.max(1, px - CELL_PADDING_PX);
}

/** The column width (characters) a single line of `px` pixels needs. */
export function widthForTextPx(px: number): number {
  return Math.ceil(((px + CELL_PADDING_PX) / PX_PER_CHAR) * 2) / 2;
}

/** Height in points of one line of text in a font of this size, as Excel's autofit makes it. */
export function lineHeightPt(size: number = DEFAULT_FONT_SIZE): number {
  return Math.ceil((size * (15 / 11)) / 0.75) * 0.75;
}

/**
 * Lines a text needs in a wrapped cell `roomPx` wide: paragraphs at line breaks, words moved to
 * the next line at spaces, a word longer than the line broken where it runs out of room.
 */
export function wrappedLines(text: string, roomPx: number, font: FontSpec = {}): number {
  const counted = measured(font, `lines ${roomPx}`);
  let lines = counted.get(text);
  if (lines === undefined) counted.set(text, (lines = countLines(text, roomPx, font)));
  return lines;
}

function countLines(text: string, roomPx: number, font: FontSpec): number {
  const known = measured(font);
  const space = widthIn(known, ' ', font);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let w = widthIn(known, word, font);
      const gap = used > 0 ? space : 0;
      if (used > 0 && used + gap + w <= roomPx) {
        used += gap + w;
        continue;
      }
      if (used > 0) lines++;
      // a word wider than the line takes as many lines as it fills
      while (w > roomPx) {
        lines++;
        w -= roomPx;
      }
      used = w;
    }
  }
  return lines;
}

/** Width of the longest word of a text: what a wrapped cell needs at least. */
export function longestWordPx(text: string, font: FontSpec = {}): number {
  const longest = measured(font, 'word');
  let max = longest.get(text);
  if (max !== undefined) return max;
  const known = measured(font);
  max = 0;
  for (const word of text.split(/[ \n]/)) max = Math.max(max, widthIn(known, word, font));
  longest.set(text, max);
  return max;
}

/** A column width (characters) that shows each of the texts on one line, within bounds. */
export function widthToFit(
  texts: Iterable<string>,
  font: FontSpec = {},
  min = 4,
  max = 50,
): number {
  let px = 0;
  for (const t of texts) px = Math.max(px, textWidthPx(t, font));
  return Math.min(max, Math.max(min, widthForTextPx(px)));
}
