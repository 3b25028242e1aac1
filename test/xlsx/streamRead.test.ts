import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';
import { emptySheetPatch } from '../../src/core/patch';
import { readWorkbookExcelJs as readWorkbook } from '../../src/xlsx/exceljsRead';
import { readWorkbookStreaming } from '../../src/xlsx/streamRead';
import { applyPatch, workbookToBuffer } from '../../src/xlsx/write';
import { amurPlan } from '../fixtures/plans/amur';
import { messyPlan, twoRowHeaderPlan, verticalMergePlan } from '../fixtures/plans/handmade';
import { tambovPlan } from '../fixtures/plans/tambov';
import { tverPlan } from '../fixtures/plans/tver';
import { excelJsWorkbook as xlsxOf } from '../support/excelJsWorkbook';

async function bothWays(data: Buffer) {
  const [loaded, streamed] = await Promise.all([
    readWorkbook('книга.xlsx', data, { stream: false }),
    readWorkbookStreaming(data),
  ]);
  return { loaded, streamed };
}

describe('reading a large workbook as a stream', () => {
  it.each([
    ['Tver', tverPlan],
    ['Amur', amurPlan],
    ['Tambov', tambovPlan],
    ['messy paste', messyPlan],
    ['two-row header', twoRowHeaderPlan],
    ['vertical merges', verticalMergePlan],
  ])('reads the %s plan exactly as a full load does', async (_, plan) => {
    const { loaded, streamed } = await bothWays(await xlsxOf([plan()]));
    expect(streamed).not.toBeNull();
    expect(streamed!.sheets).toEqual(loaded.sheets);
  });

  it('finds every merged area, also where one is cut between two chunks of the file', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [`строка ${i}`, i, null]);
    const grid: Grid = {
      sheet: 'Много объединений',
      rows: rows.map((r) => r.map((v) => (v === null ? undefined : { v }))),
      merges: Array.from({ length: 3000 }, (_, i) => ({
        top: 4 * i,
        left: 2,
        bottom: 4 * i + 1,
        right: 3,
      })),
    };
    const { loaded, streamed } = await bothWays(await xlsxOf([grid]));
    expect(streamed!.sheets[0]!.merges).toHaveLength(3000);
    expect(streamed!.sheets).toEqual(loaded.sheets);
  });

  it('keeps Cyrillic text whole where the file cuts it between chunks, also in inline strings', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'shnor-inline-')), 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('Строки');
    for (let i = 0; i < 20_000; i++) ws.addRow([`Школа «Ёлочка» № ${i}`]).commit();
    ws.commit();
    await wb.commit();
    const streamed = await readWorkbookStreaming(readFileSync(file));
    const texts = streamed!.sheets[0]!.rows.map((r) => r![0]!.v);
    expect(texts).toHaveLength(20_000);
    expect(texts.filter((t, i) => t !== `Школа «Ёлочка» № ${i}`)).toEqual([]);
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('keeps the order of the sheets and says which are hidden', async () => {
    const sheet = (name: string): Grid => ({ sheet: name, rows: [[{ v: name }]], merges: [] });
    const data = await xlsxOf([sheet('Б'), sheet('А'), sheet('Скрытый'), sheet('В')], (wb) => {
      wb.getWorksheet('Скрытый')!.state = 'hidden';
    });
    const { loaded, streamed } = await bothWays(data);
    expect(streamed!.sheets.map((s) => s.sheet)).toEqual(['Б', 'А', 'Скрытый', 'В']);
    expect(streamed!.hidden).toEqual(['Скрытый']);
    expect(streamed).toEqual({ sheets: loaded.sheets, hidden: loaded.hidden });
  });

  it('reads the values of shared formulas; the formula text stays with the first cell', async () => {
    const wb = new ExcelJS.Workbook();
    applyPatch(wb, {
      sheets: [
        {
          ...emptySheetPatch('Расчёт', 'calc', 0),
          values: [{ at: 'A1', values: [[1], [2], [3]] }],
          formulas: [
            { at: 'B1', formulas: [['=A{r}*10']], cached: [[10], [20], [30]], fillDown: true },
          ],
        },
      ],
      names: [],
      removeKeys: [],
    });
    const streamed = await readWorkbookStreaming(await workbookToBuffer(wb));
    const calc = streamed!.sheets.find((s) => s.sheet === 'Расчёт')!;
    expect(calc.rows.map((r) => r![1])).toEqual([{ v: 10, f: 'A1*10' }, { v: 20 }, { v: 30 }]);
  });

  it('refuses a file whose styles come after a sheet, so its dates stay dates: the full load reads it', async () => {
    const date = new Date(Date.UTC(2024, 4, 20));
    const original = await xlsxOf([
      { sheet: 'План', rows: [[{ v: 'Срок' }, { v: date }]], merges: [] },
    ]);
    // The same parts, with xl/styles.xml moved to the end of the archive.
    const zip = await JSZip.loadAsync(original);
    const reordered = new JSZip();
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const order = [
      ...names.filter((n) => n !== 'xl/styles.xml' && !n.startsWith('xl/worksheets/sheet')),
      ...names.filter((n) => n.startsWith('xl/worksheets/sheet')),
      'xl/styles.xml',
    ];
    for (const n of order) reordered.file(n, await zip.file(n)!.async('nodebuffer'));
    const data = await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await readWorkbookStreaming(data)).toBeNull();
    const read = await readWorkbook('план.xlsx', data, { stream: true });
    expect(read.sheets[0]!.rows[0]![1]!.v).toEqual(date);
  });

  it('says in Russian that a damaged file cannot be read, whichever reader tried first', async () => {
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(readWorkbook('broken.xlsx', corrupt, { stream: true })).rejects.toThrow(
      /повреждён/,
    );
  });
});
