/**
 * What a SheetPatch puts in each cell, as the layout needs it: the text a person sees (numbers in
 * their number format), the style that applies (the last format touching the cell wins, as in
 * the writers), and whether a cell holds anything at all (text overflows only into empty cells).
 */
import { a1, parseA1, parseArea, type Area, type Scalar } from '../grid';
import { formulaBlockRows, type CellStyle, type SheetPatch } from '../patch';

export interface CellLook {
  wrap: boolean;
  bold: boolean;
  size: number | undefined;
  numFmt: string | undefined;
  hAlign: CellStyle['hAlign'];
}

/** Formats bucketed by rows, so looking up one cell's style reads a handful of blocks. */
export class StyleIndex {
  private static readonly ROWS = 64;
  private readonly buckets = new Map<number, Array<{ area: Area; style: CellStyle }>>();

  constructor(formats: SheetPatch['formats']) {
    for (const f of formats) {
      const { wrap, bold, fontSize, numFmt, hAlign } = f.style;
      if ([wrap, bold, fontSize, numFmt, hAlign].every((x) => x === undefined)) continue;
      const area = parseArea(f.range);
      const from = Math.floor(area.top / StyleIndex.ROWS);
      const to = Math.floor(area.bottom / StyleIndex.ROWS);
      for (let b = from; b <= to; b++) {
        let list = this.buckets.get(b);
        if (!list) this.buckets.set(b, (list = []));
        list.push({ area, style: f.style });
      }
    }
  }

  private readonly look: CellLook = {
    wrap: false,
    bold: false,
    size: undefined,
    numFmt: undefined,
    hAlign: undefined,
  };

  /** The style at (r, c). The object is reused by the next call: copy what you keep. */
  at(r: number, c: number): Readonly<CellLook> {
    const look = this.look;
    look.wrap = false;
    look.bold = false;
    look.size = undefined;
    look.numFmt = undefined;
    look.hAlign = undefined;
    for (const { area, style } of this.buckets.get(Math.floor(r / StyleIndex.ROWS)) ?? []) {
      if (r < area.top || r > area.bottom || c < area.left || c > area.right) continue;
      if (style.wrap !== undefined) look.wrap = style.wrap;
      if (style.bold !== undefined) look.bold = style.bold;
      if (style.fontSize !== undefined) look.size = style.fontSize;
      if (style.numFmt !== undefined) look.numFmt = style.numFmt;
      if (style.hAlign !== undefined) look.hAlign = style.hAlign;
    }
    return look;
  }
}

type NumberShown = (v: number) => string;
const formatters = new Map<string, NumberShown>();

/** How a number format shows a number (close enough to measure its width), made once per format. */
function formatterFor(numFmt: string | undefined): NumberShown {
  const fmt = numFmt ?? 'General';
  let f = formatters.get(fmt);
  if (f) return f;
  const decimals = (fmt.split('.')[1] ?? '').replace(/[^0#].*$/, '').length;
  if (/[dmy]{2}/i.test(fmt) && !/0/.test(fmt)) f = () => '00.00.0000';
  else if (fmt.includes('%')) f = (v) => `${(v * 100).toFixed(decimals)}%`;
  else if (/[0#]/.test(fmt)) f = (v) => v.toFixed(decimals);
  else f = (v) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10))));
  formatters.set(fmt, f);
  return f;
}

/** What a value shows in a cell; '' for nothing. Booleans in the longer of the Russian words. */
export function displayText(v: Scalar, numFmt: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatterFor(numFmt)(v);
  if (typeof v === 'boolean') return v ? 'ИСТИНА' : 'ЛОЖЬ';
  return '00.00.0000';
}

/** Every non-empty cell the patch writes (values, cached formula results, link texts). */
export function forEachCell(
  sheet: SheetPatch,
  visit: (r: number, c: number, value: Exclude<Scalar, null>) => void,
): void {
  for (const block of sheet.values) {
    const o = parseA1(block.at);
    for (let i = 0; i < block.values.length; i++) {
      const row = block.values[i]!;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v !== null && v !== undefined && v !== '') visit(o.r + i, o.c + j, v);
      }
    }
  }
  for (const block of sheet.formulas) {
    const o = parseA1(block.at);
    const rows = formulaBlockRows(block);
    for (let i = 0; i < rows; i++) {
      const cached = block.cached[i] ?? [];
      for (let j = 0; j < cached.length; j++) {
        const v = cached[j];
        if (v !== null && v !== undefined && v !== '') visit(o.r + i, o.c + j, v);
      }
    }
  }
  for (const h of sheet.hyperlinks) {
    const { r, c } = parseA1(h.cell);
    if (h.text) visit(r, c, h.text);
  }
}

/** Whether a cell holds anything (a value, a formula even with an empty result, a link). */
export function occupancy(sheet: SheetPatch): (r: number, c: number) => boolean {
  const links = new Set(sheet.hyperlinks.map((h) => h.cell.toUpperCase()));
  const values = sheet.values.map((b) => ({ o: parseA1(b.at), rows: b.values }));
  const formulas = sheet.formulas.map((b) => ({
    o: parseA1(b.at),
    block: b,
    rows: formulaBlockRows(b),
  }));
  return (r, c) => {
    for (const { o, rows } of values) {
      const v = rows[r - o.r]?.[c - o.c];
      if (v !== null && v !== undefined && v !== '') return true;
    }
    for (const { o, block, rows } of formulas) {
      if (r < o.r || r >= o.r + rows) continue;
      const f = block.fillDown ? block.formulas[0]?.[c - o.c] : block.formulas[r - o.r]?.[c - o.c];
      if (f !== null && f !== undefined) return true;
    }
    return links.size > 0 && links.has(a1(r, c));
  };
}

/** Number of columns the patch writes into: its blocks, links and merges (formats do not count). */
export function usedColumns(sheet: SheetPatch): number {
  let n = 0;
  const widest = (at: string, rows: ReadonlyArray<readonly unknown[]>) => {
    const c = parseA1(at).c;
    for (const row of rows) if (c + row.length > n) n = c + row.length;
  };
  for (const b of sheet.values) widest(b.at, b.values);
  for (const b of sheet.formulas) widest(b.at, b.fillDown ? b.formulas.slice(0, 1) : b.formulas);
  for (const h of sheet.hyperlinks) n = Math.max(n, parseA1(h.cell).c + 1);
  for (const m of sheet.merges) n = Math.max(n, parseArea(m).right + 1);
  return n;
}
