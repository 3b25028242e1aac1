import fc from 'fast-check';
import { valueAt } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/plan/check';
import { generatePlan, generatePlanGrid } from '../../../src/core/synthetic/plan';

describe('generatePlan', () => {
  it('gives the same sheet for the same seed and another one for another seed', () => {
    const a = generatePlanGrid({ activities: 60, seed: 7, year: 2023 });
    expect(generatePlanGrid({ activities: 60, seed: 7, year: 2023 })).toEqual(a);
    expect(generatePlanGrid({ activities: 60, seed: 8, year: 2023 })).not.toEqual(a);
  });

  it('puts exactly the requested activities where the key says, in sections', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer(), (n, seed) => {
        const { grid, key } = generatePlan({ activities: n, seed, year: 2024 });
        expect(key.activities).toHaveLength(n);
        for (const a of key.activities) {
          expect(valueAt(grid, a.row - 1, 0)).toBe(a.number);
          expect(valueAt(grid, a.row - 1, 1)).toBe(a.title);
          expect(valueAt(grid, a.row - 1, 2)).toBe(a.deadline);
        }
        for (const s of key.sections)
          expect([valueAt(grid, s.row - 1, 0), valueAt(grid, s.row - 1, 1)]).toEqual([
            s.number,
            s.title,
          ]);
        expect(key.sections[0]!.row).toBeLessThan(key.activities[0]!.row);
      }),
      { numRuns: 30 },
    );
  });

  it('has the messy shapes of real plans', () => {
    const { grid, key } = generatePlan({ activities: 100, seed: 3, year: 2023 });
    const texts = grid.rows.map((r) => (r ?? []).map((c) => (c ? String(c.v) : '')));
    const headerRows = texts.filter((r) => r[0] === '№ п/п').length;
    expect(headerRows).toBeGreaterThan(1); // repeated at page breaks
    expect(key.sections.map((s) => s.number)).toContain('У'); // Cyrillic look-alike for V
    expect(texts.some((r) => r[3] === '(далее — ИРО)' && !r[0] && !r[1])).toBe(true); // continuation row
    expect(texts.some((r) => r.join('').includes('(далее — МО ТО)'))).toBe(true); // definition in the title block
    expect(
      texts.some(
        (r) => !r[0] && r[1] && !r[2] && !r[3] && /^Разработка|^Работа|^Сетевое/.test(r[1]),
      ),
    ).toBe(true); // sub-heading
    const numbers = key.activities.map((a) => a.number);
    expect(numbers.some((n) => /^\d+\.\d+$/.test(n))).toBe(true);
    expect(numbers.some((n) => /^\d+\.$/.test(n))).toBe(true);
    expect(numbers.some((n) => /^\d+$/.test(n))).toBe(true);
    const deadlines = new Set(key.activities.map((a) => a.deadline));
    expect([...deadlines].some((d) => /^\d\d\.\d\d\.2023$/.test(d))).toBe(true);
    expect([...deadlines].some((d) => /квартал/.test(d))).toBe(true);
    expect([...deadlines].some((d) => d.includes('\n'))).toBe(true);
    expect(deadlines.has('по отдельному графику')).toBe(true);
    expect(grid.merges.length).toBeGreaterThan(key.sections.length);
  });
});

describe('a generated plan read by the plan checker', () => {
  it('reads back as its key says, with no errors (the generator makes a clean plan)', () => {
    const { grid, key } = generatePlan({ activities: 150, seed: 11, year: 2023 });
    const [check] = checkWorkbook([grid], { asOf: '2023-06-01' });
    expect(check!.period).toMatchObject(key.period);
    // Sub-headings count as sections without a number; the numbered ones are the key's.
    expect(check!.sections.filter((s) => s.number !== '').map((s) => [s.row, s.value])).toEqual(
      key.sections.map((s, i) => [s.row, i + 1]),
    );
    expect(check!.activities.map((a) => [a.row, a.title])).toEqual(
      key.activities.map((a) => [a.row, a.title]),
    );
    expect(check!.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(new Set(key.activities.map((a) => a.title)).size).toBe(150);
  });
});
