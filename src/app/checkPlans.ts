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
import {
  buildReviewPatch,
  summariseSheets,
  type CheckedFile,
  type ReviewOptions,
} from '../core/plan/reviewPatch';
import { DEFAULT_MATCH_THRESHOLD, RegionalComparison } from '../core/regional/compareRegional';
import type { Baseline } from '../core/review/baseline';
import { compareWithBaseline } from '../core/review/compare';
import { identifySheets } from '../core/workbook/policy';
import { previewPatch } from './preview';
import type { SourceFile, UseCaseInput, UseCaseOutput } from './types';

/** With a regional plan: whether a plan table was found in it, and its activities addressed to municipalities. */
export type RegionalOutcome = { planFound: boolean; addressed: number } | null;

export interface PlanChecks {
  files: Array<CheckedFile & { sheets: SheetCheck[] }>;
  regional: RegionalOutcome;
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

/**
 * Checks one file's plan sheets (a file that could not be read stays as it came) and, with a
 * regional plan, matches it while its activities are at hand.
 */
function fileChecker(
  input: CheckPlansOptions,
  regional: RegionalComparison | null,
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
    const checked = { file: f.file, sheets: checkWorkbook(f.sheets, options) };
    return regional ? regional.matchFile(checked) : checked;
  };
}

/** The regional plan checked as it is (no period or sheet of the municipal plans applies to it). */
function regionalComparison(input: CheckPlansOptions): RegionalComparison | null {
  if (!input.regional) return null;
  const { file, sheets } = input.regional;
  const plan = {
    file,
    sheets: checkWorkbook(sheets, {
      asOf: input.asOf,
      glossaryExtra: input.settings.glossary,
      ...(file ? { fileName: baseName(file) } : {}),
    }),
  };
  return new RegionalComparison(plan, {
    threshold: input.matchThreshold ?? DEFAULT_MATCH_THRESHOLD,
  });
}

function output<F extends CheckedFile>(
  checked: F[],
  input: CheckPlansOptions,
  regional: RegionalComparison | null,
): UseCaseOutput<{ files: F[]; regional: RegionalOutcome }> {
  // the comparison keeps every field of a file and its sheets, adding the marks
  const files = input.baseline ? (compareWithBaseline(checked, input.baseline) as F[]) : checked;
  const review: ReviewOptions = {
    previousKeys: [...identifySheets(input.workbook).generated.keys()],
    ...(regional ? { regionalMatrix: regional.matrix(2) } : {}),
    ...(input.protocol
      ? {
          protocol: {
            date: input.asOf,
            tool: input.protocol.tool,
            ...(input.baseline ? { baseline: input.baseline.source } : {}),
          },
        }
      : {}),
  };
  const patch = buildReviewPatch(files, review);
  return {
    patch,
    issues: files.flatMap((f) => f.sheets.flatMap((s) => s.issues)),
    results: {
      files,
      regional: regional ? { planFound: regional.planFound, addressed: regional.addressed } : null,
    },
    preview: previewPatch(input.workbook, patch),
    chart: null,
  };
}

export function checkPlans(input: CheckPlansInput): UseCaseOutput<PlanChecks> {
  const regional = regionalComparison(input);
  return output(input.files.map(fileChecker(input, regional)), input, regional);
}

/** Everything checkPlans takes but the files. */
export type CheckPlansOptions = Omit<CheckPlansInput, 'files'>;

/**
 * Checks one file with `check` and keeps only what the reports show of it (summariseSheets:
 * reported sheets, sections and activities as the JSON lists them, the issues).
 */
function summarised(
  check: ReturnType<typeof fileChecker>,
): (f: SourceFile & { error?: string }) => CheckedFile {
  return (f) => {
    const c = check(f);
    return {
      file: c.file,
      sheets: summariseSheets(c.sheets),
      ...(c.error !== undefined ? { error: c.error } : {}),
    };
  };
}

/** Checks files one at a time, keeping nothing of them (see planChecker). */
export interface PlanChecker {
  /** With a regional plan, known before any file is checked: whether it holds a plan table. */
  regional: RegionalOutcome;
  /** Checks one file (its sheets can be let go at once): what the reports show of it. */
  check(f: SourceFile & { error?: string }): CheckedFile;
}

/**
 * The per-file half of checkPlans, for a folder of thousands of plans read one file at a time: a
 * host that only prints the issues (no review workbook and no baseline, which need every file at
 * once) hands each file's summary on and keeps none, so memory does not grow with the files.
 */
export function planChecker(input: CheckPlansOptions): PlanChecker {
  const regional = regionalComparison(input);
  return {
    regional: regional ? { planFound: regional.planFound, addressed: regional.addressed } : null,
    check: summarised(fileChecker(input, regional)),
  };
}

/**
 * checkPlans over files read one at a time: each file's sheets are let go as soon as they are
 * checked (and matched with the regional plan), and only the summaries are kept, for the review
 * workbook and the comparison with a baseline, so memory follows the issues, not the plans read.
 */
export async function checkPlanFiles(
  files: AsyncIterable<SourceFile & { error?: string }>,
  input: CheckPlansOptions,
): Promise<UseCaseOutput<{ files: CheckedFile[]; regional: RegionalOutcome }>> {
  const regional = regionalComparison(input);
  const check = summarised(fileChecker(input, regional));
  const kept: CheckedFile[] = [];
  for await (const f of files) kept.push(check(f));
  return output(kept, input, regional);
}
