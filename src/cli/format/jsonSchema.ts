/**
 * The JSON the commands print with --format json: one envelope for every command (version,
 * valid, stats, per-file results, issues) and each command's own part. Users' scripts rely on
 * it: README.md («Вывод в JSON») documents it, and the tests parse every command's output with
 * these schemas. New fields and new issue codes may appear within a version; a field that
 * changes meaning or disappears raises JSON_REPORT_VERSION.
 */
import { z } from 'zod';
import { INDICATOR_IDS } from '../../core/criteria/indicators';
import type { IndicatorId } from '../../core/criteria/types';
import type { IssueCode } from '../../core/issue';
import { ISSUE_CATALOGUE } from '../../core/issueCatalogue';
import { PROCEDURE_TYPES, settingsSchema } from '../../core/settings';

export const JSON_REPORT_VERSION = 1;

const count = z.number().int().min(0);
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A share or a mean; null where there is nothing to divide by. */
const ratio = z.number().min(0).nullable();

const issueCode = z.enum(ISSUE_CATALOGUE.map((d) => d.code) as [IssueCode, ...IssueCode[]]);

/** One issue; the place as Excel shows it. */
export const issueJson = z.strictObject({
  /** The file as given on the command line or found in a folder; null when no one file. */
  file: z.string().nullable(),
  /** "" when the issue concerns a whole file. */
  sheet: z.string(),
  /** A1 address; "" when the issue concerns a whole sheet or file. */
  cell: z.string().regex(/^([A-Z]{1,3}[1-9]\d*)?$/),
  /** Excel row number; 0 when the issue concerns a whole sheet or file. */
  row: count,
  severity: z.enum(['error', 'warning', 'info']),
  code: issueCode,
  /** The code's Russian title from the catalogue. */
  title: z.string().min(1),
  message: z.string().min(1),
  fix: z.string().min(1).optional(),
  /** `check`: the remark's stable identity across versions of the plan (never the row). */
  id: z.string().min(1).optional(),
  /** `check --baseline`: new since the earlier check, or present then too. */
  state: z.enum(['new', 'unchanged']).optional(),
  /** `check --baseline`: accepted by the clerk; not counted as an error. */
  accepted: z.strictObject({ justification: z.string() }).optional(),
});
export type IssueJson = z.infer<typeof issueJson>;

const issueCounts = { errors: count, warnings: count, infos: count };

/**
 * The envelope: `valid` is true when no issue is an error (a file that could not be read is an
 * error issue `unreadable-file`), which is when the command exits with 0.
 */
function envelope<
  C extends string,
  S extends z.ZodRawShape,
  FS extends z.ZodRawShape,
  F extends z.ZodRawShape,
>(command: C, stats: S, fileStats: FS, file: F) {
  return z.strictObject({
    version: z.literal(JSON_REPORT_VERSION),
    command: z.literal(command),
    valid: z.boolean(),
    stats: z.strictObject({
      /** Files the command tried, read or not. */
      files: count,
      /** Files that could not be read or used (each has `error` and an `unreadable-file` issue). */
      filesFailed: count,
      /** Other files found in folders (not workbooks), passed over. */
      filesIgnored: count,
      ...issueCounts,
      ...stats,
    }),
    files: z.array(
      z.strictObject({
        file: z.string(),
        valid: z.boolean(),
        /** Why the file was not read (Russian); absent for files that were read. */
        error: z.string().min(1).optional(),
        stats: z.strictObject({ ...issueCounts, ...fileStats }),
        ...file,
      }),
    ),
    /** Every issue, file by file in the order of `files`, each in reading order. */
    issues: z.array(issueJson),
  });
}

const activityJson = z.strictObject({
  row: count,
  number: z.string(),
  title: z.string(),
  deadline: z.strictObject({
    text: z.string(),
    kind: z.string(),
    start: iso.nullable(),
    end: iso.nullable(),
  }),
  responsible: z.array(z.string()),
});

const checkSheetJson = z.strictObject({
  sheet: z.string(),
  /** The plan's title ("" when none was found). */
  title: z.string(),
  period: z.strictObject({ start: iso, end: iso }).nullable(),
  sections: z.array(z.strictObject({ row: count, number: z.string(), title: z.string() })),
  activities: z.array(activityJson),
  stats: z.strictObject(issueCounts),
  /** `check --baseline`: the earlier check's remarks no longer present, as they were. */
  fixed: z.array(issueJson).optional(),
});

/** `check --baseline`: one file against the earlier check («исправлено 7, осталось 3, новых 2»). */
const baselineCountsJson = z.strictObject({
  /** The earlier check's file it was paired with; null for a file new to it. */
  file: z.string().nullable(),
  fixed: count,
  unchanged: count,
  new: count,
  accepted: count,
  stale: count,
});

/** `shnor-roadmap check --format json`. */
export const checkReportJson = envelope(
  'check',
  { plans: count, activities: count, accepted: count },
  { plans: count, activities: count, accepted: count },
  { sheets: z.array(checkSheetJson), baseline: baselineCountsJson.optional() },
);
export type CheckReportJson = z.infer<typeof checkReportJson>;

const procedureResultJson = z.strictObject({
  label: z.string(),
  type: z.enum(PROCEDURE_TYPES),
  grade: z.number().int().nullable(),
  subject: z.string(),
  year: z.number().int(),
  participants: count,
  failed: count,
  share: ratio,
  low: z.boolean(),
  small: z.boolean(),
  counted: z.boolean(),
  subjectGroup: z.string().nullable(),
  n3: count.nullable(),
  n4: count.nullable(),
  n5: count.nullable(),
  quality: ratio,
  successRate: ratio,
  avgMark: ratio,
  confirmedShare: ratio,
  lowered: count.nullable(),
  confirmed: count.nullable(),
  raised: count.nullable(),
});

const schoolYearJson = z.strictObject({
  year: z.number().int(),
  hasResults: z.boolean(),
  shnor: z.boolean(),
  triggerA: z.boolean(),
  triggerB: z.boolean(),
  lowProcedures: z.array(z.string()),
  repeatedProcedures: z.array(z.string()),
  consecutiveYears: count,
  stagnation: z.boolean(),
  previousShnor: z.boolean(),
  leftList: z.boolean(),
  positiveDynamics: z.boolean().nullable(),
  reason: z.string(),
  shares: z.record(z.string(), procedureResultJson),
  subjects: z.record(
    z.string(),
    z.strictObject({
      participants: count,
      failed: count,
      share: ratio,
      dynamics: z.union([z.literal(1), z.literal(0), z.literal(-1)]).nullable(),
    }),
  ),
});

export const schoolJson = z.strictObject({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  municipality: z.string(),
  /** Keyed by the year written as a string ("2023"). */
  years: z.record(z.string(), schoolYearJson),
});

export const indicatorJson = z.strictObject({
  id: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]),
  title: z.string(),
  year: z.number().int(),
  numerator: count,
  denominator: count,
  value: ratio,
});

/** `shnor-roadmap criteria --format json`: the envelope and the region's criteria. */
export const criteriaReportJson = envelope(
  'criteria',
  { rows: count, schools: count },
  { rows: count },
  {},
).extend({
  settings: settingsSchema,
  years: z.array(z.number().int()),
  schools: z.array(schoolJson),
  indicators: z.array(indicatorJson),
});
export type CriteriaReportJson = z.infer<typeof criteriaReportJson>;
