/**
 * seenFormula takes a fast path through formulas (one pass per text outside string literals, the
 * regular expressions only where their text occurs); it must see every formula exactly as the
 * character-by-character reading it replaced, kept here as the reference.
 */
import fc from 'fast-check';
import { seenFormula } from '../../../src/core/workbook/fingerprint';

const PREFIXES = /_XL(FN|WS|UDF)\./g;
const BOOLEAN_CALLS = /(^|[^A-Z0-9_.\u0400-\u04FF])(TRUE|FALSE)\(\)/g;

function referenceOutside(text: string): string {
  return text.toUpperCase().replace(PREFIXES, '').replace(BOOLEAN_CALLS, '$1$2');
}

function reference(formula: string): string {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  let out = '';
  let outside = '';
  for (let i = 0; i < f.length; i++) {
    const ch = f[i]!;
    if (ch === '"') {
      out += referenceOutside(outside);
      outside = '';
      let j = i + 1;
      for (; j < f.length; j++) {
        if (f[j] === '"') {
          if (f[j + 1] === '"') j++;
          else break;
        }
      }
      out += f.slice(i, j + 1);
      i = j;
    } else if (ch !== '$' && ch !== "'" && ch !== ' ' && ch !== '\n' && ch !== '\r') outside += ch;
  }
  const seen = out + referenceOutside(outside);
  if (seen === 'TRUE' || seen === 'FALSE') return seen === 'TRUE' ? 'b1' : 'b0';
  return `f${seen}`;
}

const pieces = [
  '=',
  '"',
  '""',
  "'",
  '$',
  ' ',
  '\n',
  '\r',
  '(',
  ')',
  '()',
  ',',
  'A1',
  '$B$2',
  'sum',
  'SUM(',
  'true()',
  'FALSE()',
  'TRUE',
  '_xlfn.',
  '_XLWS.',
  '_xludf.',
  'Лист',
  "'Свод'!",
  'ё',
  '.',
  '_',
  '1',
];

describe('seenFormula', () => {
  it('sees every formula as the character-by-character reading did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const formula = parts.join('');
        expect(seenFormula(formula)).toBe(reference(formula));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps string literals as they are and normalises around them', () => {
    expect(seenFormula(`=IF($A$1="a b",'Свод'!B2, true())`)).toBe(`fIF(A1="a b",СВОД!B2,TRUE)`);
    expect(seenFormula('="TRUE()"&_xlfn.CONCAT("x""y", FALSE())')).toBe(
      'f"TRUE()"&CONCAT("x""y",FALSE)',
    );
  });
});
