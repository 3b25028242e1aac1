/**
 * What title lines above a table (and the sheet name) say about the whole table: the procedure,
 * the grade, the subject, the year. The federal "Статистика по отметкам" export carries these only
 * in its title lines (docs/domain.md §3.2).
 */
import { type Grid, valueAt } from '../grid';
import { cellText, squash } from '../text';
import type { ProcedureType } from './types';
import { canonicalSubject, findSubjectIn, parseProcedure } from './vocabulary';

export interface TableContext {
  year?: number;
  type?: ProcedureType;
  grade?: number;
  subject?: string;
}

/** "5 класс", "5-й класс", "5 кл." — but not the "8" of "4-8 классы". */
const GRADE_BEFORE = /(?<![\d-])(\d{1,2})\s*(?:-?\s*(?:й|ый|ой)\s*)?(?:класс|кл\.)(?![а-я]*ы)/i;
/** "Класс: 5", "Класс 5", "Параллель: 5". */
const GRADE_AFTER = /(?:класс|параллель)\s*:?\s*(\d{1,2})(?![\d-])/i;
const SCHOOL_YEAR = /(?<!\d)(20\d\d)\s*[-/]\s*(20\d\d|\d\d)(?!\d)/;
const DATE = /(?<!\d)\d{1,2}\.\d{1,2}\.(20\d\d)(?!\d)/;
const YEAR = /(?<!\d)(20\d\d)(?!\d)/;
const SUBJECT_LABEL = /предмет\s*:\s*(.+)$/i;

function gradeIn(text: string): number | undefined {
  const m = GRADE_AFTER.exec(text) ?? GRADE_BEFORE.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 11 ? n : undefined;
}

function yearIn(text: string, schoolYear: 'spring' | 'autumn'): number | undefined {
  const sy = SCHOOL_YEAR.exec(text);
  if (sy) {
    const first = Number(sy[1]);
    const second =
      sy[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(sy[2]) : Number(sy[2]);
    if (second === first + 1) return schoolYear === 'spring' ? second : first;
  }
  const d = DATE.exec(text) ?? YEAR.exec(text);
  return d ? Number(d[1]) : undefined;
}

function subjectIn(text: string): string | undefined {
  const labelled = SUBJECT_LABEL.exec(text);
  if (labelled) {
    const s = canonicalSubject(labelled[1]!);
    if (s) return s.subject;
  }
  return findSubjectIn(text) ?? undefined;
}

/** Reads one line of text into the context, filling only what is still unknown. */
export function readContextLine(
  line: string,
  into: TableContext,
  schoolYear: 'spring' | 'autumn',
): void {
  const text = squash(line);
  if (!text) return;
  into.type ??= parseProcedure(text) ?? undefined;
  into.grade ??= gradeIn(text);
  into.year ??= yearIn(text, schoolYear);
  into.subject ??= subjectIn(text);
}

/** The context the rows [from, to) of a sheet give, read top to bottom, each cell a line. */
export function contextFromRows(
  grid: Grid,
  from: number,
  to: number,
  width: number,
  schoolYear: 'spring' | 'autumn',
): TableContext {
  const ctx: TableContext = {};
  for (let r = from; r < to; r++)
    for (let c = 0; c < width; c++) {
      const t = cellText(valueAt(grid, r, c));
      if (t) readContextLine(t, ctx, schoolYear);
    }
  return ctx;
}

/** Fills what `ctx` lacks from the lower-priority sources, in order. */
export function fillContext(
  ctx: TableContext,
  ...sources: Array<TableContext | undefined>
): TableContext {
  const out: TableContext = { ...ctx };
  for (const s of sources) {
    if (!s) continue;
    out.year ??= s.year;
    out.type ??= s.type;
    out.grade ??= s.grade;
    out.subject ??= s.subject;
  }
  return out;
}

/** The context a sheet name gives ("ВПР 5 Математика", "ОГЭ_русский_2023"). */
export function contextFromSheetName(name: string, schoolYear: 'spring' | 'autumn'): TableContext {
  const ctx: TableContext = {};
  const text = name.replace(/_/g, ' ');
  readContextLine(text, ctx, schoolYear);
  // A bare number in a sheet name is a grade more often than anything else ("5 мат").
  if (ctx.grade === undefined) {
    const m = /(?<!\d)([4-9]|1[01])(?!\d)/.exec(text);
    if (m) ctx.grade = Number(m[1]);
  }
  return ctx;
}
