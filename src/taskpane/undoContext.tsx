/**
 * The pane's memory of its last action (undo.ts), shared by every view: views record what they did,
 * UndoPanel offers to take it back. Restored from sessionStorage when the pane reloads.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { WorkbookPatch } from '../core/patch';
import type { PaneHost } from './host';
import { SheetMemory, type UndoEntry } from './undo';
import { loadUndo, saveUndo } from './undoStore';

export interface Undo {
  entry: UndoEntry | null;
  memory: SheetMemory;
  /**
   * Gives the workbook its id before an action writes (not after: a write after the action could
   * become the step Ctrl+Z takes back first).
   */
  prepare(): Promise<void>;
  /** Remembers the last action; `written` is the patch it wrote (its sheets are now known). */
  record(entry: UndoEntry, written?: WorkbookPatch): Promise<void>;
  /** After an undo: the entry is used up; `written` is what the undo wrote back. */
  consume(written?: WorkbookPatch): void;
}

const UndoContext = createContext<Undo | null>(null);

export function UndoProvider({ host, children }: { host: PaneHost; children: ReactNode }) {
  const [entry, setEntry] = useState<UndoEntry | null>(null);
  const memory = useRef(new SheetMemory());
  const workbook = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    host
      .workbookId(false)
      .then((id) => {
        if (!live || id === null) return;
        workbook.current = id;
        const stored = loadUndo(id);
        memory.current = stored.memory;
        setEntry(stored.entry);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const persist = useCallback((next: UndoEntry | null) => {
    if (workbook.current) saveUndo(workbook.current, next, memory.current);
  }, []);

  const prepare = useCallback(async () => {
    try {
      workbook.current ??= await host.workbookId(true);
    } catch {
      // Without an id the entry lives in memory only.
    }
  }, [host]);

  const record = useCallback(
    async (next: UndoEntry, written?: WorkbookPatch) => {
      if (written) memory.current.remember(written);
      setEntry(next);
      persist(next);
    },
    [persist],
  );

  const consume = useCallback(
    (written?: WorkbookPatch) => {
      if (written) memory.current.remember(written);
      setEntry(null);
      persist(null);
    },
    [persist],
  );

  const value = useMemo<Undo>(
    () => ({ entry, memory: memory.current, prepare, record, consume }),
    [entry, prepare, record, consume],
  );
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

export function useUndo(): Undo {
  const undo = useContext(UndoContext);
  if (!undo) throw new Error('useUndo outside UndoProvider');
  return undo;
}
