/**
 * exceljs writes sheet names into references by rules of its own, which Excel does not share:
 * - a defined name's range is re-serialised with the name bare when it is letters and digits only
 *   (`A1!$A$1`, `TRUE!$A$1`, `R1C1!$A$1`: Excel reads a cell or a boolean, not the sheet) and
 *   quoted without doubling an apostrophe;
 * - print titles and print areas are written as `'${sheet.name}'!$1:$1`, again without doubling:
 *   a sheet «Школа им. O'Neil» gave a workbook Excel repairs.
 * Both are routed here through the one sheet-name quoting function (core/sheetRef), like every
 * other reference the program writes.
 */
import { quoteSheet } from '../core/sheetRef';

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}
interface WorkbookModel {
  sheets?: Array<{ name: string } | undefined>;
  definedNames: DefinedNameModel[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Range = require('exceljs/lib/doc/range') as { prototype: object };

// exceljs keeps a quoted sheet name as it was read, inner apostrophes still doubled.
Object.defineProperty(Range.prototype, '_serialisedSheetName', {
  configurable: true,
  get(this: { model: { sheetName?: string } }): string {
    const { sheetName } = this.model;
    return sheetName ? `${quoteSheet(sheetName.replace(/''/g, "'"))}!` : '';
  },
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as {
  prototype: { prepare(model: WorkbookModel): void };
};

const SHEET_NAMES = new Set(['_xlnm.Print_Titles', '_xlnm.Print_Area']);
const prepare = WorkbookXform.prototype.prepare;

WorkbookXform.prototype.prepare = function prepareQuoted(model: WorkbookModel): void {
  prepare.call(this, model);
  // exceljs numbers localSheetId over the sheets that exist, in order (the list may have holes).
  const sheets = (model.sheets ?? []).filter((s): s is { name: string } => !!s);
  for (const d of model.definedNames) {
    const sheet = d.localSheetId === undefined ? undefined : sheets[d.localSheetId];
    if (!SHEET_NAMES.has(d.name) || !sheet) continue;
    const written = `'${sheet.name}'!`;
    d.ranges = d.ranges.map((r) =>
      r.startsWith(written) ? `${quoteSheet(sheet.name)}!${r.slice(written.length)}` : r,
    );
  }
};
