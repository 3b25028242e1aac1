import { REGISTRY_SHEET } from '../../src/core/workbook/sheetNames';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { computeCriteria } from '../../src/core/criteria/engine';
import { buildCriteriaPatch } from '../../src/core/criteria/workbookPatch';
import { emptySheetPatch, type SheetPatch, type WorkbookPatch } from '../../src/core/patch';
import { defaultSettings } from '../../src/core/settings';
import { readWorkbook } from '../../src/xlsx/read';
import {
  applyPatch,
  listGeneratedSheets,
  loadWorkbook,
  workbookToBuffer,
  writeNewWorkbookFile,
} from '../../src/xlsx/write';
import type { Grid } from '../../src/core/grid';
import { fixtureRows, NOT_HELD } from '../core/criteria/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'shnor-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The two ways a patch reaches a file: patched in memory, or streamed to a new file. */
const WRITERS: Array<[string, (patch: WorkbookPatch) => Promise<Buffer>]> = [
  [
    'in memory',
    async (patch) => {
      const wb = new ExcelJS.Workbook();
      applyPatch(wb, patch);
      return workbookToBuffer(wb);
    },
  ],
  [
    'streamed',
    async (patch) => {
      const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.xlsx`);
      await writeNewWorkbookFile(patch, file);
      return readFileSync(file);
    },
  ],
];

function sheet(
  name: string,
  key: string,
  order: number,
  fill: Partial<SheetPatch> = {},
): SheetPatch {
  return {
    ...emptySheetPatch(name, key, order),
    values: [{ at: 'A1', values: [[`Лист ${name}`]] }],
    ...fill,
  };
}

function patchOf(sheets: SheetPatch[], extra: Partial<WorkbookPatch> = {}): WorkbookPatch {
  return { sheets, names: [], removeKeys: [], ...extra };
}

/** A workbook with two user sheets, one of them with awkward text and a date. */
function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Данные');
  a.addRow(['Школа', 'Участников', 'Дата']);
  a.addRow(['МБОУ СОШ №1', 25, new Date(Date.UTC(2023, 4, 15))]);
  a.addRow(['=СОШ', '+7', '-']);
  a.mergeCells('A5:C5');
  a.getCell('A5').value = 'Итого';
  a.getCell('D2').value = { formula: 'B2*2', result: 50 };
  wb.addWorksheet('Настройки').addRow(['Порог', 0.3]);
  return wb;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await workbookToBuffer(wb));
}

async function grids(wb: ExcelJS.Workbook): Promise<Grid[]> {
  return (await readWorkbook('test.xlsx', await workbookToBuffer(wb))).sheets;
}

/** Text of one entry of a zip, found through the central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  while (zip.readUInt32LE(p) === 0x02014b50) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in zip`);
}

function visibleNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => ws.name);
}

