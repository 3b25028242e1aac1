/**
 * Use case «check the plans»: plan sheets of one or more files → the issues of each sheet and the
 * review workbook («Сводка», «Замечания») with the preview of what lands where.
 */
import type { CheckOptions, SheetCheck } from '../core/plan/check';
import { checkWorkbook } from '../core/plan/check';
import { parsePeriodSetting } from '../core/plan/period';
import { buildReviewPatch, summariseSheets, type CheckedFile } from '../core/plan/reviewPatch';
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

/** Checks one file's plan sheets (a file that could not be read stays as it came). */
function fileChecker(
  input: CheckPlansOptions,
): (f: SourceFile & { error?: string }) => PlanChecks['files'][number] {
  const { settings } = input;
  const setting = input.period ?? settings.planPeriod;
  const period = setting ? parsePeriodSetting(setting) : null;
  return (f) => {
    if (f.error !== undefined) return { file: f.file, sheets: [], error: f.error };
    const options: CheckOptions = { asOf: input.asOf, glossaryExtra: settings.glossary };
    if (f.file) options.fileName = baseName(f.file);
    if (period) options.period = period;
    if (input.sheet !== undefined) options.sheet = input.sheet;
    return { file: f.file, sheets: checkWorkbook(f.sheets, options) };
  };
}

function output<F extends CheckedFile>(
  files: F[],
  input: CheckPlansOptions,
): UseCaseOutput<{ files: F[] }> {
  const patch = buildReviewPatch(files);
  return {
    patch,
    issues: files.flatMap((f) => f.sheets.flatMap((s) => s.issues)),
    results: { files },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}

export function checkPlans(input: CheckPlansInput): UseCaseOutput<PlanChecks> {
  return output(input.files.map(fileChecker(input)), input);
}

/** Everything checkPlans takes but the files. */
export type CheckPlansOptions = Omit<CheckPlansInput, 'files'>;

/**
 * checkPlans over files read one at a time (a folder of thousands of plans): each file's sheets
 * are let go as soon as they are checked, and of the checks only what the reports show is kept
 * (summariseSheets: reported sheets, sections and activities as the JSON lists them, the issues),
 * so memory follows the issues, not the plans read.
 */
export async function checkPlanFiles(
  files: AsyncIterable<SourceFile & { error?: string }>,
  input: CheckPlansOptions,
): Promise<UseCaseOutput<{ files: CheckedFile[] }>> {
  const check = fileChecker(input);
  const kept: CheckedFile[] = [];
  for await (const f of files) {
    const c = check(f);
    kept.push({
      file: c.file,
      sheets: summariseSheets(c.sheets),
      ...(c.error !== undefined ? { error: c.error } : {}),
    });
  }
  return output(kept, input);
}
