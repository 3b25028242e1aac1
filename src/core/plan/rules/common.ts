/**
 * What every plan rule gets and how it says what it found.
 */
import { a1 } from '../../grid';
import type { Issue, IssueCode, IssueOf, SeverityOf } from '../../issue';
import type { PlanRead } from '../planRead';

export interface RuleContext {
  read: PlanRead;
  /** "Today" for the overdue check, ISO. */
  asOf: string;
  /** Abbreviations already reported in this file (reported once per file, not per sheet). */
  reportedAbbreviations: Set<string>;
}

export type Rule = (ctx: RuleContext) => Issue[];

/**
 * An issue at a cell given 0-based; a negative row means the whole sheet. The severity must be
 * the one the code is declared with (a type error otherwise).
 */
export function issueAt<C extends IssueCode>(
  sheet: string,
  severity: NoInfer<SeverityOf<C>>,
  code: C,
  r: number,
  c: number,
  message: string,
  fix?: string,
): Issue {
  const issue = {
    severity,
    code,
    message,
    sheet,
    cell: r < 0 ? '' : a1(r, Math.max(c, 0)),
    row: r < 0 ? 0 : r + 1,
  } as IssueOf<C>;
  if (fix) issue.fix = fix;
  return issue as Issue;
}

/** A text quoted for a message, shortened to keep messages readable. */
export function quote(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}
