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
  type Counterpart,
  type MatchSettings,
  type PlanForMatching,
  type RegionalActivity,
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

/**
 * The regional plan's side of the comparison, one municipal file at a time (a folder of plans is
 * read file by file): `matchFile` adds the regional issues to a checked file while its activities
 * are still at hand, `matrix` builds the sheet from every file matched so far.
 */
export class RegionalComparison {
  private readonly regional: RegionalActivity[];
  private readonly towns: Array<{ name: string; counterparts: Counterpart[] }> = [];

  constructor(
    private readonly plan: PlanForMatching,
    private readonly settings: MatchSettings,
  ) {
    this.regional = regionalActivities(plan);
  }

  /** Whether the regional file holds a plan table. */
  get planFound(): boolean {
    return this.plan.sheets.some((s) => s.isPlan);
  }

  /** Regional activities addressed to municipalities (0: the matrix says so). */
  get addressed(): number {
    return this.regional.length;
  }

  /** The file with the regional issues on its plan sheets (a file without a plan as it was). */
  matchFile<S extends MatchedSheet, F extends MatchedFile<S>>(f: F): F {
    const plans = f.sheets.filter((s) => s.isPlan);
    if (f.error !== undefined || !plans.length) return f;
    const counterparts = matchPlan(this.regional, f, this.settings);
    this.towns.push({ name: municipalityName(f.file), counterparts });
    const issues = regionalIssues(counterparts, plans[0]!.sheet, this.settings);
    const sheets = f.sheets.map((s) => {
      const own = issues.filter((i) => i.sheet === s.sheet);
      return own.length ? { ...s, issues: [...s.issues, ...withIds(s, own)] } : s;
    });
    return { ...f, sheets };
  }

  /** «Сверка с региональным планом» over the files matched, in their order. */
  matrix(order: number): SheetPatch {
    return buildRegionalMatrix({
      regionalFile: this.plan.file,
      regional: this.regional,
      municipalities: this.towns,
      threshold: this.settings.threshold,
      order,
    });
  }
}
