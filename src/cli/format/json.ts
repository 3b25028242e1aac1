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
import type { Baseline } from '../../core/review/baseline';
import {
  checkReportJson,
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
    ...(i.id !== undefined ? { id: i.id } : {}),
    ...(i.state !== undefined ? { state: i.state } : {}),
    ...(i.accepted !== undefined ? { accepted: i.accepted } : {}),
  };
}

/** Counts by severity; accepted remarks are counted apart (see `accepted`), not here. */
function issueCounts(issues: readonly { severity: Issue['severity']; accepted?: unknown }[]) {
  const n = countBySeverity(issues.filter((i) => !i.accepted));
  return { errors: n.error, warnings: n.warning, infos: n.info };
}

const acceptedCount = (issues: readonly { accepted?: unknown }[]): number =>
  issues.filter((i) => i.accepted).length;

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

/** One entry of the `check` report's `files`. */
export type CheckFileJson = CheckReportJson['files'][number];

/** One file of the `check` report: its entry in `files` and its issues (listed in `issues`). */
export function checkFileJson(f: CheckedFile): { entry: CheckFileJson; issues: IssueJson[] } {
  const issues = issuesOfFile(f).map((i) => issueJson(f.file, i));
  const sheets = f.error !== undefined ? [] : reportedSheets(f);
  const plans = sheets.filter((s) => s.isPlan);
  const entry: CheckFileJson = {
    file: f.file,
    valid: issueCounts(issues).errors === 0,
    ...(f.error !== undefined ? { error: f.error } : {}),
    stats: {
      ...issueCounts(issues),
      plans: plans.length,
      activities: plans.reduce((n, s) => n + s.activities.length, 0),
      accepted: acceptedCount(issues),
    },
    ...(f.comparison
      ? {
          baseline: {
            file: f.comparison.baselineFile,
            fixed: f.comparison.fixed,
            unchanged: f.comparison.unchanged,
            new: f.comparison.new,
            accepted: f.comparison.accepted,
            stale: f.comparison.stale,
          },
        }
      : {}),
    sheets: sheets.map((s) => ({
      sheet: s.sheet,
      title: s.title ?? '',
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
      ...(s.fixed ? { fixed: s.fixed.map((r) => issueJson(f.file, r as Issue)) } : {}),
    })),
  };
  return { entry, issues };
}

/**
 * The `check` report's totals, kept as numbers while the files go by (a folder of thousands of
 * plans is written a file at a time): `head` is what the report says before its `files`.
 */
export class CheckJsonTotals {
  private readonly n = {
    files: 0,
    filesFailed: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    plans: 0,
    activities: 0,
    accepted: 0,
  };

  add(entry: CheckFileJson): void {
    const { n } = this;
    n.files++;
    if (entry.error !== undefined) n.filesFailed++;
    // a file's issues are its own; the report's counts are the sums of the files'
    n.errors += entry.stats.errors;
    n.warnings += entry.stats.warnings;
    n.infos += entry.stats.infos;
    n.plans += entry.stats.plans;
    n.activities += entry.stats.activities;
    n.accepted += entry.stats.accepted;
  }

  /** The envelope's fields, in the order the report has them; `ignored`: files passed over. */
  head(ignored: number): Omit<CheckReportJson, 'files' | 'issues'> {
    const { n } = this;
    return {
      version: JSON_REPORT_VERSION,
      command: 'check',
      valid: n.errors === 0,
      stats: {
        files: n.files,
        filesFailed: n.filesFailed,
        filesIgnored: ignored,
        errors: n.errors,
        warnings: n.warnings,
        infos: n.infos,
        plans: n.plans,
        activities: n.activities,
        accepted: n.accepted,
      },
    };
  }
}

/** The report of `check`: per file its plan sheets; every issue in one list. */
export function checkToJson(
  files: CheckedFile[],
  ignored: readonly string[] = [],
): CheckReportJson {
  const totals = new CheckJsonTotals();
  const issues: IssueJson[] = [];
  const results = files.map((f) => {
    const one = checkFileJson(f);
    totals.add(one.entry);
    issues.push(...one.issues);
    return one.entry;
  });
  return { ...totals.head(ignored.length), files: results, issues };
}

/**
 * An earlier `check --format json` as the baseline of this one: its files with their sheets and
 * plan titles, and its remarks with their ids and acceptances. A report without ids (an older
 * version) or not of `check` cannot serve.
 */
export function baselineFromCheckJson(
  data: unknown,
  source: string,
): { baseline: Baseline } | { error: string } {
  const parsed = checkReportJson.safeParse(data);
  if (!parsed.success)
    return {
      error: `«${source}» не похож на отчёт check --format json этой версии программы (${parsed.error.issues[0]?.path.join('.') || 'формат'}: ${parsed.error.issues[0]?.message ?? ''}).`,
    };
  const report = parsed.data;
  if (report.issues.some((i) => i.file !== null && i.id === undefined))
    return {
      error: `В отчёте «${source}» у замечаний нет идентификаторов: его записала прежняя версия программы. Проверьте файлы заново без --baseline, чтобы получить отчёт для следующего сравнения.`,
    };
  return {
    baseline: {
      source,
      files: report.files
        .filter((f) => f.error === undefined)
        .map((f) => ({
          file: f.file,
          sheets: f.sheets.map((s) => ({ sheet: s.sheet, title: s.title })),
          remarks: report.issues
            .filter((i) => i.file === f.file && i.id !== undefined)
            .map((i) => ({
              id: i.id!,
              sheet: i.sheet,
              cell: i.cell,
              row: i.row,
              severity: i.severity,
              code: i.code,
              message: i.message,
              ...(i.fix !== undefined ? { fix: i.fix } : {}),
              ...(i.accepted ? { accepted: i.accepted } : {}),
            })),
        })),
    },
  };
}

/** What the criteria command read from one input file. */
export interface ResultsFileRead {
  file: string;
  /** Why the file was not used (Russian), for files that were not. */
  error?: string;
  /** How many result rows it gave. */
  rowCount: number;
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
      stats: { ...issueCounts(own), rows: f.rowCount },
    };
  });
  issues.push(...computed.filter((i) => i.file === null));
  const envelope = envelopeOf('criteria', files, ignored, issues);
  return {
    ...envelope,
    stats: {
      ...envelope.stats,
      rows: files.reduce((n, f) => n + f.rowCount, 0),
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
