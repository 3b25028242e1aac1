/**
 * A deterministic fictional region: schools in municipalities with three (or more) years of ВПР,
 * ОГЭ and ЕГЭ results in Russian and mathematics, and risk factors for the weak ones.
 *
 * Used by the demo (a small instance) and the benchmark (large ones). Every school follows one of a
 * few trajectories so that each case of docs/domain.md §3.3 occurs: trigger A, trigger B alone, both,
 * stagnation, leaving the list, getting into it, a procedure at exactly 30 %.
 */
import type { ProcedureType, ResultRow } from '../results/types';
import { DEFAULT_RISK_FACTORS } from '../settings';
import { createRandom, type Random } from './random';

export interface RegionOptions {
  schools: number;
  /** Number of municipalities; default: about one per 12 schools, at most the built-in town list. */
  municipalities?: number;
  /** Spring years, ascending; default three years ending 2024. */
  years?: number[];
  seed: number;
  /** Share of schools that are weak in at least one year (0–1); default 0.2. */
  weakShare?: number;
  /** Risk factors to draw from (docs/domain.md §4); default the usual federal list. */
  riskFactors?: readonly string[];
  /** Write journal comparison (Понизили/Подтвердили/Повысили) for ВПР; default true. */
  objectivity?: boolean;
}

/** How a school's results move over the years. */
export type Trajectory =
  | 'strong'
  /** Two or more procedures low every year: triggers A and B, stagnation. */
  | 'persistent'
  /** Weak in the first years, recovered in the last: leaves the list with positive dynamics. */
  | 'improving'
  /** Fine at first, weak from the second year on. */
  | 'declining'
  /** One and the same procedure low every year: trigger B alone from the second year. */
  | 'single-repeat'
  /** One procedure at exactly 30 % in one year: low, but not ШНОР. */
  | 'borderline';

export interface SyntheticSchool {
  code: string;
  /** Full name as in official lists: "МБОУ СОШ № 5 г. Ржева", "МКОУ Ивановская ООШ". */
  name: string;
  municipality: string;
  /** СОШ, гимназии and лицеи have ЕГЭ; ООШ stop at grade 9. */
  kind: 'СОШ' | 'ООШ' | 'Гимназия' | 'Лицей';
  trajectory: Trajectory;
  /** Up to three factors for schools weak at least once, none for the others. */
  riskFactors: string[];
}

export interface Region {
  name: string;
  years: number[];
  municipalities: string[];
  schools: SyntheticSchool[];
  rows: ResultRow[];
}

/**
 * The usual list of the federal programme (docs/domain.md §4; the defaults of settings.ts), written as a
 * school's sheet would have them, with a capital; callers may pass their own.
 */
export const USUAL_RISK_FACTORS: readonly string[] = DEFAULT_RISK_FACTORS.map(
  (f) => f.charAt(0).toUpperCase() + f.slice(1),
);

/** Towns: nominative for the municipality adjective, genitive for "г. …" in school names. */
const TOWNS: ReadonlyArray<{ district: string; genitive: string }> = [
  { district: 'Ржевский', genitive: 'Ржева' },
  { district: 'Торжокский', genitive: 'Торжка' },
  { district: 'Бежецкий', genitive: 'Бежецка' },
  { district: 'Кашинский', genitive: 'Кашина' },
  { district: 'Осташковский', genitive: 'Осташкова' },
  { district: 'Вышневолоцкий', genitive: 'Вышнего Волочка' },
  { district: 'Кимрский', genitive: 'Кимр' },
  { district: 'Конаковский', genitive: 'Конаково' },
  { district: 'Нелидовский', genitive: 'Нелидово' },
  { district: 'Старицкий', genitive: 'Старицы' },
  { district: 'Зубцовский', genitive: 'Зубцова' },
  { district: 'Калязинский', genitive: 'Калязина' },
  { district: 'Лихославльский', genitive: 'Лихославля' },
  { district: 'Удомельский', genitive: 'Удомли' },
  { district: 'Бологовский', genitive: 'Бологого' },
  { district: 'Весьегонский', genitive: 'Весьегонска' },
  { district: 'Западнодвинский', genitive: 'Западной Двины' },
  { district: 'Андреапольский', genitive: 'Андреаполя' },
  { district: 'Торопецкий', genitive: 'Торопца' },
  { district: 'Краснохолмский', genitive: 'Красного Холма' },
  { district: 'Кувшиновский', genitive: 'Кувшиново' },
  { district: 'Оленинский', genitive: 'Оленино' },
  { district: 'Сонковский', genitive: 'Сонково' },
  { district: 'Фировский', genitive: 'Фирово' },
];

