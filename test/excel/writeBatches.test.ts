import fc from 'fast-check';
import { emptySheetPatch, type WorkbookPatch } from '../../src/core/patch';
import { parseArea } from '../../src/core/grid';
import { splitAreaList, splitSheetAddress } from '../../src/excel/address';
import { utf8Length } from '../../src/excel/payload';
import {
  dateToSerial,
  groupBatches,
  planWrites,
  widthToPoints,
  type WriteOp,
} from '../../src/excel/writeBatches';
import { fingerprint } from '../../src/excel/progress';
import { freeSheetName, sheetNameKey } from '../../src/core/workbook/sheetNames';
import { checkSupport } from '../../src/excel/support';

const FEATURES = { autoFilter: true, pageLayout: true };

/** The one free-name helper (core/workbook/sheetNames), over a set of taken names as typed. */
const uniqueSheetName = (wanted: string, taken: Set<string>) =>
  freeSheetName(wanted, new Set([...taken].map(sheetNameKey)));

function patchOf(values: Array<Array<string | number | null>>, at = 'B2'): WorkbookPatch {
  const sheet = emptySheetPatch('Лист', 'k', 0);
  sheet.values.push({ at, values });
  return { sheets: [sheet], names: [], removeKeys: [] };
}

describe('planWrites', () => {
  it('gives text cells the text format before their values, leaves numbers alone, types dates', () => {
    const patch = patchOf([['=1+1', 5, null]]);
    patch.sheets[0]!.values.push({ at: 'A10', values: [[new Date(Date.UTC(2024, 0, 1))]] });
    const ops = planWrites(patch, { k: 'Лист (2)' }, { budgetBytes: 1e6, features: FEATURES }).map(
      (p) => p.op,
    );
    expect(ops).toEqual<WriteOp[]>([
      { kind: 'numberFormat', sheet: 'Лист (2)', address: 'B2:D2', formats: [['@', null, null]] },
      { kind: 'values', sheet: 'Лист (2)', address: 'B2:D2', values: [['=1+1', 5, null]] },
      { kind: 'numberFormat', sheet: 'Лист (2)', address: 'A10', formats: [['dd.mm.yyyy']] },
      { kind: 'values', sheet: 'Лист (2)', address: 'A10', values: [[45292]] },
    ]);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });

  it('pads ragged rows, writes every sheet’s values before any formats, skips features the client lacks', () => {
    const a = emptySheetPatch('A', 'a', 1);
    a.values.push({ at: 'A1', values: [[1, 2], [3]] });
    a.formats.push({ range: 'A1:B1', style: { bold: true, numFmt: '0%' } });
    a.autoFilter = 'A1:B2';
    a.print = { orientation: 'portrait', fitToWidth: false };
    const b = emptySheetPatch('B', 'b', 0);
    b.formulas.push({ at: 'C1', formulas: [['=A1*2']], cached: [[2]] });
    const ops = planWrites(
      { sheets: [a, b], names: [], removeKeys: [] },
      {},
      { budgetBytes: 1e6, features: { autoFilter: false, pageLayout: false } },
    );
    expect(ops.map((p) => `${p.op.sheet}:${p.op.kind}`)).toEqual([
      'B:formulas',
      'A:values',
      'A:numberFormat',
      'A:style',
    ]);
    expect(ops[1]!.op).toMatchObject({
      address: 'A1:B2',
      values: [
        [1, 2],
        [3, null],
      ],
    });
    expect(ops[2]!.op).toMatchObject({ address: 'A1:B1', formats: [['0%', '0%']] });
  });

  it('cuts big blocks into row chunks and batches that stay within the budget, covering every row once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null)), {
            minLength: 3,
            maxLength: 3,
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.integer({ min: 2000, max: 20000 }),
        (rows, budget) => {
          const planned = planWrites(
            patchOf(rows, 'C5'),
            {},
            { budgetBytes: budget, features: FEATURES },
          );
          for (const p of planned)
            expect(p.bytes).toBeGreaterThan(utf8Length(JSON.stringify(p.op)));
          const batches = groupBatches(planned, budget);
          for (const batch of batches) {
            const size = batch.reduce((n, p) => n + p.bytes, 0);
            // A batch is over budget only when one write alone is (a single huge row).
            if (batch.length > 1) expect(size).toBeLessThanOrEqual(budget);
          }
          const written = batches.flat().flatMap((p) => (p.op.kind === 'values' ? [p.op] : []));
          const covered: number[] = [];
          for (const op of written) {
            const area = parseArea(op.address);
            for (let r = area.top; r <= area.bottom; r++) covered.push(r);
            expect(op.values).toEqual(rows.slice(area.top - 4, area.bottom - 3));
          }
          expect(covered).toEqual(rows.map((_, i) => i + 4));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('turns styles, links, conditional formats and widths into the calls office.js needs', () => {
    const s = emptySheetPatch('Свод', 's', 0);
    s.hyperlinks.push({ cell: 'A1', sheet: "Школа д'Арк", target: 'B2', text: 'Перейти' });
    s.columnWidths = [{ col: 'B', width: 10 }];
    s.tabColor = 'FF0000';
    s.freeze = { rows: 0, cols: 0 };
    const ops = planWrites(
      { sheets: [s], names: [], removeKeys: [] },
      {},
      { budgetBytes: 1e6, features: FEATURES },
    ).map((p) => p.op);
    expect(ops).toEqual([
      { kind: 'tabColor', sheet: 'Свод', color: '#FF0000' },
      { kind: 'columnWidth', sheet: 'Свод', column: 'B', points: widthToPoints(10) },
      {
        kind: 'hyperlink',
        sheet: 'Свод',
        address: 'A1',
        link: { documentReference: "'Школа д''Арк'!B2", textToDisplay: 'Перейти' },
      },
    ]);
    expect(widthToPoints(10)).toBe(56.25);
  });
});

describe('helpers', () => {
  it('reads addresses office.js returns, with quoted sheet names and area lists', () => {
    expect(splitSheetAddress("'План, 2023'!A1:C3")).toEqual({
      sheet: 'План, 2023',
      range: 'A1:C3',
    });
    expect(splitSheetAddress("'д''Арк'!B2")).toEqual({ sheet: "д'Арк", range: 'B2' });
    expect(splitAreaList("'План, 2023'!A1:C1,'План, 2023'!A5:A7")).toEqual([
      "'План, 2023'!A1:C1",
      "'План, 2023'!A5:A7",
    ]);
    expect(parseArea('$B$3:$D$10')).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
    expect(parseArea('C:D')).toMatchObject({ top: 0, left: 2, right: 3 });
    expect(parseArea('2:4')).toMatchObject({ top: 1, bottom: 3, left: 0 });
    expect(() => parseArea('Лист')).toThrow();
  });

  it('finds a free sheet name ignoring case, within 31 characters', () => {
    expect(uniqueSheetName('Свод', new Set(['свод', 'свод (2)']))).toBe('Свод (3)');
    const long = 'Муниципальное образование город Томск';
    // A sheet already carries the name cut to 31 characters, so the next one needs a suffix.
    const taken = new Set(['муниципальное образование город']);
    const name = uniqueSheetName(long, taken);
    expect(name).toHaveLength(31);
    expect(name.endsWith(' (2)')).toBe(true);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }),
        fc.array(fc.string({ maxLength: 31 })),
        (wanted, others) => {
          const set = new Set(others.map((o) => o.toLowerCase()));
          const got = uniqueSheetName(wanted, set);
          expect(got.length).toBeLessThanOrEqual(31);
          expect(set.has(got.toLowerCase())).toBe(false);
        },
      ),
    );
  });

  it('counts UTF-8 bytes: Cyrillic two, ASCII one, emoji four', () => {
    expect(utf8Length('Школа A1')).toBe(13);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('€')).toBe(3);
  });

  it('fingerprints patches: equal for equal content, different for one changed cell', () => {
    expect(fingerprint(patchOf([['a', 1]]))).toBe(fingerprint(patchOf([['a', 1]])));
    expect(fingerprint(patchOf([['a', 1]]))).not.toBe(fingerprint(patchOf([['a', 2]])));
  });

  it('explains in Russian what an older Excel cannot do', () => {
    const level = (v: string) => ({
      isSetSupported: (_: string, want = '1.1') =>
        Number(want.split('.')[1]) <= Number(v.split('.')[1]),
    });
    expect(checkSupport(level('1.17'))).toEqual({
      ok: true,
      features: { suspendCalculation: true, autoFilter: true, pageLayout: true, mergedAreas: true },
      messages: [],
    });
    const mid = checkSupport(level('1.8'));
    expect(mid.ok).toBe(true);
    expect(mid.messages.join(' ')).toMatch(/Автофильтр.*Объединённые ячейки/);
    const old = checkSupport(level('1.4'));
    expect(old.ok).toBe(false);
    expect(old.messages[0]).toMatch(/Office 2021.*WebView2/);
  });
});
