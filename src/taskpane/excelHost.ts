/**
 * The task pane's port implemented over office.js. Reading and writing patches go through the
 * adapter in src/excel; the calls only the pane makes are typed in paneContext.ts.
 */
import { columnLetter, type Cell, type Grid } from '../core/grid';
import type { WorkbookPatch } from '../core/patch';
import type { XlContext } from '../excel/api';
import { applyPatch } from '../excel/apply';
import { insertTemplate } from '../excel/insertTemplate';
import { readSheetGrid } from '../excel/read';
import { GENERATED_SETTING, readRegistry } from '../excel/registry';
import { sheetNameKey, uniqueSheetName } from '../excel/sheetName';
import { checkSupport } from '../excel/support';
import type {
  CellEdit,
  CellSnapshot,
  ChartSpec,
  GeneratedSheet,
  HostFeatures,
  PaneHost,
  ReadProgress,
  WriteOptions,
} from './host';
import {
  UNDO_GROUP_API,
  requirements,
  runPane,
  runUndoable,
  type PaneContext,
} from './paneContext';

export const SETTINGS_KEY = 'shnorRoadmap.settings';
export const WORKBOOK_ID_KEY = 'shnorRoadmap.workbookId';

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
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

async function userSheetNames(context: XlContext): Promise<string[]> {
  const { sheets, registry } = await loadRegistry(context);
  return sheets.filter((s) => !(s.id in registry)).map((s) => s.name);
}

/** The top rows of each sheet as values only: two requests however many sheets there are. */
async function readHeads(context: PaneContext, names: string[], rows: number): Promise<Grid[]> {
  const used = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();
  const heads = names.map((name, i) => {
    const u = used[i]!;
    if (u.isNullObject || u.rowIndex >= rows) return null;
    const bottom = Math.min(rows, u.rowIndex + u.rowCount);
    const range = context.workbook.worksheets
      .getItem(name)
      .getRange(`A1:${columnLetter(u.columnIndex + u.columnCount - 1)}${bottom}`);
    range.load('values');
    return range;
  });
  await context.sync();
  return names.map((sheet, i) => {
    const grid: Grid = { sheet, rows: [], merges: [] };
    for (const [r, row] of (heads[i]?.values ?? []).entries()) {
      const cells: Array<Cell | undefined> = row.map((v) =>
        v === '' || v === null || v === undefined ? undefined : { v: v as string | number },
      );
      if (cells.some(Boolean)) grid.rows[r] = cells;
    }
    return grid;
  });
}

function snapshotOf(cell: string, range: XlRangeLike): CellSnapshot {
  const formula = range.formulas[0]?.[0];
  return {
    cell,
    value: (range.values[0]?.[0] ?? '') as CellSnapshot['value'],
    formula: typeof formula === 'string' && formula.startsWith('=') ? formula : null,
    numberFormat: String(range.numberFormat[0]?.[0] ?? 'General'),
  };
}

interface XlRangeLike {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

async function loadCells(
  context: PaneContext,
  sheet: string,
  cells: string[],
): Promise<CellSnapshot[]> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const ranges = cells.map((cell) => {
    const range = ws.getRange(cell);
    range.load('values,formulas,numberFormat');
    return range;
  });
  await context.sync();
  return cells.map((cell, i) => snapshotOf(cell, ranges[i]!));
}

/** Text Excel would take for something else when typed: a formula, number, percent, date, boolean. */
const COERCED = [
  /^[=+\-@']/,
  /^\s*\d[\d\s]*([.,]\d+)?\s*%?\s*$/,
  /^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$/,
  /^(true|false|истина|ложь)$/i,
];

/** A value written back as it was: such text gets the apostrophe Excel itself uses. */
function restoredValue(s: CellSnapshot): string | number | boolean {
  if (typeof s.value !== 'string' || s.numberFormat === '@') return s.value;
  return COERCED.some((re) => re.test(s.value as string)) ? `'${s.value}` : s.value;
}

export function createExcelHost(): PaneHost {
  return {
    features(): HostFeatures {
      const api = requirements();
      const { features } = checkSupport(api);
      return {
        copySheet: api.isSetSupported('ExcelApi', '1.10'),
        charts: api.isSetSupported('ExcelApi', '1.7'),
        mergedAreas: features.mergedAreas,
        suspendCalculation: features.suspendCalculation,
        autoFilter: features.autoFilter,
        undoGroup: api.isSetSupported('ExcelApi', UNDO_GROUP_API),
      };
    },

    readActiveSheet: () =>
      runPane((context) => readSheetGrid(context, undefined, { api: requirements() })),

    readUserSheets: (onProgress?: ReadProgress) =>
      runPane(async (context) => {
        const names = await userSheetNames(context);
        const grids: Grid[] = [];
        for (const [i, name] of names.entries()) {
          onProgress?.(i, names.length, name);
          grids.push(await readSheetGrid(context, name, { api: requirements() }));
        }
        return grids;
      }),

    readSheetHeads: (rows) =>
      runPane(async (context) => readHeads(context, await userSheetNames(context), rows)),

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

    writeCells: async (sheet, edits: CellEdit[], options = {}) => {
      const { result, excelUndo } = await runUndoable(async (context) => {
        const before = await loadCells(
          context,
          sheet,
          edits.map((e) => e.cell),
        );
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const e of edits) {
          const range = ws.getRange(e.cell);
          if (e.asText) range.numberFormat = [['@']];
          range.values = [[e.value]];
        }
        await context.sync();
        return before;
      }, options.undoGroup === true);
      return { before: result, excelUndo };
    },

    readCells: (sheet, cells) => runPane((context) => loadCells(context, sheet, cells)),

    restoreCells: (sheet, cells) =>
      runPane(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const s of cells) {
          const range = ws.getRange(s.cell);
          range.numberFormat = [[s.numberFormat]];
          if (s.formula !== null) range.formulas = [[s.formula]];
          else range.values = [[restoredValue(s)]];
        }
        await context.sync();
      }),

    insertTemplate: () => runPane((context) => insertTemplate(context, requirements())),

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

    applyPatch: async (patch: WorkbookPatch, options: WriteOptions) => {
      const { result, excelUndo } = await runUndoable(
        (context) =>
          applyPatch(context, patch, {
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            api: requirements(),
          }),
        options.undoGroup === true,
      );
      return { ...result, excelUndo };
    },

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

    workbookId: (create) =>
      runPane(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(WORKBOOK_ID_KEY);
        setting.load('value');
        await context.sync();
        const id = setting.isNullObject ? null : parseJson(setting.value);
        if (typeof id === 'string' && id) return id;
        if (!create) return null;
        const made = randomId();
        context.workbook.settings.add(WORKBOOK_ID_KEY, JSON.stringify(made));
        await context.sync();
        return made;
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
