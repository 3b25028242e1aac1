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
import { gridFromValues, type CellValue } from '../../src/core/grid';
import { RESULTS_HEADER, resultsGrid, riskGrid } from '../../src/core/synthetic/regionGrids';
import { createExcelHost } from '../../src/taskpane/excelHost';
import { FakeWorkbookModel } from '../fake-excel/model';
import { installFakeOffice } from '../fake-excel/office';

const FILE = 'результаты.xlsx';

/** The command line's reader over files holding these grids (the first file is named FILE). */
async function fromCli(grids: Grid[], ...moreFiles: Grid[][]): Promise<SourceFile[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-hosts-'));
  try {
    const out: SourceFile[] = [];
    for (const [i, fileGrids] of [grids, ...moreFiles].entries()) {
      const name = i === 0 ? FILE : `ещё ${i}.xlsx`;
      const file = path.join(dir, name);
      await writeGridsFile(fileGrids, file);
      const loaded = await loadInput({ path: file, display: name });
      if (loaded.error !== undefined) throw new Error(loaded.error);
      out.push({ file: name, sheets: loaded.workbook.sheets });
    }
    return out;
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

  /**
   * A sheet of more results: one school's row under another name, another row with more pupils
   * than settings.maxParticipants allows.
   */
  function moreResults(): Grid {
    const rows = resultsGrid(region).rows.slice(1, 3);
    const values = rows.map((r) => (r ?? []).map((c) => (c?.v ?? null) as CellValue));
    values[0]![2] = 'Совсем другая школа';
    values[0]![3] = 2019; // another year: not a duplicate of the row it came from
    values[1]![7] = 500000;
    return gridFromValues('Ещё результаты', [[...RESULTS_HEADER], ...values]);
  }

  it('the results sanity and school identity checks are the same for both hosts', async () => {
    const sheets = [resultsGrid(region), moreResults(), riskGrid(region)];
    const [cli, pane] = [await fromCli(sheets), await fromPane(sheets)];
    for (const useCase of [prepareReport, computeCriteria]) {
      const a = useCase({ ...common, files: cli });
      const b = useCase({ ...common, files: pane });
      expect(b.issues).toEqual(a.issues);
      expect(b.patch).toEqual(a.patch);
      const codes = a.issues.map((i) => i.code);
      expect(codes).toContain('results-code-conflict');
      expect(codes).toContain('results-implausible-count');
    }
  });

  it('a school code under two names across files is said by the use case, at the later file', async () => {
    const cli = await fromCli([resultsGrid(region), riskGrid(region)], [moreResults()]);
    for (const useCase of [prepareReport, computeCriteria]) {
      const conflicts = useCase({ ...common, files: cli }).issues.filter(
        (i) => i.code === 'results-code-conflict',
      );
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.file).toBe('ещё 1.xlsx');
    }
    // The counts limit comes from the settings the use case is given.
    const strict = { ...common.settings, maxParticipants: 1 };
    const issues = computeCriteria({ ...common, settings: strict, files: cli }).issues;
    expect(issues.filter((i) => i.code === 'results-implausible-count').length).toBeGreaterThan(1);
  });
});
