/**
 * The lean reader (read.ts) gives the Grid exceljs gave (exceljsRead.ts full load and
 * streamRead.ts), on every fixture and on generated workbooks, written by exceljs, by LibreOffice
 * and with inline strings and numeric character references; and it has neither of exceljs's
 * stream defects (a Cyrillic letter cut between two chunks, merged areas dropped).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildCriteriaPatch } from '../../src/core/criteria/workbookPatch';
import { computeCriteria } from '../../src/core/criteria/engine';
import { gridFromValues, type Grid } from '../../src/core/grid';
import { readResults } from '../../src/core/results/read';
import { defaultSettings } from '../../src/core/settings';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { generateRegion } from '../../src/core/synthetic/region';
import { gridsFromRegion } from '../../src/core/synthetic/regionGrids';
import { readWorkbookExcelJs } from '../../src/xlsx/exceljsRead';
import { readWorkbook } from '../../src/xlsx/read';
import { readWorkbookStreaming } from '../../src/xlsx/streamRead';
import { writeNewWorkbookFile } from '../../src/xlsx/write';
import { ZipPackage } from '../../src/xlsx/zipPackage';
import { amurPlan } from '../fixtures/plans/amur';
import * as handmade from '../fixtures/plans/handmade';
import { tambovPlan } from '../fixtures/plans/tambov';
import { tverPlan } from '../fixtures/plans/tver';
import { federalExportBlock, VPR_5_MATHS_2023 } from '../fixtures/results/federalExport';
import { longTableValues } from '../fixtures/results/longTable';
import { inlineWorkbook, plainWorkbook } from '../support/plainWorkbook';
import { libreOffice } from '../support/libreoffice';
import { excelJsWorkbook } from '../support/excelJsWorkbook';

const region = generateRegion({ schools: 25, seed: 5 });
const FIXTURES: Array<[string, () => Grid[]]> = [
  ['Tver plan', () => [tverPlan()]],
  ['Amur plan', () => [amurPlan()]],
  ['Tambov plan', () => [tambovPlan()]],
  ...Object.entries(handmade)
    .filter(([name, fn]) => typeof fn === 'function' && name !== 'bigPlan')
    .map(([name, fn]): [string, () => Grid[]] => [name, () => [(fn as () => Grid)()]]),
  ['a big plan', () => [handmade.bigPlan(400)]],
  ['federal export', () => [gridFromValues('ВПР', federalExportBlock(VPR_5_MATHS_2023))]],
  ['long results table', () => [gridFromValues('Результаты', longTableValues())]],
  ['generated plan', () => [generatePlanGrid({ activities: 150, seed: 3, year: 2024 })]],
  ['generated region', () => gridsFromRegion(region)],
];

/** exceljs's `cell.value` drops a formula's cached result when it is 0, FALSE or empty text. */
function withoutFalsyResults(grids: Grid[]): Grid[] {
  return grids.map((g) => ({
    ...g,
    rows: g.rows.map(
      (r) => r && r.map((c) => (c?.f && !c.v && c.v !== null ? { ...c, v: null } : c)),
    ),
  }));
}

async function allReaders(data: Buffer) {
  const lean = await readWorkbook('книга.xlsx', data);
  const loaded = await readWorkbookExcelJs('книга.xlsx', data, { stream: false });
  const streamed = await readWorkbookStreaming(data);
  return { lean, loaded, streamed };
}

describe('the lean reader reads what exceljs read', () => {
  it.each(FIXTURES)('%s written by exceljs', async (_, grids) => {
    const { lean, loaded, streamed } = await allReaders(await excelJsWorkbook(grids()));
    expect(lean.sheets).toEqual(loaded.sheets);
    expect(lean.hidden).toEqual(loaded.hidden);
    expect(streamed?.sheets ?? loaded.sheets).toEqual(lean.sheets);
  });

  it.each(FIXTURES)('%s with inline strings and numeric character references', async (_, grids) => {
    const data = await inlineWorkbook(grids());
    expect(ZipPackage.open(data, 'x').readText('xl/worksheets/sheet1.xml')).toMatch(/&#10\d\d;/);
    const { lean, loaded } = await allReaders(data);
    expect(lean.sheets).toEqual(loaded.sheets);
  });

  it('the generated region in a plain shared-string layout (as the benchmark writes it)', async () => {
    const { lean, loaded } = await allReaders(plainWorkbook(gridsFromRegion(region), 'shared'));
    expect(lean.sheets).toEqual(loaded.sheets);
  });

  it('a criteria workbook our writer made: styles, shared formulas, the hidden registry, names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shnor-lean-'));
    try {
      const file = path.join(dir, 'критерии.xlsx');
      const rows = readResults(gridsFromRegion(region)).rows;
      const settings = defaultSettings();
      await writeNewWorkbookFile(
        buildCriteriaPatch(rows.length, computeCriteria(rows, settings), settings),
        file,
      );
      const { lean, loaded } = await allReaders(readFileSync(file));
      expect(withoutFalsyResults(lean.sheets)).toEqual(loaded.sheets);
      // exceljs drops a formula's cached 0 or FALSE (cell.value); the lean reader keeps them.
      expect(lean.sheets.some((g) => g.rows.some((r) => r?.some((c) => c?.f && c.v === 0)))).toBe(
        true,
      );
      expect(
        lean.sheets.some((g) => g.rows.some((r) => r?.some((c) => c?.f && c.v === false))),
      ).toBe(true);
      expect(lean.hidden).toEqual(loaded.hidden);
      expect(lean.hidden).toContain('_shnor');
      const results = lean.sheets.find((s) => s.sheet === 'Результаты')!;
      expect(results.rows.filter((r) => r?.some((c) => c?.f)).length).toBeGreaterThan(100);
      expect(lean.definedNames!.some((n) => n.name.startsWith('_shnor_') && n.hidden)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workbooks saved by LibreOffice', () => {
  const soffice = libreOffice('сравнение читателей на книгах LibreOffice');
  const run = soffice ? it : it.skip;

  run(
    'every fixture re-saved by LibreOffice reads the same with both readers',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'shnor-lo-read-'));
      try {
        const input = path.join(dir, 'in');
        const out = path.join(dir, 'out');
        const profile = path.join(dir, 'profile');
        mkdirSync(input);
        mkdirSync(out);
        const names = FIXTURES.map((_, i) => `f${i}.xlsx`);
        for (const [i, [, grids]] of FIXTURES.entries())
          writeFileSync(path.join(input, names[i]!), await excelJsWorkbook(grids()));
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            '--headless',
            '--norestore',
            '--convert-to',
            'xlsx:Calc MS Excel 2007 XML',
            '--outdir',
            out,
            ...names.map((n) => path.join(input, n)),
          ],
          { stdio: 'pipe', timeout: 300_000 },
        );
        for (const [i, [what, grids]] of FIXTURES.entries()) {
          const data = readFileSync(path.join(out, names[i]!));
          const { lean, loaded } = await allReaders(data);
          expect({ what, sheets: lean.sheets }).toEqual({ what, sheets: loaded.sheets });
          // LibreOffice keeps every value: the text of each cell is what was written.
          const texts = (gs: Grid[]) =>
            gs.map((g) =>
              Array.from(g.rows, (r) =>
                Array.from(r ?? [], (c) => (c ? String(c.v) : ''))
                  .join('|')
                  .replace(/\|+$/, ''),
              ),
            );
          expect({ what, texts: texts(lean.sheets) }).toEqual({ what, texts: texts(grids()) });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
