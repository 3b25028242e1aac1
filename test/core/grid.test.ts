import {
  a1,
  columnIndex,
  columnLetter,
  parseA1,
  areaA1,
  gridFromValues,
  mergeAt,
} from '../../src/core/grid';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s and back', (i, letters) => {
    expect(columnLetter(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
  });

  it('reads and writes addresses as Excel shows them', () => {
    expect(a1(6, 1)).toBe('B7');
    expect(parseA1('$B$7')).toEqual({ r: 6, c: 1 });
    expect(areaA1({ top: 0, left: 0, bottom: 2, right: 3 })).toBe('A1:D3');
    expect(areaA1({ top: 4, left: 2, bottom: 4, right: 2 })).toBe('C5');
    expect(() => parseA1('7B')).toThrow();
  });

  it('finds the merged area covering a cell', () => {
    const g = gridFromValues(
      'Лист1',
      [
        ['a', null],
        [null, 'b'],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 1 }],
    );
    expect(mergeAt(g, 0, 1)).toEqual({ top: 0, left: 0, bottom: 0, right: 1 });
    expect(mergeAt(g, 1, 1)).toBeUndefined();
  });
});
