/**
 * Use case «check the plans»: plan sheets of one or more files → the issues of each sheet and the
 * review workbook («Сводка», «Замечания», with a protocol context one «Протокол» per file) with the
 * preview of what lands where. The clerk's round trip (issue #15) rides on it: against a regional
 * plan each municipal plan gets the regional issues and the workbook the matrix sheet; against an
 * earlier check (baseline) every remark is marked new or unchanged, the fixed ones listed and the
 * accepted ones set apart.
 */
import type { CheckOptions, SheetCheck } from '../core/plan/check';
import { checkWorkbook } from '../core/plan/check';
import { parsePeriodSetting } from '../core/plan/period';
import { buildReviewPatch, type CheckedFile, type ReviewOptions } from '../core/plan/reviewPatch';
import { compareWithRegional, DEFAULT_MATCH_THRESHOLD } from '../core/regional/compareRegional';
import type { Baseline } from '../core/review/baseline';
import { compareWithBaseline } from '../core/review/compare';
import { identifySheets } from '../core/workbook/policy';
import { previewPatch } from './preview';
import type { SourceFile, UseCaseInput, UseCaseOutput } from './types';

export interface PlanChecks {
  files: Array<CheckedFile & { sheets: SheetCheck[] }>;
  /** With a regional plan: whether a plan table was found in it, and its activities addressed to municipalities. */
  regional: { planFound: boolean; addressed: number } | null;
}

export interface CheckPlansInput extends UseCaseInput {
  files: Array<SourceFile & { error?: string }>;
  /** Check this sheet only. */
  sheet?: string;
  /** The plan period when the plan does not say it ("2023", "2023-2024", "2022/2023"). */
  period?: string;
  /** An earlier check of the same files (its review workbook or JSON, read by the host). */
  baseline?: Baseline;
  /** The regional plan the municipal plans are compared with. */
  regional?: SourceFile;
  /** Score from which a municipal activity counts as a regional one's counterpart (0–1). */
  matchThreshold?: number;
  /** With it the review workbook gets a «Протокол» per file: the program and its version. */
  protocol?: { tool: string };
}

/** The base name of a file path ("планы/план 2023.xlsx" → "план 2023.xlsx"): a period may be in it. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function checkPlans(input: CheckPlansInput): UseCaseOutput<PlanChecks> {
  const { settings } = input;
  const setting = input.period ?? settings.planPeriod;
  const period = setting ? parsePeriodSetting(setting) : null;
  const check = (f: SourceFile & { error?: string }): PlanChecks['files'][number] => {
    if (f.error !== undefined) return { file: f.file, sheets: [], error: f.error };
    const options: CheckOptions = { asOf: input.asOf, glossaryExtra: settings.glossary };
    if (f.file) options.fileName = baseName(f.file);
    if (period) options.period = period;
    if (input.sheet !== undefined) options.sheet = input.sheet;
    return { file: f.file, sheets: checkWorkbook(f.sheets, options) };
  };
  let files: PlanChecks['files'] = input.files.map(check);
  const review: ReviewOptions = {
    previousKeys: [...identifySheets(input.workbook).generated.keys()],
  };

  let regional: PlanChecks['regional'] = null;
  if (input.regional) {
    // the regional plan as it is: no period or sheet of the municipal plans applies to it
    const plan = {
      file: input.regional.file,
      sheets: checkWorkbook(input.regional.sheets, {
        asOf: input.asOf,
        glossaryExtra: settings.glossary,
        ...(input.regional.file ? { fileName: baseName(input.regional.file) } : {}),
      }),
    };
    const threshold = input.matchThreshold ?? DEFAULT_MATCH_THRESHOLD;
    const compared = compareWithRegional(plan, files, { threshold }, 2);
    files = compared.files;
    review.regionalMatrix = compared.matrix;
    regional = { planFound: plan.sheets.some((s) => s.isPlan), addressed: compared.addressed };
  }
  if (input.baseline) files = compareWithBaseline(files, input.baseline);
  if (input.protocol)
    review.protocol = {
      date: input.asOf,
      tool: input.protocol.tool,
      ...(input.baseline ? { baseline: input.baseline.source } : {}),
    };

  const patch = buildReviewPatch(files, review);
  return {
    patch,
    issues: files.flatMap((f) => f.sheets.flatMap((s) => s.issues)),
    results: { files, regional },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}