/** Village adjectives (feminine, to agree with "школа"). */
const VILLAGES = [
  'Ивановская',
  'Петровская',
  'Никольская',
  'Покровская',
  'Михайловская',
  'Воскресенская',
  'Александровская',
  'Троицкая',
  'Успенская',
  'Знаменская',
  'Горская',
  'Заречная',
  'Луговская',
  'Сосновская',
  'Берёзовская',
  'Дубровская',
  'Красносельская',
  'Степановская',
  'Фёдоровская',
  'Васильевская',
  'Богородская',
  'Рождественская',
  'Спасская',
  'Ильинская',
  'Кузьминская',
  'Медведевская',
  'Озёрная',
  'Полевая',
  'Рябиновская',
  'Селищенская',
] as const;

interface ProcedureDef {
  type: ProcedureType;
  grade: number;
  subject: string;
  /** Schools of this kind do not take it. */
  onlyWithEge?: boolean;
}

const PROCEDURES: readonly ProcedureDef[] = [
  ...[4, 5, 6, 7, 8].flatMap((grade) =>
    ['Русский язык', 'Математика'].map((subject): ProcedureDef => ({
      type: 'ВПР',
      grade,
      subject,
    })),
  ),
  { type: 'ОГЭ', grade: 9, subject: 'Русский язык' },
  { type: 'ОГЭ', grade: 9, subject: 'Математика' },
  { type: 'ЕГЭ', grade: 11, subject: 'Русский язык', onlyWithEge: true },
  { type: 'ЕГЭ', grade: 11, subject: 'Математика (профильная)', onlyWithEge: true },
  { type: 'ЕГЭ', grade: 11, subject: 'Математика (базовая)', onlyWithEge: true },
];

/** Trajectories of weak schools in the order they are handed out (so small regions get each). */
const WEAK_CYCLE: readonly Trajectory[] = [
  'persistent',
  'improving',
  'declining',
  'single-repeat',
  'borderline',
  'improving',
  'persistent',
  'declining',
];

/** Whether a school on this trajectory is weak in year index i of n. */
function weakIn(t: Trajectory, i: number, n: number): boolean {
  switch (t) {
    case 'persistent':
    case 'single-repeat':
      return true;
    case 'improving':
      return i < n - 1;
    case 'declining':
      return i >= 1;
    default:
      return false;
  }
}

function schoolName(
  rnd: Random,
  kind: SyntheticSchool['kind'],
  town: { genitive: string },
  number: number,
  village: string,
): string {
  switch (kind) {
    case 'Гимназия':
      return `${rnd.pick(['МБОУ', 'МАОУ'])} «Гимназия № ${number}» г. ${town.genitive}`;
    case 'Лицей':
      return `${rnd.pick(['МБОУ', 'МАОУ'])} «Лицей № ${number}» г. ${town.genitive}`;
    case 'ООШ':
      return `МКОУ ${village} ООШ`;
    default:
      return number > 0
        ? `${rnd.pick(['МБОУ', 'МБОУ', 'МОУ', 'МАОУ'])} СОШ № ${number} г. ${town.genitive}`
        : `${rnd.pick(['МБОУ', 'МКОУ', 'МОУ'])} ${village} СОШ`;
  }
}

