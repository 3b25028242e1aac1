/**
 * One worksheet's XML → Grid, as a stream of tokens: cell values with their types (shared and
 * inline strings, rich text runs flattened, numbers, booleans, errors, formulas with their cached
 * results, ISO dates), numbers in date formats turned into dates, shared formulas slid to each
 * cell, merged areas with the cells they cover emptied. Memory is the Grid plus one chunk.
 */
import { parseArea, type Area, type Cell, type CellValue, type Grid } from '../core/grid';
import { mergedAway } from './cellValue';
import { slideFormula } from './sharedFormula';
import { attr, decodeXml, XmlScanner, type XmlHandler } from './xmlScanner';

/** What a cell's style tells the reader: its number format and whether that shows a date. */
export interface CellStyle {
  fmt: string | undefined;
  date: boolean;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** An Excel serial day number → Date, as exceljs converts it (so both readers agree). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** `_x000D_` and the like: characters OOXML strings escape (a CR, a control character). */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
}

/** "B12" → [11, 1]; null when the text is not a cell address. */
function cellRef(ref: string): [number, number] | null {
  let i = 0;
  let c = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const r = Number(ref.slice(i));
  return Number.isInteger(r) && r > 0 ? [r - 1, c - 1] : null;
}

/** Collects one sheet; feed it chunks of the sheet XML, then take `grid()`. */
export class SheetReader implements XmlHandler {
  private readonly rows: Grid['rows'] = [];
  private readonly mergeRefs = new Set<string>();
  private readonly scanner = new XmlScanner(this);
  /** Shared formulas by `si`: the master's text and position. */
  private readonly shared = new Map<string, { f: string; r: number; c: number }>();

  /** Rows met so far (progress). */
  rowsSeen = 0;
  private row = -1;
  private col = -1;
  private type: string | undefined;
  private style = 0;
  private value = '';
  private hasValue = false;
  private formula = '';
  private hasFormula = false;
  private sharedId: string | undefined;
  private sharedMaster = false;
  /** Where text goes: 'v', 'f', 't' (string text), or '' (nowhere). */
  private into: '' | 'v' | 'f' | 't' = '';
  /** Inside <rPh> (phonetic reading): its text is not the cell's. */
  private phonetic = 0;

  constructor(
    private readonly sheet: string,
    private readonly ctx: SheetContext,
  ) {}

  write(chunk: string): void {
    this.scanner.write(chunk);
  }

  grid(): Grid {
    this.scanner.end();
    const merges: Area[] = [...this.mergeRefs].map(parseArea);
    for (const key of mergedAway(merges)) {
      const comma = key.indexOf(',');
      const r = Number(key.slice(0, comma));
      const c = Number(key.slice(comma + 1));
      const cells = this.rows[r];
      if (cells?.[c]) cells[c] = undefined;
    }
    return { sheet: this.sheet, rows: this.rows, merges };
  }

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case 'c': {
        const ref = attr(attrs, 'r');
        const at = ref ? cellRef(ref) : null;
        if (at) [this.row, this.col] = at;
        else this.col++;
        this.type = attr(attrs, 't');
        const s = attr(attrs, 's');
        this.style = s ? Number(s) : 0;
        this.value = '';
        this.hasValue = false;
        this.formula = '';
        this.hasFormula = false;
        this.sharedId = undefined;
        this.sharedMaster = false;
        if (selfClosing) this.cell();
        return;
      }
      case 'v':
        this.into = 'v';
        this.hasValue = true;
        return;
      case 't':
        if (!this.phonetic) {
          this.into = 't';
          this.hasValue = true;
        }
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'f':
        this.into = 'f';
        if (attr(attrs, 't') === 'shared') {
          this.hasFormula = true;
          this.sharedId = attr(attrs, 'si');
          this.sharedMaster = attr(attrs, 'ref') !== undefined;
        }
        return;
      case 'row': {
        const r = attr(attrs, 'r');
        this.row = r ? Number(r) - 1 : this.row + 1;
        this.rowsSeen++;
        this.col = -1;
        return;
      }
      case 'mergeCell': {
        const ref = attr(attrs, 'ref');
        if (ref) this.mergeRefs.add(ref);
        return;
      }
      default:
    }
  }

  text(raw: string, cdata: boolean): void {
    if (!this.into) return;
    const text = cdata ? raw : decodeXml(raw);
    if (this.into === 'f') this.formula += text;
    else this.value += text;
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        this.cell();
        return;
      case 'v':
      case 't':
      case 'f':
        this.into = '';
        return;
      case 'rPh':
        this.phonetic--;
        return;
      default:
    }
  }

  private cell(): void {
    const formula = this.cellFormula();
    if (!this.hasValue && formula === undefined) return;
    const style = this.ctx.styles[this.style];
    let v: CellValue = null;
    if (this.hasValue) v = this.cellValue(style, formula !== undefined);
    if (v === null && formula === undefined) return;
    const out: Cell = { v };
    if (formula) out.f = formula;
    if (style?.fmt && style.fmt !== 'General') out.fmt = style.fmt;
    (this.rows[this.row] ??= [])[this.col] = out;
  }

  private cellFormula(): string | undefined {
    if (this.sharedId !== undefined) {
      if (this.sharedMaster || (this.formula && !this.shared.has(this.sharedId))) {
        this.shared.set(this.sharedId, { f: this.formula, r: this.row, c: this.col });
        return this.formula || undefined;
      }
      const master = this.shared.get(this.sharedId);
      if (master) return slideFormula(master.f, this.row - master.r, this.col - master.c);
      return this.formula || undefined;
    }
    if (this.formula) this.hasFormula = true;
    return this.hasFormula ? this.formula : undefined;
  }

  private cellValue(style: CellStyle | undefined, isFormula: boolean): CellValue {
    const raw = this.value;
    if (isFormula && raw === '') return null;
    switch (this.type) {
      case 's': {
        const s = this.ctx.sharedStrings[parseInt(raw, 10)];
        return s === undefined ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return unescapeOoxml(raw);
      case 'b':
        return parseInt(raw, 10) !== 0;
      case 'e':
        return { error: raw };
      case 'd': {
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        const n = parseFloat(raw);
        if (Number.isNaN(n)) return null;
        return style?.date ? serialToDate(n, this.ctx.date1904) : n;
      }
    }
  }
}
