/**
 * The fingerprint of a sheet: a hash of what a person sees in it, values and formulas (not cached
 * results, not styles). Computed from the patch when a sheet is written and from the read Grid when
 * the workbook is checked later; when the two differ, the user changed the sheet.
 *
 * What Excel or LibreOffice do on an ordinary re-save must not count as a change, so values and
 * formulas are normalised first: numbers to 15 significant digits (0.30000000000000004 = 0.3,
 * 3.0 = 3), dates to their serial day (office.js reads a date as a number), formulas without "$",
 * spaces, quotes around sheet names and "_xlfn." prefixes, upper-cased outside string literals.
 */
import { isErrorValue, parseArea, type CellValue, type Grid } from '../grid';
import { formulaBlockRows, formulaRow, type SheetPatch } from '../patch';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function normalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  return String(rounded === 0 ? 0 : rounded);
}

/** What the fingerprint sees of a value; null for an empty cell. */
export function seenValue(v: CellValue | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return `n${normalNumber((v.getTime() - EXCEL_EPOCH_MS) / 86_400_000)}`;
  if (isErrorValue(v)) return `e${v.error.toUpperCase()}`;
  if (typeof v === 'number') return `n${normalNumber(v)}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  return `s${v}`;
}

const PREFIXES = /_XL(FN|WS|UDF)\./g;
/** LibreOffice writes the constants TRUE and FALSE as the functions TRUE() and FALSE(). */
const BOOLEAN_CALLS = /(^|[^A-Z0-9_.\u0400-\u04FF])(TRUE|FALSE)\(\)/g;

/**
 * Formula text outside string literals, normalised. The replacements run only where their text can
 * occur: this is called for every formula cell of a 100 000-row sheet, and two global regular
 * expressions over each were most of writing one.
 */
function normalOutside(text: string): string {
  let upper = text.toUpperCase();
  if (upper.includes('_XL')) upper = upper.replace(PREFIXES, '');
  if (upper.includes('()')) upper = upper.replace(BOOLEAN_CALLS, '$1$2');
  return upper;
}

/** What a formula loses outside string literals: "$", quotes around sheet names, spaces. */
const DROPPED = /[$' \n\r]/g;

/** What the fingerprint sees of a formula (with or without its "="). */
export function seenFormula(formula: string): string {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  let seen: string;
  if (!f.includes('"')) seen = normalOutside(f.replace(DROPPED, ''));
  else {
    let out = '';
    let from = 0;
    for (let i = f.indexOf('"'); i >= 0; i = f.indexOf('"', from)) {
      // A string literal is copied as it is ("" inside it is a quote).
      let j = i + 1;
      for (; j < f.length; j++) {
        if (f[j] === '"') {
          if (f[j + 1] === '"') j++;
          else break;
        }
      }
      out += normalOutside(f.slice(from, i).replace(DROPPED, '')) + f.slice(i, j + 1);
      from = j + 1;
    }
    seen = out + normalOutside(f.slice(from).replace(DROPPED, ''));
  }
  // A cell holding only a boolean constant, written as a formula by LibreOffice.
  if (seen === 'TRUE' || seen === 'FALSE') return seen === 'TRUE' ? 'b1' : 'b0';
  return `f${seen}`;
}

/** Two 32-bit FNV-1a hashes with different seeds: 64 bits, no Node built-ins (the core is pure). */
export class FingerprintHasher {
  private a = 0x811c9dc5 | 0;
  private b = 0x2f1a3c5d | 0;

  /** Adds one cell (0-based row and column) that shows `seen` (from seenValue or seenFormula). */
  cell(r: number, c: number, seen: string): void {
    this.text(`${r},${c}=${seen}\u0000`);
  }

  private text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  digest(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return hex(this.a) + hex(this.b);
  }
}

/** "r,c" keys of the cells a merge covers besides its top-left one: they show nothing. */
function mergedAwaySet(
  merges: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }>,
): Set<string> {
  const away = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) away.add(`${r},${c}`);
  return away;
}

/** The fingerprint of a sheet as read (by either host). */
export function fingerprintGrid(grid: Grid): string {
  const hash = new FingerprintHasher();
  const away = mergedAwaySet(grid.merges);
  grid.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (away.size && away.has(`${r},${c}`))) return;
      const seen = cell.f ? seenFormula(cell.f) : seenValue(cell.v);
      if (seen !== null) hash.cell(r, c, seen);
    }),
  );
  return hash.digest();
}

/** Something the patch writes on a run of rows: fills `put` with what each cell will show. */
interface Span {
  first: number;
  last: number;
  fill: (row: number, put: (col: number, seen: string | null) => void) => void;
}

/**
 * The fingerprint the sheet will have once the patch is written: the same as fingerprintGrid of
 * the written sheet read back. Later writes to a cell win, in the order adapters write (values
 * blocks, formula blocks, then hyperlink texts); merged-away cells are skipped.
 */
export function fingerprintSheetPatch(p: SheetPatch): string {
  let spans: Span[] = [];
  for (const block of p.values) {
    const o = parseArea(block.at);
    spans.push({
      first: o.top,
      last: o.top + block.values.length - 1,
      fill: (r, put) =>
        block.values[r - o.top]!.forEach((v, j) => {
          if (v !== null) put(o.left + j, seenValue(v));
        }),
    });
  }
  for (const block of p.formulas) {
    const o = parseArea(block.at);
    spans.push({
      first: o.top,
      last: o.top + formulaBlockRows(block) - 1,
      fill: (r, put) =>
        formulaRow(block, r - o.top).forEach((f, j) => {
          if (f !== null) put(o.left + j, seenFormula(f));
        }),
    });
  }
  for (const h of p.hyperlinks) {
    const o = parseArea(h.cell);
    spans.push({ first: o.top, last: o.top, fill: (_, put) => put(o.left, seenValue(h.text)) });
  }
  const order = new Map(spans.map((s, i) => [s, i]));
  spans = spans.filter((s) => s.last >= s.first);
  spans.sort((x, y) => x.first - y.first || order.get(x)! - order.get(y)!);
  const away = mergedAwaySet(p.merges.map(parseArea));
  const hash = new FingerprintHasher();
  const active: Span[] = [];
  let next = 0;
  let r = spans[0]?.first ?? 0;
  while (next < spans.length || active.length) {
    if (!active.length) r = Math.max(r, spans[next]!.first);
    while (next < spans.length && spans[next]!.first <= r) {
      const span = spans[next++]!;
      const at = active.findIndex((a) => order.get(a)! > order.get(span)!);
      active.splice(at < 0 ? active.length : at, 0, span);
    }
    const cells: Array<string | null> = [];
    for (const span of active) span.fill(r, (c, seen) => (cells[c] = seen));
    cells.forEach((seen, c) => {
      if (seen !== null && seen !== undefined && !(away.size && away.has(`${r},${c}`)))
        hash.cell(r, c, seen);
    });
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.last <= r) active.splice(i, 1);
    r++;
  }
  return hash.digest();
}
