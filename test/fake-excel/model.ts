/**
 * The in-memory workbook behind the fake Excel API: sheets of cells with values, formulas, number
 * formats and styles, merges, names, settings, calculation mode. It keeps Excel's own rules where
 * the adapter could get them wrong: sheet names (31 characters, forbidden characters, unique
 * ignoring case), what writing a string through `values` does ("=…" becomes a formula, "1.1" a
 * number, unless the cell is formatted as text "@"), the last visible sheet cannot be deleted.
 *
 * Plain TypeScript without Node APIs, so a browser page can use it as well as jest.
 */
import type { Area, CellValue } from '../../src/core/grid';
import { columnLetter, isErrorValue, parseA1 } from '../../src/core/grid';
import type { XlHyperlink } from '../../src/excel/api';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

export interface FakeCell {
  value: string | number | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  style: Record<string, unknown>;
  hyperlink?: XlHyperlink;
}

/** A defined name: what it refers to ("='Свод'!$A$1" or a constant '="index"'). */
export interface FakeName {
  name: string;
  reference: string;
  comment?: string;
  /** Set (false) when hidden from Excel's name manager. */
  visible?: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  operator?: string;
  formula1?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export class FakeSheet {
  tabColor = '';
  visibility = 'Visible';
  readonly cells = new Map<number, Map<number, FakeCell>>();
  merges: Area[] = [];
  readonly columnWidths = new Map<number, number>();
  conditionalFormats: FakeConditionalFormat[] = [];
  freeze: { rows: number; cols: number } | null = null;
  autoFilter: string | null = null;
  /** Row heights in points (0-based row → height). */
  readonly rowHeights = new Map<number, number>();
  /** Names scoped to this sheet (worksheet.names): they go with the sheet, copies included. */
  names: FakeName[] = [];
  readonly pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: Record<string, number>;
    titleRows: string | null;
  } = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: {},
    titleRows: null,
  };

  private sheetName = '';
  /** Lower-cased name: Excel compares sheet names ignoring case, and lookups do it often. */
  nameKey = '';

  constructor(
    readonly id: string,
    name: string,
  ) {
    this.name = name;
  }

  get name(): string {
    return this.sheetName;
  }

  set name(v: string) {
    this.sheetName = v;
    this.nameKey = v.toLowerCase();
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(r)?.get(c);
  }

  ensure(r: number, c: number): FakeCell {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { value: null, numberFormat: 'General', style: {} }));
    return cell;
  }

  clear(area: Area): void {
    for (const [r, row] of this.cells)
      if (r >= area.top && r <= area.bottom)
        for (const c of [...row.keys()]) if (c >= area.left && c <= area.right) row.delete(c);
  }

  /** Every stored cell, for assertions: [row, column, cell]. */
  *entries(): Generator<[number, number, FakeCell]> {
    for (const [r, row] of this.cells) for (const [c, cell] of row) yield [r, c, cell];
  }

  /** The bounding box of cells holding a value or formula (or any stored cell when valuesOnly is false). */
  usedArea(valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [r, c, cell] of this.entries()) {
      if (
        valuesOnly &&
        cell.value === null &&
        cell.formula === undefined &&
        cell.error === undefined
      )
        continue;
      if (!area) area = { top: r, bottom: r, left: c, right: c };
      else {
        area.top = Math.min(area.top, r);
        area.bottom = Math.max(area.bottom, r);
        area.left = Math.min(area.left, c);
        area.right = Math.max(area.right, c);
      }
    }
    return area;
  }

  /** Test helper: the cell at an A1 address. */
  at(address: string): FakeCell | undefined {
    const { r, c } = parseA1(address);
    return this.cell(r, c);
  }

  /** Test helper: what the cell holds as a person sees it in the formula bar ("" when empty). */
  text(address: string): string {
    const cell = this.at(address);
    if (!cell) return '';
    if (cell.formula !== undefined) return `=${cell.formula}`;
    return cell.value === null ? '' : String(cell.value);
  }
}

