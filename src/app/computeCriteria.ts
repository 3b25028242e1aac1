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
import { InputsReader, readInputs, type FileRead, type ReadInputs } from './readResults';
import type { Settings } from '../core/settings';
import type { UseCaseInput, UseCaseOutput } from './types';

export interface CriteriaResults {
  criteria: CriteriaResult;
  /** Result rows read (0: nothing to compute). */
  rows: number;
  tables: RecognisedTable[];
  /** What was read from each input, in their order. */
  files: FileRead[];
}

/** The reader for criteria inputs, for a host that reads files one at a time (`read` below). */
export function criteriaInputsReader(settings: Settings, sheet?: string): InputsReader {
  return new InputsReader(readOptions(settings, sheet));
}

function readOptions(settings: Settings, sheet: string | undefined) {
  return {
    maxParticipants: settings.maxParticipants,
    ...(sheet !== undefined ? { sheet } : {}),
  };
}

export function computeCriteria(
  input: UseCaseInput & {
    sheet?: string;
    /** The inputs already read one by one (criteriaInputsReader); then `files` is not read. */
    read?: ReadInputs;
  },
): UseCaseOutput<CriteriaResults> {
  const read = input.read ?? readInputs(input.files, readOptions(input.settings, input.sheet));
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
