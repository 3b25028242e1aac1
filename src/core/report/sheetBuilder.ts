/**
 * Builds one SheetPatch cell by cell, then emits it as one value block and one formula block
 * (the adapters batch big blocks well; thousands of tiny ones would cost a sync each in Excel).
 * Rows and columns are 0-based here, as in Grid.
 */
import { a1, areaA1, type Scalar } from '../grid';
import {
  emptySheetPatch,
  type CellStyle,
  type ConditionalFormat,
  type Hyperlink,
  type PrintSetup,
  type SheetPatch,
} from '../patch';
import { layoutSheet } from '../layout/sheetLayout';

export class SheetBuilder {
  private readonly values: Scalar[][] = [];
  private readonly formulas: Array<Array<string | null>> = [];
  private readonly cached: Scalar[][] = [];
  private readonly patch: SheetPatch;
  private maxCol = 0;
  /** The next free row, for code that writes top to bottom. */
  row = 0;

  constructor(name: string, key: string, order: number) {
    this.patch = emptySheetPatch(name, key, order);
  }

  get name(): string {
    return this.patch.name;
  }

  private touch(r: number, c: number): void {
    while (this.values.length <= r) {
      this.values.push([]);
      this.formulas.push([]);
      this.cached.push([]);
    }
    if (c + 1 > this.maxCol) this.maxCol = c + 1;
  }

  /** A value; strings are written as text, never as formulas. */
  set(r: number, c: number, v: Scalar): this {
    this.touch(r, c);
    this.values[r]![c] = v;
    return this;
  }

  /** A row of values from column c on. */
  setRow(r: number, c: number, vs: Scalar[]): this {
    vs.forEach((v, i) => this.set(r, c + i, v));
    return this;
  }

  /** An English A1 formula (with "=") and the engine's value of it. */
  formula(r: number, c: number, f: string, cached: Scalar): this {
    this.touch(r, c);
    this.formulas[r]![c] = f;
    this.cached[r]![c] = cached;
    return this;
  }

  format(top: number, left: number, bottom: number, right: number, style: CellStyle): this {
    this.patch.formats.push({ range: areaA1({ top, left, bottom, right }), style });
    return this;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    if (top !== bottom || left !== right)
      this.patch.merges.push(areaA1({ top, left, bottom, right }));
    return this;
  }

  link(r: number, c: number, sheet: string, text: string, target = 'A1', tooltip?: string): this {
    this.touch(r, c);
    const h: Hyperlink = { cell: a1(r, c), sheet, target, text };
    if (tooltip) h.tooltip = tooltip;
    this.patch.hyperlinks.push(h);
    return this;
  }

  conditional(cf: ConditionalFormat): this {
    this.patch.conditionalFormats.push(cf);
    return this;
  }

  widths(widths: number[]): this {
    this.patch.columnWidths = widths.map((width, c) => ({
      col: a1(0, c).replace(/\d+$/, ''),
      width,
    }));
    return this;
  }

  freeze(rows: number, cols: number): this {
    this.patch.freeze = { rows, cols };
    return this;
  }

  autoFilter(range: string): this {
    this.patch.autoFilter = range;
    return this;
  }

  print(setup: PrintSetup): this {
    this.patch.print = setup;
    return this;
  }

  tab(color: string): this {
    this.patch.tabColor = color;
    return this;
  }

  /** Width of what was written so far, in columns. */
  get width(): number {
    return this.maxCol;
  }

  /** The sheet, laid out for print (column widths, wrapping, row heights, page setup). */
  build(): SheetPatch {
    const rows = this.values.length;
    if (rows > 0) {
      // A plain loop: Array.from with a callback was a tenth of a 2 000-school report's build.
      const pad = <T>(grid: T[][], empty: T): T[][] =>
        grid.map((row) => {
          const out = new Array<T>(this.maxCol);
          for (let c = 0; c < this.maxCol; c++) out[c] = c in row ? (row[c] as T) : empty;
          return out;
        });
      this.patch.values = [{ at: 'A1', values: pad(this.values, null) }];
      if (this.formulas.some((row) => row.length > 0)) {
        this.patch.formulas = [
          { at: 'A1', formulas: pad(this.formulas, null), cached: pad(this.cached, null) },
        ];
      }
    }
    return layoutSheet(this.patch);
  }
}