const FORBIDDEN = /[\\/?*:[\]]/;

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  /** Workbook-scoped names (workbook.names). */
  readonly names: FakeName[] = [];
  /** Settings as stored JSON text, like the document's settings part. */
  readonly settings = new Map<string, string>();
  calculationMode = 'Automatic';
  activeSheetId: string | null = null;
  private nextId = 1;

  /** The ExcelApi version the simulated client supports. */
  constructor(readonly apiVersion = '1.17') {}

  requirements(): { isSetSupported(name: string, minVersion?: string): boolean } {
    return {
      isSetSupported: (name, minVersion) =>
        name === 'ExcelApi' && versionAtLeast(this.apiVersion, minVersion ?? '1.1'),
    };
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, version))
      throw new FakeOfficeError(
        'ApiNotFound',
        `${what} needs ExcelApi ${version}, the client has ${this.apiVersion}`,
      );
  }

  validateName(name: string, except?: FakeSheet): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      FORBIDDEN.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === 'history'
    )
      throw new FakeOfficeError('InvalidArgument', `Invalid sheet name: ${name}`);
    const key = name.toLowerCase();
    if (this.sheets.some((s) => s !== except && s.nameKey === key))
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists`);
  }

  addSheet(name: string): FakeSheet {
    this.validateName(name);
    const sheet = new FakeSheet(
      `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, '0')}}`,
      name,
    );
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  findSheet(key: string): FakeSheet | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || s.nameKey === lower);
  }

  sheet(key: string): FakeSheet {
    const s = this.findSheet(key);
    if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet ${key}`);
    return s;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet)
      throw new FakeOfficeError(
        'InvalidOperation',
        'A workbook must contain at least one visible worksheet',
      );
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  /**
   * worksheet.copy: Excel names the copy "<name> (2)" (or the next free number), places it where
   * asked and copies everything, the sheet's own names included.
   */
  copySheet(
    source: FakeSheet,
    position: 'None' | 'Before' | 'After' | 'Beginning' | 'End',
    relativeTo?: FakeSheet,
  ): FakeSheet {
    let n = 2;
    while (this.findSheet(`${source.name} (${n})`.slice(0, 31))) n++;
    const copy = this.addSheet(`${source.name.slice(0, 31 - ` (${n})`.length)} (${n})`);
    for (const [r, c, cell] of source.entries())
      Object.assign(copy.ensure(r, c), JSON.parse(JSON.stringify(cell)) as FakeCell);
    copy.merges = source.merges.map((m) => ({ ...m }));
    copy.conditionalFormats = source.conditionalFormats.map((f) => ({ ...f }));
    for (const [c, w] of source.columnWidths) copy.columnWidths.set(c, w);
    for (const [r, h] of source.rowHeights) copy.rowHeights.set(r, h);
    copy.freeze = source.freeze ? { ...source.freeze } : null;
    copy.autoFilter = source.autoFilter;
    copy.tabColor = source.tabColor;
    Object.assign(copy.pageLayout, JSON.parse(JSON.stringify(source.pageLayout)) as object);
    copy.names = source.names.map((x) => ({ ...x }));
    this.sheets.splice(this.sheets.indexOf(copy), 1);
    const anchor = relativeTo ?? source;
    const at =
      position === 'Beginning'
        ? 0
        : position === 'Before'
          ? this.sheets.indexOf(anchor)
          : position === 'After'
            ? this.sheets.indexOf(anchor) + 1
            : this.sheets.length;
    this.sheets.splice(at, 0, copy);
    return copy;
  }

  setting(key: string): unknown {
    const text = this.settings.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  /** Test helper: fills a sheet from values the way a person would have typed them. */
  fill(sheet: FakeSheet, values: CellValue[][], top = 0, left = 0): void {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = sheet.ensure(top + r, left + c);
        if (v instanceof Date) {
          cell.value = (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
          cell.numberFormat = 'dd.mm.yyyy';
        } else if (isErrorValue(v)) cell.error = v.error;
        else cell.value = v;
      }),
    );
  }
}

const NUMBER_TEXT = /^[-+]?\d+([.,]\d+)?%?$/;
const DATE_TEXT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** What Excel does with one element of a `values` (or `formulas`) array written to a cell. */
export function writeCell(cell: FakeCell, input: unknown, asFormula: boolean): void {
  if (input === null || input === undefined) return;
  delete cell.error;
  delete cell.formula;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s === '') {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  if ((asFormula && s.startsWith('=')) || /^[=+@]/.test(s) || /^-\D/.test(s)) {
    cell.formula = s.replace(/^[=+]/, '');
    cell.value = null;
    return;
  }
  // Excel's type coercion of typed-in text: numbers, percentages and dates stop being text.
  if (NUMBER_TEXT.test(s)) {
    const n = Number(s.replace(',', '.').replace('%', ''));
    cell.value = s.endsWith('%') ? n / 100 : n;
    return;
  }
  const d = DATE_TEXT.exec(s);
  if (d) {
    cell.value =
      (Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])) - EXCEL_EPOCH_MS) / 86_400_000;
    if (cell.numberFormat === 'General') cell.numberFormat = 'dd.mm.yyyy';
    return;
  }
  cell.value = s;
}

/** A1 address of an area, e.g. for RangeAreas.address. */
export function areaAddress(area: Area): string {
  const tl = `${columnLetter(area.left)}${area.top + 1}`;
  if (area.top === area.bottom && area.left === area.right) return tl;
  return `${tl}:${columnLetter(area.right)}${area.bottom + 1}`;
}

export function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
