/**
 * Use case «compute the ШНОР criteria»: results → the criteria by school and year with reasons,
 * the region's indicators, and the workbook of formulas that recompute them (Настройки,
 * Результаты, Критерии, Показатели), with the preview of what lands where.
 */
import { computeCriteria as computeSchoolCriteria } from '../core/criteria/engine';
import type { CriteriaResult } from '../core/criteria/types';
import { buildCriteriaPatch } from '../core/criteria/workbookPatch';
import type { RecognisedTable } from '../core/results/recognisedTable';
import { userSheetNames } from '../core/workbook/policy';
import { previewPatch } from './preview';
import { readInputs } from './readResults';
import type { UseCaseInput, UseCaseOutput } from './types';

export interface CriteriaResults {
  criteria: CriteriaResult;
  /** Result rows read (0: nothing to compute). */
  rows: number;
  tables: RecognisedTable[];
}

export function computeCriteria(
  input: UseCaseInput & { sheet?: string },
): UseCaseOutput<CriteriaResults> {
  const read = readInputs(input.files, input.sheet !== undefined ? { sheet: input.sheet } : {});
  const criteria = computeSchoolCriteria(read.rows, input.settings, read.notHeld);
  const patch = buildCriteriaPatch(read.rows, criteria, input.settings, {
    takenNames: userSheetNames(input.workbook),
  });
  return {
    patch,
    issues: [...read.issues, ...criteria.issues],
    results: { criteria, rows: read.rows.length, tables: read.tables },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}
