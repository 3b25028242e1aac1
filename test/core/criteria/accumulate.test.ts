/**
 * The criteria summed file by file (as `criteria folder/` reads a federal folder, keeping no rows)
 * equal the criteria of all the rows at once, whichever file a «не проводилась» mark comes from.
 */
import fc from 'fast-check';
import { CriteriaAccumulator } from '../../../src/core/criteria/accumulate';
import { computeCriteria, finishCriteria } from '../../../src/core/criteria/engine';
import type { NotHeld, ResultRow } from '../../../src/core/results/types';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import { randomRegion } from './fixtures';

const MARKS: NotHeld[] = [
  { type: 'ОГЭ', year: 2020 },
  { type: 'ВПР', year: 2021, grade: 5 },
  { type: 'ВПР', year: 2022, grade: 7, subject: 'Математика' },
];

/** Rows in batches; each mark arrives with one batch (the file that says it). */
function inBatches(
  rows: ResultRow[],
  cuts: number[],
  markAt: number[],
  settings: Settings,
): ReturnType<typeof computeCriteria> {
  const bounds = [0, ...cuts.map((c) => Math.floor(c * rows.length)).sort((a, b) => a - b)];
  bounds.push(rows.length);
  const acc = new CriteriaAccumulator(settings);
  const known: NotHeld[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    MARKS.forEach((m, i) => {
      if (markAt[i] === b) known.push(m);
    });
    acc.add(rows.slice(bounds[b], bounds[b + 1]), known);
  }
  const all = MARKS.filter((_, i) => markAt[i]! < bounds.length - 1);
  return finishCriteria(acc, settings, all);
}

const cases = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  schools: fc.integer({ min: 1, max: 12 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
  markAt: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
  pooled: fc.boolean(),
  duplicates: fc.boolean(),
});

it('file by file equals all at once, marks from any file included', () => {
  fc.assert(
    fc.property(cases, ({ seed, schools, cuts, markAt, pooled, duplicates }) => {
      const settings: Settings = {
        ...defaultSettings(),
        ...(pooled ? { procedureIdentity: 'type+subject' as const } : {}),
      };
      let rows = randomRegion(seed, schools);
      // a school's row repeated in a later file: summed and warned about either way
      if (duplicates) rows = [...rows, ...rows.filter((_, i) => i % 7 === 0)];
      const batches = cuts.length + 1;
      const marks = MARKS.filter((_, i) => markAt[i]! < batches);
      const whole = computeCriteria(rows, settings, marks);
      const got = inBatches(rows, cuts, markAt, settings);
      expect(got.schools).toEqual(whole.schools);
      expect(got.indicators).toEqual(whole.indicators);
      expect(got.years).toEqual(whole.years);
      // every row left out as not held is said, at its row, whichever file the mark came from
      const notHeldRows = (r: typeof whole) =>
        new Set(r.issues.filter((i) => i.code === 'not-held-with-data').map((i) => i.row));
      if (!duplicates) expect(notHeldRows(got)).toEqual(notHeldRows(whole));
    }),
    { numRuns: 150 },
  );
});

it('a mark in a later file leaves out the rows an earlier file gave, with a note at each', () => {
  const settings = defaultSettings();
  const rows = randomRegion(7, 4).filter((r) => r.type === 'ОГЭ');
  const acc = new CriteriaAccumulator(settings);
  acc.add(rows, []);
  const got = finishCriteria(acc, settings, [{ type: 'ОГЭ', year: 2020 }]);
  const in2020 = rows.filter((r) => r.year === 2020);
  expect(in2020.length).toBeGreaterThan(0);
  for (const s of got.schools) expect(s.years['2020']).toBeUndefined();
  const notes = got.issues.filter((i) => i.code === 'not-held-with-data');
  expect(notes.map((i) => i.row).sort()).toEqual(in2020.map((r) => r.source.row).sort());
  expect(notes[0]!.message).toMatch(/ОГЭ 9 .* в 2020 г\. отмечена как не проводившаяся/);
});
