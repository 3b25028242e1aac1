/**
 * Plan-check benchmarks: the engine on one 500-activity plan, and the CLI code path on a folder of
 * 60 plan workbooks (read, check, format), both on generated plans.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import type { Io } from '../src/cli/io';
import { areaA1, type Grid } from '../src/core/grid';
import { checkWorkbook } from '../src/core/plan/check';
import { generatePlan, generatePlanGrid } from '../src/core/synthetic/plan';
import { medianMs, timeRow, type BenchRow } from './harness';

async function writeGrid(grid: Grid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell) ws.getCell(r + 1, c + 1).value = cell.v as ExcelJS.CellValue;
    }),
  );
  for (const m of grid.merges) ws.mergeCells(areaA1(m));
  await wb.xlsx.writeFile(file);
}

function silentIo(cwd: string): Io {
  return { out: () => undefined, err: () => undefined, cwd, today: '2023-06-01' };
}

export async function planBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const { grid, key } = generatePlan({ activities: 500, seed: 1, year: 2023 });
  const opts = { fileName: 'план.xlsx', asOf: '2023-06-01' };
  const found = checkWorkbook([grid], opts)[0]?.activities.length ?? 0;
  const engine = await medianMs(() => checkWorkbook([grid], opts), 9, 2);
  rows.push(
    timeRow(
      'Проверка плана, 500 мероприятий (движок)',
      engine,
      50,
      `найдено мероприятий: ${found} из ${key.activities.length}`,
    ),
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-bench-plans-'));
  try {
    for (let i = 0; i < 60; i++)
      await writeGrid(
        generatePlanGrid({ activities: 20 + (i % 5) * 20, seed: 100 + i, year: 2023 }),
        path.join(dir, `план-${String(i + 1).padStart(2, '0')}.xlsx`),
      );
    let code = -1;
    const cli = await medianMs(
      async () => {
        code = await main(['check', dir], silentIo(dir));
      },
      3,
      1,
    );
    rows.push(
      timeRow(
        'Проверка папки из 60 планов .xlsx (командная строка)',
        cli,
        5000,
        `код завершения ${code}`,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
