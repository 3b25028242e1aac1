/**
 * computeCriteria against a brute-force count written here independently: every school-year is
 * recomputed by filtering the raw rows again, with no grouping maps shared with the engine.
 */
import fc from 'fast-check';
import { computeCriteria } from '../../../src/core/criteria/engine';
import type { NotHeld, ProcedureType, ResultRow } from '../../../src/core/results/types';
import { defaultSettings, type Settings } from '../../../src/core/settings';

interface Proc {
  type: ProcedureType;
  grade: number;
  subject: string;
}

const POOL: Proc[] = [
  { type: 'ВПР', grade: 4, subject: 'Русский язык' },
  { type: 'ВПР', grade: 5, subject: 'Математика' },
  { type: 'ВПР', grade: 6, subject: 'Математика' },
  { type: 'ВПР', grade: 5, subject: 'Русский язык' },
  { type: 'ВПР', grade: 9, subject: 'Математика' }, // grade not counted
  { type: 'ВПР', grade: 5, subject: 'Биология' }, // subject not counted
  { type: 'ОГЭ', grade: 9, subject: 'Русский язык' },
  { type: 'ОГЭ', grade: 9, subject: 'Математика' },
  { type: 'ЕГЭ', grade: 11, subject: 'Математика (профильная)' },
  { type: 'ЕГЭ', grade: 11, subject: 'Математика (базовая)' },
];
const YEARS = [2019, 2020, 2021, 2022, 2023];

