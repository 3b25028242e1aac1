/**
 * What reading a plan sheet produces. Shared by the plan reader, the rules, the report and the
 * task pane; dates are ISO strings (yyyy-mm-dd) so the results serialise as they are.
 */

export interface Period {
  start: string;
  end: string;
  /** Where the period came from: the title block, the sheet or file name, a setting, or deadlines. */
  source: 'title' | 'name' | 'setting' | 'inferred';
  /** True for a school-year plan (1 Sep – 31 Aug). */
  schoolYear: boolean;
  /** The text the period was read from. */
  text: string;
}

export type DeadlineKind =
  | 'date'
  | 'dates'
  | 'date-range'
  | 'until'
  | 'month'
  | 'month-range'
  | 'months'
  | 'quarter'
  | 'half'
  | 'year'
  | 'year-range'
  | 'school-year'
  | 'period'
  | 'recurring'
  | 'by-reference'
  | 'empty'
  | 'unparsed';

export interface Recurrence {
  every: 'year' | 'quarter' | 'month' | 'week';
  /** How many times per period ("не реже двух раз в год" → 2); 1 when not said. */
  times: number;
  /** "не реже": at least `times`. */
  atLeast?: boolean;
  /** Month number 1–12 for "ежегодно в сентябре". */
  month?: number;
}

export interface Deadline {
  kind: DeadlineKind;
  /** ISO start, null when it cannot be known (by-reference, unparsed, empty). */
  start: string | null;
  end: string | null;
  /** Individual checkpoints (dates, months) as [start, end] pairs. */
  checkpoints?: Array<{ start: string; end: string }>;
  recurrence?: Recurrence;
  /** The secondary part of a mixed cell, e.g. "по отдельному графику". */
  note?: string;
  /** True for deadlines that cannot be verified as dates ("постоянно", "по мере необходимости"). */
  vague?: boolean;
  /** The cell text as read. */
  text: string;
}

export interface DeadlineContext {
  /** The plan period, used for missing years and for "в течение года". */
  period: { start: string; end: string; schoolYear: boolean } | null;
}

export interface Executor {
  /** As written (after splitting), e.g. "ГБУ ТО ЦОКО", "Марчевская Т.Н.". */
  text: string;
  kind: 'organisation' | 'abbreviation' | 'person' | 'role';
  /** The full name when the abbreviation was defined in the sheet or is standard. */
  fullName?: string;
}

export interface Target {
  comparator: '>=' | '<=' | '=' | 'range';
  value: number;
  /** Upper bound for a range ("30-40%"). */
  valueTo?: number;
  unit: 'percent' | 'count' | 'people' | 'times';
  /** For "times": per what ("раз в месяц" → month). */
  per?: 'year' | 'quarter' | 'month' | 'week';
  text: string;
}

export type ColumnRole =
  | 'number'
  | 'title'
  | 'deadline'
  | 'responsible'
  | 'result'
  | 'indicator'
  | 'target'
  | 'audience'
  | 'evidence'
  | 'status'
  | 'task';

export interface PlanSection {
  /** Excel row number (1-based). */
  row: number;
  /** As written: "I", "У", "2.", "" when none. */
  number: string;
  /** The numeral's value (Roman or Arabic), null when there is none. */
  value: number | null;
  title: string;
  /** A sub-heading without number between activities (not a numbered section). */
  subheading?: boolean;
  /** The "Задачи: …" text under the section heading. */
  tasks?: string;
}

export interface PlanActivity {
  /** Excel row number of the activity's first row. */
  row: number;
  /** Rows merged into it (continuation rows), Excel numbers. */
  continuationRows: number[];
  number: string;
  title: string;
  deadline: Deadline;
  responsibleText: string;
  responsible: Executor[];
  /** Index into PlanSheet.sections, -1 before any section. */
  section: number;
  /** Cell texts by role for the optional columns. */
  extra: Partial<Record<ColumnRole, string>>;
  target?: Target;
  /** Status text when the plan has a status column. */
  status?: string;
}
