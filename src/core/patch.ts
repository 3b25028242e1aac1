/**
 * WorkbookPatch: what the core wants written, as plain data. The .xlsx adapter (exceljs) and the
 * office.js adapter both apply it; tests assert on it.
 *
 * Addresses are A1 strings on the sheet being written ("B3", "A1:D10"). A generated sheet carries a
 * `key` that the adapters store with it (a hidden marker), so a later run recognises the sheets it
 * made itself, not by name alone, and never touches the user's own sheets.
 */
import { parseA1, type Scalar } from './grid';

export interface ValueBlock {
  /** Top-left cell. */
  at: string;
  /** Rows of values. Strings are written as text, never as formulas (no injection). */
  values: Scalar[][];
}

export interface FormulaBlock {
  at: string;
  /** English A1 formulas with the leading "=", commas as separators. null = leave the cell alone. */
  formulas: Array<Array<string | null>>;
  /** The engine's own value of each formula, written as the cached result in an .xlsx. */
  cached: Scalar[][];
  /**
   * A fill-down block, as Excel's own fill-down makes: `formulas` holds one row of templates in
   * which `{r}` stands for the cell's own row number and `{r-1}` for the row above, repeated on
   * every row of `cached`. A 100 000-row table then costs one row of text, and the .xlsx adapter
   * writes it as Excel shared formulas. Read such a block through formulaRow/formulaRows.
   */
  fillDown?: boolean;
}

/** Templates split at their `{r…}` marks: text parts and row offsets, alternately. */
const compiledTemplates = new Map<string, { parts: string[]; offsets: number[] }>();

/** A fill-down template for one Excel row: `{r}` → 17, `{r-1}` → 16. */
export function fillTemplate(template: string, row: number): string {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    // split with a capturing group: text, offset, text, offset, …, text
    const pieces = template.split(/\{r([+-]\d+)?\}/);
    compiled = {
      parts: pieces.filter((_, i) => i % 2 === 0),
      offsets: pieces.filter((_, i) => i % 2 === 1).map((d) => (d ? Number(d) : 0)),
    };
    compiledTemplates.set(template, compiled);
  }
  let out = compiled.parts[0]!;
  for (let i = 0; i < compiled.offsets.length; i++)
    out += String(row + compiled.offsets[i]!) + compiled.parts[i + 1]!;
  return out;
}

/** Rows a formula block covers. */
export function formulaBlockRows(block: FormulaBlock): number {
  return block.fillDown ? block.cached.length : block.formulas.length;
}

/** The formulas of the block's i-th row (0-based), templates filled in. */
export function formulaRow(block: FormulaBlock, i: number): Array<string | null> {
  if (!block.fillDown) return block.formulas[i] ?? [];
  const row = parseA1(block.at).r + 1 + i;
  return (block.formulas[0] ?? []).map((t) => (t === null ? null : fillTemplate(t, row)));
}

/** Every formula of the block as plain A1 formulas, one array per row. */
export function formulaRows(block: FormulaBlock): Array<Array<string | null>> {
  return Array.from({ length: formulaBlockRows(block) }, (_, i) => formulaRow(block, i));
}

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "RRGGBB" */
  fontColor?: string;
  /** "RRGGBB" */
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  border?: 'thin' | 'none';
  underline?: boolean;
}

export interface FormatBlock {
  range: string;
  style: CellStyle;
}

export interface Hyperlink {
  cell: string;
  /** Internal target: a sheet name (quoted by the adapter) and a cell. */
  sheet: string;
  target: string;
  text: string;
  tooltip?: string;
}

export interface ConditionalFormat {
  range: string;
  /** Highlights cells whose value is (operator) the given number. */
  operator: 'greaterThanOrEqual' | 'greaterThan' | 'lessThan' | 'lessThanOrEqual' | 'equal';
  /** A number or a formula ("=Настройки!$B$2") the cell is compared to. */
  value: string;
  style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>;
}

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "1:4". */
  titleRows?: string;
}

export interface SheetPatch {
  /** Sheet name: legal and unique (see report/sheetNames). */
  name: string;
  /** Stable identity of a generated sheet across runs, e.g. "school:sch690001" or "index". */
  key: string;
  /** Position among the generated sheets (adapters keep generated sheets in this order). */
  order: number;
  tabColor?: string;
  columnWidths?: Array<{ col: string; width: number }>;
  values: ValueBlock[];
  formulas: FormulaBlock[];
  formats: FormatBlock[];
  merges: string[];
  hyperlinks: Hyperlink[];
  conditionalFormats: ConditionalFormat[];
  /** Frozen panes: rows at the top and columns at the left. */
  freeze?: { rows: number; cols: number };
  autoFilter?: string;
  /**
   * Heights in points of rows whose wrapped text needs more than one line (Excel row numbers).
   * Spreadsheets do not refit row heights of a generated file on opening, so the core estimates
   * them; an adapter that cannot set heights may ignore this.
   */
  rowHeights?: Array<{ row: number; height: number }>;
  print?: PrintSetup;
  /**
   * The core read what the user typed into the earlier version of this sheet and wrote it into
   * this one (the «Показатели плана» input cells): the policy keeps no copy of their edits.
   */
  carriesEdits?: boolean;
}

export interface NamedRange {
  /** Workbook-level name, e.g. "Рез_Доля2" or "Threshold". */
  name: string;
  /** Sheet the range is on and its A1 area. */
  sheet: string;
  range: string;
  comment?: string;
}

export interface WorkbookPatch {
  /** Sheets to create, or to replace when a sheet with the same key was generated before. */
  sheets: SheetPatch[];
  names: NamedRange[];
  /** Keys of generated sheets that must go (a school no longer in the data, say). */
  removeKeys: string[];
  /** Sheet to show when the workbook opens. */
  activeSheet?: string;
}

export function emptySheetPatch(name: string, key: string, order: number): SheetPatch {
  return {
    name,
    key,
    order,
    values: [],
    formulas: [],
    formats: [],
    merges: [],
    hyperlinks: [],
    conditionalFormats: [],
  };
}

// quoteSheet moved to sheetRef.ts with the other sheet-reference helpers; kept importable here.
export { quoteSheet } from './sheetRef';
