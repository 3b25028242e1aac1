/**
 * Reading results from the inputs, the one way every use case does it: per file, the risk-factor
 * sheets (core/report/riskFactors.ts) are read as such and kept away from the results reader, and
 * so are sheets that hold a plan table (a plan lying in the results folder is not a results table
 * that failed); then one school code under two names across files is said at the row of the later
 * file.
 */
import type { Issue } from '../core/issue';
import { findHeader } from '../core/plan/header';
import { readRiskFactors } from '../core/report/riskFactors';
import { CriteriaAccumulator } from '../core/criteria/accumulate';
import { SchoolIdentities } from '../core/results/identity';
import { readResults } from '../core/results/read';
import { resultsIssue } from '../core/results/issues';
import type { RecognisedTable } from '../core/results/recognisedTable';
import type { NotHeld, ResultRow } from '../core/results/types';
import type { CriteriaSettings } from '../core/settings';
import type { SourceFile } from './types';

/** What was read from one input file (in the order of the inputs). */
export interface FileRead {
  file: string;
  /** How many result rows it gave. */
  rowCount: number;
  /** Issues of reading it (its risk factors, its results, codes it shares with an earlier file). */
  issues: Issue[];
}

export interface ReadInputs {
  /** Every row read, unless they were summed into `criteria` as they came (then none). */
  rows: ResultRow[];
  rowCount: number;
  /** The rows summed for the criteria file by file, when the reader was asked to. */
  criteria: CriteriaAccumulator | null;
  notHeld: NotHeld[];
  tables: RecognisedTable[];
  issues: Issue[];
  files: FileRead[];
  /** Risk factors by riskKey(code, name). */
  riskFactors: Map<string, string[]>;
}

export interface ReadInputsOptions {
  /** Read results from this sheet only. */
  sheet?: string;
  /** Counts above this per school and procedure are errors (settings.maxParticipants). */
  maxParticipants?: number;
  /**
   * Sum the rows for the criteria with these settings as each file is read, and keep none of
   * them: a federal folder is then read in the memory of one file plus the sums.
   */
  criteria?: CriteriaSettings;
}

/**
 * Reads the inputs one file at a time, so a host can drop each file's sheets before loading the
 * next (a federal folder is read in the memory of one file plus the result rows, or plus their
 * sums with `criteria`).
 */
export class InputsReader {
  private readonly out: ReadInputs = {
    rows: [],
    rowCount: 0,
    criteria: null,
    notHeld: [],
    tables: [],
    issues: [],
    files: [],
    riskFactors: new Map(),
  };

  /** One school code under two names across files: said at the row of the later file. */
  private readonly identities = new SchoolIdentities(true);
  private readonly identityIssues: Issue[] = [];

  constructor(private readonly opts: ReadInputsOptions = {}) {
    if (opts.criteria) this.out.criteria = new CriteriaAccumulator(opts.criteria);
  }

  add(f: SourceFile): void {
    const { out, opts } = this;
    const read: FileRead = { file: f.file, rowCount: 0, issues: [] };
    out.files.push(read);
    const risks = readRiskFactors(f.sheets);
    for (const [k, v] of risks.bySchool) out.riskFactors.set(k, v);
    read.issues.push(...risks.issues);
    const others = f.sheets.filter((s) => !risks.sheets.includes(s.sheet));
    const sheets = others.filter((s) => opts.sheet !== undefined || findHeader(s) === null);
    for (const plan of others.filter((s) => !sheets.includes(s)))
      read.issues.push(
        resultsIssue(
          'results-sheet-skipped',
          { ...(f.file ? { file: f.file } : {}), sheet: plan.sheet, r: -1, c: -1 },
          'на листе план мероприятий, а не результаты; лист пропущен.',
        ),
      );
    if (sheets.length) {
      const results = readResults(sheets, {
        ...(f.file ? { file: f.file } : {}),
        ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
        ...(opts.maxParticipants !== undefined ? { maxParticipants: opts.maxParticipants } : {}),
      });
      read.rowCount = results.rows.length;
      read.issues.push(...results.issues);
      out.notHeld.push(...results.notHeld);
      out.tables.push(...results.tables);
      this.identityIssues.push(...this.identities.add(results.rows));
      out.rowCount += results.rows.length;
      if (out.criteria) out.criteria.add(results.rows, out.notHeld);
      else for (const row of results.rows) out.rows.push(row);
    }
    out.issues.push(...read.issues);
  }

  /** Everything read; one school code under two names across files is said here. */
  finish(): ReadInputs {
    const { out } = this;
    for (const issue of this.identityIssues) {
      out.issues.push(issue);
      out.files.find((f) => f.file === issue.file)?.issues.push(issue);
    }
    return out;
  }
}

export function readInputs(files: SourceFile[], opts: ReadInputsOptions = {}): ReadInputs {
  const reader = new InputsReader(opts);
  for (const f of files) reader.add(f);
  return reader.finish();
}
