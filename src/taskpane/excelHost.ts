/**
 * The task pane's port implemented over office.js. Reading and writing patches go through the
 * adapter in src/excel; the few calls only the pane makes (select a cell, copy a sheet, add a chart)
 * are typed here as an extension of the adapter's API subset, and `runPane` lets the compiler check
 * that the real Excel.RequestContext provides them.
 */
import type { Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import type {
  ApiSupport,
  XlContext,
  XlLoadable,
  XlRange,
  XlWorksheet,
  XlWorksheetCollection,
} from '../excel/api';
import { applyPatch, type ApplyProgress, type ApplyReport } from '../excel/apply';
import { readSheetGrid } from '../excel/read';
import { GENERATED_SETTING, readRegistry } from '../excel/registry';
import { sheetNameKey, uniqueSheetName } from '../excel/sheetName';
import type { CellEdit, ChartSpec, GeneratedSheet, HostFeatures, PaneHost } from './host';

export const SETTINGS_KEY = 'shnorRoadmap.settings';

interface PaneRange extends XlRange {
  select(): void;
}

interface PaneChart extends XlLoadable {
  readonly isNullObject: boolean;
  name: string;
  readonly title: { text: string };
  readonly legend: { position: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

interface PaneWorksheet extends XlWorksheet {
  getRange(address?: string): PaneRange;
  copy(positionType?: 'End', relativeTo?: XlWorksheet): PaneWorksheet;
  readonly charts: {
    add(type: 'ColumnClustered', sourceData: XlRange, seriesBy?: 'Columns'): PaneChart;
    getItemOrNullObject(name: string): PaneChart;
  };
}

interface PaneWorksheets extends XlWorksheetCollection {
  readonly items: PaneWorksheet[];
  getItem(key: string): PaneWorksheet;
}

interface PaneWorkbook extends Omit<XlContext['workbook'], 'worksheets'> {
  readonly worksheets: PaneWorksheets;
}

interface PaneContext extends Omit<XlContext, 'workbook'> {
  readonly workbook: PaneWorkbook;
}

function runPane<T>(job: (context: PaneContext) => Promise<T>): Promise<T> {
  return Excel.run((context) => job(context));
}

function requirements(): ApiSupport {
  return Office.context.requirements;
}

/** Settings hold JSON text, like the adapter's own. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

async function loadRegistry(
  context: XlContext,
): Promise<{ sheets: Array<{ id: string; name: string }>; registry: Record<string, string> }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  const setting = context.workbook.settings.getItemOrNullObject(GENERATED_SETTING);
  setting.load('value');
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })),
    registry: setting.isNullObject ? {} : readRegistry(parseJson(setting.value)),
  };
}

export function createExcelHost(): PaneHost {
  return {
    features(): HostFeatures {
      const api = requirements();
      return {
        copySheet: api.isSetSupported('ExcelApi', '1.10'),
        charts: api.isSetSupported('ExcelApi', '1.7'),
      };
    },

    readActiveSheet: () =>
      runPane((context) => readSheetGrid(context, undefined, { api: requirements() })),

    readUserSheets: () =>
      runPane(async (context) => {
        const { sheets, registry } = await loadRegistry(context);
        const grids: Grid[] = [];
        for (const s of sheets)
          if (!(s.id in registry))
            grids.push(await readSheetGrid(context, s.name, { api: requirements() }));
        return grids;
      }),

    selectCell: (sheet, cell) =>
      runPane(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell || 'A1').select();
        await context.sync();
      }),

    copySheet: (sheet) =>
      runPane(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const name = uniqueSheetName(
          `${sheet} (копия)`,
          new Set(sheets.items.map((s) => sheetNameKey(s.name))),
        );
        const original = sheets.getItem(sheet);
        const copy = original.copy('End');
        copy.name = name;
        // The copy is a keepsake: the user stays on the sheet being fixed.
        original.activate();
        await context.sync();
        return name;
      }),

    writeCells: (sheet, edits: CellEdit[]) =>
      runPane(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const e of edits) {
          const range = ws.getRange(e.cell);
          if (e.asText) range.numberFormat = [['@']];
          range.values = [[e.value]];
        }
        await context.sync();
      }),

    generatedSheets: () =>
      runPane(async (context) => {
        const { sheets, registry } = await loadRegistry(context);
        const out: GeneratedSheet[] = [];
        for (const s of sheets) {
          const key = registry[s.id];
          if (key !== undefined) out.push({ key, name: s.name });
        }
        return out;
      }),

    applyPatch: (
      patch: WorkbookPatch,
      options: { onProgress?: (p: ApplyProgress) => void; signal?: AbortSignal },
    ): Promise<ApplyReport> =>
      runPane((context) => applyPatch(context, patch, { ...options, api: requirements() })),

    addChart: (spec: ChartSpec) =>
      runPane(async (context) => {
        const ws = context.workbook.worksheets.getItem(spec.sheet);
        const old = ws.charts.getItemOrNullObject(spec.name);
        old.load('name');
        await context.sync();
        if (!old.isNullObject) old.delete();
        const chart = ws.charts.add('ColumnClustered', ws.getRange(spec.source), 'Columns');
        chart.name = spec.name;
        chart.title.text = spec.title;
        chart.legend.position = 'Bottom';
        chart.setPosition(spec.from, spec.to);
        await context.sync();
      }),

    activateSheet: (name) =>
      runPane(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),

    loadSettings: () =>
      runPane(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        setting.load('value');
        await context.sync();
        return setting.isNullObject ? null : parseJson(setting.value);
      }),

    saveSettings: (value) =>
      runPane(async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(value));
        await context.sync();
      }),
  };
}
