/**
 * A small region that exercises every trigger and edge case of the criteria, for the patch and
 * recalculation tests.
 */
import type { NotHeld, ProcedureType, ResultRow } from '../../../src/core/results/types';

let row = 1;
function r(
  school: [code: string, name: string, municipality: string],
  type: ProcedureType,
  grade: number,
  subject: string,
  year: number,
  participants: number,
  failed: number,
  extra: Partial<ResultRow> = {},
): ResultRow {
  const [schoolCode, schoolName, municipality] = school;
  return {
    schoolCode,
    schoolName,
    municipality,
    type,
    grade,
    subject,
    year,
    participants,
    failed,
    source: { sheet: 'Данные', row: ++row },
    ...extra,
  };
}

const A: [string, string, string] = [
  'sch1',
  'МБОУ СОШ № 1 (триггер А, ровно 30 %)',
  'Андреапольский МО',
];
const B: [string, string, string] = [
  'sch2',
  'МБОУ СОШ № 2 (триггер Б, стагнация, выход)',
  'Андреапольский МО',
];
const N: [string, string, string] = [
  '',
  'МКОУ ООШ д. Бор (без кода, малая выборка)',
  'Бежецкий МО',
];
const D: [string, string, string] = [
  'sch4',
  'МАОУ Гимназия (динамика, журнал, уровни математики)',
  'Бежецкий МО',
];
const Z: [string, string, string] = [
  'sch5',
  'МБОУ СОШ № 5 (нет участников, не проводилась)',
  'Весьегонский МО',
];

export const NOT_HELD: NotHeld[] = [{ type: 'ОГЭ', year: 2020 }];

export function fixtureRows(): ResultRow[] {
  row = 1;
  return [
    // A: two procedures low in 2022, one of them at exactly 30 %; biology (not counted) very low.
    r(A, 'ВПР', 5, 'Математика', 2022, 10, 3, { n3: 4, n4: 2, n5: 1 }),
    r(A, 'ОГЭ', 9, 'Русский язык', 2022, 20, 8, { n3: 6, n4: 4, n5: 2 }),
    r(A, 'ВПР', 5, 'Биология', 2022, 10, 9),
    r(A, 'ВПР', 9, 'Математика', 2022, 10, 9),
    r(A, 'ВПР', 5, 'Математика', 2021, 12, 1),
    // B: the same procedure low 2019–2021 (trigger B from 2020), stagnation in 2021, leaves in 2022.
    ...[2019, 2020, 2021].map((y) => r(B, 'ВПР', 6, 'Русский язык', y, 25, 10)),
    ...[2019, 2020, 2021].map((y) => r(B, 'ВПР', 7, 'Математика', y, 25, 9)),
    r(B, 'ВПР', 6, 'Русский язык', 2022, 25, 2),
    r(B, 'ВПР', 7, 'Математика', 2022, 25, 3),
    // N: no code, small samples (low, counted, flagged), pooled grades under type+subject.
    r(N, 'ВПР', 4, 'Русский язык', 2021, 6, 2),
    r(N, 'ВПР', 5, 'Русский язык', 2022, 5, 2),
    r(N, 'ВПР', 4, 'Русский язык', 2022, 7, 1),
    // D: profile and base mathematics pool into one subject; journal comparison; mixed dynamics.
    r(D, 'ЕГЭ', 11, 'Математика (профильная)', 2021, 30, 9, {
      lowered: 3,
      confirmed: 20,
      raised: 7,
    }),
    r(D, 'ЕГЭ', 11, 'Математика (базовая)', 2021, 20, 2, { lowered: 1, confirmed: 18, raised: 1 }),
    r(D, 'ЕГЭ', 11, 'Русский язык', 2021, 50, 1),
    r(D, 'ЕГЭ', 11, 'Математика (профильная)', 2022, 30, 4, {
      lowered: 2,
      confirmed: 25,
      raised: 3,
    }),
    r(D, 'ЕГЭ', 11, 'Математика (базовая)', 2022, 20, 1),
    r(D, 'ЕГЭ', 11, 'Русский язык', 2022, 50, 1),
    r(D, 'ОГЭ', 9, 'Математика', 2022, 40, 13, { n3: 15, n4: 10, n5: 2 }),
    // Z: no participants (no result), a not-held year with rows, a duplicate row.
    r(Z, 'ВПР', 8, 'Математика', 2022, 0, 0),
    r(Z, 'ОГЭ', 9, 'Математика', 2020, 0, 0),
    r(Z, 'ОГЭ', 9, 'Математика', 2019, 30, 12),
    r(Z, 'ОГЭ', 9, 'Математика', 2021, 30, 12),
    r(Z, 'ОГЭ', 9, 'Русский язык', 2021, 15, 3),
    r(Z, 'ОГЭ', 9, 'Русский язык', 2021, 15, 3),
  ];
}

