/**
 * Every setting of the product, with the defaults of docs/domain.md §3.3, §3.6 and §4.
 * Settings arrive as JSON (a file, workbook.settings); parseSettings fills in the defaults and
 * says in Russian which field is wrong and what it holds.
 */
import { z } from 'zod';

export const PROCEDURE_TYPES = ['ВПР', 'ОГЭ', 'ЕГЭ'] as const;
const procedureType = z.enum(PROCEDURE_TYPES);

const year = z.number().int().min(1990).max(2100);

/** Which procedures the ШНОР rule counts; no `grades` = every grade of that type. */
const countedProcedure = z.strictObject({
  type: procedureType,
  grades: z.array(z.number().int().min(1).max(11)).optional(),
});

const notHeldEntry = z.strictObject({
  type: procedureType,
  subject: z.string().min(1).optional(),
  grade: z.number().int().min(1).max(11).optional(),
  year,
});

/** Failure is a score below minScore, or a mark below minMark (docs/domain.md §3.6). */
const minimumScore = z.strictObject({
  type: procedureType,
  /** No subject = every subject of that type. */
  subject: z.string().min(1).optional(),
  minScore: z.number().min(0).optional(),
  minMark: z.number().int().min(2).max(5).optional(),
});

export const DEFAULT_RISK_FACTORS: readonly string[] = [
  'низкий уровень оснащения школы',
  'дефицит педагогических кадров',
  'недостаточная предметная и методическая компетентность педагогических работников',
  'риски низкой адаптивности учебного процесса',
  'несформированность внутришкольной системы повышения квалификации',
  'высокая доля обучающихся с рисками учебной неуспешности',
  'низкий уровень дисциплины в классе',
  'низкое качество преодоления языковых и культурных барьеров',
  'пониженный уровень качества школьной образовательной и воспитательной среды',
  'низкая учебная мотивация обучающихся',
  'низкий уровень вовлечённости родителей',
  'высокая доля обучающихся с ОВЗ',
];

/**
 * Where the value of a plan's indicator comes from (the «Показатели плана» sheet): one of the
 * computed region indicators (the ids of criteria/indicators.ts), typed in by the user, or not an
 * indicator at all.
 */
export const PLAN_INDICATOR_SOURCES = [
  'shnor-share',
  'low-any-share',
  'left-list-share',
  'positive-dynamics-share',
  'stagnation-share',
  'confirmed-share',
  'input',
  'skip',
] as const;
const planIndicatorSource = z.enum(PLAN_INDICATOR_SOURCES);
export type PlanIndicatorSource = (typeof PLAN_INDICATOR_SOURCES)[number];

/**
 * Limits on what one input workbook may unpack to, checked before it is parsed (zip bombs). The
 * defaults leave room for a region-scale results sheet (80 000 rows unpack to about 40 MB).
 */
export const inputLimitsSchema = z.strictObject({
  /** Largest uncompressed part (one sheet's XML, the shared strings…), in megabytes. */
  maxPartMegabytes: z.number().positive().default(256),
  /** All parts of one workbook together, uncompressed, in megabytes. */
  maxTotalMegabytes: z.number().positive().default(1024),
  /** Uncompressed ÷ compressed size above which a part is taken for a zip bomb… */
  maxCompressionRatio: z.number().min(1).default(100),
  /** …once it unpacks to more than this many megabytes (small parts may compress very well). */
  ratioFromMegabytes: z.number().min(0).default(8),
});

export type InputLimits = z.infer<typeof inputLimitsSchema>;

/** No school writes one procedure with more pupils than this (settings.maxParticipants). */
export const DEFAULT_MAX_PARTICIPANTS = 100_000;

