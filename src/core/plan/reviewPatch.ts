/**
 * The review workbook of the `check` command as a WorkbookPatch: «Сводка» (one row per file and
 * sheet) and «Замечания» (one row per issue), ready for a clerk to filter and annotate.
 */
import { unreadableFileIssue } from '../fileIssues';
import { countBySeverity, SEVERITY_RU, sortIssues, type Issue, type Severity } from '../issue';
import { columnLetter, type Scalar } from '../grid';
import { emptySheetPatch, type FormatBlock, type SheetPatch, type WorkbookPatch } from '../patch';
import { formatDateRu } from '../text';
import type { Deadline, Executor, Period, PlanActivity, PlanSection } from './types';

/** A section as the reports show it. */
export type SectionSummary = Pick<PlanSection, 'row' | 'number' | 'title'>;

/** An activity as the reports show it (the JSON lists these fields, the others count them). */
export interface ActivitySummary extends Pick<PlanActivity, 'row' | 'number' | 'title'> {
  deadline: Pick<Deadline, 'text' | 'kind' | 'start' | 'end'>;
  responsible: Array<Pick<Executor, 'text'>>;
}

/**
 * What the reports (text, JSON, the review workbook) need from one checked sheet. A SheetCheck of
 * check.ts has all of it; summariseSheets keeps only this, so a folder of thousands of plans
 * holds its summaries and issues, not every parsed activity.
 */
export interface CheckedSheet {
  sheet: string;
  isPlan: boolean;
  period: Period | null;
  sections: SectionSummary[];
  activities: ActivitySummary[];
  issues: Issue[];
}

/** One input file: its checked sheets, or why it could not be read. */
export interface CheckedFile {
  file: string;
  sheets: CheckedSheet[];
  error?: string;
}

export const REVIEW_SUMMARY_SHEET = 'Сводка';
export const REVIEW_ISSUES_SHEET = 'Замечания';

const HEADER_STYLE = {
  bold: true,
  fill: 'DDEBF7',
  wrap: true,
  vAlign: 'middle',
  border: 'thin',
} as const;
const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'E2EFDA',
};

/** "01.01.2023 – 31.12.2023 (из заголовка)". */
export function periodText(p: Period | null): string {
  if (!p) return 'не определён';
  const source: Record<Period['source'], string> = {
    title: 'из заголовка',
    name: 'из названия',
    setting: 'задан параметром',
    inferred: 'выведен из сроков',
  };
  const iso = (s: string) => formatDateRu(new Date(`${s}T00:00:00Z`));
  return `${iso(p.start)} – ${iso(p.end)} (${source[p.source]})`;
}

/** Sheets worth a line: plans, and other sheets only when something was said about them. */
export function reportedSheets(f: CheckedFile): CheckedSheet[] {
  return f.sheets.filter((s) => s.isPlan || s.issues.length > 0);
}

/** Of a file's checked sheets, the reported ones with only what the reports show of them. */
export function summariseSheets(sheets: readonly CheckedSheet[]): CheckedSheet[] {
  return sheets
    .filter((s) => s.isPlan || s.issues.length > 0)
    .map((s) => ({
      sheet: s.sheet,
      isPlan: s.isPlan,
      period: s.period,
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
        responsible: a.responsible.map((e) => ({ text: e.text })),
      })),
      issues: s.issues,
    }));
}

/** A file's issues in the order a person reads them; an unreadable file has one, saying why. */
export function issuesOfFile(f: CheckedFile): Issue[] {
  return f.error !== undefined
    ? [unreadableFileIssue(f.error)]
    : reportedSheets(f).flatMap((s) => sortIssues(s.issues));
}

function table(
  name: string,
  key: string,
  order: number,
  header: string[],
  rows: Scalar[][],
  widths: number[],
): SheetPatch {
  const p = emptySheetPatch(name, key, order);
  const last = columnLetter(header.length - 1);
  const lastRow = Math.max(rows.length + 1, 2);
  p.values.push({ at: 'A1', values: [header, ...rows] });
  p.formats.push({ range: `A1:${last}1`, style: HEADER_STYLE });
  if (rows.length)
    p.formats.push({
      range: `A2:${last}${rows.length + 1}`,
      style: { wrap: true, vAlign: 'top', border: 'thin' },
    });
  p.columnWidths = widths.map((width, i) => ({ col: columnLetter(i), width }));
  p.freeze = { rows: 1, cols: 0 };
  p.autoFilter = `A1:${last}${lastRow}`;
  p.print = { orientation: 'landscape', fitToWidth: true, titleRows: '1:1' };
  return p;
}

function summarySheet(files: CheckedFile[]): SheetPatch {
  const rows: Scalar[][] = [];
  for (const f of files) {
    if (f.error !== undefined) {
      rows.push([f.file, '(файл не прочитан)', null, null, 1, 0, 0]);
      continue;
    }
    for (const s of reportedSheets(f)) {
      const n = countBySeverity(s.issues);
      rows.push([
        f.file,
        s.sheet,
        s.isPlan ? periodText(s.period) : 'не план',
        s.activities.length,
        n.error,
        n.warning,
        n.info,
      ]);
    }
  }
  const header = ['Файл', 'Лист', 'Период', 'Мероприятий', 'Ошибок', 'Предупреждений', 'Сведений'];
  const p = table(
    REVIEW_SUMMARY_SHEET,
    'check:summary',
    0,
    header,
    rows,
    [40, 24, 40, 14, 10, 16, 11],
  );
  if (rows.length) {
    p.formats.push({ range: `D2:G${rows.length + 1}`, style: { hAlign: 'right', numFmt: '0' } });
    p.conditionalFormats.push({
      range: `E2:E${rows.length + 1}`,
      operator: 'greaterThan',
      value: '0',
      style: { fill: SEVERITY_FILL.error },
    });
  }
  return p;
}

function issuesSheet(files: CheckedFile[]): SheetPatch {
  const rows: Scalar[][] = [];
  const severities: Severity[] = [];
  for (const f of files) {
    for (const i of issuesOfFile(f)) {
      rows.push([
        f.file,
        i.sheet || null,
        i.cell || null,
        SEVERITY_RU[i.severity],
        i.code,
        i.message,
        i.fix ?? null,
      ]);
      severities.push(i.severity);
    }
  }
  const header = ['Файл', 'Лист', 'Ячейка', 'Важность', 'Код', 'Сообщение', 'Предложение'];
  const p = table(
    REVIEW_ISSUES_SHEET,
    'check:issues',
    1,
    header,
    rows,
    [32, 18, 9, 15, 26, 70, 50],
  );
  p.formats.push(...severityFills(severities));
  return p;
}

/** Colours the «Важность» column, one block per run of equal severities. */
function severityFills(severities: Severity[]): FormatBlock[] {
  const blocks: FormatBlock[] = [];
  let start = 0;
  for (let i = 1; i <= severities.length; i++) {
    if (i < severities.length && severities[i] === severities[start]) continue;
    const sev = severities[start];
    if (sev) blocks.push({ range: `D${start + 2}:D${i + 1}`, style: { fill: SEVERITY_FILL[sev] } });
    start = i;
  }
  return blocks;
}

/** The review workbook for the checked files, in the order given. */
export function buildReviewPatch(files: CheckedFile[]): WorkbookPatch {
  return {
    sheets: [summarySheet(files), issuesSheet(files)],
    names: [],
    removeKeys: [],
    activeSheet: REVIEW_SUMMARY_SHEET,
  };
}