const regionArb = fc.record({
  schools: fc.integer({ min: 1, max: 6 }),
  cells: fc.array(
    fc.record({
      school: fc.integer({ min: 0, max: 5 }),
      year: fc.constantFrom(...YEARS),
      proc: fc.integer({ min: 0, max: POOL.length - 1 }),
      participants: fc.integer({ min: 0, max: 20 }),
      // small counts so that shares land exactly on the threshold often (3 of 10 = 30 %)
      failed: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 120 },
  ),
  threshold: fc.constantFrom(0.1, 0.2, 0.25, 0.3, 0.5),
  minParticipants: fc.integer({ min: 1, max: 5 }),
  identity: fc.constantFrom('type+grade+subject' as const, 'type+subject' as const),
  stagnationYears: fc.integer({ min: 1, max: 4 }),
  dynamicsDelta: fc.constantFrom(0, 1, 5),
  notHeld: fc.array(
    fc.record({
      type: fc.constantFrom<ProcedureType>('ВПР', 'ОГЭ', 'ЕГЭ'),
      year: fc.constantFrom(...YEARS),
    }),
    { maxLength: 2 },
  ),
});

type Region = typeof regionArb extends fc.Arbitrary<infer T> ? T : never;

function buildRows(r: Region): ResultRow[] {
  const seen = new Set<string>();
  const rows: ResultRow[] = [];
  for (const c of r.cells) {
    const school = c.school % r.schools;
    const key = `${school}|${c.year}|${c.proc}`;
    if (seen.has(key)) continue; // one row per school × year × procedure
    seen.add(key);
    const p = POOL[c.proc]!;
    rows.push({
      municipality: `Район ${school % 2}`,
      schoolCode: `sch${100 + school}`,
      schoolName: `Школа ${school}`,
      year: c.year,
      ...p,
      participants: c.participants,
      failed: Math.min(c.failed, c.participants),
      source: { sheet: 'Результаты', row: rows.length + 2 },
    });
  }
  return rows;
}

// ---- brute force, written without the engine's helpers ----

function counted(row: ResultRow): boolean {
  const subjectOk = row.subject === 'Русский язык' || row.subject.startsWith('Математика');
  const procOk = row.type !== 'ВПР' || (row.grade >= 4 && row.grade <= 8);
  return subjectOk && procOk;
}

function procKey(row: ResultRow, s: Settings): string {
  if (counted(row) && s.procedureIdentity === 'type+subject') return `${row.type} ${row.subject}`;
  return `${row.type} ${row.grade} ${row.subject}`;
}

function heldRows(rows: ResultRow[], notHeld: NotHeld[]): ResultRow[] {
  return rows.filter((r) => !notHeld.some((n) => n.type === r.type && n.year === r.year));
}

/** Shares failed of the counted procedures with a result, by filtering everything again. */
function countedShares(
  rows: ResultRow[],
  code: string,
  year: number,
  s: Settings,
): Map<string, number> {
  const mine = rows.filter((r) => r.schoolCode === code && r.year === year && counted(r));
  const shares = new Map<string, number>();
  for (const key of new Set(mine.map((r) => procKey(r, s)))) {
    const same = mine.filter((r) => procKey(r, s) === key);
    const n = same.reduce((a, r) => a + r.participants, 0);
    const f = same.reduce((a, r) => a + r.failed, 0);
    if (n > 0 && n >= s.minParticipants) shares.set(key, f / n);
  }
  return shares;
}

function lowSet(rows: ResultRow[], code: string, year: number, s: Settings): Set<string> {
  return new Set(
    [...countedShares(rows, code, year, s)]
      .filter(([, share]) => share >= s.threshold)
      .map(([k]) => k),
  );
}

function brute(
  rows: ResultRow[],
  code: string,
  year: number,
  s: Settings,
): { has: boolean; shnor: boolean; a: boolean; b: boolean } {
  const has = rows.some((r) => r.schoolCode === code && r.year === year);
  if (!has) return { has, shnor: false, a: false, b: false };
  const now = lowSet(rows, code, year, s);
  const before = lowSet(rows, code, year - 1, s);
  const a = now.size >= 2;
  const b = [...now].some((k) => before.has(k));
  return { has, shnor: a || b, a, b };
}

function subjectShare(
  rows: ResultRow[],
  code: string,
  year: number,
  subject: string,
  s: Settings,
): number | null {
  const mine = rows.filter(
    (r) => r.schoolCode === code && r.year === year && counted(r) && r.subject.startsWith(subject),
  );
  let n = 0;
  let f = 0;
  for (const key of new Set(mine.map((r) => procKey(r, s)))) {
    const same = mine.filter((r) => procKey(r, s) === key);
    const pn = same.reduce((acc, r) => acc + r.participants, 0);
    if (pn > 0 && pn >= s.minParticipants) {
      n += pn;
      f += same.reduce((acc, r) => acc + r.failed, 0);
    }
  }
  return n > 0 ? f / n : null;
}

test('computeCriteria equals a brute-force count on random regions', () => {
  fc.assert(
    fc.property(regionArb, (r) => {
      const settings: Settings = {
        ...defaultSettings(),
        threshold: r.threshold,
        minParticipants: r.minParticipants,
        procedureIdentity: r.identity,
        stagnationYears: r.stagnationYears,
        dynamicsDelta: r.dynamicsDelta,
      };
      const all = buildRows(r);
      const result = computeCriteria(all, settings, r.notHeld);
      const rows = heldRows(all, r.notHeld);
      const codes = [...new Set(rows.map((x) => x.schoolCode))];
      expect(result.schools.map((x) => x.code).sort()).toEqual([...codes].sort());
      const perYear = new Map<
        number,
        {
          shnor: number;
          withResults: number;
          prevShnor: number;
          left: number;
          stagnating: number;
          positive: number;
        }
      >();
      for (const code of codes) {
        const school = result.schools.find((x) => x.code === code)!;
        let streak = 0;
        for (const year of YEARS) {
          const b = brute(rows, code, year, settings);
          const got = school.years[String(year)];
          expect(got !== undefined).toBe(b.has);
          if (!got) {
            streak = 0;
            continue;
          }
          expect([got.shnor, got.triggerA, got.triggerB]).toEqual([b.shnor, b.a, b.b]);
          expect(new Set(got.lowProcedures)).toEqual(lowSet(rows, code, year, settings));
          streak = b.shnor ? streak + 1 : 0;
          expect(got.consecutiveYears).toBe(streak);
          expect(got.stagnation).toBe(streak >= settings.stagnationYears);
          const prev = brute(rows, code, year - 1, settings);
          expect(got.leftList).toBe(prev.shnor && !b.shnor);
          // dynamics
          let comparable = 0;
          let better = 0;
          let worse = 0;
          if (prev.has) {
            for (const subject of ['Русский язык', 'Математика']) {
              const p = subjectShare(rows, code, year - 1, subject, settings);
              const c = subjectShare(rows, code, year, subject, settings);
              if (p === null || c === null) continue;
              comparable++;
              if ((p - c) * 100 > settings.dynamicsDelta) better++;
              else if ((c - p) * 100 > settings.dynamicsDelta) worse++;
            }
          }
          expect(got.positiveDynamics).toBe(comparable === 0 ? null : better > 0 && worse === 0);
          const hasCounted = countedShares(rows, code, year, settings).size > 0;
          const t = perYear.get(year) ?? {
            shnor: 0,
            withResults: 0,
            prevShnor: 0,
            left: 0,
            stagnating: 0,
            positive: 0,
          };
          t.shnor += b.shnor ? 1 : 0;
          t.withResults += hasCounted ? 1 : 0;
          t.prevShnor += prev.shnor ? 1 : 0;
          t.left += prev.shnor && !b.shnor ? 1 : 0;
          t.stagnating += streak >= settings.stagnationYears ? 1 : 0;
          t.positive += prev.shnor && comparable > 0 && better > 0 && worse === 0 ? 1 : 0;
          perYear.set(year, t);
        }
      }
      for (const ind of result.indicators) {
        const t = perYear.get(ind.year)!;
        const expected: Record<string, [number, number]> = {
          'shnor-share': [t.shnor, t.withResults],
          'left-list-share': [t.left, t.prevShnor],
          'positive-dynamics-share': [t.positive, t.prevShnor],
          'stagnation-share': [t.stagnating, t.shnor],
        };
        const e = expected[ind.id];
        if (e) expect([ind.id, ind.numerator, ind.denominator]).toEqual([ind.id, ...e]);
      }
    }),
    { numRuns: 300 },
  );
});