export const settingsSchema = z.strictObject({
  /** Share failed at or above which a procedure is low (inclusive). */
  threshold: z.number().min(0).max(1).default(0.3),
  /** Subjects counted; a subject also covers its levels ("Математика" → "Математика (базовая)"). */
  subjects: z.array(z.string().min(1)).min(1).default(['Русский язык', 'Математика']),
  procedures: z
    .array(countedProcedure)
    .min(1)
    .default([{ type: 'ВПР', grades: [4, 5, 6, 7, 8] }, { type: 'ОГЭ' }, { type: 'ЕГЭ' }]),
  procedureIdentity: z.enum(['type+grade+subject', 'type+subject']).default('type+grade+subject'),
  minParticipants: z.number().int().min(1).default(1),
  smallSample: z.number().int().min(0).default(10),
  /** Counts above this per school and procedure are errors in the data (issue #14). */
  maxParticipants: z.number().int().min(1).default(DEFAULT_MAX_PARTICIPANTS),
  yearsNotHeld: z.array(notHeldEntry).default([]),
  stagnationYears: z.number().int().min(1).default(3),
  /** Percentage points a subject's share failed must fall by to count as an improvement. */
  dynamicsDelta: z.number().min(0).max(100).default(0),
  minimumScores: z.array(minimumScore).default([
    { type: 'ЕГЭ', subject: 'Русский язык', minScore: 24 },
    { type: 'ЕГЭ', subject: 'Математика (профильная)', minScore: 27 },
    { type: 'ЕГЭ', subject: 'Математика (базовая)', minMark: 3 },
    { type: 'ОГЭ', minMark: 3 },
    { type: 'ВПР', minMark: 3 },
  ]),
  /** Plan period override: "2023", "2023-2024" or "2022/2023"; null = found in the plan. */
  planPeriod: z
    .string()
    .regex(/^\s*\d{4}\s*(?:[-/]\s*\d{4}\s*)?$/)
    .nullable()
    .default(null),
  riskFactors: z.array(z.string().min(1)).default([...DEFAULT_RISK_FACTORS]),
  /** Abbreviations the user defines: "ТОИУУ" → "Тверской областной институт…". */
  glossary: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * Corrections to the «Показатели плана» sheet, keyed by the plan's number of the row ("3.6")
   * or the start of its text: the source, or the source and the year of the results.
   */
  planIndicatorSources: z
    .record(
      z.string().min(1),
      z.union([
        planIndicatorSource,
        z.strictObject({ source: planIndicatorSource.optional(), year: year.optional() }),
      ]),
    )
    .default({}),
  /** Size limits for input workbooks (command line). */
  inputLimits: inputLimitsSchema.prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
/** The settings the criteria engine reads (all of them; the name says who uses it). */
export type CriteriaSettings = Settings;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** What each field expects, in Russian; keys are paths with list indices written as []. */
const EXPECTED: Record<string, string> = {
  threshold: 'число от 0 до 1',
  subjects: 'непустой список названий предметов',
  'subjects[]': 'название предмета (непустая строка)',
  procedures: 'непустой список процедур вида {"type": "ВПР", "grades": [4, 5]}',
  'procedures[]': 'процедура вида {"type": "ВПР", "grades": [4, 5]}',
  'procedures[].type': 'одно из «ВПР», «ОГЭ», «ЕГЭ»',
  'procedures[].grades': 'список классов от 1 до 11',
  'procedures[].grades[]': 'целое число от 1 до 11',
  procedureIdentity: '«type+grade+subject» или «type+subject»',
  minParticipants: 'целое число не меньше 1',
  smallSample: 'целое число не меньше 0',
  maxParticipants: 'целое число не меньше 1',
  yearsNotHeld: 'список вида [{"type": "ОГЭ", "year": 2020}]',
  'yearsNotHeld[]': 'запись вида {"type": "ОГЭ", "subject": "Математика", "year": 2020}',
  'yearsNotHeld[].type': 'одно из «ВПР», «ОГЭ», «ЕГЭ»',
  'yearsNotHeld[].subject': 'название предмета (непустая строка)',
  'yearsNotHeld[].grade': 'целое число от 1 до 11',
  'yearsNotHeld[].year': 'год (целое число от 1990 до 2100)',
  stagnationYears: 'целое число не меньше 1',
  dynamicsDelta: 'число процентных пунктов от 0 до 100',
  minimumScores: 'список вида [{"type": "ЕГЭ", "subject": "Русский язык", "minScore": 24}]',
  'minimumScores[]': 'запись вида {"type": "ЕГЭ", "subject": "Русский язык", "minScore": 24}',
  'minimumScores[].type': 'одно из «ВПР», «ОГЭ», «ЕГЭ»',
  'minimumScores[].subject': 'название предмета (непустая строка)',
  'minimumScores[].minScore': 'число не меньше 0',
  'minimumScores[].minMark': 'отметка от 2 до 5',
  planPeriod: 'период вида «2023», «2023-2024» или «2022/2023»',
  riskFactors: 'список факторов риска (строк)',
  'riskFactors[]': 'фактор риска (непустая строка)',
  glossary: 'словарь сокращений вида {"ЦОКО": "Центр оценки качества образования"}',
  'glossary[]': 'расшифровка сокращения (непустая строка)',
  planIndicatorSources:
    'словарь вида {"3.6": "positive-dynamics-share", "2.5": "input", "1.1": {"year": 2024}}',
  'planIndicatorSources[]': `одно из ${PLAN_INDICATOR_SOURCES.map((s) => `«${s}»`).join(', ')} или запись вида {"source": "input", "year": 2024}`,
  inputLimits:
    'пределы вида {"maxPartMegabytes": 256, "maxTotalMegabytes": 1024, "maxCompressionRatio": 100, "ratioFromMegabytes": 8}',
  'inputLimits.maxPartMegabytes': 'положительное число мегабайт',
  'inputLimits.maxTotalMegabytes': 'положительное число мегабайт',
  'inputLimits.maxCompressionRatio': 'число не меньше 1',
  'inputLimits.ratioFromMegabytes': 'число мегабайт не меньше 0',
};

export type SettingsParse = { ok: true; settings: Settings } | { ok: false; errors: string[] };

function shown(v: unknown): string {
  if (v === undefined) return 'ничего';
  if (typeof v === 'string') return v;
  const json = JSON.stringify(v);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function pathText(path: PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s;
}

function valueAtPath(root: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Validates settings JSON (any subset of fields) and fills in the defaults. */
export function parseSettings(json: unknown): SettingsParse {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      ok: false,
      errors: [`настройки: ожидается объект JSON с полями настроек, получено «${shown(json)}»`],
    };
  }
  const parsed = settingsSchema.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const where = pathText(issue.path);
      for (const key of issue.keys) {
        const field = where ? `${where}.${key}` : key;
        errors.push(
          `${field}: неизвестный параметр; допустимые: ${Object.keys(settingsSchema.shape).join(', ')}`,
        );
      }
      continue;
    }
    // glossary and planIndicatorSources keys are user words: looked up under "glossary[]" etc.
    const generic = issue.path.map((p, i) =>
      typeof p === 'number' ||
      (i > 0 && (issue.path[0] === 'glossary' || issue.path[0] === 'planIndicatorSources'))
        ? '[]'
        : String(p),
    );
    const key = generic.join('.').replace(/\.\[\]/g, '[]');
    const expected = EXPECTED[key] ?? EXPECTED[String(issue.path[0])] ?? 'другое значение';
    errors.push(
      `${pathText(issue.path)}: ожидается ${expected}, получено «${shown(valueAtPath(json, issue.path))}»`,
    );
  }
  return { ok: false, errors };
}
