/**
 * The review workbook of the `check` command as a WorkbookPatch: «Сводка» (one row per file and
 * sheet) and «Замечания» (one row per issue), ready for a clerk to filter and annotate.
 */
import { unreadableFileIssue } from '../fileIssues';
import { countBySeverity, SEVERITY_RU, sortIssues, type Issue, type Severity } from '../issue';
import { columnLetter, type Scalar } from '../grid';
import { emptySheetPatch, type FormatBlock, type SheetPatch, type WorkbookPatch } from '../patch';
import { layoutSheet } from '../layout/sheetLayout';
import { REGIONAL_MATRIX_KEY } from '../regional/matrixSheet';
import type { BaselineRemark } from '../review/baseline';
import type { FileComparison } from '../review/compare';
import {
  buildProtocolSheet,
  PROTOCOL_KEY_PREFIX,
  PROTOCOL_SHEET,
  type ProtocolContext,
} from '../review/protocolSheet';
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
  /** The plan's title (the title block), "" when none was found. */
  title?: string;
  period: Period | null;
  sections: SectionSummary[];
  activities: ActivitySummary[];
  issues: Issue[];
  /** With a baseline: its remarks no longer present, as they were. */
  fixed?: BaselineRemark[];
}

/** One input file: its checked sheets, or why it could not be read. */
export interface CheckedFile {
  file: string;
  sheets: CheckedSheet[];
  error?: string;
  /** With a baseline: the counts against it («исправлено 7, осталось 3, новых 2»). */
  comparison?: FileComparison;
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
      ...(s.title !== undefined ? { title: s.title } : {}),
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

/** Whether any file was compared with a baseline: the review then shows states and fixed remarks. */
function compared(files: readonly CheckedFile[]): boolean {
  return files.some((f) => f.comparison !== undefined);
}

/** Headers of «Сводка»; `check --baseline` reads «Файл», «Лист» and «Название плана» back. */
export const SUMMARY_COLUMNS = {
  file: 'Файл',
  sheet: 'Лист',
  title: 'Название плана',
} as const;

function summarySheet(files: CheckedFile[]): SheetPatch {
  const withStates = compared(files);
  const rows: Scalar[][] = [];
  for (const f of files) {
    const c = f.comparison;
    const states = withStates ? [c ? c.new : null, c ? c.unchanged : null, c ? c.fixed : null] : [];
    if (f.error !== undefined) {
      rows.push([f.file, '(файл не прочитан)', null, null, null, 1, 0, 0, 0, ...states]);
      continue;
    }
    const sheets = reportedSheets(f);
    sheets.forEach((s, k) => {
      const open = s.issues.filter((i) => !i.accepted);
      const n = countBySeverity(open);
      rows.push([
        f.file,
        s.sheet,
        s.title || null,
        s.isPlan ? periodText(s.period) : 'не план',
        s.activities.length,
        n.error,
        n.warning,
        n.info,
        s.issues.length - open.length,
        // a file's comparison once, on its first sheet
        ...(k === 0 ? states : states.map(() => null)),
      ]);
    });
  }
  const header = [
    SUMMARY_COLUMNS.file,
    SUMMARY_COLUMNS.sheet,
    SUMMARY_COLUMNS.title,
    'Период',
    'Мероприятий',
    'Ошибок',
    'Предупреждений',
    'Сведений',
    'Принято',
    ...(withStates ? ['Новых', 'Осталось', 'Исправлено'] : []),
  ];
  const widths = [30, 16, 40, 26, 16, 10, 19, 12, 11, ...(withStates ? [9, 12, 14] : [])];
  const p = table(REVIEW_SUMMARY_SHEET, 'check:summary', 0, header, rows, widths);
  if (rows.length) {
    const last = columnLetter(header.length - 1);
    p.formats.push({
      range: `E2:${last}${rows.length + 1}`,
      style: { hAlign: 'right', numFmt: '0' },
    });
    p.conditionalFormats.push({
      range: `F2:F${rows.length + 1}`,
      operator: 'greaterThan',
      value: '0',
      style: { fill: SEVERITY_FILL.error },
    });
  }
  return p;
}

/**
 * Headers of «Замечания». A later `check --baseline` reads the sheet back by these headers: the
 * clerk's «Принято» and «Обоснование», and the remark's «Идентификатор».
 */
export const REMARK_COLUMNS = {
  file: 'Файл',
  sheet: 'Лист',
  cell: 'Ячейка',
  severity: 'Важность',
  message: 'Сообщение',
  fix: 'Предложение',
  state: 'Состояние',
  accepted: 'Принято',
  justification: 'Обоснование',
  code: 'Код',
  id: 'Идентификатор',
} as const;

/** «Состояние» of a remark against the baseline. */
export const STATE_RU = { new: 'новое', unchanged: 'осталось', fixed: 'исправлено' } as const;
/** What «Принято» says of an accepted remark; a clerk may type anything else that is not «нет». */
export const ACCEPTED_MARK = 'да';

interface RemarkRow {
  file: string;
  issue: Pick<Issue, 'sheet' | 'cell' | 'severity' | 'message' | 'fix' | 'id' | 'accepted'> & {
    code: string;
  };
  state: keyof typeof STATE_RU | null;
}

function remarkRows(files: readonly CheckedFile[]): RemarkRow[] {
  const rows: RemarkRow[] = [];
  for (const f of files) {
    for (const i of issuesOfFile(f)) rows.push({ file: f.file, issue: i, state: i.state ?? null });
    for (const s of f.error === undefined ? reportedSheets(f) : [])
      for (const gone of s.fixed ?? [])
        rows.push({ file: f.file, issue: { ...gone, accepted: undefined }, state: 'fixed' });
  }
  return rows;
}

function issuesSheet(files: CheckedFile[]): SheetPatch {
  const withStates = compared(files);
  const C = REMARK_COLUMNS;
  const header = [
    C.file,
    C.sheet,
    C.cell,
    C.severity,
    C.message,
    C.fix,
    ...(withStates ? [C.state] : []),
    C.accepted,
    C.justification,
    C.code,
    C.id,
  ];
  const remarks = remarkRows(files);
  const rows: Scalar[][] = remarks.map(({ file, issue: i, state }) => [
    file,
    i.sheet || null,
    i.cell || null,
    SEVERITY_RU[i.severity],
    i.message,
    i.fix ?? null,
    ...(withStates ? [state ? STATE_RU[state] : null] : []),
    i.accepted ? ACCEPTED_MARK : null,
    i.accepted?.justification || null,
    i.code,
    i.id ?? null,
  ]);
  const widths = [20, 12, 10, 15, 50, 36, ...(withStates ? [13] : []), 11, 26, 16, 17];
  const p = table(REVIEW_ISSUES_SHEET, 'check:issues', 1, header, rows, widths);
  p.formats.push(...severityFills(remarks.map((r) => r.issue.severity)));
  const last = columnLetter(header.length - 1);
  remarks.forEach((r, k) => {
    if (r.state === 'fixed')
      p.formats.push({ range: `A${k + 2}:${last}${k + 2}`, style: { fontColor: '808080' } });
  });
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

/** «Протокол» for one file, «Протокол 1», «Протокол 2»… for several, in the order given. */
export function protocolSheetName(k: number, count: number): string {
  return count === 1 ? PROTOCOL_SHEET : `${PROTOCOL_SHEET} ${k + 1}`;
}

export interface ReviewOptions {
  /** With it, one «Протокол» sheet per file, for printing and signing. */
  protocol?: ProtocolContext;
  /**
   * Keys of the sheets generated in the workbook before: protocols of files gone, and the
   * regional matrix of an earlier `--regional` run, are removed.
   */
  previousKeys?: readonly string[];
  /** «Сверка с региональным планом» (check --regional), placed after «Замечания». */
  regionalMatrix?: SheetPatch;
}

/** The review workbook for the checked files, in the order given. */
export function buildReviewPatch(files: CheckedFile[], opts: ReviewOptions = {}): WorkbookPatch {
  const { protocol } = opts;
  const protocols = protocol
    ? files.map((f, k) =>
        buildProtocolSheet(f, protocol, {
          name: protocolSheetName(k, files.length),
          key: `${PROTOCOL_KEY_PREFIX}${k + 1}`,
          order: 3 + k,
        }),
      )
    : [];
  const extra = opts.regionalMatrix ? [{ ...opts.regionalMatrix, order: 2 }] : [];
  // The protocol and the matrix size their own columns and rows; the two lists are laid out for A4.
  const lists = [summarySheet(files), issuesSheet(files)].map(layoutSheet);
  const sheets = [...lists, ...extra, ...protocols];
  const keys = new Set(sheets.map((p) => p.key));
  return {
    sheets,
    names: [],
    removeKeys: (opts.previousKeys ?? []).filter(
      (k) => (k.startsWith(PROTOCOL_KEY_PREFIX) || k === REGIONAL_MATRIX_KEY) && !keys.has(k),
    ),
    activeSheet: REVIEW_SUMMARY_SHEET,
  };
}
