/**
 * One school code, one school: the criteria engine joins rows by the code, so a code that appears
 * under two names or in two municipalities (a typo, a copied row, a school moved between files)
 * would merge two schools silently. Each such code is a warning naming both rows.
 */
import type { Issue } from '../issue';
import { nameKey } from './collector';
import { placeRu, quoteRu, resultsIssue } from './issues';
import type { ResultRow } from './types';

function describe(row: ResultRow): string {
  const where = placeRu(row.source.file, row.source.sheet, '').replace(/^Файл/, 'файл');
  return `${quoteRu(row.schoolName)} (${row.municipality ? `муниципалитет ${quoteRu(row.municipality)}` : 'муниципалитет не указан'}; ${where}, строка ${row.source.row})`;
}

/**
 * A warning for each school code found with another name or municipality than at its first row
 * (once per code and differing pair). With `acrossFiles`, only pairs from two different files: the
 * reader already compared the rows of each file.
 */
export function schoolIdentityIssues(rows: readonly ResultRow[], acrossFiles = false): Issue[] {
  return new SchoolIdentities(acrossFiles).add(rows);
}

/** The same check over rows that come in batches (one file at a time): only first rows are kept. */
export class SchoolIdentities {
  private readonly first = new Map<string, ResultRow>();
  private readonly said = new Set<string>();

  constructor(private readonly acrossFiles: boolean) {}

  /** The warnings the rows raise against every row added before. */
  add(rows: readonly ResultRow[]): Issue[] {
    const issues: Issue[] = [];
    for (const row of rows) {
      const issue = this.check(row);
      if (issue) issues.push(issue);
    }
    return issues;
  }

  private check(row: ResultRow): Issue | null {
    if (!row.schoolCode) return null;
    const code = row.schoolCode.toLowerCase();
    const seen = this.first.get(code);
    if (!seen) {
      this.first.set(code, row);
      return null;
    }
    if (this.acrossFiles && seen.source.file === row.source.file) return null;
    const otherName = nameKey(seen.schoolName) !== nameKey(row.schoolName);
    const otherPlace = nameKey(seen.municipality) !== nameKey(row.municipality);
    if (!otherName && !otherPlace) return null;
    const pair = `${code}\u0000${nameKey(row.schoolName)}\u0000${nameKey(row.municipality)}`;
    if (this.said.has(pair)) return null;
    this.said.add(pair);
    const what =
      otherName && otherPlace
        ? 'названием и муниципалитетом'
        : otherName
          ? 'названием'
          : 'муниципалитетом';
    const issue = resultsIssue(
      'results-code-conflict',
      { file: row.source.file, sheet: row.source.sheet, r: row.source.row - 1, c: 0 },
      `код ОО ${row.schoolCode} встречается с разным ${what}: ${describe(seen)} и ${describe(row)}. ` +
        `Результаты с этим кодом считаются результатами одной школы — ${quoteRu(seen.schoolName)}.`,
      'Проверьте код ОО в обеих строках: у разных школ коды должны различаться.',
    );
    if (row.source.file) issue.file = row.source.file;
    return issue;
  }
}
