import fc from 'fast-check';
import { shortSchoolName } from '../../../src/core/report/sheetNames';
import {
  assignSheetNames,
  isLegalSheetName,
  legalSheetName,
  sheetNameKey,
} from '../../../src/core/workbook/sheetNames';

describe('shortSchoolName', () => {
  it.each([
    ['МБОУ СОШ № 5 г. Ржева', 'СОШ №5 Ржев'],
    ['МКОУ Ивановская ООШ', 'Ивановская ООШ'],
    ['МАОУ «Гимназия № 2» г. Торжка', 'Гимназия №2 Торжка'],
    ['МБОУ «Лицей № 1» г. Бежецка', 'Лицей №1 Бежецк'],
    ['(sch690001) МОУ СОШ №12 г. Кашина', 'СОШ №12 Кашин'],
    [
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3 с углублённым изучением отдельных предметов» г. Лихославля',
      'СОШ №3 с УИОП Лихославль',
    ],
    ['МКОУ Покровская СОШ имени А.С. Пушкина', 'Покровская СОШ им. А.С. Пушкина'],
  ])('%s → %s', (full, short) => {
    expect(shortSchoolName(full)).toBe(short);
  });
});

describe('legalSheetName', () => {
  it.each([
    ['a/b\\c?d*e:f[g]h', 'a b c d e f g h'],
    ["'Свод'", 'Свод'],
    ['', 'Лист'],
    ['[]:*?/\\', 'Лист'],
    ['x'.repeat(40), 'x'.repeat(31)],
  ])('%j → %j', (raw, legal) => {
    expect(legalSheetName(raw)).toBe(legal);
  });

  it('never splits an emoji pair when cutting', () => {
    const name = legalSheetName(`${'a'.repeat(30)}😀😀`);
    expect(name).toBe('a'.repeat(30));
    expect(isLegalSheetName(name)).toBe(true);
  });
});

describe('assignSheetNames', () => {
  it('suffixes clashes ignoring case and avoids taken and reserved names', () => {
    const names = assignSheetNames(
      [
        { key: 'a', wanted: 'Ивановская ООШ' },
        { key: 'b', wanted: 'ИВАНОВСКАЯ ООШ' },
        { key: 'c', wanted: 'Оглавление' },
        { key: 'd', wanted: 'History' },
      ],
      ['оглавление'],
    );
    expect([...names.values()]).toEqual([
      'Ивановская ООШ',
      'ИВАНОВСКАЯ ООШ (2)',
      'Оглавление (2)',
      'History (2)',
    ]);
  });

  it('keeps a suffixed long name within 31 characters', () => {
    const long = 'Ж'.repeat(31);
    const names = assignSheetNames([
      { key: '1', wanted: long },
      { key: '2', wanted: long },
    ]);
    expect(names.get('2')).toBe(`${'Ж'.repeat(27)} (2)`);
  });

  it('is stable: the same items give the same names', () => {
    const items = [
      { key: 'x', wanted: 'A' },
      { key: 'y', wanted: 'a' },
    ];
    expect(assignSheetNames(items)).toEqual(assignSheetNames(items));
  });

  const adversarial = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.string({
      unit: fc.constantFrom('\\', '/', '?', '*', ':', '[', ']', "'", ' ', '\t', '\n'),
      maxLength: 40,
    }),
    fc.constantFrom('history', 'HISTORY', 'History', "'history'", 'Оглавление', 'оглавление', ''),
    fc.string({ unit: fc.constantFrom('a', 'A', 'я', 'Я', "'", '😀', '\uD800'), maxLength: 35 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  it('always gives legal names unique ignoring case (property)', () => {
    fc.assert(
      fc.property(
        fc.array(adversarial, { minLength: 1, maxLength: 60 }),
        fc.array(adversarial, { maxLength: 5 }),
        (wanted, taken) => {
          const items = wanted.map((w, i) => ({ key: String(i), wanted: w }));
          const names = assignSheetNames(items, taken);
          expect(names.size).toBe(items.length);
          const keys = new Set<string>(taken.map(sheetNameKey));
          for (const name of names.values()) {
            expect(isLegalSheetName(name)).toBe(true);
            expect(keys.has(sheetNameKey(name))).toBe(false);
            keys.add(sheetNameKey(name));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps 5 000 duplicated names unique', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({
      key: String(i),
      wanted: i % 2 ? 'Школа' : 'ШКОЛА',
    }));
    const names = new Set([...assignSheetNames(items).values()].map(sheetNameKey));
    expect(names.size).toBe(5000);
  });
});
