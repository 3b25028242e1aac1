/**
 * Reading results from the inputs, the one way every use case does it: per file, the risk-factor
 * sheets (core/report/riskFactors.ts) are read as such and kept away from the results reader.
 */
import type { Issue } from '../core/issue';
import { readRiskFactors } from '../core/report/riskFactors';
import { readResults } from '../core/results/read';
import type { RecognisedTable } from '../core/results/recognisedTable';
import type { NotHeld, ResultRow } from '../core/results/types';
import type { SourceFile } from './types';

export interface ReadInputs {
  rows: ResultRow[];
  notHeld: NotHeld[];
  tables: RecognisedTable[];
  issues: Issue[];
  /** Risk factors by riskKey(code, name). */
  riskFactors: Map<string, string[]>;
}

export function readInputs(files: SourceFile[], opts: { sheet?: string } = {}): ReadInputs {
  const out: ReadInputs = { rows: [], notHeld: [], tables: [], issues: [], riskFactors: new Map() };
  for (const f of files) {
    const risks = readRiskFactors(f.sheets);
    for (const [k, v] of risks.bySchool) out.riskFactors.set(k, v);
    out.issues.push(...risks.issues);
    const sheets = f.sheets.filter((s) => !risks.sheets.includes(s.sheet));
    if (!sheets.length) continue;
    const read = readResults(sheets, {
      ...(f.file ? { file: f.file } : {}),
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    });
    out.rows.push(...read.rows);
    out.notHeld.push(...read.notHeld);
    out.tables.push(...read.tables);
    out.issues.push(...read.issues);
  }
  return out;
}
