/**
 * Write batches: turns a WorkbookPatch into the writes office.js has to make, grouped into
 * requests that stay under the payload budget. Pure: the same patch and sheet names always give the same batches,
 * which is what lets an interrupted run resume at a batch number.
 *
 * Order: every sheet's values (number format "@" first for text, so "=…" stays text), then
 * formulas, then formats and the rest. Large blocks are cut into row chunks.
 */
import type { Scalar } from '../core/grid';
import { areaColumns, areaRows, columnLetter, parseA1, parseArea } from '../core/grid';
import {
  formulaRows,
  type CellStyle,
  type ConditionalFormat,
  type PrintSetup,
  type SheetPatch,
  type WorkbookPatch,
} from '../core/patch';
import { sheetRef } from '../core/sheetRef';
import { CALL_OVERHEAD_BYTES, callBytes } from './payload';
import type { XlHyperlink } from './api';

export type WriteOp =
  | { kind: 'numberFormat'; sheet: string; address: string; formats: Array<Array<string | null>> }
  | {
      kind: 'values';
      sheet: string;
      address: string;
      values: Array<Array<string | number | boolean | null>>;
    }
  | { kind: 'formulas'; sheet: string; address: string; formulas: Array<Array<string | null>> }
  | { kind: 'style'; sheet: string; address: string; style: Omit<CellStyle, 'numFmt'> }
  | { kind: 'merge'; sheet: string; address: string }
  | { kind: 'columnWidth'; sheet: string; column: string; points: number }
  | { kind: 'rowHeight'; sheet: string; rows: string; points: number }
  | { kind: 'hyperlink'; sheet: string; address: string; link: XlHyperlink }
  | { kind: 'conditional'; sheet: string; format: ConditionalFormat }
  | { kind: 'freeze'; sheet: string; rows: number; cols: number }
  | { kind: 'autoFilter'; sheet: string; address: string }
  | { kind: 'print'; sheet: string; print: PrintSetup }
  | { kind: 'tabColor'; sheet: string; color: string };

export interface PlannedOp {
  op: WriteOp;
  /** Estimated request bytes of the API calls this write makes. */
  bytes: number;
  /** Values and formulas of every sheet come first, then their formats. */
  phase: 'content' | 'format';
  /** 1-based position of the op's sheet among the patch's sheets (for progress in sheets). */
  sheet: number;
}

/** What the client can do beyond ExcelApi 1.7 (see support.ts). */
export interface PlanFeatures {
  autoFilter: boolean;
  pageLayout: boolean;
}

export interface PlanOptions {
  budgetBytes: number;
  features: PlanFeatures;
}

/** Number format given to cells that receive a real date. */
export const DATE_FORMAT = 'dd.mm.yyyy';
/** Excel's serial day 0 is 1899-12-30 (keeping the 1900 leap-year bug for later dates). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

/** Excel column width is in characters; office.js takes points (7 px a character + 5 px padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function addressOf(top: number, left: number, rows: number, cols: number): string {
  const tl = `${columnLetter(left)}${top + 1}`;
  if (rows === 1 && cols === 1) return tl;
  return `${tl}:${columnLetter(left + cols - 1)}${top + rows}`;
}

/** Cuts a 2-D block into consecutive row chunks whose JSON stays within maxBytes each. */
function rowChunks<T>(rows: T[][], maxBytes: number): Array<{ offset: number; rows: T[][] }> {
  const chunks: Array<{ offset: number; rows: T[][] }> = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < rows.length; r++) {
    const rowBytes = callBytes(rows[r]) - CALL_OVERHEAD_BYTES;
    if (r > start && size + rowBytes > maxBytes) {
      chunks.push({ offset: start, rows: rows.slice(start, r) });
      start = r;
      size = 0;
    }
    size += rowBytes;
  }
  if (rows.length > start) chunks.push({ offset: start, rows: rows.slice(start) });
  return chunks;
}

/** Width of a ragged block (the longest row); shorter rows are padded with null. */
function padded<T>(rows: T[][]): Array<Array<T | null>> {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rows.map((r) =>
    r.length === width ? r : [...r, ...new Array<null>(width - r.length).fill(null)],
  );
}

function plain(v: Scalar): string | number | boolean | null {
  return v instanceof Date ? dateToSerial(v) : v;
}

/** "@" for text, the date format for dates, null (leave as is) for the rest. */
function formatFor(v: Scalar): string | null {
  if (typeof v === 'string') return '@';
  if (v instanceof Date) return DATE_FORMAT;
  return null;
}

function valueWrites(sheet: string, patch: SheetPatch, chunkBytes: number): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const block of patch.values) {
    const at = parseA1(block.at);
    const rows = padded(block.values);
    for (const chunk of rowChunks(rows, chunkBytes)) {
      const width = chunk.rows[0]?.length ?? 0;
      if (width === 0) continue;
      const address = addressOf(at.r + chunk.offset, at.c, chunk.rows.length, width);
      const formats = chunk.rows.map((r) => r.map(formatFor));
      if (formats.some((r) => r.some((f) => f !== null)))
        ops.push({ kind: 'numberFormat', sheet, address, formats });
      ops.push({ kind: 'values', sheet, address, values: chunk.rows.map((r) => r.map(plain)) });
    }
  }
  for (const block of patch.formulas) {
    const at = parseA1(block.at);
    for (const chunk of rowChunks(padded(formulaRows(block)), chunkBytes)) {
      const width = chunk.rows[0]?.length ?? 0;
      if (width === 0) continue;
      ops.push({
        kind: 'formulas',
        sheet,
        address: addressOf(at.r + chunk.offset, at.c, chunk.rows.length, width),
        formulas: chunk.rows,
      });
    }
  }
  return ops;
}

