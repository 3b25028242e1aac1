/**
 * Issue: one problem found in the user's data, said in Russian at the cell where it is.
 *
 * Every code is declared once, by the module that raises it, with its severity, a Russian title
 * and a description (`defineIssues`), and registered in `IssueRegistry` by declaration merging:
 *
 *   export const COLUMN_ISSUES = defineIssues('plan-table', { 'missing-column': { … } });
 *   declare module '../../issue' {
 *     interface IssueRegistry { 'plan/rules/columns': typeof COLUMN_ISSUES }
 *   }
 *
 * So `IssueCode` is the union of every declared code and `Issue` pairs each code with its declared
 * severity: a mistyped code or a severity other than the declared one is a type error, and this
 * module imports none of the modules that raise issues. issueCatalogue.ts gathers the declarations
 * (titles for the pane, the README tables, the help view).
 */

export type Severity = 'error' | 'warning' | 'info';

/** Where an issue comes from; the help view and the README group codes by it. */
export type IssueArea =
  | 'files'
  | 'plan-table'
  | 'plan-numbers'
  | 'plan-activities'
  | 'plan-deadlines'
  | 'plan-review'
  | 'plan-regional'
  | 'results'
  | 'criteria'
  | 'report';

/** What a module says about one of its codes. */
export interface IssueSpec {
  severity: Severity;
  /** Short Russian name of the kind of issue (the pane's filter, the help view). */
  title: string;
  /** Russian: what it means. */
  description: string;
  /** Russian: what to do about it. */
  action: string;
}

export interface IssueDefinition<
  C extends string = string,
  S extends Severity = Severity,
> extends IssueSpec {
  code: C;
  severity: S;
  area: IssueArea;
}

/** Declares a module's codes; the keys are the codes. */
export function defineIssues<const T extends Record<string, IssueSpec>>(
  area: IssueArea,
  specs: T,
): { readonly [C in keyof T & string]: IssueDefinition<C, T[C]['severity']> } {
  const out: Record<string, IssueDefinition> = {};
  for (const [code, spec] of Object.entries(specs)) out[code] = { code, area, ...spec };
  return out as { [C in keyof T & string]: IssueDefinition<C, T[C]['severity']> };
}

/**
 * Every module that raises issues adds one property here (its path, the type of its
 * `defineIssues` result). Empty on purpose: the declarations fill it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IssueRegistry {}

type ValuesOf<G> = G extends unknown ? G[keyof G] : never;
/** Every declared definition, as a union. */
export type DeclaredDefinition = ValuesOf<IssueRegistry[keyof IssueRegistry]>;
export type IssueCode = DeclaredDefinition['code'];
type SeverityByCode = { [D in DeclaredDefinition as D['code']]: D['severity'] };
export type SeverityOf<C extends IssueCode> = SeverityByCode[C];

interface IssueFields {
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
  /**
   * The input file, set only where the host cannot tell it: the criteria engine works on rows of
   * many files at once.
   */
  file?: string;
  /** Stable identity across versions of the plan (review/remarkId.ts); set by the plan check. */
  id?: string;
  /** Against an earlier check (`check --baseline`): new, or present then too. */
  state?: 'new' | 'unchanged';
  /** Accepted by the clerk: listed apart, not counted as an error. */
  accepted?: { justification: string };
}

/** An issue of one code, with the severity that code is declared with. */
export type IssueOf<C extends IssueCode> = IssueFields & { severity: SeverityOf<C>; code: C };

export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

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

export function countBySeverity(
  issues: readonly { severity: Severity }[],
): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
