/** Grids → .xlsx bytes as exceljs writes a user's workbook (shared strings): values, dates, merges. */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';

export async function excelJsWorkbook(
  grids: Grid[],
  build?: (wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet);
    g.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.v as ExcelJS.CellValue;
        if (cell.v instanceof Date) target.numFmt = 'dd.mm.yyyy';
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  build?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