describe('applyPatch', () => {
  it('keeps every user sheet value as it was and adds generated sheets after them', async () => {
    const wb = userWorkbook();
    const before = await grids(wb);
    const report = applyPatch(
      wb,
      patchOf([sheet('Свод', 'summary', 1), sheet('Указатель', 'index', 0)]),
    );
    expect(report.created).toEqual(['Указатель', 'Свод']);
    const after = await roundTrip(wb);
    expect(visibleNames(after)).toEqual(['Данные', 'Настройки', 'Указатель', 'Свод']);
    const afterGrids = await grids(after);
    for (const g of before) expect(afterGrids.find((x) => x.sheet === g.sheet)).toEqual(g);
    expect(after.getWorksheet(REGISTRY_SHEET)?.state).toBe('veryHidden');
  });

  it('writes strings starting with = + - @ as text, never as formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const texts = ['=СОШ', '+7 (999) 123', '-1', '@школа', '=SUM(A1:A2)'];
    applyPatch(
      wb,
      patchOf([{ ...emptySheetPatch('Т', 't', 0), values: [{ at: 'B2', values: [texts] }] }]),
    );
    const back = await roundTrip(wb);
    const ws = back.getWorksheet('Т')!;
    texts.forEach((t, i) => {
      const cell = ws.getCell(2, 2 + i);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t);
    });
    const g = (await grids(back)).find((x) => x.sheet === 'Т')!;
    expect(g.rows[1]?.slice(1).map((c) => [c?.v, c?.f])).toEqual(texts.map((t) => [t, undefined]));
  });

  it.each(WRITERS)(
    'writes formulas with their cached values, numbers, dates and booleans (%s)',
    async (_, write) => {
      const d = new Date(Date.UTC(2024, 0, 31));
      const buffer = await write(
        patchOf([
          {
            ...emptySheetPatch('Расчёт', 'calc', 0),
            values: [{ at: 'A1', values: [[10, 4, d, true, null]] }],
            formulas: [
              {
                at: 'A2',
                formulas: [['=A1/B1', null, '=IF(A1>=5,"да","нет")']],
                cached: [[2.5, null, 'да']],
              },
            ],
          },
        ]),
      );
      const g = (await readWorkbook('test.xlsx', buffer)).sheets.find((x) => x.sheet === 'Расчёт')!;
      expect(g.rows[0]?.map((c) => c?.v)).toEqual([10, 4, d, true]);
      expect(g.rows[1]?.[0]).toEqual({ v: 2.5, f: 'A1/B1' });
      expect(g.rows[1]?.[1]).toBeUndefined();
      expect(g.rows[1]?.[2]).toEqual({ v: 'да', f: 'IF(A1>=5,"да","нет")' });
    },
  );

  it.each(WRITERS)(
    'writes formats, merges, links, conditional formats, widths, freeze, filter, print, tab colour, names (%s)',
    async (_, write) => {
      const buffer = await write(
        patchOf(
          [
            {
              ...emptySheetPatch('Школа 1', 'school:1', 1),
              tabColor: 'C00000',
              values: [
                {
                  at: 'A1',
                  values: [
                    ['Доля', 0.35],
                    ['Назад', null],
                  ],
                },
              ],
              formats: [
                {
                  range: 'A1:B1',
                  style: {
                    bold: true,
                    fill: 'DDEBF7',
                    border: 'thin',
                    wrap: true,
                    hAlign: 'center',
                  },
                },
                { range: 'B1', style: { numFmt: '0.0%' } },
              ],
              merges: ['A4:C4'],
              hyperlinks: [
                {
                  cell: 'A2',
                  sheet: 'Указатель школ',
                  target: 'A1',
                  text: 'Назад',
                  tooltip: 'К указателю',
                },
              ],
              conditionalFormats: [
                {
                  range: 'B1:B3',
                  operator: 'greaterThanOrEqual',
                  value: '0.3',
                  style: { fill: 'FFC7CE' },
                },
              ],
              columnWidths: [{ col: 'A', width: 40 }],
              freeze: { rows: 1, cols: 1 },
              autoFilter: 'A1:B1',
              print: { orientation: 'landscape', fitToWidth: true, titleRows: '1:1' },
            },
            sheet('Указатель школ', 'index', 0),
          ],
          {
            names: [{ name: 'Порог', sheet: 'Школа 1', range: 'B1' }],
            activeSheet: 'Указатель школ',
          },
        ),
      );
      const back = await loadWorkbook(buffer);
      const ws = back.getWorksheet('Школа 1')!;
      expect(ws.getCell('A1').font?.bold).toBe(true);
      expect(ws.getCell('A1').fill).toMatchObject({
        type: 'pattern',
        fgColor: { argb: 'FFDDEBF7' },
      });
      expect(ws.getCell('A1').border?.top?.style).toBe('thin');
      expect(ws.getCell('A1').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
      expect(ws.getCell('B1').numFmt).toBe('0.0%');
      expect(ws.getCell('B1').font?.bold).toBe(true);
      expect((ws.model as { merges: string[] }).merges).toContain('A4:C4');
      expect(ws.getCell('A2').value).toMatchObject({
        text: 'Назад',
        hyperlink: "#'Указатель школ'!A1",
      });
      const cf = (
        ws as unknown as {
          conditionalFormattings: Array<{
            ref: string;
            rules: Array<{ operator: string; formulae: string[] }>;
          }>;
        }
      ).conditionalFormattings;
      expect(cf[0]).toMatchObject({
        ref: 'B1:B3',
        rules: [{ operator: 'greaterThanOrEqual', formulae: ['0.3'] }],
      });
      expect(ws.getColumn('A').width).toBe(40);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      expect(ws.autoFilter).toBe('A1:B1');
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
        printTitlesRow: '1:1',
      });
      expect(ws.properties.tabColor).toEqual({ argb: 'FFC00000' });
      expect(back.definedNames.model.find((n) => n.name === 'Порог')?.ranges).toEqual([
        "'Школа 1'!$B$1",
      ]);
      expect(back.worksheets[back.views[0]!.activeTab!]?.name).toBe('Указатель школ');
    },
  );

  it.each(WRITERS)(
    'writes fill-down blocks as formulas that read back row by row (%s)',
    async (_, write) => {
      const buffer = await write(
        patchOf([
          {
            ...emptySheetPatch('Таблица', 'table', 0),
            values: [{ at: 'A1', values: [['n'], [1], [2], [3], [4], [5], [6]] }],
            formulas: [
              // two blocks starting on different rows: each keeps its own shared formula
              { at: 'B2', formulas: [['=A{r}*2']], cached: [[2], [4], [6]], fillDown: true },
              {
                at: 'C5',
                formulas: [['=A{r}+A{r-1}', '=C{r}>5']],
                cached: [
                  [7, true],
                  [9, true],
                  [11, true],
                ],
                fillDown: true,
              },
            ],
          },
        ]),
      );
      const g = (await readWorkbook('t.xlsx', buffer)).sheets[0]!;
      expect(
        g.rows.slice(1).map((r) => r!.slice(1).map((c) => c && `${c.f}=${String(c.v)}`)),
      ).toEqual([
        ['A2*2=2'],
        ['A3*2=4'],
        ['A4*2=6'],
        [undefined, 'A5+A4=7', 'C5>5=true'],
        [undefined, 'A6+A5=9', 'C6>5=true'],
        [undefined, 'A7+A6=11', 'C7>5=true'],
      ]);
      // Excel requires every shared formula of a sheet to have its own number
      const masters = [
        ...zipEntry(buffer, 'xl/worksheets/sheet1.xml').matchAll(
          /<f t="shared" ref="[^"]+" si="(\d+)"/g,
        ),
      ];
      expect(masters.map((m) => m[1])).toEqual(['0', '1', '2']);
      // the written sheet reads back exactly as it was written: not taken for edited by the user
      expect(listGeneratedSheets(await loadWorkbook(buffer))).toMatchObject([
        { key: 'table', edited: false, renamed: false },
      ]);
    },
  );

  it('streams the same workbook applyPatch makes from nothing', async () => {
    const rows = fixtureRows();
    const settings = defaultSettings();
    const criteria = buildCriteriaPatch(
      rows.length,
      computeCriteria(rows, settings, NOT_HELD),
      settings,
    );
    const patch: WorkbookPatch = {
      ...criteria,
      sheets: [
        ...criteria.sheets,
        sheet('Сводка', 'summary', 0, {
          merges: ['A3:C3'],
          values: [{ at: 'A1', values: [['Свод'], [null], ['Объединено'], ['=не формула']] }],
          rowHeights: [{ row: 3, height: 45 }],
        }),
      ],
    };
    const [memory, streamed] = await Promise.all(WRITERS.map(([, write]) => write(patch)));
    const read = async (b: Buffer) => {
      const wb = await loadWorkbook(b);
      return {
        sheets: wb.worksheets.map((ws) => [ws.name, ws.state]),
        generated: listGeneratedSheets(wb),
        names: wb.definedNames.model.map((n) => [n.name, n.ranges]).sort(),
        active: wb.views[0]?.activeTab,
        grids: (await readWorkbook('t.xlsx', b)).sheets,
        height: wb.getWorksheet('Сводка')!.getRow(3).height,
        styles: ['A1', 'Q2', 'B2'].map((a) => wb.getWorksheet('Результаты')!.getCell(a).style),
      };
    };
    const [a, b] = await Promise.all([read(memory!), read(streamed!)]);
    expect(b).toEqual(a);
    expect(b.generated.every((g) => !g.edited && !g.renamed)).toBe(true);
    expect(b.height).toBe(45);
    expect(b.sheets.at(-1)).toEqual([REGISTRY_SHEET, 'veryHidden']);
  });

  it('replaces its own sheets on a second run instead of duplicating them', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf([sheet('Свод', 'summary', 0), sheet('Школа А', 'school:a', 1)]));
    const second = await roundTrip(wb);
    const report = applyPatch(
      second,
      patchOf([
        sheet('Свод', 'summary', 0, { values: [{ at: 'A1', values: [['новый']] }] }),
        sheet('Школа А', 'school:a', 1),
      ]),
    );
    expect(report.created).toEqual([]);
    expect(report.replaced.map((r) => r.name)).toEqual(['Свод', 'Школа А']);
    expect(report.changedByUser).toEqual([]);
    const back = await roundTrip(second);
    expect(visibleNames(back)).toEqual(['Данные', 'Настройки', 'Свод', 'Школа А']);
    expect(back.getWorksheet('Свод')!.getCell('A1').value).toBe('новый');
    expect(
      listGeneratedSheets(back)
        .map((s) => s.key)
        .sort(),
    ).toEqual(['school:a', 'summary']);
  });

  it('finds a generated sheet the user renamed and edited, reports it, and replaces it', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf([sheet('Свод', 'summary', 0)]));
    const opened = await roundTrip(wb);
    // What Excel does on a rename: the sheet and every defined name pointing at it change.
    const ws = opened.getWorksheet('Свод')!;
    ws.name = 'Мой свод';
    opened.definedNames.model = opened.definedNames.model.map((d) => ({
      ...d,
      ranges: d.ranges.map((r) => r.replace("'Свод'!", "'Мой свод'!")),
    }));
    ws.getCell('B1').value = 'правка';
    const reopened = await roundTrip(opened);
    const listed = listGeneratedSheets(reopened);
    expect(listed).toEqual([
      expect.objectContaining({ key: 'summary', name: 'Мой свод', renamed: true, edited: true }),
    ]);
    const report = applyPatch(reopened, patchOf([sheet('Свод', 'summary', 0)]));
    expect(report.replaced).toEqual([{ key: 'summary', previousName: 'Мой свод', name: 'Свод' }]);
    expect(report.changedByUser.map((c) => c.name)).toEqual(['Мой свод']);
    // The user's edited version is kept as their own sheet (core/workbook/policy.ts).
    expect(report.changedByUser[0]!.keptAs).toBe('Мой свод (правки пользователя)');
    const back = await roundTrip(reopened);
    expect(visibleNames(back)).toEqual([
      'Данные',
      'Настройки',
      'Мой свод (правки пользователя)',
      'Свод',
    ]);
    expect(back.getWorksheet('Мой свод (правки пользователя)')!.getCell('B1').value).toBe('правка');
    expect(listGeneratedSheets(back).map((g) => g.name)).toEqual(['Свод']);
  });

  it('never takes a user sheet for a generated one the user deleted', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf([sheet('Свод', 'summary', 0)]));
    const opened = await roundTrip(wb);
    // Excel deletes the sheet and leaves its names pointing at #REF!; the user makes a new «Свод».
    opened.removeWorksheet(opened.getWorksheet('Свод')!.id);
    opened.definedNames.model = opened.definedNames.model.map((d) => ({
      name: d.name,
      ranges: ['#REF!$A$1'],
    }));
    opened.addWorksheet('Свод').getCell('A1').value = 'моё';
    const reopened = await roundTrip(opened);
    expect(listGeneratedSheets(reopened)).toEqual([]);
    const report = applyPatch(reopened, patchOf([sheet('Свод', 'summary', 0)]));
    expect(report.created).toEqual(['Свод (2)']);
    const back = await roundTrip(reopened);
    expect(back.getWorksheet('Свод')!.getCell('A1').value).toBe('моё');
    expect(listGeneratedSheets(back).map((s) => s.name)).toEqual(['Свод (2)']);
  });

  it('picks "Name (2)" when a user sheet already has the wanted name, and leaves the user sheet alone', async () => {
    const wb = userWorkbook();
    const before = (await grids(wb)).find((g) => g.sheet === 'Данные');
    const report = applyPatch(wb, patchOf([sheet('данные', 'data', 0)]));
    expect(report.renamedToAvoidClash).toEqual([
      { key: 'data', wanted: 'данные', actual: 'данные (2)' },
    ]);
    const back = await roundTrip(wb);
    expect((await grids(back)).find((g) => g.sheet === 'Данные')).toEqual(before);
    const again = applyPatch(back, patchOf([sheet('данные', 'data', 0)]));
    expect(again.replaced).toEqual([
      { key: 'data', previousName: 'данные (2)', name: 'данные (2)' },
    ]);
    expect(again.renamedToAvoidClash).toHaveLength(1);
  });

  it("keeps a clash-avoiding name within Excel's 31 characters", () => {
    const wb = new ExcelJS.Workbook();
    const long = 'Муниципальное образование Ржевск'.slice(0, 31);
    wb.addWorksheet(long);
    const report = applyPatch(wb, patchOf([sheet(long, 'mo', 0)]));
    const actual = report.renamedToAvoidClash[0]!.actual;
    expect(actual).toBe(`${long.slice(0, 27)} (2)`);
    expect(actual.length).toBeLessThanOrEqual(31);
  });

  it('removes generated sheets by key and never a user sheet of the same name', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf([sheet('Школа А', 'school:a', 0), sheet('Школа Б', 'school:b', 1)]));
    const back = await roundTrip(wb);
    const report = applyPatch(back, patchOf([], { removeKeys: ['school:a', 'Данные'] }));
    expect(report.removed).toEqual(['Школа А']);
    const final = await roundTrip(back);
    expect(visibleNames(final)).toEqual(['Данные', 'Настройки', 'Школа Б']);
    expect(final.definedNames.model.some((d) => d.ranges.some((r) => r.includes('Школа А')))).toBe(
      false,
    );
  });

  it('makes the wanted sheet active also beside loaded sheets that have no views', async () => {
    const wb = new ExcelJS.Workbook();
    applyPatch(wb, patchOf([sheet('Свод', 'summary', 0)], { activeSheet: 'Свод' }));
    const opened = await roundTrip(wb);
    opened.addWorksheet('Мои заметки').getCell('A1').value = 'заметка';
    const reopened = await roundTrip(opened);
    applyPatch(reopened, patchOf([sheet('Свод', 'summary', 0)], { activeSheet: 'Свод' }));
    const back = await roundTrip(reopened);
    expect(visibleNames(back)).toEqual(['Мои заметки', 'Свод']);
    expect(back.worksheets[back.views[0]!.activeTab!]?.name).toBe('Свод');
  });

  it('marks its identity names hidden in the file', async () => {
    const wb = new ExcelJS.Workbook();
    applyPatch(wb, patchOf([sheet('Свод', 'summary', 0)]));
    const back = await roundTrip(wb);
    const ours = back.definedNames.model.filter((d) => d.name.startsWith('_shnor_'));
    expect(ours).toHaveLength(1);
    const xml = zipEntry(await workbookToBuffer(back), 'xl/workbook.xml');
    expect(xml).toMatch(new RegExp(`<definedName name="${ours[0]!.name}"[^>]*hidden="1"`));
    expect(xml).not.toMatch(/<definedName name="[^_][^"]*"[^>]*hidden/);
  });
});
