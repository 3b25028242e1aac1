/**
 * The lean .xlsx reader: the parts of a workbook the product reads, one sheet at a time.
 *
 *   const book = await XlsxBook.open(bytes, 'План.xlsx', limits);
 *   book.sheets;                         // [{ name, state, part }] in tab order (worksheets only)
 *   book.definedNames;                   // [{ name, formula, sheet?, hidden }]
 *   const grid = await book.readSheet(book.sheets[0]);
 *
 * Opening reads the zip directory (with the size limits), the workbook, its relationships, the
 * number formats of the styles and the shared strings; each sheet is read when asked for, as a
 * stream, so memory is the shared strings plus one sheet's Grid.
 */
import type { Grid } from '../core/grid';
import type { InputLimits } from './limits';
import { SheetReader, unescapeOoxml, type CellStyle } from './sheetXml';
import { attr, decodeXml, XmlScanner } from './xmlScanner';
import { ZipPackage } from './zipPackage';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** The worksheet's part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface DefinedName {
  name: string;
  /** The formula text (a reference, a constant…), without "=". */
  formula: string;
  /** The sheet a local name belongs to; undefined for a workbook-wide name. */
  sheet?: string;
  hidden: boolean;
}

/** Built-in number formats (ECMA-376 §18.8.30) as exceljs names them, so both readers agree. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A format shows a date or time when it has date letters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** A part's relationships: id → { type (last path segment), target part name }. */
function readRels(pkg: ZipPackage, source: string): Map<string, { type: string; target: string }> {
  const slash = source.lastIndexOf('/');
  const dir = source.slice(0, slash + 1);
  const relsPart = `${dir}_rels/${source.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  if (!pkg.has(relsPart)) return out;
  scanAll(pkg.readText(relsPart), (name, attrs) => {
    if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    const type = attr(attrs, 'Type') ?? '';
    if (id && target)
      out.set(id, {
        type: type.slice(type.lastIndexOf('/') + 1),
        target: resolvePart(dir, target),
      });
  });
  return out;
}

/** A relationship target → part name: "/xl/a.xml" is absolute, "../b.xml" relative to `dir`. */
function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Runs the tokenizer over a whole small part with just an open-tag and text callback. */
function scanAll(
  xml: string,
  open: (name: string, attrs: string) => void,
  handlers: { text?: (raw: string, cdata: boolean) => void; close?: (name: string) => void } = {},
): void {
  const scanner = new XmlScanner({
    open,
    text: handlers.text ?? (() => undefined),
    close: handlers.close ?? (() => undefined),
  });
  scanner.write(xml);
  scanner.end();
}

export class XlsxBook {
  private constructor(
    readonly pkg: ZipPackage,
    readonly sheets: SheetEntry[],
    readonly definedNames: DefinedName[],
    readonly date1904: boolean,
    private readonly styles: CellStyle[],
    private readonly sharedStrings: string[],
  ) {}

  /** Opens the package and reads everything but the sheets; throws PackageError or XmlError. */
  static async open(data: Buffer, file: string, limits?: InputLimits): Promise<XlsxBook> {
    const pkg = ZipPackage.open(data, file, limits);
    const root = readRels(pkg, '');
    const main =
      [...root.values()].find(
        (r) => OFFICE_DOCUMENT.test(`/${r.type}`) && r.type === 'officeDocument',
      )?.target ?? 'xl/workbook.xml';
    const rels = readRels(pkg, main);
    const { sheets, names, date1904 } = readWorkbookPart(pkg.readText(main), rels);
    const byType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target;
    const stylesPart = byType('styles');
    const stringsPart = byType('sharedStrings');
    const styles = stylesPart && pkg.has(stylesPart) ? readStyles(pkg.readText(stylesPart)) : [];
    const strings =
      stringsPart && pkg.has(stringsPart) ? await readSharedStrings(pkg, stringsPart) : [];
    return new XlsxBook(pkg, sheets, names, date1904, styles, strings);
  }

  /** One worksheet as a Grid, streamed from its part; `onRows` hears the rows read so far. */
  async readSheet(sheet: SheetEntry, onRows?: (rows: number) => void): Promise<Grid> {
    const reader = new SheetReader(sheet.name, {
      sharedStrings: this.sharedStrings,
      styles: this.styles,
      date1904: this.date1904,
    });
    for await (const chunk of this.pkg.textChunks(sheet.part)) {
      reader.write(chunk);
      onRows?.(reader.rowsSeen);
    }
    return reader.grid();
  }
}

function readWorkbookPart(
  xml: string,
  rels: Map<string, { type: string; target: string }>,
): { sheets: SheetEntry[]; names: DefinedName[]; date1904: boolean } {
  const all: Array<SheetEntry & { kind: string }> = [];
  const names: Array<Omit<DefinedName, 'sheet'> & { local?: number }> = [];
  let date1904 = false;
  let name: (typeof names)[number] | null = null;
  scanAll(
    xml,
    (tag, attrs) => {
      if (tag === 'sheet') {
        const rel = rels.get(attr(attrs, 'r:id') ?? attr(attrs, 'id') ?? '');
        const state = attr(attrs, 'state');
        all.push({
          name: attr(attrs, 'name') ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          part: rel?.target ?? '',
          kind: rel?.type ?? '',
        });
      } else if (tag === 'workbookPr') {
        const v = attr(attrs, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (tag === 'definedName') {
        const local = attr(attrs, 'localSheetId');
        const hidden = attr(attrs, 'hidden');
        name = {
          name: attr(attrs, 'name') ?? '',
          formula: '',
          hidden: hidden === '1' || hidden === 'true',
        };
        if (local !== undefined) name.local = Number(local);
        names.push(name);
      }
    },
    {
      text: (raw, cdata) => {
        if (name) name.formula += cdata ? raw : decodeXml(raw);
      },
      close: (tag) => {
        if (tag === 'definedName') name = null;
      },
    },
  );
  return {
    // Chart sheets and dialog sheets hold no cells.
    sheets: all.filter((s) => s.kind === 'worksheet').map(({ kind: _kind, ...s }) => s),
    names: names.map(({ local, ...n }) =>
      local !== undefined && all[local] ? { ...n, sheet: all[local]!.name } : n,
    ),
    date1904,
  };
}

/** cellXfs → each style's number format (custom formats first, then the built-in table). */
function readStyles(xml: string): CellStyle[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let section = '';
  scanAll(
    xml,
    (tag, attrs) => {
      if (tag === 'numFmts' || tag === 'cellXfs' || tag === 'cellStyleXfs' || tag === 'dxfs')
        section = tag;
      else if (tag === 'numFmt' && section === 'numFmts') {
        const id = Number(attr(attrs, 'numFmtId'));
        const code = attr(attrs, 'formatCode');
        // "dd\.mm\.yyyy" (LibreOffice) means "dd.mm.yyyy": backslash escapes dropped, as exceljs does.
        if (code !== undefined) custom.set(id, code.replace(/\\(.)/g, '$1'));
      } else if (tag === 'xf' && section === 'cellXfs')
        xfs.push(Number(attr(attrs, 'numFmtId') ?? 0));
    },
    {
      close: (tag) => {
        if (tag === section) section = '';
      },
    },
  );
  return xfs.map((id) => {
    const fmt = id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
    return { fmt, date: isDateFormat(fmt) };
  });
}

/** The shared string table, rich text runs joined, phonetic readings left out. */
async function readSharedStrings(pkg: ZipPackage, part: string): Promise<string[]> {
  const out: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  const scanner = new XmlScanner({
    open(tag) {
      if (tag === 'si') current = '';
      else if (tag === 't') inText = phonetic === 0;
      else if (tag === 'rPh') phonetic++;
    },
    text(raw, cdata) {
      if (inText) current += cdata ? raw : decodeXml(raw);
    },
    close(tag) {
      if (tag === 't') inText = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'si') out.push(unescapeOoxml(current));
    },
  });
  for await (const chunk of pkg.textChunks(part)) scanner.write(chunk);
  scanner.end();
  return out;
}
