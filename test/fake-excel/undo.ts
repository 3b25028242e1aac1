/**
 * Excel's undo stack, as far as add-ins meet it (ExcelApi 1.20): a batch run with
 * `mergeUndoGroup` is one step; any other request is a step of its own; a request with a call Excel
 * cannot undo (deleting, copying, renaming, moving a sheet) empties the stack. `undo()` plays the
 * user pressing Ctrl+Z. Reading and the add-in's own settings make no step (Microsoft's list of
 * undoable calls says nothing about settings; the pane writes them outside undo groups). Steps are snapshots of the model's sheets, names, settings and active
 * sheet, restored into the same sheet objects (charts, kept beside the sheets, are not restored).
 * Only clients with ExcelApi 1.20 keep the stack, so other tests pay nothing for it.
 */
import type { FakeExcelContext, QueuedCall } from './context';
import { isUndoableCall } from './context';
import { versionAtLeast, type FakeSheet, type FakeWorkbookModel } from './model';

export const UNDO_API = '1.20';

/** Calls that change nothing a user could undo: reading, looking up, selecting. */
const READS =
  /^(load|getItem|getItemOrNullObject|getActiveWorksheet|getUsedRangeOrNullObject|getMergedAreasOrNullObject|select|activate)$/;

/** A request that changes the workbook's content (the add-in's settings are not undo steps here). */
function changesContent(calls: ReadonlyArray<QueuedCall>): boolean {
  return calls.some((c) => !READS.test(c.member) && !c.path.startsWith('settings'));
}

interface SheetState {
  sheet: FakeSheet;
  name: string;
  json: string;
  columnWidths: Array<[number, number]>;
}

interface Snapshot {
  sheets: SheetState[];
  names: string;
  settings: Array<[string, string]>;
  activeSheetId: string | null;
}

function stateOf(sheet: FakeSheet): SheetState {
  return {
    sheet,
    name: sheet.name,
    json: JSON.stringify({
      cells: [...sheet.cells].map(([r, row]) => [r, [...row]]),
      merges: sheet.merges,
      conditionalFormats: sheet.conditionalFormats,
      freeze: sheet.freeze,
      autoFilter: sheet.autoFilter,
      tabColor: sheet.tabColor,
      visibility: sheet.visibility,
      pageLayout: sheet.pageLayout,
    }),
    columnWidths: [...sheet.columnWidths],
  };
}

function snapshot(model: FakeWorkbookModel): Snapshot {
  return {
    sheets: model.sheets.map(stateOf),
    names: JSON.stringify(model.names),
    settings: [...model.settings],
    activeSheetId: model.activeSheetId,
  };
}

function restore(model: FakeWorkbookModel, snap: Snapshot): void {
  model.sheets.splice(0, model.sheets.length);
  for (const state of snap.sheets) {
    const { sheet } = state;
    const data = JSON.parse(state.json) as {
      cells: Array<
        [
          number,
          Array<[number, FakeSheet['cells'] extends Map<number, Map<number, infer C>> ? C : never]>,
        ]
      >;
    } & Pick<
      FakeSheet,
      | 'merges'
      | 'conditionalFormats'
      | 'freeze'
      | 'autoFilter'
      | 'tabColor'
      | 'visibility'
      | 'pageLayout'
    >;
    sheet.name = state.name;
    sheet.cells.clear();
    for (const [r, row] of data.cells) sheet.cells.set(r, new Map(row));
    sheet.merges = data.merges;
    sheet.conditionalFormats = data.conditionalFormats;
    sheet.freeze = data.freeze;
    sheet.autoFilter = data.autoFilter;
    sheet.tabColor = data.tabColor;
    sheet.visibility = data.visibility;
    Object.assign(sheet.pageLayout, data.pageLayout);
    sheet.columnWidths.clear();
    for (const [c, w] of state.columnWidths) sheet.columnWidths.set(c, w);
    model.sheets.push(sheet);
  }
  model.names.splice(0, model.names.length, ...(JSON.parse(snap.names) as typeof model.names));
  model.settings.clear();
  for (const [k, v] of snap.settings) model.settings.set(k, v);
  model.activeSheetId = snap.activeSheetId;
}

export class FakeUndoStack {
  private readonly steps: Snapshot[] = [];

  constructor(private readonly model: FakeWorkbookModel) {}

  get enabled(): boolean {
    return versionAtLeast(this.model.apiVersion, UNDO_API);
  }

  /** Steps Ctrl+Z can take back. */
  get depth(): number {
    return this.steps.length;
  }

  /** Wires a context of an Excel.run into the stack; returns what to call when the run ends well. */
  track(ctx: FakeExcelContext, merged: boolean): () => void {
    if (!this.enabled) return () => undefined;
    ctx.undoGroup = merged;
    if (merged) {
      const before = snapshot(this.model);
      return () => this.steps.push(before);
    }
    ctx.beforeRun = (calls: ReadonlyArray<QueuedCall>) => {
      if (calls.some((c) => !isUndoableCall(c))) this.steps.splice(0, this.steps.length);
      else if (changesContent(calls)) this.steps.push(snapshot(this.model));
    };
    return () => undefined;
  }

  /** Ctrl+Z: takes back the last step; false when there is none. */
  undo(): boolean {
    const step = this.steps.pop();
    if (!step) return false;
    restore(this.model, step);
    return true;
  }
}
