/**
 * Keeps the undo entry and the sheet memory across reloads of the pane: a ribbon button opens the
 * pane at another address, which reloads the page, and the last action must still be undoable.
 * sessionStorage lives as long as the pane's window; what does not fit (the patch of a report of
 * thousands of schools) stays in memory only, until the pane is closed. What is stored carries
 * the workbook's id (a random id the add-in keeps in the workbook's settings), so a pane that
 * later opens another workbook in the same browser tab never offers to undo into it.
 */
import { SheetMemory, type UndoEntry } from './undo';

const KEY = 'shnorRoadmap.undo';
/** sessionStorage holds about 5 MB of UTF-16; stay well below it. */
const MAX_CHARS = 2_000_000;

interface Stored {
  workbook: string;
  entry: UndoEntry | null;
  memory: ReturnType<SheetMemory['toJSON']>;
}

/** Dates (cell values of a patch) survive JSON as {"$date": iso}. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { $date: original.toISOString() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$date' in value) {
    const iso = (value as { $date: unknown }).$date;
    if (typeof iso === 'string') return new Date(iso);
  }
  return value;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function saveUndo(workbook: string, entry: UndoEntry | null, memory: SheetMemory): boolean {
  const s = storage();
  if (!s) return false;
  try {
    const stored: Stored = { workbook, entry, memory: memory.toJSON() };
    const text = JSON.stringify(stored, replacer);
    if (text.length > MAX_CHARS) {
      s.removeItem(KEY);
      return false;
    }
    s.setItem(KEY, text);
    return true;
  } catch {
    // Quota exceeded or storage refused: memory only.
    s.removeItem(KEY);
    return false;
  }
}

export function loadUndo(workbook: string | null): {
  entry: UndoEntry | null;
  memory: SheetMemory;
} {
  const empty = { entry: null, memory: new SheetMemory() };
  const text = storage()?.getItem(KEY);
  if (!text || workbook === null) return empty;
  try {
    const stored = JSON.parse(text, reviver) as Stored;
    if (stored.workbook !== workbook) return empty;
    return { entry: stored.entry ?? null, memory: SheetMemory.from(stored.memory ?? []) };
  } catch {
    return empty;
  }
}
