import fc from 'fast-check';
import type { Scalar } from '../../../src/core/grid';
import { layoutSheet, layoutWorkbook } from '../../../src/core/layout/sheetLayout';
import { columnPx, textRoomPx, textWidthPx, wrappedLines } from '../../../src/core/layout/text';
import { emptySheetPatch, type SheetPatch } from '../../../src/core/patch';

const LONG = 'Доля ШНОР, педагогические работники которых освоили программы повышения квалификации';

function sheet(values: Scalar[][], widths: number[] = [], extra: Partial<SheetPatch> = {}) {
  const p = emptySheetPatch('Лист', 'k', 0);
  p.values.push({ at: 'A1', values });
  p.columnWidths = widths.map((width, i) => ({ col: String.fromCharCode(65 + i), width }));
  return { ...p, ...extra };
}

const heightOf = (p: SheetPatch, row: number) => p.rowHeights?.find((h) => h.row === row)?.height;
const widthOf = (p: SheetPatch, col: string) => p.columnWidths?.find((w) => w.col === col)?.width;

describe('layoutSheet', () => {
  it('gives a row with wrapped text the height of its lines', () => {
    const p = sheet([[LONG, 'x']], [20, 10], { formats: [{ range: 'A1', style: { wrap: true } }] });
    const lines = wrappedLines(LONG, textRoomPx(columnPx(20)));
    expect(lines).toBeGreaterThan(3);
    expect(heightOf(layoutSheet(p), 1)).toBe(lines * 15);
  });

  it('leaves rows of one line alone and sizes them for larger fonts', () => {
    const p = sheet([['Заголовок'], ['строка']], [30], {
      formats: [{ range: 'A1', style: { fontSize: 14, bold: true } }],
    });
    const out = layoutSheet(p);
    expect(heightOf(out, 1)).toBeGreaterThanOrEqual(18.75);
    expect(heightOf(out, 2)).toBeUndefined();
  });

  it('widens a column whose text meets a full neighbour, and wraps what is too long even then', () => {
    const p = sheet(
      [
        ['Торжокский муниципальный округ', 1],
        [`${LONG} ${LONG}`, 2],
      ],
      [10, 8],
    );
    const out = layoutSheet(p);
    expect(widthOf(out, 'A')).toBeGreaterThan(30);
    expect(out.formats).toContainEqual({ range: 'A2', style: { wrap: true } });
    expect(heightOf(out, 2)).toBeGreaterThan(15);
    expect(heightOf(out, 1)).toBeUndefined();
  });

  it('lets text spill into empty cells, and merges it to the last column when it would spill past', () => {
    const spills = sheet([['Короткий заголовок таблицы'], [1, 2, 3, 4]], [6, 10, 10, 10]);
    expect(layoutSheet(spills).merges).toEqual([]);
    const past = sheet([[`${LONG} ${LONG}`], [1, 2, 3]], [6, 10, 10]);
    const out = layoutSheet(past);
    expect(out.merges).toEqual(['A1:C1']);
    expect(out.formats).toContainEqual({ range: 'A1', style: { wrap: true } });
    expect(heightOf(out, 1)).toBe(wrappedLines(`${LONG} ${LONG}`, textRoomPx(columnPx(26))) * 15);
  });

  it('wraps a text with line breaks even without a wrap format', () => {
    const out = layoutSheet(sheet([['первая\nвторая\nтретья', 'x']], [20, 5]));
    expect(out.formats).toContainEqual({ range: 'A1', style: { wrap: true } });
    expect(heightOf(out, 1)).toBe(45);
  });

  it('sizes unsized columns to their numbers and to the longest word of a wrapped header', () => {
    const p = sheet(
      [
        ['Подтвердили отметку', 'Год'],
        [123456789, 2024],
      ],
      [],
      { formats: [{ range: 'A1:B1', style: { wrap: true, bold: true } }] },
    );
    const out = layoutSheet(p);
    const a = widthOf(out, 'A')!;
    expect(columnPx(a) - 6).toBeGreaterThanOrEqual(textWidthPx('Подтвердили', { bold: true }));
    expect(columnPx(a) - 6).toBeGreaterThanOrEqual(textWidthPx('123456789'));
    expect(widthOf(out, 'B')).toBeLessThan(8);
  });

  it('widens a sized column too narrow for its numbers (Excel would show ###)', () => {
    const out = layoutSheet(sheet([[1234567.5, 'x']], [4, 4]));
    expect(widthOf(out, 'A')).toBeGreaterThan(4);
  });

  it('gives rows merged together the height their text needs, on the last row', () => {
    const p = sheet(
      [
        [LONG, 'a'],
        [null, 'b'],
      ],
      [12, 10],
      {
        merges: ['A1:A2'],
        formats: [{ range: 'A1', style: { wrap: true } }],
      },
    );
    const lines = wrappedLines(LONG, textRoomPx(columnPx(12)));
    const out = layoutSheet(p);
    expect(heightOf(out, 1)).toBeUndefined();
    expect(heightOf(out, 2)).toBe(lines * 15 - 15);
  });

  it('sets up printing: A4 one page wide, portrait or landscape by width, header rows repeated', () => {
    const narrow = layoutSheet(sheet([['a', 'b']], [20, 20], { freeze: { rows: 2, cols: 0 } }));
    expect(narrow.print).toEqual({ orientation: 'portrait', fitToWidth: true, titleRows: '1:2' });
    const wide = layoutSheet(sheet([['a', 'b', 'c']], [60, 60, 30]));
    expect(wide.print).toEqual({ orientation: 'landscape', fitToWidth: true });
    const own = layoutSheet(
      sheet([['a']], [10], { print: { orientation: 'landscape', fitToWidth: false } }),
    );
    expect(own.print).toEqual({ orientation: 'landscape', fitToWidth: false });
  });

  it('measures cached results of formulas and link texts too', () => {
    const p = sheet([[null, 'x']], [10, 10]);
    p.formulas.push({ at: 'A1', formulas: [['=B1']], cached: [[LONG]] });
    p.hyperlinks.push({ cell: 'A2', sheet: 'Другой', target: 'A1', text: LONG });
    p.values[0]!.values.push([null, 'y']);
    const out = layoutSheet(p);
    // too long even for the widest column: both wrap in their own
    expect(out.formats).toContainEqual({ range: 'A1:A2', style: { wrap: true } });
    expect(heightOf(out, 1)).toBeGreaterThan(15);
    expect(heightOf(out, 2)).toBeGreaterThan(15);
  });

  it('does not touch the input and changes nothing the second time', () => {
    const texts = fc.oneof(
      fc.constantFrom(LONG, 'Доля ШНОР', 'первая\nвторая', '', 'Торжокский муниципальный округ'),
      fc.integer({ min: -1e7, max: 1e7 }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(texts, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 3, max: 40 }), { maxLength: 5 }),
        fc.boolean(),
        (values, widths, wrapFirst) => {
          const p = sheet(values, widths, {
            formats: wrapFirst ? [{ range: 'A1:E1', style: { wrap: true, bold: true } }] : [],
          });
          const before = JSON.stringify(p);
          const once = layoutSheet(p);
          expect(JSON.stringify(p)).toBe(before);
          expect(layoutSheet(once)).toEqual(once);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lays out every sheet of a workbook patch', () => {
    const out = layoutWorkbook({
      sheets: [sheet([['a']], [10]), sheet([['b']], [10])],
      names: [],
      removeKeys: [],
    });
    expect(out.sheets.every((s) => s.print?.fitToWidth)).toBe(true);
  });
});
