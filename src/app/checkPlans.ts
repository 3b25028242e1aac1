/**
 * Use case «check the plans»: plan sheets of one or more files → the issues of each sheet and the
 * review workbook («Сводка», «Замечания») with the preview of what lands where.
 */
import type { CheckOptions, SheetCheck } from '../core/plan/check';
import { checkWorkbook } from '../core/plan/check';
import { parsePeriodSetting } from '../core/plan/period';
import { buildReviewPatch, type CheckedFile } from '../core/plan/reviewPatch';
import { previewPatch } from './preview';
import type { SourceFile, UseCaseInput, UseCaseOutput } from './types';

export interface PlanChecks {
  files: Array<CheckedFile & { sheets: SheetCheck[] }>;
}

export interface CheckPlansInput extends UseCaseInput {
  files: Array<SourceFile & { error?: string }>;
  /** Check this sheet only. */
  sheet?: string;
  /** The plan period when the plan does not say it ("2023", "2023-2024", "2022/2023"). */
  period?: string;
}

/** The base name of a file path ("планы/план 2023.xlsx" → "план 2023.xlsx"): a period may be in it. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function checkPlans(input: CheckPlansInput): UseCaseOutput<PlanChecks> {
  const { settings } = input;
  const setting = input.period ?? settings.planPeriod;
  const period = setting ? parsePeriodSetting(setting) : null;
  const files: PlanChecks['files'] = input.files.map((f) => {
    if (f.error !== undefined) return { file: f.file, sheets: [], error: f.error };
    const options: CheckOptions = { asOf: input.asOf, glossaryExtra: settings.glossary };
    if (f.file) options.fileName = baseName(f.file);
    if (period) options.period = period;
    if (input.sheet !== undefined) options.sheet = input.sheet;
    return { file: f.file, sheets: checkWorkbook(f.sheets, options) };
  });
  const patch = buildReviewPatch(files);
  return {
    patch,
    issues: files.flatMap((f) => f.sheets.flatMap((s) => s.issues)),
    results: { files },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}
