import { valueAt } from '../../../src/core/grid';
import { readResults } from '../../../src/core/results/read';
import type { ResultRow } from '../../../src/core/results/types';
import { createRandom } from '../../../src/core/synthetic/random';
import { generateRegion, USUAL_RISK_FACTORS } from '../../../src/core/synthetic/region';
import { gridsFromRegion, RESULTS_HEADER } from '../../../src/core/synthetic/regionGrids';

/** Independent, simple ШНОР rule of docs/domain.md §3.3 (default settings) for the test. */
function shnorByYear(rows: ResultRow[], code: string, years: number[]) {
  const low = (y: number) =>
    new Set(
      rows
        .filter(
          (r) =>
            r.schoolCode === code &&
            r.year === y &&
            r.participants > 0 &&
            r.failed / r.participants >= 0.3,
        )
        .map((r) => `${r.type} ${r.grade} ${r.subject}`),
    );
  return years.map((y, i) => {
    const now = low(y);
    const before = i > 0 ? low(years[i - 1]!) : new Set<string>();
    const a = now.size >= 2;
    const b = [...now].some((p) => before.has(p));
    return { a, b, shnor: a || b };
  });
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('samples distinct elements', () => {
    const r = createRandom(1);
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
  });
});

describe('generateRegion', () => {
  const region = generateRegion({ schools: 60, seed: 42 });

  it('is deterministic', () => {
    expect(generateRegion({ schools: 60, seed: 42 })).toEqual(region);
    expect(generateRegion({ schools: 60, seed: 43 }).rows).not.toEqual(region.rows);
  });

  it('gives realistic names, codes and municipalities', () => {
    expect(region.schools).toHaveLength(60);
    expect(new Set(region.schools.map((s) => s.code)).size).toBe(60);
    expect(region.schools[0]!.code).toBe('sch690001');
    for (const s of region.schools) {
      expect(s.name).toMatch(/^(МБОУ|МКОУ|МАОУ|МОУ) /);
      expect(s.municipality).toMatch(/ муниципальный округ$/);
    }
    expect(region.schools.some((s) => /СОШ № \d+ г\. /.test(s.name))).toBe(true);
    expect(region.schools.some((s) => /^МКОУ \S+ая ООШ$/.test(s.name))).toBe(true);
    expect(region.municipalities).toContain('Ржевский муниципальный округ');
  });

  it('has about 15 result rows per school and year, with consistent counts', () => {
    const perSchoolYear = region.rows.length / (60 * 3);
    expect(perSchoolYear).toBeGreaterThan(11);
    expect(perSchoolYear).toBeLessThanOrEqual(15);
    for (const r of region.rows) {
      expect(r.failed).toBeGreaterThanOrEqual(0);
      expect(r.failed + (r.n3 ?? 0) + (r.n4 ?? 0) + (r.n5 ?? 0)).toBe(r.participants);
      if (r.confirmed !== undefined)
        expect(r.lowered! + r.confirmed + r.raised!).toBe(r.participants);
      expect([
        'Русский язык',
        'Математика',
        'Математика (профильная)',
        'Математика (базовая)',
      ]).toContain(r.subject);
    }
  });

  it('contains every case of the ШНОР rule', () => {
    const statuses = region.schools.map((s) => shnorByYear(region.rows, s.code, region.years));
    const flat = statuses.flat();
    expect(flat.some((x) => x.a && !x.b)).toBe(true);
    expect(flat.some((x) => x.b && !x.a)).toBe(true);
    expect(flat.some((x) => x.a && x.b)).toBe(true);
    expect(statuses.some((s) => s.every((x) => x.shnor))).toBe(true); // three years in a row
    expect(statuses.some((s) => s[1]!.shnor && !s[2]!.shnor)).toBe(true); // left the list
    expect(statuses.some((s) => !s[0]!.shnor && s[1]!.shnor)).toBe(true); // got into it
    const shnorShare = statuses.filter((s) => s[2]!.shnor).length / 60;
    expect(shnorShare).toBeGreaterThan(0.05);
    expect(shnorShare).toBeLessThan(0.3);
    expect(region.rows.some((r) => r.participants === 20 && r.failed === 6)).toBe(true); // exactly 30 %
  });

  it('gives weak schools one to three risk factors from the list and strong ones none', () => {
    for (const s of region.schools) {
      expect(s.riskFactors.length).toBeLessThanOrEqual(3);
      for (const f of s.riskFactors) expect(USUAL_RISK_FACTORS).toContain(f);
      if (s.trajectory === 'strong') expect(s.riskFactors).toEqual([]);
      if (s.trajectory === 'persistent') expect(s.riskFactors.length).toBeGreaterThan(0);
    }
  });

  it('follows weakShare', () => {
    const none = generateRegion({ schools: 40, seed: 1, weakShare: 0 });
    expect(none.schools.every((s) => s.trajectory === 'strong')).toBe(true);
    expect(none.rows.every((r) => r.failed / r.participants < 0.3)).toBe(true);
    const half = generateRegion({ schools: 40, seed: 1, weakShare: 0.5 });
    expect(half.schools.filter((s) => s.trajectory !== 'strong')).toHaveLength(20);
  });
});

describe('gridsFromRegion', () => {
  it('writes the long table with source rows matching and a risk sheet', () => {
    const region = generateRegion({ schools: 12, seed: 3 });
    const [results, risks] = gridsFromRegion(region);
    expect(results!.sheet).toBe('Результаты');
    expect(results!.rows[0]!.map((c) => c?.v)).toEqual([...RESULTS_HEADER]);
    for (const r of region.rows.slice(0, 50)) {
      expect(valueAt(results!, r.source.row - 1, 1)).toBe(r.schoolCode);
      expect(valueAt(results!, r.source.row - 1, 8)).toBe(r.failed);
    }
    expect(risks!.sheet).toBe('Факторы риска');
    const withFactors = region.schools.filter((s) => s.riskFactors.length);
    expect(risks!.rows).toHaveLength(withFactors.length + 1);
    expect(valueAt(risks!, 1, 0)).toBe(withFactors[0]!.code);
  });
});

describe('the results reader reads the generated sheet back', () => {
  it('gives the same rows', () => {
    const region = generateRegion({ schools: 8, seed: 4 });
    const read = readResults(gridsFromRegion(region));
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.rows).toHaveLength(region.rows.length);
    const key = (r: ResultRow) =>
      [
        r.schoolCode,
        r.schoolName,
        r.municipality,
        r.year,
        r.type,
        r.grade,
        r.subject,
        r.participants,
        r.failed,
        r.n3,
        r.n4,
        r.n5,
      ].join('|');
    expect(read.rows.map(key).sort()).toEqual(region.rows.map(key).sort());
  });
});
