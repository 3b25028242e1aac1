/**
 * Our cell formats appended to the workbook's own styles.xml. The generated sheets' cells are
 * styled through exceljs's style table (StylesXform as a style manager, the one the streaming
 * writer uses), which renders each font, fill, border, number format and cell format as XML; each
 * new one is looked up in the user's styles.xml by its XML and appended when it is not there, and
 * the cell gets the index it has in the user's table. Everything the user's styles.xml holds keeps
 * its place and bytes; only the lists' `count` attributes change. Running an update again finds its
 * own formats from last time and adds nothing.
 */
import type ExcelJS from 'exceljs';
import { attr } from '../xmlScanner';
import {
  applySplices,
  escapeXml,
  findElement,
  findElements,
  setAttr,
  withPrefix,
  type Splice,
} from './xmlEdit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as new (init: boolean) => {
  addStyleModel(style: Partial<ExcelJS.Style>, type: number): number;
  addDxfStyle(style: Partial<ExcelJS.Style>): number;
  model: {
    numFmts: string[];
    fonts: string[];
    fills: string[];
    borders: string[];
    styles: string[];
  };
  index: { numFmt: Record<string, number> };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DxfXform = require('exceljs/lib/xlsx/xform/style/dxf-xform') as new () => {
  toXml(model: Partial<ExcelJS.Style>): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NumFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform') as {
  getDefaultFmtCode(id: number): string | undefined;
};

/** The lists of styles.xml in schema order (where a missing list is inserted). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const CHILD: Record<ListName, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

/** A styles.xml with the minimum a workbook without one needs (Calibri 11, the two fills). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** One list of the user's styles.xml: its items' XML (index = position) and what we append. */
class StyleList {
  private readonly index = new Map<string, number>();
  readonly appended: string[] = [];
  private size: number;

  constructor(items: string[]) {
    items.forEach((xml, i) => {
      if (!this.index.has(xml)) this.index.set(xml, i);
    });
    this.size = items.length;
  }

  /** The index of an item with exactly this XML, appending it when there is none. */
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.size++;
      this.index.set(xml, i);
      this.appended.push(xml);
    }
    return i;
  }

  get count(): number {
    return this.size;
  }
}

