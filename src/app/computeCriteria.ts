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
import { readInputs, type FileRead } from './readResults';
import type { UseCaseInput, UseCaseOutput } from './types';

export interface CriteriaResults {
  criteria: CriteriaResult;
  /** Result rows read (0: nothing to compute). */
  rows: number;
  tables: RecognisedTable[];
  /** What was read from each input, in their order. */
  files: FileRead[];
}

export function computeCriteria(
  input: UseCaseInput & { sheet?: string },
): UseCaseOutput<CriteriaResults> {
  const read = readInputs(input.files, {
    maxParticipants: input.settings.maxParticipants,
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
  });
  input.onProgress?.({ phase: 'compute', rows: read.rows.length });
  const criteria = computeSchoolCriteria(read.rows, input.settings, read.notHeld);
  const patch = buildCriteriaPatch(read.rows, criteria, input.settings, {
    takenNames: userSheetNames(input.workbook),
  });
  return {
    patch,
    issues: [...read.issues, ...criteria.issues],
    results: { criteria, rows: read.rows.length, tables: read.tables, files: read.files },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}
