/**
 * Reads one worksheet of the open workbook into a Grid, the same picture the .xlsx reader gives:
 * values (dates as Date), English formulas, number formats, merged areas.
 *
 * Excel returns nothing useful for reads over 5 million cells and refuses responses over 5 MB,
 * so the used range is measured first, refused with a Russian explanation when too big, and read
 * in row chunks.
 */
import type { Area, Cell, CellValue, Grid } from '../core/grid';
import { splitAreaList, splitSheetAddress } from './address';
import type { ApiSupport, XlContext, XlRange, XlRangeAreas } from './api';
import { columnLetter, parseArea } from '../core/grid';
import { ExcelSupportError, checkSupport, officeRequirements } from './support';

export const MAX_READ_CELLS = 5_000_000;
/** Cells per read request: values, formulas, formats and types of 50 000 cells stay near 2–3 MB. */
export const READ_CHUNK_CELLS = 50_000;

export class SheetTooLargeError extends Error {
  override name = 'SheetTooLargeError';
}

export interface ReadOptions {
  api?: ApiSupport;
  maxCells?: number;
  chunkCells?: number;
}

/** True for number formats that show a date or time ("dd.mm.yyyy", "m/d/yy h:mm"), not for "0.00" or "General". */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare.split(';')[0] ?? '');
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}

function toCell(
  value: unknown,
  formula: unknown,
  fmt: unknown,
  type: string | undefined,
): Cell | undefined {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  if (type === 'Empty' && !hasFormula) return undefined;
  const format = typeof fmt === 'string' && fmt !== 'General' ? fmt : undefined;
  let v: CellValue;
  if (type === 'Error') v = { error: String(value) };
  else if (typeof value === 'number')
    v = format && isDateFormat(format) ? serialToDate(value) : value;
  else if (typeof value === 'string' || typeof value === 'boolean') v = value === '' ? null : value;
  else v = null;
  const cell: Cell = { v };
  if (hasFormula) cell.f = (formula as string).slice(1);
  if (format) cell.fmt = format;
  return cell;
}

function readMerges(areas: XlRangeAreas | null): Area[] {
  if (!areas || areas.isNullObject || !areas.address) return [];
  return splitAreaList(areas.address).map((a) => parseArea(splitSheetAddress(a).range));
}

/** The active sheet when no name is given. */
export async function readSheetGrid(
  context: XlContext,
  sheetName?: string,
  options: ReadOptions = {},
): Promise<Grid> {
  const support = checkSupport(options.api ?? officeRequirements());
  if (!support.ok) throw new ExcelSupportError(support.messages.join(' '));
  const maxCells = options.maxCells ?? MAX_READ_CELLS;
  const chunkCells = options.chunkCells ?? READ_CHUNK_CELLS;
  const sheets = context.workbook.worksheets;
  const ws = sheetName === undefined ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  ws.load('name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('address,rowCount,columnCount,rowIndex,columnIndex');
  await context.sync();
  const grid: Grid = { sheet: ws.name, rows: [], merges: [] };
  if (used.isNullObject) return grid;

  const { rowCount, columnCount, rowIndex, columnIndex } = used;
  const cells = rowCount * columnCount;
  if (cells > maxCells)
    throw new SheetTooLargeError(
      `Лист «${ws.name}» слишком большой для чтения: занятая область ${splitSheetAddress(used.address).range} — ` +
        `${cells.toLocaleString('ru-RU')} ячеек, а Excel отдаёт не больше ${maxCells.toLocaleString('ru-RU')} за раз. ` +
        'Удалите пустые строки и столбцы после таблицы (Ctrl+End показывает последнюю занятую ячейку) ' +
        'или скопируйте таблицу плана на отдельный лист.',
    );

  const rowsPerChunk = Math.max(1, Math.floor(chunkCells / columnCount));
  let merged: XlRangeAreas | null = null;
  for (let top = 0; top < rowCount; top += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, rowCount - top);
    const address = `${columnLetter(columnIndex)}${rowIndex + top + 1}:${columnLetter(columnIndex + columnCount - 1)}${rowIndex + top + count}`;
    const range: XlRange = ws.getRange(address);
    range.load('values,formulas,numberFormat,valueTypes');
    if (top === 0 && support.features.mergedAreas) {
      merged = used.getMergedAreasOrNullObject();
      merged.load('address');
    }
    await context.sync();
    for (let r = 0; r < count; r++) {
      const row: Array<Cell | undefined> = [];
      for (let c = 0; c < columnCount; c++) {
        const cell = toCell(
          range.values[r]?.[c],
          range.formulas[r]?.[c],
          range.numberFormat[r]?.[c],
          range.valueTypes[r]?.[c],
        );
        if (cell) row[columnIndex + c] = cell;
      }
      if (row.length > 0) grid.rows[rowIndex + top + r] = row;
    }
  }
  grid.merges = readMerges(merged);
  return grid;
}
