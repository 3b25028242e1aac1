/**
 * «Отменить последнее действие надстройки»: what the pane remembers to put the workbook back as
 * it was before its last action, where Excel's own undo cannot (older clients, and the steps Excel
 * never undoes: deleting, copying, renaming sheets). Pure: entries and restore plans; the pane
 * carries them out through the PaneHost.
 *
 * - A fix: the cells it wrote, as they were before and as the fix left them. Undoing puts back only
 *   the cells that still hold what the fix wrote; a cell changed since is left as it is and named.
 * - Generated sheets (criteria, report): the add-in writes them from a patch, so their previous
 *   content is the patch that wrote them last. The pane remembers the last patch of every sheet
 *   key it wrote (SheetMemory); undoing writes those back and removes the sheets the action
 *   created. A sheet replaced whose previous version was written before the pane was opened
 *   cannot be put back, and the entry says so.
 */
import type { NamedRange, SheetPatch, WorkbookPatch } from '../core/patch';
import type { CellEdit, CellSnapshot, GeneratedSheet } from './host';

export interface FixUndo {
  kind: 'fix';
  /** What was done, as it reads after «Отменить: …». */
  title: string;
  sheet: string;
  before: CellSnapshot[];
  /** Cell → the text the fix wrote. */
  after: Record<string, string>;
  /** The copy of the sheet kept before the fix, if one was. */
  copy: string | null;
  /** Excel's Ctrl+Z undoes it too (one step). */
  excelUndo: boolean;
}

export interface SheetsUndo {
  kind: 'sheets';
  title: string;
  /** Writes the previous versions back and removes the sheets the action created. */
  restore: WorkbookPatch;
  /** Sheets the action created (they go). */
  created: string[];
  /** Sheets the action replaced whose previous content the pane never saw. */
  lost: string[];
  excelUndo: boolean;
}

export type UndoEntry = FixUndo | SheetsUndo;

export function fixUndo(
  sheet: string,
  edits: CellEdit[],
  before: CellSnapshot[],
  copy: string | null,
  excelUndo: boolean,
): FixUndo {
  return {
    kind: 'fix',
    title: 'исправление плана',
    sheet,
    before,
    after: Object.fromEntries(edits.map((e) => [e.cell, e.value.replace(/^'/, '')])),
    copy,
    excelUndo,
  };
}

/** What a cell shows in the formula bar, for comparing. */
function shown(s: CellSnapshot): string {
  return s.formula ?? String(s.value);
}

export interface FixRestore {
  /** Cells to put back. */
  restore: CellSnapshot[];
  /** Cells changed since the fix: left alone. */
  changed: string[];
  /** Cells already as they were (Ctrl+Z was used, say). */
  unchanged: string[];
}

export function planFixRestore(entry: FixUndo, current: CellSnapshot[]): FixRestore {
  const now = new Map(current.map((c) => [c.cell, c]));
  const out: FixRestore = { restore: [], changed: [], unchanged: [] };
  for (const before of entry.before) {
    const cell = now.get(before.cell);
    const text = cell ? shown(cell) : '';
    if (text === shown(before)) out.unchanged.push(before.cell);
    else if (text === (entry.after[before.cell] ?? '')) out.restore.push(before);
    else out.changed.push(before.cell);
  }
  return out;
}

/** The last version the pane wrote of every generated sheet, by key. */
export class SheetMemory {
  private readonly sheets = new Map<string, { sheet: SheetPatch; names: NamedRange[] }>();

  get(key: string): { sheet: SheetPatch; names: NamedRange[] } | undefined {
    return this.sheets.get(key);
  }

  /** After a patch was written: its sheets are what those keys hold now; removed keys are gone. */
  remember(patch: WorkbookPatch): void {
    const inPatch = new Set(patch.sheets.map((s) => s.key));
    for (const key of patch.removeKeys) if (!inPatch.has(key)) this.sheets.delete(key);
    for (const sheet of patch.sheets)
      this.sheets.set(sheet.key, {
        sheet,
        names: patch.names.filter((n) => n.sheet === sheet.name),
      });
  }

  toJSON(): Array<[string, { sheet: SheetPatch; names: NamedRange[] }]> {
    return [...this.sheets];
  }

  static from(entries: Array<[string, { sheet: SheetPatch; names: NamedRange[] }]>): SheetMemory {
    const memory = new SheetMemory();
    for (const [key, value] of entries) memory.sheets.set(key, value);
    return memory;
  }
}

/**
 * The undo entry of writing `patch` over a workbook whose generated sheets were `before`: computed
 * before the write, from what the pane remembers of those sheets.
 */
export function sheetsUndo(
  title: string,
  patch: WorkbookPatch,
  before: GeneratedSheet[],
  memory: SheetMemory,
  excelUndo: boolean,
): SheetsUndo {
  const existing = new Map(before.map((g) => [g.key, g.name]));
  const inPatch = new Set(patch.sheets.map((s) => s.key));
  const touched = [
    ...patch.sheets.map((s) => s.key).filter((k) => existing.has(k)),
    ...patch.removeKeys.filter((k) => !inPatch.has(k) && existing.has(k)),
  ];
  const restore: WorkbookPatch = { sheets: [], names: [], removeKeys: [] };
  const lost: string[] = [];
  for (const key of touched) {
    const known = memory.get(key);
    if (!known) {
      lost.push(existing.get(key)!);
      continue;
    }
    restore.sheets.push(known.sheet);
    restore.names.push(...known.names);
  }
  const created = patch.sheets.filter((s) => !existing.has(s.key));
  restore.removeKeys = created.map((s) => s.key);
  return {
    kind: 'sheets',
    title,
    restore,
    created: created.map((s) => s.name),
    lost,
    excelUndo,
  };
}

/** True when the pane has something of its own to put back. */
export function canRestore(entry: UndoEntry): boolean {
  if (entry.kind === 'fix') return entry.before.length > 0;
  return entry.restore.sheets.length > 0 || entry.restore.removeKeys.length > 0;
}
