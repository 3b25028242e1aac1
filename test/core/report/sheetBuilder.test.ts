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
});
