/**
 * The Grid a SheetPatch produces (values, formulas with their cached values, merges, hyperlink
 * texts): what a host would read back from the sheet once it is written, so the core's readers
 * can read a sheet it is about to write.
 */
import { parseA1, parseArea, type Cell, type Grid } from './grid';
import { formulaRows, type SheetPatch } from './patch';

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
  return { sheet: p.name, rows, merges: p.merges.map(parseArea) };
}
