/**
 * Fixes the pane can apply to a plan sheet, on request only: a continuation row merged into the
 * activity above it, and an activity number written the way the rest of the plan writes them.
 * Pure: a fix is a list of cell edits computed from the grid; nothing is written here.
 *
 * Rows are never deleted (that would move every address the user and the issues refer to): the
 * continuation row's cells are emptied after their text joined the activity's cells.
 */
import { a1, parseA1, valueAt, type Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import type { SheetCheck } from '../core/plan/check';
import { parseNumberCell } from '../core/plan/rows';
import type { ColumnRole } from '../core/plan/types';
import { cellText } from '../core/text';
import type { CellEdit } from './host';

export interface PlanFix {
  /** The issue the fix resolves (same sheet, code and cell). */
  issue: Issue;
  /** What the fix does, in Russian. */
  description: string;
  edits: CellEdit[];
}

export const FIXABLE_CODES = new Set(['continuation-row', 'number-style', 'number-dot']);

/** Deadline fragments stay on their own line (as the reader joins them); other texts join with a space. */
const JOIN: Partial<Record<ColumnRole, string>> = { deadline: '\n' };

/** Text written through `values` that Excel would take for a formula gets the apostrophe Excel itself uses. */
export function safeText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

/** A working copy of the cell texts, so several fixes in a row see each other's edits. */
class Working {
  private readonly edited = new Map<string, string>();
  constructor(private readonly grid: Grid) {}
  text(r: number, c: number): string {
    const v = valueAt(this.grid, r, c);
    // The user's own characters (dashes, quotes) are kept; only other values are shown as Excel shows them.
    return this.edited.get(a1(r, c)) ?? (typeof v === 'string' ? v.trim() : cellText(v));
  }
  apply(edits: CellEdit[]): void {
    for (const e of edits) this.edited.set(e.cell, e.value.replace(/^'/, ''));
  }
}

function continuationFix(issue: Issue, check: SheetCheck, work: Working): PlanFix | null {
  const activity = check.activities.find((a) => a.continuationRows.includes(issue.row));
  if (!activity) return null;
  const r = issue.row - 1;
  const target = activity.row - 1;
  const edits: CellEdit[] = [];
  for (const [role, column] of Object.entries(check.columns) as Array<
    [ColumnRole, { col: number }]
  >) {
    const fragment = work.text(r, column.col);
    if (!fragment) continue;
    const before = work.text(target, column.col);
    const joined = before ? `${before}${JOIN[role] ?? ' '}${fragment}` : fragment;
    edits.push({ cell: a1(target, column.col), value: safeText(joined), asText: false });
    edits.push({ cell: a1(r, column.col), value: '', asText: false });
  }
  if (edits.length === 0) return null;
  return {
    issue,
    description: `Перенести текст строки ${issue.row} в строку ${activity.row} и очистить строку ${issue.row}`,
    edits,
  };
}

function numberFix(issue: Issue, grid: Grid, check: SheetCheck): PlanFix | null {
  const col = check.columns.number?.col;
  if (col === undefined || !issue.cell) return null;
  const { r, c } = parseA1(issue.cell);
  if (c !== col) return null;
  const n = parseNumberCell(valueAt(grid, r, c));
  if (n.kind !== 'arabic') return null;
  let wanted: string;
  if (n.storedAs === 'date') wanted = n.text;
  else {
    // The style most numbers of the plan use wins, as in the number-dot rule.
    let dotted = 0;
    let plain = 0;
    for (const a of check.activities) {
      const m = parseNumberCell(valueAt(grid, a.row - 1, col));
      if (m.kind !== 'arabic' || m.storedAs === 'date') continue;
      if (m.trailingDot) dotted++;
      else plain++;
    }
    if (dotted === plain) return null;
    const dotsWin = dotted > plain;
    if (n.trailingDot === dotsWin) return null;
    wanted = dotsWin ? `${n.text}.` : n.text;
  }
  return {
    issue,
    description: `Записать номер «${wanted}» текстом в ячейку ${issue.cell}`,
    edits: [{ cell: issue.cell, value: wanted, asText: true }],
  };
}

/** Fixes for the given issues of one checked sheet, in issue order, each computed after the ones before it. */
export function planFixes(grid: Grid, check: SheetCheck, issues: Issue[]): PlanFix[] {
  const work = new Working(grid);
  const fixes: PlanFix[] = [];
  for (const issue of issues) {
    if (issue.sheet !== check.sheet || !FIXABLE_CODES.has(issue.code)) continue;
    const fix =
      issue.code === 'continuation-row'
        ? continuationFix(issue, check, work)
        : numberFix(issue, grid, check);
    if (!fix) continue;
    work.apply(fix.edits);
    fixes.push(fix);
  }
  return fixes;
}

/** The issue a fix belongs to, as a key for lookups. */
export function issueKey(issue: Issue): string {
  return `${issue.sheet}|${issue.code}|${issue.cell}|${issue.row}`;
}
