/**
 * Test helper: the Grid a SheetPatch produces (values, formulas with cached values, merges,
 * hyperlink texts), so report sheets can be read back by the engine's own readers.
 */
import { parseA1, type Cell, type Grid } from '../../../src/core/grid';
import { formulaRows, type SheetPatch } from '../../../src/core/patch';

export function patchToGrid(p: SheetPatch): Grid {
  const rows: Grid['rows'] = [];
  const put = (r: number, c: number, cell: Cell) => {
    const row = (rows[r] ??= []);
    row[c] = cell;
  };
  for (const b of p.values) {
    const o = parseA1(b.at);
    b.values.forEach((row, i) => row.forEach((v, j) => v !== null && put(o.r + i, o.c + j, { v })));
  }
  for (const b of p.formulas) {
    const o = parseA1(b.at);
    formulaRows(b).forEach((row, i) =>
      row.forEach(
        (f, j) =>
          f !== null &&
          put(o.r + i, o.c + j, { v: b.cached[i]?.[j] ?? null, f: f.replace(/^=/, '') }),
      ),
    );
  }
  for (const h of p.hyperlinks) {
    const { r, c } = parseA1(h.cell);
    put(r, c, { v: h.text });
  }
  const merges = p.merges.map((m) => {
    const [from, to] = m.split(':');
    const a = parseA1(from!);
    const b = parseA1(to ?? from!);
    return { top: a.r, left: a.c, bottom: b.r, right: b.c };
  });
  return { sheet: p.name, rows, merges };
}

/** Text of every row, cells joined by " | ", for readable assertions. */
export function rowTexts(g: Grid): string[] {
  return Array.from(g.rows, (row) =>
    Array.from(row ?? [], (c) => (c?.v === null || c?.v === undefined ? '' : String(c.v))).join(
      ' | ',
    ),
  );
}
