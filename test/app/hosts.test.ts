/**
 * The two hosts give the same answer: the same sheets read by the command line from a file and by
 * the task pane from the open workbook (the fake Excel) go through the same use cases and come out
 * as identical patches and issues. Before the use-case layer the pane reported the risk-factor
 * sheet as a skipped results sheet and built a different index and summary.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { computeCriteria } from '../../src/app/computeCriteria';
import { prepareReport } from '../../src/app/prepareReport';
import { NEW_WORKBOOK, type SourceFile } from '../../src/app/types';
import { writeGridsFile } from '../../src/cli/commands/demo';
import { loadInput } from '../../src/cli/files';
import type { Grid } from '../../src/core/grid';
import { defaultSettings } from '../../src/core/settings';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid, riskGrid } from '../../src/core/synthetic/regionGrids';
import { createExcelHost } from '../../src/taskpane/excelHost';
import { FakeWorkbookModel } from '../fake-excel/model';
import { installFakeOffice } from '../fake-excel/office';

const FILE = 'результаты.xlsx';

async function fromCli(grids: Grid[]): Promise<SourceFile[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-hosts-'));
  try {
    const file = path.join(dir, FILE);
    await writeGridsFile(grids, file);
    const loaded = await loadInput({ path: file, display: FILE });
    if (loaded.error !== undefined) throw new Error(loaded.error);
    return [{ file: FILE, sheets: loaded.workbook.sheets }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fromPane(grids: Grid[]): Promise<SourceFile[]> {
  const model = new FakeWorkbookModel();
  for (const g of grids)
    model.fill(
      model.addSheet(g.sheet),
      g.rows.map((row) => (row ?? []).map((c) => c?.v ?? null)),
    );
  installFakeOffice(globalThis as unknown as Record<string, unknown>, model);
  // The pane's reader; it labels the open workbook with the same name, so messages compare.
  return [{ file: FILE, sheets: await createExcelHost().readUserSheets() }];
}

describe('the command line and the pane agree', () => {
  const region = generateRegion({ schools: 12, seed: 5 });
  const grids = [resultsGrid(region), riskGrid(region)];
  const common = { settings: defaultSettings(), asOf: '2025-03-01', workbook: NEW_WORKBOOK };

  it('prepareReport gives identical patches and issues', async () => {
    const [cli, pane] = [await fromCli(grids), await fromPane(grids)];
    const a = prepareReport({ ...common, files: cli });
    const b = prepareReport({ ...common, files: pane });
    expect(a.results.rows).toBeGreaterThan(0);
    expect(b.patch).toEqual(a.patch);
    expect(b.issues).toEqual(a.issues);
    expect(b.preview).toEqual(a.preview);
    // The risk-factor sheet is read as such, never reported as a results sheet left out.
    expect(a.issues.filter((i) => i.code === 'results-sheet-skipped')).toEqual([]);
  });

  it('computeCriteria gives identical patches and issues', async () => {
    const [cli, pane] = [await fromCli(grids), await fromPane(grids)];
    const a = computeCriteria({ ...common, files: cli });
    const b = computeCriteria({ ...common, files: pane });
    expect(b.patch).toEqual(a.patch);
    expect(b.issues).toEqual(a.issues);
  });
});
