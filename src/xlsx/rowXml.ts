/**
 * Rows of a streamed sheet written as XML directly. On the 100 000-row «Результаты» most of the
 * time went into exceljs's per-cell objects and its generic XML writer; this writes the same XML
 * (as exceljs's row-xform.js and cell-xform.js render it) with the workbook's own shared strings
 * and style table. Only for sheets without merged cells or links, which need exceljs's bookkeeping.
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

function isFormula(v: ExcelJS.CellValue): v is ExcelJS.CellValue & FormulaCell {
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

export class RowXmlWriter {
  private readonly sheet: StreamedSheetInternals;
  /** Shared formula numbers by the address of their first cell. */
  private readonly sharedIds = new Map<string, number>();
  /** Rows not yet handed to the sheet's stream: one write per ~64 KB, not one per row. */
  private pending = '';

  constructor(ws: ExcelJS.Worksheet) {
    this.sheet = ws as unknown as StreamedSheetInternals;
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
    const sheet = this.sheet;
    if (!sheet.startedData) {
      sheet._writeColumns();
      sheet._writeOpenSheetData();
      sheet.startedData = true;
    }
    let row = `<row r="${r}"`;
    if (height) row += ` ht="${height}" customHeight="1"`;
    if (min > 0) row += ` spans="${min}:${max}"`;
    this.pending += `${row} x14ac:dyDescent="0.25">${body}</row>`;
    if (this.pending.length > 65_536) this.flush();
  }

  /** Hands the rows written so far to the sheet's stream; call before committing the sheet. */
  flush(): void {
    if (this.pending) this.sheet.stream.write(this.pending);
    this.pending = '';
  }

  private cellXml(address: string, cell: RowCell): string {
    const { value } = cell;
    const formula = isFormula(value) ? value : null;
    const type = typeOf(formula ? formula.result : value);
    const styleId = this.sheet._workbook.styles.addStyleModel(cell.style, type);
    const open = `<c r="${address}"${styleId ? ` s="${styleId}"` : ''}`;
    if (formula) return `${open}${this.formulaXml(address, formula)}</c>`;
    if (value === null || value === undefined) return styleId ? `${open}/>` : '';
    if (typeof value === 'number') return `${open}><v>${value}</v></c>`;
    if (typeof value === 'string')
      return `${open} t="s"><v>${this.sheet._workbook.sharedStrings.add(value)}</v></c>`;
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
