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
  const first = new Map<string, ResultRow>();
  const said = new Set<string>();
  const issues: Issue[] = [];
  for (const row of rows) {
    if (!row.schoolCode) continue;
    const code = row.schoolCode.toLowerCase();
    const seen = first.get(code);
    if (!seen) {
      first.set(code, row);
      continue;
    }
    if (acrossFiles && seen.source.file === row.source.file) continue;
    const otherName = nameKey(seen.schoolName) !== nameKey(row.schoolName);
    const otherPlace = nameKey(seen.municipality) !== nameKey(row.municipality);
    if (!otherName && !otherPlace) continue;
    const pair = `${code}\u0000${nameKey(row.schoolName)}\u0000${nameKey(row.municipality)}`;
    if (said.has(pair)) continue;
    said.add(pair);
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
    issues.push(issue);
  }
  return issues;
}
