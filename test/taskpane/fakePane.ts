/**
 * What the task pane needs of the fake Excel beyond the adapter's subset: Range.select() (the
 * selection is recorded per workbook model; like Excel, only a range of the active sheet can be
 * selected) and Worksheet.copy() (ExcelApi 1.10, the copy is named "<name> (2)" as Excel does).
 * Installed onto the fake's proxies; plain TypeScript, so the e2e page bundles it too.
 */
import type { Area } from '../../src/core/grid';
import { FakeExcelContext, FakeWorksheet } from '../fake-excel/context';
import { installFakeCharts } from '../fake-excel/chart';
import {
  FakeOfficeError,
  FakeWorkbookModel,
  areaAddress,
  type FakeSheet,
} from '../fake-excel/model';

export interface FakeSelection {
  sheet: string;
  address: string;
}

const SELECTION = new WeakMap<FakeWorkbookModel, FakeSelection>();

export function selectionOf(model: FakeWorkbookModel): FakeSelection | null {
  return SELECTION.get(model) ?? null;
}

interface WorksheetInternals {
  ctx: FakeExcelContext;
  path: string;
  sheet(): FakeSheet;
}

interface RangeInternals {
  ctx: FakeExcelContext;
  path: string;
  sheet: () => FakeSheet;
  area: { get(what: string): Area | null };
}

function copySheet(model: FakeWorkbookModel, source: FakeSheet): FakeSheet {
  let n = 2;
  while (model.findSheet(`${source.name} (${n})`)) n++;
  const copy = model.addSheet(`${source.name} (${n})`.slice(0, 31));
  for (const [r, c, cell] of source.entries()) {
    const target = copy.ensure(r, c);
    Object.assign(target, JSON.parse(JSON.stringify(cell)) as typeof cell);
  }
  copy.merges = source.merges.map((m) => ({ ...m }));
  copy.conditionalFormats = source.conditionalFormats.map((f) => ({ ...f }));
  for (const [c, w] of source.columnWidths) copy.columnWidths.set(c, w);
  copy.freeze = source.freeze ? { ...source.freeze } : null;
  return copy;
}

let installed = false;

/** Adds select() and copy() to the fake's proxies, and charts (idempotent). */
export function installFakePaneApi(): void {
  installFakeCharts();
  if (installed) return;
  installed = true;
  const probe = new FakeExcelContext(new FakeWorkbookModel()).workbook.worksheets
    .getItem('probe')
    .getRange('A1');
  const rangeProto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  rangeProto.select = function select(this: RangeInternals): void {
    this.ctx.call(this.path, 'select', null, () => {
      const sheet = this.sheet();
      const area = this.area.get(this.path);
      if (!area) throw new FakeOfficeError('ItemNotFound', `${this.path} is a null object`);
      if (this.ctx.model.activeSheetId !== sheet.id)
        throw new FakeOfficeError(
          'InvalidSelection',
          'Only a range on the active worksheet can be selected',
        );
      SELECTION.set(this.ctx.model, { sheet: sheet.name, address: areaAddress(area) });
    });
  };
  const sheetProto = FakeWorksheet.prototype as unknown as Record<string, unknown>;
  sheetProto.copy = function copy(this: WorksheetInternals, positionType = 'None'): FakeWorksheet {
    let made: FakeSheet | null = null;
    this.ctx.call(this.path, 'copy', positionType, () => {
      this.ctx.model.requireApi('1.10', 'Worksheet.copy');
      made = copySheet(this.ctx.model, this.sheet());
    });
    const slot = {
      get: (what: string) => {
        if (!made)
          throw new FakeOfficeError(
            'InvalidObjectPath',
            `${what} is used before the request that creates it ran`,
          );
        return made;
      },
    };
    return new (
      FakeWorksheet as unknown as new (
        ctx: FakeExcelContext,
        slot: unknown,
        path: string,
      ) => FakeWorksheet
    )(this.ctx, slot, `${this.path}/copy`);
  };
}
