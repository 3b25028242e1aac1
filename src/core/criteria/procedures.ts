/**
 * Which procedure a result row belongs to, whether the ШНОР rule counts it, and whether it was
 * held at all (docs/domain.md §3.3).
 */
import type { NotHeld, ResultRow } from '../results/types';
import type { CriteriaSettings } from '../settings';
import { squash } from '../text';

function subjectKey(s: string): string {
  return squash(s).toLowerCase().replace(/ё/g, 'е');
}

/** The counted subject a row's subject falls under ("Математика (базовая)" → "Математика"), or null. */
export function subjectGroup(subject: string, subjects: readonly string[]): string | null {
  const key = subjectKey(subject);
  for (const s of subjects) {
    const k = subjectKey(s);
    if (key === k || key.startsWith(`${k} (`)) return s;
  }
  return null;
}

export function isCountedProcedure(
  row: Pick<ResultRow, 'type' | 'grade'>,
  settings: CriteriaSettings,
): boolean {
  return settings.procedures.some(
    (p) => p.type === row.type && (!p.grades || p.grades.includes(row.grade)),
  );
}

export interface ProcedureIdentity {
  key: string;
  /** type|grade|subject whatever the identity setting (duplicates are found by it). */
  fullKey: string;
  /** The subject as normalised text. */
  subject: string;
  label: string;
  grade: number | null;
  counted: boolean;
  /** The counted subject it falls under (null when not counted). */
  group: string | null;
}

/**
 * Identity of the row's procedure. Rows the rule does not count always keep their grade, so that
 * pooling by type+subject never mixes counted and uncounted grades.
 */
export function procedureOf(
  row: Pick<ResultRow, 'type' | 'grade' | 'subject'>,
  settings: CriteriaSettings,
): ProcedureIdentity {
  const group = subjectGroup(row.subject, settings.subjects);
  const counted = group !== null && isCountedProcedure(row, settings);
  const subject = squash(row.subject);
  const fullKey = `${row.type}|${row.grade}|${subject}`;
  if (counted && settings.procedureIdentity === 'type+subject') {
    return {
      key: `${row.type}|${subject}`,
      fullKey,
      subject,
      label: `${row.type} ${subject}`,
      grade: null,
      counted,
      group,
    };
  }
  return {
    key: fullKey,
    fullKey,
    subject,
    label: `${row.type} ${row.grade} ${subject}`,
    grade: row.grade,
    counted,
    group: counted ? group : null,
  };
}

/** Whether a procedure-year was marked as not held (by the reader or in the settings). */
export function isNotHeld(
  row: Pick<ResultRow, 'type' | 'grade' | 'subject' | 'year'>,
  notHeld: readonly NotHeld[],
): boolean {
  return notHeld.some(
    (n) =>
      n.type === row.type &&
      n.year === row.year &&
      (n.grade === undefined || n.grade === row.grade) &&
      (n.subject === undefined || subjectKey(n.subject) === subjectKey(row.subject)),
  );
}
