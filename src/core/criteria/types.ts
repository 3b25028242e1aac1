/**
 * What computeCriteria returns — the same shape the `criteria` command prints as JSON
 * (docs/domain.md §3.3–§3.5). Years are keyed by their number written as a string ("2023").
 */
import type { Issue } from '../issue';
import type { ProcedureType } from '../results/types';
import type { CriteriaSettings } from '../settings';

/** One procedure of one school in one year, with the shares of docs/domain.md §3.4. */
export interface ProcedureResult {
  /** "ВПР 5 Математика", "ОГЭ 9 Русский язык"; "ВПР Математика" when identified by type+subject. */
  label: string;
  type: ProcedureType;
  /** null when procedures are identified by type+subject (grades are pooled). */
  grade: number | null;
  subject: string;
  year: number;
  participants: number;
  failed: number;
  /** failed ÷ participants; null when there is no result (0 or fewer than minParticipants). */
  share: number | null;
  /** share ≥ threshold (inclusive); never true without a result. */
  low: boolean;
  /** A result from fewer than smallSample participants: flagged, not dropped. */
  small: boolean;
  /** Whether the procedure is counted by the ШНОР rule (subject and procedure settings). */
  counted: boolean;
  /** The counted subject it pools into for dynamics ("Математика" for every level); null when not counted. */
  subjectGroup: string | null;
  /** Mark counts when the source had them (null when it had none). */
  n3: number | null;
  n4: number | null;
  n5: number | null;
  /** (N4 + N5) ÷ N, null without marks or participants. */
  quality: number | null;
  /** (N3 + N4 + N5) ÷ N, null without marks or participants. */
  successRate: number | null;
  /** (2·N2 + 3·N3 + 4·N4 + 5·N5) ÷ N, null without marks or participants. */
  avgMark: number | null;
  /** Подтвердили ÷ (Понизили + Подтвердили + Повысили), null without a journal comparison. */
  confirmedShare: number | null;
  lowered: number | null;
  confirmed: number | null;
  raised: number | null;
}

/** A subject's pooled result in one year: sums over the subject's counted procedures. */
export interface SubjectShare {
  participants: number;
  failed: number;
  share: number | null;
  /** Y−1 → Y: 1 improved by more than Δ pp, −1 worse by more than Δ, 0 neither, null not comparable. */
  dynamics: 1 | 0 | -1 | null;
}

export interface SchoolYear {
  year: number;
  /** At least one counted procedure has a result in Y (the denominators of §3.5 count these). */
  hasResults: boolean;
  /** ШНОР(Y) = trigger A or trigger B. */
  shnor: boolean;
  /** Two or more different procedures low in Y. */
  triggerA: boolean;
  /** One and the same procedure low in Y and in Y−1. */
  triggerB: boolean;
  /** Labels of the counted procedures low in Y, sorted. */
  lowProcedures: string[];
  /** Labels low in Y and in Y−1 (what fired trigger B), sorted. */
  repeatedProcedures: string[];
  /** Consecutive years in the list ending with Y (0 when not ШНОР in Y). */
  consecutiveYears: number;
  /** consecutiveYears ≥ stagnationYears. */
  stagnation: boolean;
  /** ШНОР in Y−1 (the school has a row for Y−1 and was in the list). */
  previousShnor: boolean;
  /** ШНОР in Y−1 and not in Y. */
  leftList: boolean;
  /** Per subject, Y−1 → Y (docs/domain.md §3.3); null when no subject can be compared. */
  positiveDynamics: boolean | null;
  /** Russian sentence saying which trigger fired and why ("" when not ШНОР). */
  reason: string;
  /** Procedure results keyed by label (every procedure with a row, counted or not). */
  shares: Record<string, ProcedureResult>;
  /** Pooled share failed per counted subject group ("Русский язык", "Математика"). */
  subjects: Record<string, SubjectShare>;
}

export interface SchoolCriteria {
  /** Identity: the code, else "name|municipality" folded. */
  id: string;
  code: string;
  name: string;
  municipality: string;
  years: Record<string, SchoolYear>;
}

export type IndicatorId =
  | 'shnor-share'
  | 'low-any-share'
  | 'left-list-share'
  | 'positive-dynamics-share'
  | 'stagnation-share'
  | 'confirmed-share';

/** A region-level indicator of docs/domain.md §3.5 for one year. */
export interface Indicator {
  id: IndicatorId;
  /** Russian title as in the plan ("Доля ШНОР"). */
  title: string;
  year: number;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  value: number | null;
}

export interface CriteriaResult {
  settings: CriteriaSettings;
  /** Years with results, ascending. */
  years: number[];
  /** Sorted by municipality, name, code. */
  schools: SchoolCriteria[];
  indicators: Indicator[];
  issues: Issue[];
}
