/**
 * A review workbook of an earlier `check --out` read back as a baseline: «Сводка» gives the files,
 * their sheets and plan titles; «Замечания» the remarks with their ids, and the clerk's «Принято»
 * and «Обоснование». Columns are found by their headers, so a clerk may reorder them, add her
 * own, sort and filter.
 */
import type { Grid } from '../grid';
import { SEVERITY_RU, type Severity } from '../issue';
import {
  REMARK_COLUMNS,
  REVIEW_ISSUES_SHEET,
  REVIEW_SUMMARY_SHEET,
  STATE_RU,
  SUMMARY_COLUMNS,
} from '../plan/reviewPatch';
import { cellText } from '../text';
import type { Baseline, BaselineFile } from './baseline';

/** The baseline, or why the workbook cannot serve as one (Russian). */
export type ReviewReadResult = { baseline: Baseline } | { error: string };

/** What «Принято» may say of a remark not accepted (lower case); anything else accepts it. */
const NOT_ACCEPTED = new Set(['', 'нет', 'no', 'false', 'ложь', '0', '-', '—', '–']);
const SEVERITY_OF = new Map(
  (Object.entries(SEVERITY_RU) as Array<[Severity, string]>).map(([k, v]) => [v, k]),
);

function find(grids: readonly Grid[], name: string): Grid | undefined {
  const key = name.toLowerCase();
  return grids.find((g) => g.sheet.trim().toLowerCase() === key);
}

/** Rows of a sheet as records by header, the header row being the first. */
function records(grid: Grid): { header: Set<string>; rows: Array<Map<string, string>> } {
  const head = (grid.rows[0] ?? []).map((c) => cellText(c?.v ?? null).trim());
  const rows: Array<Map<string, string>> = [];
  for (const row of grid.rows.slice(1)) {
    if (!row) continue;
    const rec = new Map<string, string>();
    head.forEach((h, c) => {
      if (h && !rec.has(h)) rec.set(h, cellText(row[c]?.v ?? null).trim());
    });
    if ([...rec.values()].some(Boolean)) rows.push(rec);
  }
  return { header: new Set(head.filter(Boolean)), rows };
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}

/** Reads a review workbook's sheets; `source` names it in messages. */
export function baselineFromReview(grids: readonly Grid[], source: string): ReviewReadResult {
  const summary = find(grids, REVIEW_SUMMARY_SHEET);
  const remarks = find(grids, REVIEW_ISSUES_SHEET);
  if (!summary || !remarks)
    return {
      error: `В книге «${source}» нет листов «${REVIEW_SUMMARY_SHEET}» и «${REVIEW_ISSUES_SHEET}»: это не книга замечаний прошлой проверки.`,
    };
  const S = SUMMARY_COLUMNS;
  const R = REMARK_COLUMNS;
  const sum = records(summary);
  const rem = records(remarks);
  if (!rem.header.has(R.id) || !rem.header.has(R.file))
    return {
      error: `На листе «${REVIEW_ISSUES_SHEET}» книги «${source}» нет столбца «${R.id}»: книгу записала прежняя версия программы. Проверьте файлы заново без --baseline, чтобы получить книгу для следующего сравнения.`,
    };
  const files = new Map<string, BaselineFile>();
  const fileOf = (name: string): BaselineFile => {
    let f = files.get(name);
    if (!f) files.set(name, (f = { file: name, sheets: [], remarks: [] }));
    return f;
  };
  for (const r of sum.rows) {
    const name = r.get(S.file) ?? '';
    const sheet = r.get(S.sheet) ?? '';
    if (!name || !sheet || sheet.startsWith('(')) continue;
    const f = fileOf(name);
    if (!f.sheets.some((s) => s.sheet === sheet))
      f.sheets.push({ sheet, title: r.get(S.title) ?? '' });
  }
  for (const r of rem.rows) {
    const name = r.get(R.file) ?? '';
    const id = r.get(R.id) ?? '';
    // fixed remarks are history; a remark without an id (a file that was not read) has nothing to pair
    if (!name || !id || r.get(R.state) === STATE_RU.fixed) continue;
    const cell = r.get(R.cell) ?? '';
    const mark = (r.get(R.accepted) ?? '').toLowerCase();
    const fix = r.get(R.fix) ?? '';
    fileOf(name).remarks.push({
      id,
      sheet: r.get(R.sheet) ?? '',
      cell,
      row: rowOf(cell),
      severity: SEVERITY_OF.get((r.get(R.severity) ?? '').toLowerCase()) ?? 'warning',
      code: r.get(R.code) ?? '',
      message: r.get(R.message) ?? '',
      ...(fix ? { fix } : {}),
      ...(NOT_ACCEPTED.has(mark)
        ? {}
        : { accepted: { justification: r.get(R.justification) ?? '' } }),
    });
  }
  return { baseline: { source, files: [...files.values()] } };
}
