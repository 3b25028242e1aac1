/**
 * What the task pane needs of the fake Excel beyond the adapter's subset: Range.select() (the
 * selection is recorded per workbook model; like Excel, only a range of the active sheet can be
 * selected). Worksheet.copy() is part of the fake itself (test/fake-excel/context.ts).
 * Installed onto the fake's proxies; plain TypeScript, so the e2e page bundles it too.
 */
import type { Area } from '../../src/core/grid';
import { FakeExcelContext } from '../fake-excel/context';
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

interface RangeInternals {
  ctx: FakeExcelContext;
  path: string;
  sheet: () => FakeSheet;
  area: { get(what: string): Area | null };
}

let installed = false;

/** Adds select() to the fake's proxies, and charts (idempotent). */
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
}
