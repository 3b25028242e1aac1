/**
 * Accepted remarks in the add-in: «Принять» on a remark stores it, with the justification, in the
 * workbook's settings (so the list travels with the file), keyed by the remark's stable id. A check
 * applies the stored list through the core's acceptance logic (src/core/review/compare.ts).
 */
import type { Issue, Severity } from '../core/issue';
import type { SheetCheck } from '../core/plan/check';
import { matchAcceptances, type Acceptance } from '../core/review/acceptance';
import { applyAcceptances } from '../core/review/compare';

/** Notices the acceptance logic itself adds: they are not remarks one accepts. */
const NOTICE_CODES = new Set(['accepted-without-justification', 'acceptance-stale']);

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A remark the user may accept: it has an id, is not accepted yet and is not a notice about acceptances. */
export function acceptable(issue: Issue): boolean {
  return Boolean(issue.id) && !issue.accepted && !NOTICE_CODES.has(issue.code);
}

function isAcceptance(v: unknown): v is Acceptance {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.id === 'string' &&
    a.id !== '' &&
    typeof a.sheet === 'string' &&
    typeof a.code === 'string' &&
    SEVERITIES.includes(a.severity as Severity) &&
    typeof a.message === 'string' &&
    typeof a.cell === 'string' &&
    typeof a.justification === 'string'
  );
}

/** The stored list as saved by saveAcceptances; anything malformed is left out. */
export function parseAcceptances(stored: unknown): Acceptance[] {
  const items = (stored as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items.filter(isAcceptance) : [];
}

/** What goes into the workbook's settings. */
export function storedAcceptances(list: readonly Acceptance[]): {
  version: 1;
  items: Acceptance[];
} {
  return { version: 1, items: [...list] };
}

/** The list with the remark accepted (an earlier acceptance of the same remark replaced). */
export function withAccepted(
  list: readonly Acceptance[],
  issue: Issue,
  justification: string,
): Acceptance[] {
  const id = issue.id ?? '';
  return [
    ...list.filter((a) => !(a.id === id && a.sheet === issue.sheet)),
    {
      id,
      sheet: issue.sheet,
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
      cell: issue.cell,
      justification: justification.trim(),
    },
  ];
}

/** The list without one acceptance. */
export function withoutAcceptance(
  list: readonly Acceptance[],
  gone: Pick<Acceptance, 'id' | 'sheet'>,
): Acceptance[] {
  return list.filter((a) => !(a.id === gone.id && a.sheet === gone.sheet));
}

/**
 * Applies the acceptances stored for the checked sheet: accepted remarks are marked (they do not
 * count as errors), an accepted error with no justification gets a warning, a stale acceptance an
 * info. Acceptances of other sheets are left alone.
 */
export function applyToCheck(check: SheetCheck, list: readonly Acceptance[]): SheetCheck {
  const mine = list.filter((a) => a.sheet === check.sheet);
  if (!check.isPlan || mine.length === 0) return check;
  return { ...check, issues: applyAcceptances(check.sheet, check.issues, mine).issues };
}

/** Acceptances of the checked sheet that match none of its remarks (the same matching as applyToCheck). */
export function staleOf(check: SheetCheck, list: readonly Acceptance[]): Acceptance[] {
  const mine = list.filter((a) => a.sheet === check.sheet);
  if (!check.isPlan || mine.length === 0) return [];
  const remarks = check.issues
    .filter((i) => !NOTICE_CODES.has(i.code))
    .map((i) => ({ id: i.id ?? '' }));
  return matchAcceptances(remarks, mine).stale;
}
