/** The deadline tokenizer: a normalised text → days, months, years, quarters, halves, dashes. */
import { parseRoman } from '../../text';
import { MONTH_WORD, fullYear, monthFromWord } from '../months';

export interface Token {
  /** D day (d.m[.y] or "1 сентября"), M month, Y year, S school year, Q quarter, H half, - dash, ; separator. */
  t: 'D' | 'M' | 'Y' | 'S' | 'Q' | 'H' | '-' | ';';
  d: number;
  m: number;
  y: number | null;
  /** Last year of a school year. */
  y2: number;
}

const TOKEN = new RegExp(
  [
    // 1-4: "2022/2023", "2022-2023 учебный год", "2023-24 уч. г." (year-range when neither "/" nor "уч")
    `(\\d{4})\\s*([/-])\\s*(\\d{4}|\\d{2})(?!\\d)(\\s*уч[а-я]*\\.?(?:\\s*г(?:од[а-я]*|г)?\\.?(?![а-я]))?)?`,
    // 5-7: "01.02.2023", "01.02", "01.03.", "1.2.23"
    `(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2})(?!\\d))?\\.?`,
    // 8-10: "1 сентября 2023", "15 мая"
    `(\\d{1,2}) ?(${MONTH_WORD})\\.?(?![а-я])(?: ?(\\d{4})(?!\\d))?`,
    // 11: "1 квартал", "IV кв.", "І квартале", "1-й квартал", "первый квартал"
    `(\\d|[ivxі]{1,4}|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[а-я]*)(?:-?[а-я]{1,3})? ?кв(?:артал[а-я]*|\\.)?(?![а-я])`,
    // 12: "1 полугодие", "II полугодие", "второе полугодие"
    `(\\d|[iі]{1,2}|перв[а-я]*|втор[а-я]*)(?:-?[а-я]{1,3})? ?полугоди[а-я]*`,
    // 13: a year
    `(\\d{4})(?!\\d)`,
    // 14: a month word
    `(${MONTH_WORD})\\.?(?![а-я])`,
    // 15-16: dash, list separator
    `(-)`,
    `([;,]|и(?![а-я]))`,
    // 17: the day alone before a range ending in a month word: "1-15 сентября", "с 1 по 15 мая"
    `(\\d{1,2})(?=-\\d{1,2} ?(?:${MONTH_WORD}))`,
  ].join('|'),
  'y',
);

/** "первый", "второе", "третьем", "четвертого" by their first three letters. */
const ORDINALS: Record<string, number> = { пер: 1, вто: 2, тре: 3, чет: 4 };

function ordinal(s: string): number | null {
  if (/^\d$/.test(s)) return Number(s);
  const o = ORDINALS[s.slice(0, 3)];
  if (o !== undefined) return o;
  return parseRoman(s)?.value ?? null;
}

function tok(t: Token['t'], d = 0, m = 0, y: number | null = null, y2 = 0): Token {
  return { t, d, m, y, y2 };
}

export function tokenise(n: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < n.length) {
    if (n.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const g = TOKEN.exec(n);
    if (!g) return null;
    i = TOKEN.lastIndex;
    if (g[1] !== undefined) {
      const y1 = Number(g[1]);
      let y2 = Number(g[3]);
      if (g[3]!.length === 2) y2 += Math.floor(y1 / 100) * 100;
      if (g[2] === '/' || g[4] !== undefined) out.push(tok('S', 0, 0, y1, y2));
      else out.push(tok('Y', 0, 0, y1), tok('-'), tok('Y', 0, 0, y2));
    } else if (g[5] !== undefined) {
      out.push(tok('D', Number(g[5]), Number(g[6]), g[7] === undefined ? null : fullYear(g[7])));
    } else if (g[8] !== undefined) {
      out.push(
        tok(
          'D',
          Number(g[8]),
          monthFromWord(g[9]!) ?? 0,
          g[10] === undefined ? null : Number(g[10]),
        ),
      );
    } else if (g[11] !== undefined) {
      const q = ordinal(g[11]);
      if (q === null || q < 1 || q > 4) return null;
      out.push(tok('Q', 0, q));
    } else if (g[12] !== undefined) {
      const h = ordinal(g[12]);
      if (h === null || h < 1 || h > 2) return null;
      out.push(tok('H', 0, h));
    } else if (g[13] !== undefined) out.push(tok('Y', 0, 0, Number(g[13])));
    else if (g[14] !== undefined) out.push(tok('M', 0, monthFromWord(g[14]) ?? 0));
    else if (g[15] !== undefined) out.push(tok('-'));
    else if (g[16] !== undefined) out.push(tok(';'));
    else out.push(tok('D', Number(g[17]), 0));
  }
  return out;
}
