/**
 * The JSON reports of the commands (shapes in jsonSchema.ts, documented in README.md): the
 * envelope every command shares, `check`'s per-sheet plans and `criteria`'s region result.
 * Dates ISO, rows and cells as Excel shows them.
 */
import type { CriteriaResult } from '../../core/criteria/types';
import { unreadableFileIssue } from '../../core/fileIssues';
import { countBySeverity, sortIssues, type Issue } from '../../core/issue';
import { issueTitle } from '../../core/issueCatalogue';
import { issuesOfFile, reportedSheets, type CheckedFile } from '../../core/plan/reviewPatch';
import type { ResultRow } from '../../core/results/types';
import {
  JSON_REPORT_VERSION,
  type CheckReportJson,
  type CriteriaReportJson,
  type IssueJson,
} from './jsonSchema';

function issueJson(file: string | null, i: Issue): IssueJson {
  return {
    file,
    sheet: i.sheet,
    cell: i.cell,
    row: i.row,
    severity: i.severity,
    code: i.code,
    title: issueTitle(i.code),
    message: i.message,
    ...(i.fix !== undefined ? { fix: i.fix } : {}),
  };
}

function issueCounts(issues: readonly { severity: Issue['severity'] }[]) {
  const n = countBySeverity(issues);
  return { errors: n.error, warnings: n.warning, infos: n.info };
}

/** The fields every command's report starts with, from its files and all its issues. */
function envelopeOf<C extends string>(
  command: C,
  files: readonly { error?: string }[],
  ignored: number,
  issues: IssueJson[],
) {
  const counts = issueCounts(issues);
  return {
    version: JSON_REPORT_VERSION,
    command,
    valid: counts.errors === 0,
    stats: {
      files: files.length,
      filesFailed: files.filter((f) => f.error !== undefined).length,
      filesIgnored: ignored,
      ...counts,
    },
  } as const;
}

/** The report of `check`: per file its plan sheets; every issue in one list. */
export function checkToJson(
  files: CheckedFile[],
  ignored: readonly string[] = [],
): CheckReportJson {
  const issues: IssueJson[] = [];
  const results = files.map((f) => {
    const own = issuesOfFile(f).map((i) => issueJson(f.file, i));
    issues.push(...own);
    const sheets = f.error !== undefined ? [] : reportedSheets(f);
    const plans = sheets.filter((s) => s.isPlan);
    return {
      file: f.file,
      valid: issueCounts(own).errors === 0,
      ...(f.error !== undefined ? { error: f.error } : {}),
      stats: {
        ...issueCounts(own),
        plans: plans.length,
        activities: plans.reduce((n, s) => n + s.activities.length, 0),
      },
      sheets: sheets.map((s) => ({
        sheet: s.sheet,
        period: s.period ? { start: s.period.start, end: s.period.end } : null,
        sections: s.sections.map((x) => ({ row: x.row, number: x.number, title: x.title })),
        activities: s.activities.map((a) => ({
          row: a.row,
          number: a.number,
          title: a.title,
          deadline: {
            text: a.deadline.text,
            kind: a.deadline.kind,
            start: a.deadline.start,
            end: a.deadline.end,
          },
          responsible: a.responsible.map((e) => e.text),
        })),
        stats: issueCounts(s.issues),
      })),
    };
  });
  const envelope = envelopeOf('check', files, ignored.length, issues);
  return {
    ...envelope,
    stats: {
      ...envelope.stats,
      plans: results.reduce((n, f) => n + f.stats.plans, 0),
      activities: results.reduce((n, f) => n + f.stats.activities, 0),
    },
    files: results,
    issues,
  };
}

/** What the criteria command read from one input file. */
export interface ResultsFileRead {
  file: string;
  /** Why the file was not used (Russian), for files that were not. */
  error?: string;
  rows: ResultRow[];
  /** Issues of reading it. */
  issues: Issue[];
}

/** The report of `criteria`: the envelope over the files read, then the region's result. */
export function criteriaToJson(
  files: ResultsFileRead[],
  ignored: number,
  result: CriteriaResult,
): CriteriaReportJson {
  // The engine's issues name the file of their row (results rows carry it).
  const computed = sortIssues(result.issues).map((i) => issueJson(i.file ?? null, i));
  const issues: IssueJson[] = [];
  const results = files.map((f) => {
    const own = [
      ...(f.error !== undefined ? [unreadableFileIssue(f.error)] : sortIssues(f.issues)).map((i) =>
        issueJson(f.file, i),
      ),
      ...computed.filter((i) => i.file === f.file),
    ];
    issues.push(...own);
    return {
      file: f.file,
      valid: issueCounts(own).errors === 0,
      ...(f.error !== undefined ? { error: f.error } : {}),
      stats: { ...issueCounts(own), rows: f.rows.length },
    };
  });
  issues.push(...computed.filter((i) => i.file === null));
  const envelope = envelopeOf('criteria', files, ignored, issues);
  return {
    ...envelope,
    stats: {
      ...envelope.stats,
      rows: files.reduce((n, f) => n + f.rows.length, 0),
      schools: result.schools.length,
    },
    files: results,
    issues,
    settings: result.settings,
    years: result.years,
    schools: result.schools,
    indicators: result.indicators,
  };
}
