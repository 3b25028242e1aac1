import { SheetBuilder } from '../../../src/core/report/sheetBuilder';

describe('SheetBuilder', () => {
  it('emits one value block and one formula block with cached values', () => {
    const b = new SheetBuilder('Лист', 'k', 0);
    b.set(0, 0, '=не формула').set(1, 2, 5).formula(1, 3, '=C2*2', 10);
    const p = b.build();
    expect(p.values).toEqual([
      {
        at: 'A1',
        values: [
          ['=не формула', null, null, null],
          [null, null, 5, null],
        ],
      },
    ]);
    expect(p.formulas).toEqual([
      {
        at: 'A1',
        formulas: [
          [null, null, null, null],
          [null, null, null, '=C2*2'],
        ],
        cached: [
          [null, null, null, null],
          [null, null, null, 10],
        ],
      },
    ]);
  });

  it('estimates heights of rows whose wrapped text needs several lines, merged cells spanning their columns', () => {
    const b = new SheetBuilder('Лист', 'k', 0);
    b.set(0, 0, 'а'.repeat(45)).format(0, 0, 0, 0, { wrap: true }); // 10 wide: 5 lines
    b.set(1, 0, 'а'.repeat(45)); // not wrapped: overflows, one line
    b.set(2, 0, 'а'.repeat(45)).merge(2, 0, 2, 1).format(2, 0, 2, 1, { wrap: true }); // 60 wide: 1 line
    b.set(3, 1, 'строка\nстрока\nстрока').format(3, 1, 3, 1, { wrap: true }); // three line breaks
    b.widths([10, 50]);
    expect(b.build().rowHeights).toEqual([
      { row: 1, height: 75 },
      { row: 4, height: 45 },
    ]);
  });
});
