/**
 * Test helpers: the Grid a SheetPatch produces (now in the core, src/core/patchGrid.ts), and the
 * texts of its rows for readable assertions.
 */
import type { Grid } from '../../../src/core/grid';

export { patchToGrid } from '../../../src/core/patchGrid';

/** Text of every row, cells joined by " | ", for readable assertions. */
export function rowTexts(g: Grid): string[] {
  return Array.from(g.rows, (row) =>
    Array.from(row ?? [], (c) => (c?.v === null || c?.v === undefined ? '' : String(c.v))).join(
      ' | ',
    ),
  );
}
