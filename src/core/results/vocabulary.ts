/**
 * The words results tables use for procedures, grades, years and subjects, read into canonical
 * values (docs/domain.md §3.1). Every function takes what a cell holds and never throws.
 */
import type { CellValue } from '../grid';
import { foldKey, squash } from '../text';
import type { ProcedureType } from './types';

/** foldKey without dashes and slashes: "ГИА-9" and "гиа 9" meet. */
function wordKey(s: string): string {
  return foldKey(s).replace(/[-/]/g, '');
}

const PROCEDURE_WORDS: ReadonlyArray<[string, ProcedureType]> = [
  ['гиа11', 'ЕГЭ'],
  ['гиа9', 'ОГЭ'],
  ['впр', 'ВПР'],
  ['огэ', 'ОГЭ'],
  ['егэ', 'ЕГЭ'],
  ['всероссийск', 'ВПР'],
  ['основнойгосударственный', 'ОГЭ'],
  ['единыйгосударственный', 'ЕГЭ'],
];

/** "ВПР", "ГИА-9" (= ОГЭ), "гиа-11" (= ЕГЭ), "Всероссийские проверочные работы" → type; else null. */
export function parseProcedure(text: string): ProcedureType | null {
  const key = wordKey(text);
  if (!key) return null;
  for (const [word, type] of PROCEDURE_WORDS) if (key.includes(word)) return type;
  return null;
}

/** Grade the procedure implies when the table has none: ОГЭ 9, ЕГЭ 11, ВПР none. */
export function impliedGrade(type: ProcedureType): number | null {
  return type === 'ОГЭ' ? 9 : type === 'ЕГЭ' ? 11 : null;
}

const GRADE_TEXT = /^(\d{1,2})\s*(?:-?\s*(?:й|ый|ой))?\s*(?:класс[а-я]*|кл\.?)?$/;

/** 5, "5", "5 класс", "5-й класс", "5 кл." → 5 (1–11); else null. */
export function parseGrade(v: CellValue): number | null {
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = GRADE_TEXT.exec(squash(v).toLowerCase());
    if (m) n = Number(m[1]);
  }
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 11 ? n : null;
}

const YEAR_TEXT =
  /^(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?(?:\s*(?:уч\.?|учебн[а-я]*))?\s*(?:г\.?|гг\.?|год[а-я]*)?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * 2023, "2023", "2023 год", Date → 2023; a school year "2022/2023", "2022-2023", "2022/23" → 2023
 * (its spring) or 2022 when `schoolYear` is "autumn". Else null.
 */
export function parseYear(v: CellValue, schoolYear: 'spring' | 'autumn' = 'spring'): number | null {
  let year: number | null = null;
  if (typeof v === 'number') year = v;
  else if (v instanceof Date) year = v.getUTCFullYear();
  else if (typeof v === 'string') {
    const m = YEAR_TEXT.exec(squash(v).toLowerCase());
    if (m) {
      const first = Number(m[1]);
      if (m[2] === undefined) year = first;
      else {
        const second =
          m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
        if (second !== first + 1) return null;
        year = schoolYear === 'spring' ? second : first;
      }
    }
  }
  return year !== null && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
    ? year
    : null;
}

export const RUSSIAN = 'Русский язык';
export const MATHS = 'Математика';
export const MATHS_BASIC = 'Математика (базовая)';
export const MATHS_ADVANCED = 'Математика (профильная)';

/** Other school subjects of ВПР, ОГЭ and ЕГЭ, in their canonical spelling. */
const OTHER_SUBJECTS = [
  'Литература',
  'История',
  'Обществознание',
  'География',
  'Биология',
  'Физика',
  'Химия',
  'Информатика',
  'Окружающий мир',
  'Иностранный язык',
  'Английский язык',
  'Немецкий язык',
  'Французский язык',
  'Испанский язык',
  'Китайский язык',
  'Литературное чтение',
];

/** Folded spellings → canonical subject. Built once. */
const SUBJECT_BY_KEY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (canonical: string, ...spellings: string[]) => {
    for (const s of [canonical, ...spellings]) m.set(wordKey(s), canonical);
  };
  add(RUSSIAN, 'русский', 'рус', 'рус яз', 'русск яз', 'русский яз');
  add(MATHS, 'мат', 'матем', 'математика');
  add(
    MATHS_BASIC,
    'база',
    'базовая',
    'математика база',
    'математика базовая',
    'математика базовый уровень',
    'математика (базовый уровень)',
    'математика б',
    'мат база',
    'матем база',
    'базовая математика',
  );
  add(
    MATHS_ADVANCED,
    'профиль',
    'профильная',
    'математика профиль',
    'математика профильная',
    'математика профильный уровень',
    'математика (профильный уровень)',
    'математика п',
    'мат профиль',
    'матем профиль',
    'профильная математика',
  );
  for (const s of OTHER_SUBJECTS) add(s);
  add(
    'Информатика',
    'информатика и икт',
    'информатика и информационно-коммуникационные технологии (икт)',
  );
  add('Английский язык', 'английский', 'англ яз');
  add('Немецкий язык', 'немецкий');
  add('Французский язык', 'французский');
  add('Испанский язык', 'испанский');
  add('Китайский язык', 'китайский');
  return m;
})();

/**
 * "русский", "Математика (базовая)", "база", "ФИЗИКА" → canonical subject, known = true.
 * Anything else is kept with a capital first letter and known = false. Empty text → null.
 */
export function canonicalSubject(text: string): { subject: string; known: boolean } | null {
  const t = squash(text);
  if (!t) return null;
  const known = SUBJECT_BY_KEY.get(wordKey(t));
  if (known) return { subject: known, known: true };
  const lower = t.toLowerCase();
  return { subject: lower.charAt(0).toUpperCase() + lower.slice(1), known: false };
}

/** Finds a known subject mentioned inside a longer text ("Предмет: Математика"), longest first. */
export function findSubjectIn(text: string): string | null {
  const key = wordKey(text);
  let best: { subject: string; length: number } | null = null;
  for (const [spelling, subject] of SUBJECT_BY_KEY) {
    // Short spellings ("мат", "база") only count as the whole text, not inside other words.
    if (spelling.length < 5 || !key.includes(spelling)) continue;
    if (!best || spelling.length > best.length) best = { subject, length: spelling.length };
  }
  return best?.subject ?? null;
}

/** True for a cell that says the procedure was not held ("не проводилась", "не проводился"). */
const NOT_HELD = /не\s*проводил/i;

export function saysNotHeld(v: CellValue): boolean {
  // The cheap test first: it runs on every text cell of every row.
  return typeof v === 'string' && (v.includes('ровод') || v.includes('РОВОД')) && NOT_HELD.test(v);
}
