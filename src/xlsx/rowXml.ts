/**
 * Rows of a sheet written as XML directly. On the 100 000-row «Результаты» most of the time went
 * into exceljs's per-cell objects and its generic XML writer; this writes the same XML (as
 * exceljs's row-xform.js and cell-xform.js render it) into one of two places:
 * - a sheet streamed by exceljs (forStreamedSheet), with that workbook's shared strings and style
 *   table; only for sheets without merged cells or links, which need exceljs's bookkeeping;
 * - a sheet part the zip-level updater assembles itself (src/xlsx/update/sheetPart.ts), with its
 *   own style table and inline strings; merges and links are written there around the rows.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../core/grid';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const utils = require('exceljs/lib/utils/utils') as {
  xmlEncode(text: string): string;
  dateToExcel(d: Date, date1904?: boolean): number;
};

/** exceljs's value types (doc/enums.js), which its style table takes to pick a default format. */
const TYPE = { Number: 2, String: 3, Date: 4, Boolean: 9 } as const;

/** What the streaming WorksheetWriter keeps to itself, and this writer needs. */
interface StreamedSheetInternals {
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(xml: string): void };
  _workbook: {
    sharedStrings: { add(text: string): number };
    styles: { addStyleModel(style: Partial<ExcelJS.Style>, type: number): number };
  };
}

/** Where the rows go: a style table, how text is stored, and the sheet's XML stream. */
export interface RowXmlTarget {
  /** Index of the cell format for an exceljs style (StylesXform.addStyleModel). */
  styleId(style: Partial<ExcelJS.Style>, type: number): number;
  /** What follows `<c r=".." s=".."` for a text cell: a shared string or an inline one. */
  textCell(text: string): string;
  /** Called once, before the first row. */
  begin(): void;
  write(xml: string): void;
}

/** A text cell with an inline string, as the zip-level updater writes text (no shared strings). */
export function inlineTextCell(text: string): string {
  const xml = utils.xmlEncode(text);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return ` t="inlineStr"><is><t${space}>${xml}</t></is></c>`;
}

/** A cell as the sheet writer hands it over. */
export interface RowCell {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

interface FormulaCell {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
  result?: unknown;
}

function typeOf(v: unknown): number {
  if (typeof v === 'string') return TYPE.String;
  if (typeof v === 'boolean') return TYPE.Boolean;
  if (v instanceof Date) return TYPE.Date;
  return TYPE.Number; // numbers, and nothing (exceljs treats both as numbers for the format)
}

function isLink(v: ExcelJS.CellValue): v is ExcelJS.CellHyperlinkValue {
  return typeof v === 'object' && v !== null && 'hyperlink' in v && 'text' in v;
}

function isFormula(v: ExcelJS.CellValue): v is ExcelJS.CellValue & FormulaCell {
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/** The target of a sheet streamed by exceljs: its workbook's shared strings and styles. */
function streamedSheetTarget(ws: ExcelJS.Worksheet): RowXmlTarget {
  const sheet = ws as unknown as StreamedSheetInternals;
  return {
    styleId: (style, type) => sheet._workbook.styles.addStyleModel(style, type),
    textCell: (text) => ` t="s"><v>${sheet._workbook.sharedStrings.add(text)}</v></c>`,
    begin: () => {
      if (sheet.startedData) return;
      sheet._writeColumns();
      sheet._writeOpenSheetData();
      sheet.startedData = true;
    },
    write: (xml) => sheet.stream.write(xml),
  };
}

export class RowXmlWriter {
  /** Shared formula numbers by the address of their first cell. */
  private readonly sharedIds = new Map<string, number>();
  /** Rows not yet handed to the sheet's stream: one write per ~64 KB, not one per row. */
  private pending = '';

  private started = false;

  constructor(private readonly target: RowXmlTarget) {}

  /** Rows into a sheet streamed by exceljs (its <sheetData> is opened on the first row). */
  static forStreamedSheet(ws: ExcelJS.Worksheet): RowXmlWriter {
    return new RowXmlWriter(streamedSheetTarget(ws));
  }

  /** Writes row `r`; `cells` is sparse, indexed by 1-based column. */
  write(r: number, cells: readonly RowCell[], height?: number): void {
    let body = '';
    let min = 0;
    let max = 0;
    let hasValues = false;
    cells.forEach((cell, col) => {
      const xml = this.cellXml(`${columnLetter(col - 1)}${r}`, cell);
      if (!xml) return;
      body += xml;
      if (!min) min = col;
      max = col;
      if (cell.value !== null && cell.value !== undefined) hasValues = true;
    });
    // exceljs leaves out a row with neither values nor a height; so does this writer
    if (!hasValues && height === undefined) return;
    if (!this.started) {
      this.target.begin();
      this.started = true;
    }
    let row = `<row r="${r}"`;
    if (height) row += ` ht="${height}" customHeight="1"`;
    if (min > 0) row += ` spans="${min}:${max}"`;
    this.pending += `${row} x14ac:dyDescent="0.25">${body}</row>`;
    if (this.pending.length > 65_536) this.flush();
  }

  /** Hands the rows written so far to the sheet's stream; call before committing the sheet. */
  flush(): void {
    if (this.pending) this.target.write(this.pending);
    this.pending = '';
  }

  private cellXml(address: string, cell: RowCell): string {
    // A link cell shows its text; the link itself is written beside the rows (sheetPart.ts).
    const value = isLink(cell.value) ? cell.value.text : cell.value;
    const formula = isFormula(value) ? value : null;
    const type = typeOf(formula ? formula.result : value);
    const styleId = this.target.styleId(cell.style, type);
    const open = `<c r="${address}"${styleId ? ` s="${styleId}"` : ''}`;
    if (formula) return `${open}${this.formulaXml(address, formula)}</c>`;
    if (value === null || value === undefined) return styleId ? `${open}/>` : '';
    if (typeof value === 'number') return `${open}><v>${value}</v></c>`;
    if (typeof value === 'string') return open + this.target.textCell(value);
    if (typeof value === 'boolean') return `${open} t="b"><v>${value ? 1 : 0}</v></c>`;
    if (value instanceof Date) return `${open}><v>${utils.dateToExcel(value)}</v></c>`;
    throw new Error(`RowXmlWriter: unexpected value in ${address}`);
  }

  /** The `t` attribute, the <f> element and the cached <v>, as exceljs renders a formula cell. */
  private formulaXml(address: string, f: FormulaCell): string {
    let attrs = '';
    let text = '';
    if (f.sharedFormula !== undefined)
      attrs = ` t="shared" si="${this.sharedIds.get(f.sharedFormula)}"`;
    else if (f.shareType === 'shared') {
      const si = this.sharedIds.size;
      this.sharedIds.set(address, si);
      attrs = ` t="shared" ref="${f.ref}" si="${si}"`;
    }
    if (f.formula !== undefined) text = utils.xmlEncode(f.formula);
    const fXml = text ? `<f${attrs}>${text}</f>` : `<f${attrs}/>`;
    const result = f.result;
    if (result === null || result === undefined) return `>${fXml}`;
    if (typeof result === 'string') return ` t="str">${fXml}<v>${utils.xmlEncode(result)}</v>`;
    if (typeof result === 'boolean') return ` t="b">${fXml}<v>${result ? 1 : 0}</v>`;
    if (result instanceof Date) return `>${fXml}<v>${utils.dateToExcel(result)}</v>`;
    return `>${fXml}<v>${String(result)}</v>`;
  }
}
