/**
 * The catalogue of issue codes: every declaration of every module that raises issues, gathered
 * (see issue.ts for how a module declares its codes). The pane shows titles from here, its help
 * view lists the catalogue by area, and the README's code tables are generated from it.
 */
import { FILE_ISSUES } from './fileIssues';
import { CRITERIA_ISSUES } from './criteria/issues';
import type {
  DeclaredDefinition,
  IssueArea,
  IssueCode,
  IssueDefinition,
  IssueRegistry,
  Severity,
} from './issue';
import { ACTIVITY_REFERENCE_ISSUES } from './plan/rules/activityReference';
import { COLUMN_ISSUES } from './plan/rules/columns';
import { COPIED_RESULT_ISSUES } from './plan/rules/copiedResult';
import { CYCLE_STEP_ISSUES } from './plan/rules/cycleSteps';
import { DEADLINE_DATE_ISSUES } from './plan/rules/deadlineDates';
import { DEADLINE_KIND_ISSUES } from './plan/rules/deadlineKinds';
import { DUPLICATE_INDICATOR_ISSUES } from './plan/rules/duplicateIndicator';
import { DUPLICATE_NUMBER_ISSUES } from './plan/rules/duplicateNumber';
import { INDICATOR_TARGET_ISSUES } from './plan/rules/indicatorTarget';
import { MISSING_NUMBER_ISSUES } from './plan/rules/missingNumber';
import { NUMBER_SECTION_ISSUES } from './plan/rules/numberSectionMismatch';
import { NUMBER_SEQUENCE_ISSUES } from './plan/rules/numberSequence';
import { NUMBER_STYLE_ISSUES } from './plan/rules/numberStyle';
import { OVERDUE_ISSUES } from './plan/rules/overdue';
import { REQUIRED_FIELD_ISSUES } from './plan/rules/requiredFields';
import { RESULT_MEASURE_ISSUES } from './plan/rules/resultNotMeasurable';
import { SECTION_NUMBER_ISSUES } from './plan/rules/sectionNumber';
import { TITLE_ISSUES } from './plan/rules/titles';
import { ABBREVIATION_ISSUES } from './plan/rules/undefinedAbbreviation';
import { PLAN_PERIOD_ISSUES, PLAN_SHEET_ISSUES } from './plan/sheetIssues';
import { REGIONAL_ISSUES } from './regional/match';
import { REVIEW_ISSUES } from './review/acceptance';
import { RISK_FACTOR_ISSUES } from './report/riskFactors';
import { RESULTS_ISSUES } from './results/issues';

/**
 * Typed as the registry itself: a module that registers codes but is missing here, or an entry
 * here that no module registers, is a type error.
 */
const REGISTRY: IssueRegistry = {
  files: FILE_ISSUES,
  'plan/sheet': PLAN_SHEET_ISSUES,
  'plan/period': PLAN_PERIOD_ISSUES,
  'plan/rules/columns': COLUMN_ISSUES,
  'plan/rules/missingNumber': MISSING_NUMBER_ISSUES,
  'plan/rules/duplicateNumber': DUPLICATE_NUMBER_ISSUES,
  'plan/rules/numberSequence': NUMBER_SEQUENCE_ISSUES,
  'plan/rules/numberStyle': NUMBER_STYLE_ISSUES,
  'plan/rules/numberSectionMismatch': NUMBER_SECTION_ISSUES,
  'plan/rules/sectionNumber': SECTION_NUMBER_ISSUES,
  'plan/rules/requiredFields': REQUIRED_FIELD_ISSUES,
  'plan/rules/titles': TITLE_ISSUES,
  'plan/rules/activityReference': ACTIVITY_REFERENCE_ISSUES,
  'plan/rules/copiedResult': COPIED_RESULT_ISSUES,
  'plan/rules/resultNotMeasurable': RESULT_MEASURE_ISSUES,
  'plan/rules/undefinedAbbreviation': ABBREVIATION_ISSUES,
  'plan/rules/indicatorTarget': INDICATOR_TARGET_ISSUES,
  'plan/rules/duplicateIndicator': DUPLICATE_INDICATOR_ISSUES,
  'plan/rules/cycleSteps': CYCLE_STEP_ISSUES,
  'plan/rules/deadlineKinds': DEADLINE_KIND_ISSUES,
  'plan/rules/deadlineDates': DEADLINE_DATE_ISSUES,
  'plan/rules/overdue': OVERDUE_ISSUES,
  'review/acceptance': REVIEW_ISSUES,
  'regional/match': REGIONAL_ISSUES,
  results: RESULTS_ISSUES,
  criteria: CRITERIA_ISSUES,
  'report/riskFactors': RISK_FACTOR_ISSUES,
};

/** The areas in the order the help view and the README show them, with their Russian titles. */
export const ISSUE_AREAS: ReadonlyArray<{ area: IssueArea; title: string }> = [
  { area: 'files', title: 'Файлы и листы' },
  { area: 'plan-table', title: 'План: таблица и шапка' },
  { area: 'plan-numbers', title: 'План: номера мероприятий и разделов' },
  { area: 'plan-activities', title: 'План: содержание мероприятий' },
  { area: 'plan-deadlines', title: 'План: сроки и период' },
  { area: 'plan-review', title: 'Повторная проверка: принятые замечания' },
  { area: 'plan-regional', title: 'Сверка с региональным планом' },
  { area: 'results', title: 'Результаты оценочных процедур' },
  { area: 'criteria', title: 'Критерии ШНОР' },
  { area: 'report', title: 'Отчёт по школам' },
];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const AREA_RANK = new Map(ISSUE_AREAS.map((a, i) => [a.area, i]));

/**
 * Every code once: by area, then errors before warnings before information, then in the order
 * its module declares them.
 */
export const ISSUE_CATALOGUE: readonly DeclaredDefinition[] = Object.values(REGISTRY)
  .flatMap((group) => Object.values(group) as DeclaredDefinition[])
  .map((d, i) => ({ d, i }))
  .sort(
    (a, b) =>
      AREA_RANK.get(a.d.area)! - AREA_RANK.get(b.d.area)! ||
      SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] ||
      a.i - b.i,
  )
  .map(({ d }) => d);

const BY_CODE: ReadonlyMap<string, DeclaredDefinition> = new Map(
  ISSUE_CATALOGUE.map((d) => [d.code, d]),
);

/** The definition of a code; undefined for a string that is not one (say, from an old file). */
export function issueDefinition(code: string): IssueDefinition | undefined {
  return BY_CODE.get(code);
}

/** The Russian title of a code; the code itself when it is unknown. */
export function issueTitle(code: IssueCode | string): string {
  return BY_CODE.get(code)?.title ?? code;
}

export interface IssueAreaGroup {
  area: IssueArea;
  title: string;
  issues: IssueDefinition[];
}

/** The catalogue grouped by area, for a help page: areas in order, none empty. */
export function issueCatalogueByArea(): IssueAreaGroup[] {
  return ISSUE_AREAS.map(({ area, title }) => ({
    area,
    title,
    issues: ISSUE_CATALOGUE.filter((d) => d.area === area),
  })).filter((g) => g.issues.length > 0);
}