export class WorkbookStyles {
  /** exceljs's style table for our cells: local ids, mapped to the user's below. */
  private readonly local = new StylesXform(true);
  private readonly dxfXform = new DxfXform();
  private readonly xfMap: number[] = [];
  private readonly lists: Record<ListName, StyleList>;
  /** The user's number formats: code → id, and the ids in use. */
  private readonly formatIds = new Map<string, number>();
  private readonly usedFormatIds = new Set<number>();
  private nextFormatId = 164;
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    const root = findElement(xml, 'styleSheet');
    if (!root) throw new Error('styles.xml без styleSheet');
    this.prefix = root.prefix;
    const items = (list: ListName): string[] => {
      const e = findElement(xml, list);
      if (!e || e.selfClosing) return [];
      return findElements(xml, CHILD[list], e.openEnd, e.closeStart).map((c) =>
        xml.slice(c.start, c.end),
      );
    };
    this.lists = {
      numFmts: new StyleList(items('numFmts')),
      fonts: new StyleList(items('fonts')),
      fills: new StyleList(items('fills')),
      borders: new StyleList(items('borders')),
      cellXfs: new StyleList(items('cellXfs')),
      dxfs: new StyleList(items('dxfs')),
    };
    for (const nf of findElements(xml, 'numFmt')) {
      const id = Number(attr(nf.attrs, 'numFmtId'));
      const code = attr(nf.attrs, 'formatCode');
      if (!Number.isInteger(id)) continue;
      this.usedFormatIds.add(id);
      if (code !== undefined && !this.formatIds.has(code)) this.formatIds.set(code, id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
  }

  /** The user's cellXfs index for a cell styled `style` (exceljs value type `type`). */
  styleId(style: Partial<ExcelJS.Style>, type: number): number {
    const local = this.local.addStyleModel(style, type);
    let id = this.xfMap[local];
    if (id === undefined) id = this.xfMap[local] = this.mergeXf(this.local.model.styles[local]!);
    return id;
  }

  /** The user's dxfs index for a conditional format's style. */
  dxfId(style: Partial<ExcelJS.Style>): number {
    return this.lists.dxfs.add(this.ours(this.dxfXform.toXml(style)));
  }

  /** The user's styles.xml with our formats appended. */
  toXml(): string {
    const xml = this.xml;
    const splices: Splice[] = [];
    for (const name of Object.keys(this.lists) as ListName[]) {
      const list = this.lists[name];
      if (!list.appended.length) continue;
      const added = list.appended.join('');
      const e = findElement(xml, name);
      const p = this.prefix ? `${this.prefix}:` : '';
      if (e && !e.selfClosing) {
        const open = `<${p}${name}${setAttr(e.attrs, 'count', String(list.count))}>`;
        splices.push({ start: e.start, end: e.openEnd, text: open });
        splices.push({ start: e.closeStart, end: e.closeStart, text: added });
      } else if (e) {
        const attrs = setAttr(e.attrs, 'count', String(list.count));
        splices.push({
          start: e.start,
          end: e.end,
          text: `<${p}${name}${attrs}>${added}</${p}${name}>`,
        });
      } else {
        const at = this.insertionPoint(name);
        splices.push({
          start: at,
          end: at,
          text: `<${p}${name} count="${list.count}">${added}</${p}${name}>`,
        });
      }
    }
    return applySplices(xml, splices);
  }

  /** Where a missing list goes: before the first list that follows it in the schema. */
  private insertionPoint(name: ListName): number {
    for (const next of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const e = findElement(this.xml, next);
      if (e) return e.start;
    }
    return findElement(this.xml, 'styleSheet')!.closeStart;
  }

  private ours(fragment: string): string {
    return withPrefix(fragment, this.prefix);
  }

  /**
   * One of our cell formats (exceljs's <xf>) → its index in the user's cellXfs. exceljs's first
   * font, fills and border are the defaults of a workbook, so they stand for the user's own
   * defaults (an unstyled cell of ours looks like the user's unstyled cells), and its first cell
   * format is the user's first.
   */
  private mergeXf(xf: string): number {
    if (xf === this.local.model.styles[0]) return 0;
    const model = this.local.model;
    const start = xf.slice(0, xf.indexOf('>'));
    const id = (name: string) => Number(attr(start, name) ?? 0);
    const part = (list: StyleList, xmls: string[], i: number, defaults: number) =>
      i < defaults ? i : list.add(this.ours(xmls[i]!));
    const numFmt = this.formatId(id('numFmtId'));
    const font = part(this.lists.fonts, model.fonts, id('fontId'), 1);
    const fill = part(this.lists.fills, model.fills, id('fillId'), 2);
    const border = part(this.lists.borders, model.borders, id('borderId'), 1);
    const mapped = xf
      .replace(/\snumFmtId="\d+"/, ` numFmtId="${numFmt}"`)
      .replace(/\sfontId="\d+"/, ` fontId="${font}"`)
      .replace(/\sfillId="\d+"/, ` fillId="${fill}"`)
      .replace(/\sborderId="\d+"/, ` borderId="${border}"`);
    return this.lists.cellXfs.add(this.ours(mapped));
  }

  /** Our number format id (built-in, or exceljs's custom one) → the user's id for that code. */
  private formatId(localId: number): number {
    if (localId === 0) return 0; // General
    const code =
      localId < 164
        ? NumFmtXform.getDefaultFmtCode(localId)
        : Object.entries(this.local.index.numFmt).find(([, id]) => id === localId)?.[0];
    if (code === undefined) return localId;
    const existing = this.formatIds.get(code);
    if (existing !== undefined) return existing;
    // A built-in format keeps its id unless the workbook gave that id a code of its own.
    if (localId < 164 && !this.usedFormatIds.has(localId)) return localId;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.usedFormatIds.add(id);
    this.lists.numFmts.add(this.ours(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`));
    return id;
  }
}
