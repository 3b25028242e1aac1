/**
 * Conformance of the two adapters: the same patches applied through the exceljs adapter
 * (src/xlsx/write.ts) and through the office.js adapter over the fake Excel (src/excel/apply.ts)
 * give the same workbook, compared cell by cell — values and formulas (as the fingerprint sees
 * them), merges, links, markers, defined names, sheet order and visibility — for a new workbook
 * and for updates with user sheets, clashing names, renamed and edited generated sheets and
 * removed keys.
 */
import ExcelJS from 'exceljs';
import { computeCriteria } from '../../src/core/criteria/engine';
import { buildCriteriaPatch } from '../../src/core/criteria/workbookPatch';
import { areaA1, type Grid } from '../../src/core/grid';
import { emptySheetPatch, type WorkbookPatch } from '../../src/core/patch';
import { defaultSettings } from '../../src/core/settings';
import { seenFormula, seenValue } from '../../src/core/workbook/fingerprint';
import type { ApplyReport } from '../../src/core/workbook/policy';
import { markerKey } from '../../src/core/workbook/registry';
import { applyPatch as applyExcel } from '../../src/excel/apply';
import { sheetMarkers } from '../../src/xlsx/markers';
import { worksheetToGrid } from '../../src/xlsx/exceljsRead';
import { applyPatch as applyXlsx, loadWorkbook, workbookToBuffer } from '../../src/xlsx/write';
import { FakeExcelContext } from '../fake-excel/context';
import { FakeWorkbookModel } from '../fake-excel/model';
import { fixtureRows, NOT_HELD } from '../core/criteria/fixtures';

interface View {
  sheets: Array<{
    name: string;
    visibility: string;
    marker: string | null;
    cells: Record<string, string>;
    merges: string[];
    links: Record<string, string>;
  }>;
  names: Record<string, string>;
}

function cellsOf(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  grid.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      const seen = cell ? (cell.f ? seenFormula(cell.f) : seenValue(cell.v)) : null;
      if (seen !== null) out[`${r},${c}`] = seen;
    }),
  );
  return out;
}

const reference = (ref: string) => ref.replace(/^[=#]/, '').replace(/[$']/g, '');

function xlsxView(wb: ExcelJS.Workbook): View {
  const markers = sheetMarkers(wb);
  return {
    sheets: wb.worksheets.map((ws) => {
      const links: Record<string, string> = {};
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.hyperlink) links[cell.address] = reference(cell.hyperlink);
        }),
      );
      const grid = worksheetToGrid(ws);
      return {
        name: ws.name,
        visibility:
          ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
        marker: markers.get(ws.id) ?? null,
        cells: cellsOf(grid),
        merges: grid.merges.map(areaA1).sort(),
        links,
      };
    }),
    names: Object.fromEntries(
      wb.definedNames.model
        .filter((d) => d.ranges.length)
        .map((d) => [d.name, reference(d.ranges.join(','))]),
    ),
  };
}

function fakeView(model: FakeWorkbookModel): View {
  return {
    sheets: model.sheets.map((s) => {
      const grid: Grid = { sheet: s.name, rows: [], merges: s.merges };
      const links: Record<string, string> = {};
      for (const [r, c, cell] of s.entries()) {
        const row = (grid.rows[r] ??= []);
        if (cell.formula !== undefined) row[c] = { v: null, f: cell.formula };
        else if (cell.value !== null) row[c] = { v: cell.value };
        if (cell.hyperlink?.documentReference)
          links[`${String.fromCharCode(65 + c)}${r + 1}`] = reference(
            cell.hyperlink.documentReference,
          );
      }
      const marker = s.names.find((n) => n.name === '_shnor_key');
      return {
        name: s.name,
        visibility: s.visibility,
        marker: marker ? markerKey(marker.reference) : null,
        cells: cellsOf(grid),
        merges: s.merges.map(areaA1).sort(),
        links,
      };
    }),
    names: Object.fromEntries(model.names.map((n) => [n.name, reference(n.reference)])),
  };
}

/** One workbook in both hosts, changed the same way. */
class Twins {
  xlsx = new ExcelJS.Workbook();
  fake = new FakeWorkbookModel();

  userSheet(name: string, values: Array<Array<string | number>>): void {
    const ws = this.xlsx.addWorksheet(name);
    values.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    this.fake.fill(this.fake.addSheet(name), values);
  }

