/**
 * `check municipal/ --regional REGIONAL.xlsx`: every checked municipal plan against the regional
 * plan. Each file gets the regional issues (a missing counterpart, a later deadline) with their
 * remark ids, and the review workbook gets the matrix sheet «Сверка с региональным планом».
 */
import type { Issue } from '../issue';
import type { ColumnRole, PlanActivity, PlanSection } from '../plan/types';
import type { SheetPatch } from '../patch';
import { assignRemarkIds } from '../review/remarkId';
import {
  matchPlan,
  regionalActivities,
  regionalIssues,
  type MatchSettings,
  type PlanForMatching,
} from './match';
import { buildRegionalMatrix } from './matrixSheet';

/** Score from which a municipal activity counts as the counterpart of a regional one. */
export const DEFAULT_MATCH_THRESHOLD = 0.5;

interface MatchedSheet {
  sheet: string;
  isPlan: boolean;
  activities: PlanActivity[];
  sections: PlanSection[];
  columns: Partial<Record<ColumnRole, { col: number }>>;
  issues: Issue[];
}

interface MatchedFile<S extends MatchedSheet> {
  file: string;
  sheets: S[];
  error?: string;
}

/** "планы/Ишимский район.xlsx" → "Ишимский район": the municipality's column heading. */
export function municipalityName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

function withIds<S extends MatchedSheet>(sheet: S, issues: Issue[]): Issue[] {
  const roles = new Map<number, string>();
  for (const [role, column] of Object.entries(sheet.columns))
    if (column) roles.set(column.col, role);
  return assignRemarkIds(issues, {
    activities: sheet.activities,
    sections: sheet.sections,
    roleOfColumn: (c) => roles.get(c),
  });
}

export interface RegionalComparison<F> {
  files: F[];
  /** The matrix sheet; `order` places it in the review workbook. */
  matrix: SheetPatch;
  /** Regional activities addressed to municipalities (0: the matrix says so). */
  addressed: number;
}

/**
 * Matches every readable municipal file with a plan against the regional plan's activities
 * addressed to municipalities; adds the issues to each file's plan sheets and builds the matrix.
 */
export function compareWithRegional<S extends MatchedSheet, F extends MatchedFile<S>>(
  regionalPlan: PlanForMatching,
  municipal: readonly F[],
  settings: MatchSettings,
  order: number,
): RegionalComparison<F> {
  const regional = regionalActivities(regionalPlan);
  const towns: Array<{ name: string; counterparts: ReturnType<typeof matchPlan> }> = [];
  const files = municipal.map((f) => {
    const plans = f.sheets.filter((s) => s.isPlan);
    if (f.error !== undefined || !plans.length) return f;
    const counterparts = matchPlan(regional, f, settings);
    towns.push({ name: municipalityName(f.file), counterparts });
    const issues = regionalIssues(counterparts, plans[0]!.sheet, settings);
    const sheets = f.sheets.map((s) => {
      const own = issues.filter((i) => i.sheet === s.sheet);
      return own.length ? { ...s, issues: [...s.issues, ...withIds(s, own)] } : s;
    });
    return { ...f, sheets };
  });
  const matrix = buildRegionalMatrix({
    regionalFile: regionalPlan.file,
    regional,
    municipalities: towns,
    threshold: settings.threshold,
    order,
  });
  return { files, matrix, addressed: regional.length };
}
