/**
 * The subset of the Excel JavaScript API (office.js) the adapter uses, as plain interfaces.
 *
 * The real `Excel.RequestContext` satisfies these structurally (src/excel/run.ts passes one in, so
 * the compiler checks it), and so does the in-memory fake in test/fake-excel, which lets the adapter
 * run under jest and in a browser page without Excel.
 */

export interface XlLoadable {
  /** Queues loading of the named properties ("values,numberFormat" or "items/name,items/id"). */
  load(propertyNames: string): unknown;
}

export interface XlFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  underline: string;
}

export interface XlBorder {
  style: string;
}

export interface XlRangeFormat {
  font: XlFont;
  fill: { color: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  columnWidth: number;
  /** Row height in points (ExcelApi 1.2). */
  rowHeight: number;
  borders: {
    getItem(
      index:
        'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal',
    ): XlBorder;
  };
}

export interface XlHyperlink {
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface XlConditionalFormat {
  cellValue: {
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
    rule: { formula1: string; formula2?: string; operator: string };
  };
}

export interface XlRangeAreas extends XlLoadable {
  readonly isNullObject: boolean;
  /** Comma-separated list of areas, each with its sheet: "Лист1!A1:C1,Лист1!A5:A7". */
  readonly address: string;
}

export interface XlRange extends XlLoadable {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: string[][];
  hyperlink: XlHyperlink;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: { add(type: 'CellValue'): XlConditionalFormat; clearAll(): void };
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: 'All'): void;
  getMergedAreasOrNullObject(): XlRangeAreas;
}

/** A defined name; `visible` false hides it from Excel's name box and name manager. */
export interface XlNamedItem extends XlLoadable {
  readonly isNullObject: boolean;
  readonly name: string;
  /** What the name refers to, e.g. "='Свод'!$A$1" or a constant '="index"' (ExcelApi 1.7). */
  readonly formula: unknown;
  visible: boolean;
  delete(): void;
}

/** workbook.names (workbook scope) or worksheet.names (that sheet's scope, ExcelApi 1.4). */
export interface XlNamedItemCollection extends XlLoadable {
  readonly items: Array<{ readonly name: string; readonly formula: unknown }>;
  getItem(name: string): { delete(): void };
  getItemOrNullObject(name: string): XlNamedItem;
  add(name: string, reference: string, comment?: string): { visible: boolean };
}

export interface XlWorksheet extends XlLoadable {
  readonly isNullObject: boolean;
  readonly id: string;
  name: string;
  position: number;
  tabColor: string;
  /** "Visible", "Hidden" or "VeryHidden" (set: ExcelApi 1.2). */
  visibility: string;
  /** Names scoped to this sheet (ExcelApi 1.4): the marker of a generated sheet lives here. */
  readonly names: XlNamedItemCollection;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  delete(): void;
  activate(): void;
  /** A copy of the sheet, its names included (ExcelApi 1.10). */
  copy(
    positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End',
    relativeTo?: XlWorksheet,
  ): XlWorksheet;
  readonly freezePanes: {
    freezeAt(frozenRange: string): void;
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
    unfreeze(): void;
  };
  readonly autoFilter: { apply(range: string): void; remove(): void };
  readonly pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintTitleRows(printTitleRows: string): void;
  };
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlSetting extends XlLoadable {
  readonly isNullObject: boolean;
  readonly value: unknown;
  delete(): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  readonly settings: {
    add(key: string, value: unknown): unknown;
    getItemOrNullObject(key: string): XlSetting;
  };
  readonly application: XlLoadable & {
    calculationMode: string;
    suspendApiCalculationUntilNextSync(): void;
  };
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** Office.context.requirements, or the fake's. */
export interface ApiSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}
