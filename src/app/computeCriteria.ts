/**
 * Use case «compute the ШНОР criteria»: results → the criteria by school and year with reasons,
 * the region's indicators, and the workbook of formulas that recompute them (Настройки,
 * Результаты, Критерии, Показатели), with the preview of what lands where.
 */
import { computeCriteria as computeSchoolCriteria, finishCriteria } from '../core/criteria/engine';
import type { CriteriaResult } from '../core/criteria/types';
import { buildCriteriaPatch } from '../core/criteria/workbookPatch';
import type { WorkbookPatch } from '../core/patch';
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

/**
 * The reader for criteria inputs, for a host that reads files one at a time (`read` below): the
 * rows are summed for the criteria as each file comes, and none is kept.
 */
export function criteriaInputsReader(settings: Settings, sheet?: string): InputsReader {
  return new InputsReader({ ...readOptions(settings, sheet), criteria: settings });
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
    /**
     * The host only shows the criteria and writes no workbook: no patch is built (for a federal
     * folder the «Результаты» sheet alone would be millions of cells held for nothing).
     */
    reportOnly?: boolean;
  },
): UseCaseOutput<CriteriaResults> {
  const read = input.read ?? readInputs(input.files, readOptions(input.settings, input.sheet));
  input.onProgress?.({ phase: 'compute', rows: read.rowCount });
  const criteria = read.criteria
    ? finishCriteria(read.criteria, input.settings, read.notHeld)
    : computeSchoolCriteria(read.rows, input.settings, read.notHeld);
  const patch: WorkbookPatch = input.reportOnly
    ? { sheets: [], names: [], removeKeys: [] }
    : buildCriteriaPatch(read.rowCount, criteria, input.settings, {
        takenNames: userSheetNames(input.workbook),
      });
  return {
    patch,
    issues: [...read.issues, ...criteria.issues],
    results: { criteria, rows: read.rowCount, tables: read.tables, files: read.files },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}