function formatWrites(
  sheet: string,
  patch: SheetPatch,
  chunkBytes: number,
  features: PlanFeatures,
): WriteOp[] {
  const ops: WriteOp[] = [];
  if (patch.tabColor) ops.push({ kind: 'tabColor', sheet, color: `#${patch.tabColor}` });
  for (const w of patch.columnWidths ?? [])
    ops.push({ kind: 'columnWidth', sheet, column: w.col, points: widthToPoints(w.width) });
  for (const block of patch.formats) {
    const { numFmt, ...style } = block.style;
    if (numFmt !== undefined) {
      // One number format for the whole block, sent as a matrix cut into row chunks.
      const area = parseArea(block.range);
      const row = new Array<string>(areaColumns(area)).fill(numFmt);
      const matrix = Array.from({ length: areaRows(area) }, () => row);
      for (const chunk of rowChunks(matrix, chunkBytes))
        ops.push({
          kind: 'numberFormat',
          sheet,
          address: addressOf(area.top + chunk.offset, area.left, chunk.rows.length, row.length),
          formats: chunk.rows,
        });
    }
    if (Object.keys(style).length > 0)
      ops.push({ kind: 'style', sheet, address: block.range, style });
  }
  // Runs of rows with the same height: one call each.
  const heights = [...(patch.rowHeights ?? [])].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length;) {
    let j = i;
    while (
      j + 1 < heights.length &&
      heights[j + 1]!.row === heights[j]!.row + 1 &&
      heights[j + 1]!.height === heights[i]!.height
    )
      j++;
    ops.push({
      kind: 'rowHeight',
      sheet,
      rows: `${heights[i]!.row}:${heights[j]!.row}`,
      points: heights[i]!.height,
    });
    i = j + 1;
  }
  for (const m of patch.merges) ops.push({ kind: 'merge', sheet, address: m });
  for (const h of patch.hyperlinks) {
    const link: XlHyperlink = {
      documentReference: sheetRef(h.sheet, h.target),
      textToDisplay: h.text,
    };
    if (h.tooltip) link.screenTip = h.tooltip;
    ops.push({ kind: 'hyperlink', sheet, address: h.cell, link });
  }
  for (const cf of patch.conditionalFormats) ops.push({ kind: 'conditional', sheet, format: cf });
  if (patch.freeze && (patch.freeze.rows > 0 || patch.freeze.cols > 0))
    ops.push({ kind: 'freeze', sheet, rows: patch.freeze.rows, cols: patch.freeze.cols });
  if (patch.autoFilter && features.autoFilter)
    ops.push({ kind: 'autoFilter', sheet, address: patch.autoFilter });
  if (patch.print && features.pageLayout) ops.push({ kind: 'print', sheet, print: patch.print });
  return ops;
}

/** How many API calls a write makes (each carries its own overhead). */
function callsOf(op: WriteOp): number {
  switch (op.kind) {
    case 'style':
      return 1 + Object.keys(op.style).length + (op.style.border ? 5 : 0);
    case 'conditional':
      return 5;
    case 'print':
      return 4;
    default:
      return 2;
  }
}

export function estimateBytes(op: WriteOp): number {
  return callBytes(op) + CALL_OVERHEAD_BYTES * callsOf(op);
}

/**
 * All writes of a patch, in order: values of every sheet, then formats of every sheet.
 * `names` maps a sheet key to the name the sheet actually has in the workbook.
 */
export function planWrites(
  patch: WorkbookPatch,
  names: Record<string, string>,
  options: PlanOptions,
): PlannedOp[] {
  // A single write may take at most half the budget, so a batch never holds less than two.
  const chunkBytes = Math.max(1024, Math.floor(options.budgetBytes / 2));
  const sheets = [...patch.sheets].sort((a, b) => a.order - b.order);
  const nameOf = (s: SheetPatch) => names[s.key] ?? s.name;
  const planned: PlannedOp[] = [];
  const add = (ops: WriteOp[], phase: PlannedOp['phase'], sheet: number) => {
    for (const op of ops) planned.push({ op, bytes: estimateBytes(op), phase, sheet });
  };
  sheets.forEach((s, i) => add(valueWrites(nameOf(s), s, chunkBytes), 'content', i + 1));
  sheets.forEach((s, i) =>
    add(formatWrites(nameOf(s), s, chunkBytes, options.features), 'format', i + 1),
  );
  return planned;
}

/** Greedy grouping of planned writes into requests of at most budgetBytes each. */
export function groupBatches(ops: PlannedOp[], budgetBytes: number): PlannedOp[][] {
  const batches: PlannedOp[][] = [];
  let current: PlannedOp[] = [];
  let size = 0;
  for (const p of ops) {
    if (current.length > 0 && size + p.bytes > budgetBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += p.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
