/**
 * Charts for the fake Excel (worksheet.charts: add, getItemOrNullObject, name, title, legend,
 * setPosition, delete), installed onto the fake's worksheet proxies. Like the rest of the fake, calls
 * are queued and run on sync(); a chart's data must be a range of at least two rows and two columns.
 * The charts of a sheet are kept beside the model sheet for assertions (chartsOf).
 */
import type { Area } from '../../src/core/grid';
import { FakeExcelContext, FakeWorksheet } from './context';
import { FakeOfficeError, areaAddress, type FakeSheet } from './model';

export interface FakeChart {
  name: string;
  type: string;
  /** A1 address of the data range on the chart's sheet. */
  source: string;
  seriesBy: string;
  title: string;
  legend: string;
  position: { from: string; to: string } | null;
}

const CHARTS = new WeakMap<FakeSheet, FakeChart[]>();

export function chartsOf(sheet: FakeSheet): FakeChart[] {
  let list = CHARTS.get(sheet);
  if (!list) CHARTS.set(sheet, (list = []));
  return list;
}

/** What the fake's worksheet proxy keeps privately, reached here to extend it. */
interface WorksheetInternals {
  ctx: FakeExcelContext;
  path: string;
  sheet(): FakeSheet;
}

/** A fake range's area, resolved when the queue runs. */
function rangeArea(range: unknown): Area {
  const slot = (range as { area?: { get(what: string): Area | null } }).area;
  const area = slot?.get('chart source');
  if (!area)
    throw new FakeOfficeError(
      'InvalidArgument',
      'The chart source is not a range of this workbook',
    );
  return area;
}

function chartProxy(ctx: FakeExcelContext, path: string, resolve: () => FakeChart | null) {
  const loaded = new Map<string, unknown>();
  const chart = () => {
    const c = resolve();
    if (!c) throw new FakeOfficeError('ItemNotFound', `${path} does not exist`);
    return c;
  };
  const need = (p: string) => {
    if (!loaded.has(p))
      throw new FakeOfficeError('PropertyNotLoaded', `${path}.${p} was not loaded`);
    return loaded.get(p);
  };
  return {
    load(list: string) {
      ctx.call(path, 'load', list, () => {
        const c = resolve();
        loaded.set('isNullObject', c === null);
        if (c)
          for (const p of list.split(',').map((s) => s.trim()))
            loaded.set(p, (c as unknown as Record<string, unknown>)[p]);
      });
      return this;
    },
    get isNullObject(): boolean {
      return need('isNullObject') as boolean;
    },
    get name(): string {
      return need('name') as string;
    },
    set name(v: string) {
      ctx.call(path, 'name', v, () => (chart().name = v));
    },
    title: {
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'title.text');
      },
      set text(v: string) {
        ctx.call(path, 'title.text', v, () => (chart().title = v));
      },
    },
    legend: {
      get position(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'legend.position');
      },
      set position(v: string) {
        ctx.call(path, 'legend.position', v, () => (chart().legend = v));
      },
    },
    setPosition(from: string, to?: string) {
      ctx.call(
        path,
        'setPosition',
        { from, to },
        () => (chart().position = { from, to: to ?? from }),
      );
    },
    delete() {
      ctx.call(path, 'delete', null, () => {
        const c = chart();
        const list = resolveSheetCharts.get(c);
        if (list) list.splice(list.indexOf(c), 1);
      });
    },
  };
}

/** Chart → the list it sits in (for delete). */
const resolveSheetCharts = new WeakMap<FakeChart, FakeChart[]>();

let installed = false;

/** Adds `charts` to every fake worksheet proxy (idempotent). */
export function installFakeCharts(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(FakeWorksheet.prototype, 'charts', {
    configurable: true,
    get(this: FakeWorksheet) {
      const self = this as unknown as WorksheetInternals;
      const { ctx, path } = self;
      let added = 0;
      return {
        add(type: string, source: unknown, seriesBy = 'Auto') {
          let made: FakeChart | null = null;
          const n = ++added;
          ctx.call(path, 'charts.add', { type, seriesBy }, () => {
            ctx.model.requireApi('1.1', 'charts.add');
            const area = rangeArea(source);
            if (area.bottom - area.top < 1 || area.right - area.left < 1)
              throw new FakeOfficeError(
                'InvalidArgument',
                'A chart needs a data range of at least two rows and two columns',
              );
            const list = chartsOf(self.sheet());
            made = {
              name: `Диаграмма ${list.length + 1}`,
              type,
              source: areaAddress(area),
              seriesBy,
              title: '',
              legend: 'Right',
              position: null,
            };
            list.push(made);
            resolveSheetCharts.set(made, list);
          });
          return chartProxy(ctx, `${path}/chart[new${n}]`, () => made);
        },
        getItemOrNullObject(name: string) {
          let found: FakeChart | null = null;
          ctx.call(path, 'charts.getItemOrNullObject', name, () => {
            found =
              chartsOf(self.sheet()).find((c) => c.name.toLowerCase() === name.toLowerCase()) ??
              null;
          });
          return chartProxy(ctx, `${path}/chart[${name}]`, () => found);
        },
      };
    },
  });
}