const PROCEDURES: Array<[ProcedureType, number, string]> = [
  ['ВПР', 4, 'Русский язык'],
  ['ВПР', 5, 'Математика'],
  ['ВПР', 6, 'Русский язык'],
  ['ВПР', 7, 'Математика'],
  ['ВПР', 8, 'Математика'],
  ['ВПР', 5, 'Биология'],
  ['ОГЭ', 9, 'Русский язык'],
  ['ОГЭ', 9, 'Математика'],
  ['ЕГЭ', 11, 'Русский язык'],
  ['ЕГЭ', 11, 'Математика (профильная)'],
];

/** A synthetic region: `schools` × 5 years × 10 procedures (8 counted), deterministic counts. */
export function regionRows(schools: number): ResultRow[] {
  const rows: ResultRow[] = [];
  let i = 0;
  for (let s = 0; s < schools; s++)
    for (let year = 2019; year <= 2023; year++)
      for (const [type, grade, subject] of PROCEDURES) {
        const n = (i * 7) % 40;
        rows.push({
          municipality: `Район ${s % 30}`,
          schoolCode: `sch${600000 + s}`,
          schoolName: `МБОУ СОШ № ${s}`,
          year,
          type,
          grade,
          subject,
          participants: n,
          failed: (i * 13) % (n + 1),
          n3: 1,
          n4: 1,
          n5: 0,
          source: { sheet: 'Результаты', row: ++i + 1 },
        });
      }
  return rows;
}

/** A pseudo-random region (fixed seed): random counts, gaps in years, a few duplicate-free rows. */
export function randomRegion(seed: number, schools: number): ResultRow[] {
  let state = seed >>> 0;
  // mulberry32: small, deterministic, good enough for test data
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: ResultRow[] = [];
  for (let s = 0; s < schools; s++)
    for (let year = 2019; year <= 2023; year++)
      for (const [type, grade, subject] of PROCEDURES) {
        if (next() < 0.25) continue;
        const participants = Math.floor(next() * 25);
        const failed = Math.floor(next() * (participants + 1) * 0.7);
        const marks = next() < 0.5;
        const rest = participants - failed;
        out.push({
          municipality: `Район ${s % 3}`,
          schoolCode: s % 5 === 0 ? '' : `sch${700000 + s}`,
          schoolName: `Школа № ${s}`,
          year,
          type,
          grade,
          subject,
          participants,
          failed,
          ...(marks
            ? {
                n3: Math.floor(rest / 2),
                n4: Math.floor(rest / 4),
                n5: rest - Math.floor(rest / 2) - Math.floor(rest / 4),
              }
            : {}),
          ...(next() < 0.3
            ? {
                lowered: Math.floor(next() * 5),
                confirmed: Math.floor(next() * 20),
                raised: Math.floor(next() * 5),
              }
            : {}),
          source: { sheet: 'Данные', row: out.length + 2 },
        });
      }
  return out;
}
