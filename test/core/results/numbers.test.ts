import fc from 'fast-check';
import {
  countFromShare,
  plainDecimal,
  readCount,
  readNumber,
  readShare,
} from '../../../src/core/results/numbers';

describe('readNumber', () => {
  it.each([
    [{ v: 12 }, { kind: 'number', value: 12, percent: false }],
    [{ v: '12' }, { kind: 'number', value: 12, percent: false }],
    [{ v: '1 204' }, { kind: 'number', value: 1204, percent: false }],
    [{ v: '1\u00A0204' }, { kind: 'number', value: 1204, percent: false }],
    [{ v: '12,5' }, { kind: 'number', value: 12.5, percent: false }],
    [{ v: '12,5 %' }, { kind: 'number', value: 12.5, percent: true }],
    [{ v: '' }, { kind: 'empty' }],
    [{ v: '  ' }, { kind: 'empty' }],
    [undefined, { kind: 'empty' }],
    [{ v: 'н/д' }, { kind: 'text', text: 'н/д' }],
  ])('%p → %p', (cell, read) => {
    expect(readNumber(cell)).toEqual(read);
  });
});

describe('readCount', () => {
  it('accepts whole numbers, also with Excel noise and as text', () => {
    expect(readCount({ v: 30 })).toEqual({ ok: true, value: 30 });
    expect(readCount({ v: 30.000000000001 })).toEqual({ ok: true, value: 30 });
    expect(readCount({ v: '12,0' })).toEqual({ ok: true, value: 12 });
    expect(readCount({ v: 0 })).toEqual({ ok: true, value: 0 });
  });

  it('says what is wrong with the rest', () => {
    expect(readCount({ v: -3 })).toEqual({ ok: false, problem: 'negative', shown: '-3' });
    expect(readCount({ v: 12.5 })).toEqual({ ok: false, problem: 'fractional', shown: '12,5' });
    expect(readCount({ v: 'много' })).toEqual({ ok: false, problem: 'text', shown: 'много' });
    expect(readCount(undefined)).toEqual({ ok: false, problem: 'empty', shown: '' });
  });
});

describe('readShare', () => {
  it('reads percentages in every form', () => {
    expect(readShare({ v: 23.5 })).toBe(23.5);
    expect(readShare({ v: '23,5' })).toBe(23.5);
    expect(readShare({ v: '23,5%' })).toBe(23.5);
    expect(readShare({ v: ' 23,5 % ' })).toBe(23.5);
    expect(readShare({ v: 0.235, fmt: '0.0%' })).toBeCloseTo(23.5, 9);
    expect(readShare({ v: 100.4 })).toBe(100.4);
  });

  it('refuses what is not a share', () => {
    expect(readShare({ v: 130 })).toEqual({ empty: false, shown: '130' });
    expect(readShare({ v: '101,5' })).toEqual({ empty: false, shown: '101,5' });
    expect(readShare({ v: -1 })).toEqual({ empty: false, shown: '-1' });
    expect(readShare({ v: 'нет' })).toEqual({ empty: false, shown: 'нет' });
    expect(readShare(undefined)).toEqual({ empty: true, shown: '' });
  });

  it('turns a share of N into a count by rounding', () => {
    expect(countFromShare(12.5, 48)).toBe(6);
    expect(countFromShare(33.33, 36)).toBe(12);
    expect(countFromShare(0, 10)).toBe(0);
    expect(countFromShare(100, 7)).toBe(7);
  });
});

describe('plainDecimal', () => {
  it.each([
    ['12', 12],
    ['12,5', 12.5],
    ['0.25', 0.25],
    ['33,33', 33.33],
    ['100', 100],
    ['12,', 12],
  ])('%s → %p', (text, n) => {
    expect(plainDecimal(text)).toBeCloseTo(n, 12);
  });

  it.each(['', ',5', '1,2,3', '12 %', '-3', '1 204', 'abc', '12,5%'])('%j is not plain', (text) => {
    expect(plainDecimal(text)).toBe(-1);
  });

  it('agrees with the general parser on every plain decimal', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(9999), fc.constantFrom(',', '.'), (whole, frac, sep) => {
        const text = `${whole}${sep}${frac}`;
        const general = readNumber({ v: `${text} %` });
        expect(general.kind).toBe('number');
        expect(plainDecimal(text)).toBeCloseTo(general.kind === 'number' ? general.value : NaN, 9);
      }),
    );
  });
});
