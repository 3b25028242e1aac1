/**
 * The criteria workbook recalculated by a real spreadsheet engine (LibreOffice) gives exactly the
 * engine's values; and after the threshold cell is changed, the formulas follow the engine run
 * with the new threshold.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { computeCriteria } from '../../src/core/criteria/engine';
import { NAME, SHEET } from '../../src/core/criteria/formulas';
import { buildCriteriaPatch } from '../../src/core/criteria/workbookPatch';
import { columnLetter, parseA1, type Scalar } from '../../src/core/grid';
import { formulaRows, type WorkbookPatch } from '../../src/core/patch';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { applyPatch, workbookToBuffer, writeNewWorkbookFile } from '../../src/xlsx/write';
import { fixtureRows, NOT_HELD, randomRegion } from '../core/criteria/fixtures';
import {
  formulaValues,
  libreOffice,
  recalculate,
  type RecalculatedCell,
} from '../support/libreoffice';

const soffice = libreOffice('тесты пересчёта формул критериев в LibreOffice');
const maybe = soffice ? test : test.skip;
jest.setTimeout(240_000);

function patchFor(settings: Settings): WorkbookPatch {
  const rows = fixtureRows();
  return buildCriteriaPatch(rows.length, computeCriteria(rows, settings, NOT_HELD), settings);
}

async function book(patch: WorkbookPatch, edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  applyPatch(wb, patch);
  edit?.(wb);
  return workbookToBuffer(wb);
}

/** Expected value of every formula cell: sheet → address → the engine's cached value. */
function expectedCells(patch: WorkbookPatch): Map<string, Map<string, Scalar>> {
  const out = new Map<string, Map<string, Scalar>>();
  for (const sheet of patch.sheets) {
    const cells = new Map<string, Scalar>();
    for (const block of sheet.formulas) {
      const { r, c } = parseA1(block.at);
      formulaRows(block).forEach((row, i) =>
        row.forEach((f, j) => {
          if (f !== null)
            cells.set(`${columnLetter(c + j)}${r + i + 1}`, block.cached[i]?.[j] ?? null);
        }),
      );
    }
    if (cells.size) out.set(sheet.name, cells);
  }
  return out;
}

function same(expected: Scalar, got: RecalculatedCell['value']): boolean {
  if (expected === null || expected === '') return got === null;
  if (typeof expected === 'number')
    return typeof got === 'number' && Math.abs(got - expected) <= 1e-9;
  return expected === got;
}

async function mismatches(patch: WorkbookPatch, recalculated: Buffer): Promise<string[]> {
  const bad: string[] = [];
  let checked = 0;
  for (const [sheet, cells] of expectedCells(patch)) {
    const got = await formulaValues(recalculated, sheet);
    for (const [address, expected] of cells) {
      checked++;
      const cell = got.get(address);
      if (!cell) bad.push(`${sheet}!${address}: формула пропала`);
      else if (!same(expected, cell.value))
        bad.push(
          `${sheet}!${address} ${cell.formula}: движок ${JSON.stringify(expected)}, LibreOffice ${JSON.stringify(cell.value)}`,
        );
    }
  }
  expect(checked).toBeGreaterThan(300);
  return bad;
}

maybe('every recalculated formula equals the engine (default settings)', async () => {
  const patch = patchFor(defaultSettings());
  const recalculated = recalculate(soffice!, await book(patch));
  expect(await mismatches(patch, recalculated)).toEqual([]);
});

maybe(
  'the streamed workbook the criteria command writes recalculates to the same values',
  async () => {
    const patch = patchFor(defaultSettings());
    const dir = mkdtempSync(path.join(tmpdir(), 'shnor-recalc-'));
    try {
      const file = path.join(dir, 'критерии.xlsx');
      await writeNewWorkbookFile(patch, file);
      const recalculated = recalculate(soffice!, readFileSync(file));
      expect(await mismatches(patch, recalculated)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

maybe(
  'every recalculated formula equals the engine (procedures by type and subject, min participants 6)',
  async () => {
    const patch = patchFor({
      ...defaultSettings(),
      procedureIdentity: 'type+subject',
      minParticipants: 6,
      dynamicsDelta: 2,
    });
    const recalculated = recalculate(soffice!, await book(patch));
    expect(await mismatches(patch, recalculated)).toEqual([]);
  },
);

maybe('every recalculated formula equals the engine on a pseudo-random region', async () => {
  const rows = randomRegion(20231123, 40);
  const settings = { ...defaultSettings(), threshold: 0.25, dynamicsDelta: 1 };
  const patch = buildCriteriaPatch(
    rows.length,
    computeCriteria(rows, settings, NOT_HELD),
    settings,
  );
  const recalculated = recalculate(soffice!, await book(patch));
  expect(await mismatches(patch, recalculated)).toEqual([]);
});

maybe('changing the threshold cell recomputes the ШНОР flags as the engine does', async () => {
  const settings = defaultSettings();
  const higher = { ...settings, threshold: 0.4 };
  const rows = fixtureRows();
  const before = computeCriteria(rows, settings, NOT_HELD);
  const after = computeCriteria(rows, higher, NOT_HELD);
  const shnorYears = (r: typeof before) =>
    r.schools.flatMap((s) =>
      Object.values(s.years)
        .filter((y) => y.shnor)
        .map((y) => `${s.id} ${y.year}`),
    );
  // The fixture must actually change under the new threshold, or the test proves nothing.
  expect(shnorYears(after)).not.toEqual(shnorYears(before));

  const patch = patchFor(settings);
  const edited = await book(patch, (wb) => {
    const name = wb.definedNames.model.find((d) => d.name === NAME.threshold)!;
    const [, cell] = name.ranges[0]!.split('!');
    wb.getWorksheet(SHEET.settings)!.getCell(cell!.replace(/\$/g, '')).value = 0.4;
  });
  const recalculated = recalculate(soffice!, edited);
  expect(await mismatches(patchFor(higher), recalculated)).toEqual([]);
});
