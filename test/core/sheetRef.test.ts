import fc from 'fast-check';
import { isBareSheetName, parseSheetRef, quoteSheet, sheetRef } from '../../src/core/sheetRef';
import { ADVERSARIAL_SHEET_NAMES } from '../support/adversarial';

const nameChars = fc.constantFrom(
  ...'aAzZ_09.'.split(''),
  ...'ЯяЁё'.split(''),
  "'",
  '!',
  '"',
  ',',
  ';',
  ' ',
  '-',
  '+',
  '=',
  '@',
  '(',
  ')',
  '%',
  '&',
  '$',
  '#',
  '\t',
);
const sheetName = fc.oneof(
  fc.constantFrom(...ADVERSARIAL_SHEET_NAMES),
  fc.string({ unit: nameChars, minLength: 1, maxLength: 31 }),
);

describe('quoteSheet', () => {
  it.each([
    ['Sheet1', 'Sheet1'],
    ['_x', '_x'],
    ['a.b', 'a.b'],
    ['A1', "'A1'"],
    ['XFD1048576', "'XFD1048576'"],
    ['ABC12x', "'ABC12x'"],
    ['R1C1', "'R1C1'"],
    ['R', "'R'"],
    ['rc', "'rc'"],
    ['TRUE', "'TRUE'"],
    ['false', "'false'"],
    ['ИСТИНА', "'ИСТИНА'"],
    ['1abc', "'1abc'"],
    ['a b', "'a b'"],
    ["O'Neil", "'O''Neil'"],
    ["=cmd|' /C calc'!A0", "'=cmd|'' /C calc''!A0'"],
    ['Свод', "'Свод'"],
  ])('%s → %s', (name, quoted) => expect(quoteSheet(name)).toBe(quoted));

  it('round-trips every name through a reference, and leaves bare only plain ASCII words', () => {
    fc.assert(
      fc.property(sheetName, (name) => {
        const ref = sheetRef(name, '$A$1:$B$2');
        expect(parseSheetRef(ref)).toEqual({ sheet: name, area: '$A$1:$B$2' });
        const q = quoteSheet(name);
        if (q === name) {
          expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
          expect(name).not.toMatch(/^[A-Za-z]{1,3}\d/);
          expect(name).not.toMatch(/^(TRUE|FALSE)$/i);
          expect(name).not.toMatch(/^(R\d*C?\d*|C\d*)$/i);
        } else {
          // Quoted: inside the quotes every apostrophe is doubled.
          expect(q.startsWith("'") && q.endsWith("'")).toBe(true);
          expect(q.slice(1, -1).replace(/''/g, '')).not.toContain("'");
        }
        expect(isBareSheetName(name)).toBe(q === name);
      }),
      { numRuns: 2000 },
    );
  });
});
