/**
 * Issue: one problem found in the user's data, said in Russian at the cell where it is.
 * Codes are stable identifiers (README lists them); messages and fixes are for people.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  /** Stable code, e.g. "missing-deadline". */
  code: string;
  /** Russian message a clerk reads. */
  message: string;
  /** Sheet name as the user sees it. */
  sheet: string;
  /** A1 address as Excel shows it ("" when the issue concerns the whole sheet). */
  cell: string;
  /** Excel row number (1-based), 0 when the issue concerns the whole sheet. */
  row: number;
  /** Suggested fix in Russian, where one can be suggested. */
  fix?: string;
  /** Stable identity across versions of the plan (review/remarkId.ts); set by the plan check. */
  id?: string;
  /** Against an earlier check (`check --baseline`): new, or present then too. */
  state?: 'new' | 'unchanged';
  /** Accepted by the clerk: listed apart, not counted as an error. */
  accepted?: { justification: string };
}

export const SEVERITY_RU: Record<Severity, string> = {
  error: 'ошибка',
  warning: 'предупреждение',
  info: 'сведения',
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts issues the way a person walks a sheet: by row, then column, then severity. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.row - b.row ||
      a.cell.length - b.cell.length ||
      a.cell.localeCompare(b.cell) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code),
  );
}

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
