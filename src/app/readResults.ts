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
import { schoolIdentityIssues } from '../core/results/identity';
import { readResults } from '../core/results/read';
import { resultsIssue } from '../core/results/issues';
import type { RecognisedTable } from '../core/results/recognisedTable';
import type { NotHeld, ResultRow } from '../core/results/types';
import type { SourceFile } from './types';

/** What was read from one input file (in the order of the inputs). */
export interface FileRead {
  file: string;
  rows: ResultRow[];
  /** Issues of reading it (its risk factors, its results, codes it shares with an earlier file). */
  issues: Issue[];
}

export interface ReadInputs {
  rows: ResultRow[];
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
}

/**
 * Reads the inputs one file at a time, so a host can drop each file's sheets before loading the
 * next (a federal folder is read in the memory of one file plus the result rows).
 */
export class InputsReader {
  private readonly out: ReadInputs = {
    rows: [],
    notHeld: [],
    tables: [],
    issues: [],
    files: [],
    riskFactors: new Map(),
  };

  constructor(private readonly opts: ReadInputsOptions = {}) {}

  add(f: SourceFile): void {
    const { out, opts } = this;
    const read: FileRead = { file: f.file, rows: [], issues: [] };
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
      read.rows = results.rows;
      read.issues.push(...results.issues);
      out.notHeld.push(...results.notHeld);
      out.tables.push(...results.tables);
    }
    for (const row of read.rows) out.rows.push(row);
    out.issues.push(...read.issues);
  }

  /** Everything read; one school code under two names across files is said here. */
  finish(): ReadInputs {
    const { out } = this;
    for (const issue of schoolIdentityIssues(out.rows, true)) {
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
