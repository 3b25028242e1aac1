/**
 * What reading a plan sheet gives the rules: the plan itself (types.ts) plus where things sit in
 * the sheet. Its own module so that the reader and the rules both import it without a cycle.
 */
import type { Issue } from '../issue';
import type { Glossary } from './glossary';
import type { HeaderMatch } from './header';
import type { NumberCell } from './rows';
import type { ColumnRole, Period, PlanActivity, PlanSection } from './types';

export interface ReadOptions {
  /** The user's period: overrides whatever the sheet says. */
  period?: { start: string; end: string; schoolYear: boolean } | null;
  fileName?: string;
  glossaryExtra?: Record<string, string>;
}

/** What the rules need about an activity beyond PlanActivity, index-aligned with activities. */
export interface ActivityMeta {
  /** 0-based row. */
  r: number;
  number: NumberCell;
  /** Index of the numbered section the activity sits in (sub-headings skipped), -1 before any. */
  numberedSection: number;
}

export interface SectionMeta {
  /** 0-based row and column of the section's numeral. */
  r: number;
  c: number;
  lookalike: boolean;
  roman: boolean;
}

export interface PlanRead {
  sheet: string;
  header: HeaderMatch;
  /** 0-based column of a role, -1 when the table has no such column. */
  col: (role: ColumnRole) => number;
  title: string;
  /** The texts above the header (title block, passport, goals), squashed, in reading order. */
  titleBlock: string[];
  period: Period | null;
  sections: PlanSection[];
  sectionMeta: SectionMeta[];
  activities: PlanActivity[];
  meta: ActivityMeta[];
  glossary: Glossary;
  /** Issues found while reading (continuation rows, repeated headers, error values, period). */
  issues: Issue[];
}