  async apply(patch: WorkbookPatch): Promise<void> {
    // The file goes through a save and a load, as between two runs of the command line.
    this.xlsx = await loadWorkbook(await workbookToBuffer(this.xlsx));
    const a = applyXlsx(this.xlsx, patch);
    const b = await applyExcel(new FakeExcelContext(this.fake), patch, {
      api: this.fake.requirements(),
    });
    // What the policy decided: the same from both hosts (status and transfer figures aside).
    const decided = (r: ApplyReport) => ({
      names: r.names,
      created: r.created,
      replaced: r.replaced,
      removed: r.removed,
      renamedToAvoidClash: r.renamedToAvoidClash,
      changedByUser: r.changedByUser,
    });
    expect(decided(b)).toEqual(decided(a));
  }

  rename(from: string, to: string): void {
    this.xlsx.getWorksheet(from)!.name = to;
    this.fake.sheet(from).name = to;
  }

  edit(sheet: string, row: number, col: number, value: string): void {
    this.xlsx.getWorksheet(sheet)!.getCell(row + 1, col + 1).value = value;
    this.fake.sheet(sheet).ensure(row, col).value = value;
  }

  expectSame(): void {
    expect(fakeView(this.fake)).toEqual(xlsxView(this.xlsx));
  }
}

function reportPatch(schools: string[], extra: Partial<WorkbookPatch> = {}): WorkbookPatch {
  const rows = fixtureRows();
  const settings = defaultSettings();
  const criteria = buildCriteriaPatch(
    rows.length,
    computeCriteria(rows, settings, NOT_HELD),
    settings,
  );
  const index = emptySheetPatch('Свод', 'index', 0);
  index.values.push({
    at: 'A1',
    values: [['Школа', 'Дата'], ...schools.map((s) => [s, new Date(Date.UTC(2025, 0, 15))])],
  });
  index.merges.push('D1:E2');
  index.values.push({ at: 'D1', values: [['Объединено']] });
  schools.forEach((s, i) =>
    index.hyperlinks.push({ cell: `C${i + 2}`, sheet: s, target: 'A1', text: `→ ${s}` }),
  );
  index.rowHeights = [{ row: 2, height: 30 }];
  const tabs = schools.map((s, i) => {
    const p = emptySheetPatch(s, `school:${s}`, 10 + i);
    p.values.push({ at: 'A1', values: [[s], ['=не формула'], [0.1 + 0.2]] });
    p.formulas.push({ at: 'B3', formulas: [["=A3*2+COUNTA('Свод'!A:A)"]], cached: [[0.6]] });
    return p;
  });
  return {
    sheets: [index, ...tabs, ...criteria.sheets],
    names: criteria.names,
    removeKeys: [],
    activeSheet: 'Свод',
    ...extra,
  };
}

describe('the exceljs and office.js adapters give the same workbook', () => {
  it('for a new workbook', async () => {
    const t = new Twins();
    await t.apply(reportPatch(['Школа 1', 'Школа 2']));
    t.expectSame();
  });

  it('for updates beside user sheets: clashing names, renamed and edited generated sheets, removed keys', async () => {
    const t = new Twins();
    t.userSheet('Данные', [
      ['Школа', 'Участников'],
      ['=текст', 25],
    ]);
    t.userSheet('результаты', [['моё']]);
    await t.apply(reportPatch(['Школа 1', 'Школа 2', 'Школа 3']));
    t.expectSame();

    t.rename('Школа 1', 'Моя школа');
    t.edit('Школа 2', 5, 0, 'заметка');
    t.userSheet('Свод (2)', [['тоже моё']]);
    await t.apply(
      reportPatch(['Школа 1', 'Школа 2'], { removeKeys: ['school:Школа 3', 'Данные'] }),
    );
    t.expectSame();

    const view = xlsxView(t.xlsx);
    expect(view.sheets.map((s) => [s.name, s.marker])).toEqual([
      ['Данные', null],
      ['результаты', null],
      ['Школа 2 (правки пользователя)', null],
      ['Свод (2)', null],
      ['Свод', 'index'],
      ['Школа 1', 'school:Школа 1'],
      ['Школа 2', 'school:Школа 2'],
      ['Настройки', 'criteria:settings'],
      ['Результаты (2)', 'criteria:results'],
      ['Критерии', 'criteria:criteria'],
      ['Показатели', 'criteria:indicators'],
      ['_shnor', null],
    ]);
    expect(view.sheets.find((s) => s.name === 'Свод')!.links.C2).toBe('Школа 1!A1');
    expect(
      Object.keys(view.sheets.find((s) => s.name === 'Критерии')!.cells).length,
    ).toBeGreaterThan(50);

    // A third run over what the second left: nothing changed by the user any more.
    await t.apply(reportPatch(['Школа 1']));
    t.expectSame();
  });
});
