/**
 * The normalised results table: one row per school × year × procedure (type, grade, subject),
 * whatever shape the user pasted (docs/domain.md §3.1, §3.2).
 */

export type ProcedureType = 'ВПР' | 'ОГЭ' | 'ЕГЭ';

export interface ResultRow {
  municipality: string;
  /** School code or login ("sch690001"); "" when the source has none (then the name identifies). */
  schoolCode: string;
  schoolName: string;
  /** Spring year of the assessment ("2022/2023" → 2023). */
  year: number;
  type: ProcedureType;
  /** ВПР 4–8, ОГЭ 9, ЕГЭ 11. */
  grade: number;
  /** Canonical subject: "Русский язык", "Математика", "Математика (базовая)", "Математика (профильная)", … */
  subject: string;
  participants: number;
  /** Count of mark «2» / below the minimum. */
  failed: number;
  n3?: number;
  n4?: number;
  n5?: number;
  /** Journal comparison (objectivity), when given. */
  lowered?: number;
  confirmed?: number;
  raised?: number;
  /** Where the row came from: sheet name and Excel row number. */
  source: { file?: string; sheet: string; row: number };
}

/** A procedure-year that was not held ("ОГЭ 2020"): absent, not zero. */
export interface NotHeld {
  type: ProcedureType;
  subject?: string;
  grade?: number;
  year: number;
}