/** Builds the region. The same options give the same region, row for row. */
export function generateRegion(opts: RegionOptions): Region {
  const rnd = createRandom(opts.seed);
  const years = opts.years ?? [2022, 2023, 2024];
  const weakShare = opts.weakShare ?? 0.2;
  const riskList = opts.riskFactors ?? USUAL_RISK_FACTORS;
  const objectivity = opts.objectivity ?? true;
  const mCount = Math.max(
    1,
    Math.min(opts.municipalities ?? Math.ceil(opts.schools / 12), TOWNS.length),
  );
  const towns = TOWNS.slice(0, mCount);
  const municipalities = towns.map((t) => `${t.district} муниципальный округ`);

  const schools: SyntheticSchool[] = [];
  const townCounters = towns.map(() => ({ school: 0, gymnasium: 0, lyceum: 0, village: 0 }));
  // Weak schools are spread evenly through the list: every k-th school, so any prefix has its share.
  const weakEvery = weakShare > 0 ? 1 / weakShare : Infinity;
  let weakHanded = 0;
  for (let i = 0; i < opts.schools; i++) {
    const m = i % mCount;
    const town = towns[m]!;
    const counter = townCounters[m]!;
    const roll = rnd.next();
    const kind: SyntheticSchool['kind'] =
      roll < 0.08 ? 'Гимназия' : roll < 0.13 ? 'Лицей' : roll < 0.45 ? 'ООШ' : 'СОШ';
    let number = 0;
    let village = '';
    if (kind === 'Гимназия') number = ++counter.gymnasium;
    else if (kind === 'Лицей') number = ++counter.lyceum;
    else if (kind === 'СОШ' && rnd.chance(0.5)) number = ++counter.school;
    else {
      const v = counter.village++;
      // Each district starts elsewhere in the list, so few names repeat across districts (some do,
      // as in real lists); past the list, names repeat with a numeral ("Ивановская СОШ № 2").
      village = VILLAGES[(v + m * 7) % VILLAGES.length]!;
      if (v >= VILLAGES.length) number = Math.floor(v / VILLAGES.length) + 1;
    }
    let name = schoolName(rnd, kind, town, number, village);
    if (village && number > 0) name = `${name} № ${number}`;
    const isWeak = Math.floor((i + 1) / weakEvery) > weakHanded;
    let trajectory: Trajectory = 'strong';
    if (isWeak) trajectory = WEAK_CYCLE[weakHanded++ % WEAK_CYCLE.length]!;
    const everWeak = years.some((_, y) => weakIn(trajectory, y, years.length));
    schools.push({
      code: `sch69${String(i + 1).padStart(4, '0')}`,
      name,
      municipality: municipalities[m]!,
      kind,
      trajectory,
      riskFactors: everWeak ? rnd.sample(riskList, rnd.int(1, Math.min(3, riskList.length))) : [],
    });
  }

  const rows: ResultRow[] = [];
  let sheetRow = 2; // row 1 of the results sheet is the header
  for (const school of schools) {
    const procs = PROCEDURES.filter((p) => !p.onlyWithEge || school.kind !== 'ООШ');
    const size = school.kind === 'ООШ' ? [4, 18] : [18, 90];
    // The procedures that fail at a weak school stay the same over the years (trigger B).
    const weakCount =
      school.trajectory === 'single-repeat' || school.trajectory === 'borderline'
        ? 1
        : rnd.int(2, 3);
    const weakProcs = new Set(rnd.sample(procs, weakCount));
    const borderlineYear = rnd.int(0, years.length - 1);
    years.forEach((year, y) => {
      const weakNow = weakIn(school.trajectory, y, years.length);
      for (const p of procs) {
        let n = rnd.int(size[0]!, size[1]!);
        if (p.subject.startsWith('Математика (')) n = Math.max(3, Math.round(n / 2));
        let failed: number;
        if (school.trajectory === 'borderline' && y === borderlineYear && weakProcs.has(p)) {
          n = 20;
          failed = 6; // exactly 30 %: low (the threshold is inclusive)
        } else if (weakNow && weakProcs.has(p)) {
          failed = Math.min(n, Math.ceil(n * (0.3 + rnd.next() * 0.2)));
        } else {
          // Below the threshold; an improving school's last year is clearly better.
          const base =
            school.trajectory === 'strong'
              ? 0.12
              : school.trajectory === 'improving' && !weakNow
                ? 0.06
                : 0.2;
          failed = Math.min(Math.ceil(0.3 * n) - 1, Math.round(n * rnd.next() * base));
        }
        const rest = n - failed;
        const n5 = Math.round(rest * rnd.next() * 0.3);
        const n4 = Math.round((rest - n5) * (0.3 + rnd.next() * 0.4));
        const row: ResultRow = {
          municipality: school.municipality,
          schoolCode: school.code,
          schoolName: school.name,
          year,
          type: p.type,
          grade: p.grade,
          subject: p.subject,
          participants: n,
          failed,
          n3: rest - n4 - n5,
          n4,
          n5,
          source: { sheet: RESULTS_SHEET, row: sheetRow++ },
        };
        if (objectivity && p.type === 'ВПР') {
          const lowered = Math.round(n * rnd.next() * 0.2);
          const raised = Math.round((n - lowered) * rnd.next() * 0.1);
          row.lowered = lowered;
          row.raised = raised;
          row.confirmed = n - lowered - raised;
        }
        rows.push(row);
      }
    });
  }
  return { name: 'Тверская область (вымышленные данные)', years, municipalities, schools, rows };
}

/** Name of the long-table sheet gridsFromRegion writes. */
export const RESULTS_SHEET = 'Результаты';
/** Name of the risk-factor sheet gridsFromRegion writes. */
export const RISK_SHEET = 'Факторы риска';
