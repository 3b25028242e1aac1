/**
 * Checking plan sheets: find the table, read it, run every rule (docs/domain.md §2.7–2.8).
 * One entry point per sheet and one per workbook; the workbook one knows what a single sheet
 * cannot (no plan anywhere in the file, abbreviations reported once per file).
 */
import type { Grid } from '../grid';
import { sortIssues, type Issue, type IssueCode, type SeverityOf } from '../issue';
import { assignRemarkIds } from '../review/remarkId';
import { cellText } from '../text';
import { harvestDefinitions } from './glossary';
import { describeLookedFor, findHeader, type HeaderColumn } from './header';
import { readPlan } from './read';
import { missingColumn, duplicateColumn } from './rules/columns';
import { issueAt, type Rule, type RuleContext } from './rules/common';
import { activityByReference } from './rules/activityReference';
import { copiedResult } from './rules/copiedResult';
import { cycleStepMissing } from './rules/cycleSteps';
import { deadlineOutsidePeriod, deadlineReversed } from './rules/deadlineDates';
import { deadlineByReference, deadlineUnparsed, deadlineVague } from './rules/deadlineKinds';
import { duplicateIndicator } from './rules/duplicateIndicator';
import { duplicateNumber } from './rules/duplicateNumber';
import { indicatorWithoutTarget } from './rules/indicatorTarget';
import { missingNumber } from './rules/missingNumber';
import { numberSectionMismatch } from './rules/numberSectionMismatch';
import { numberSequence } from './rules/numberSequence';
import { numberStyle } from './rules/numberStyle';
import { activityOverdue } from './rules/overdue';
import { missingDeadline, missingResponsible, missingTitle } from './rules/requiredFields';
import { resultNotMeasurable } from './rules/resultNotMeasurable';
import { sectionNumber } from './rules/sectionNumber';
import { duplicateTitle, similarTitle } from './rules/titles';
import { undefinedAbbreviation } from './rules/undefinedAbbreviation';
import { classifyStatus } from './status';
import type { ColumnRole, Period, PlanActivity, PlanSection } from './types';

export interface CheckOptions {
  /** The user's plan period; overrides the one the sheet states. */
  period?: { start: string; end: string; schoolYear: boolean } | null;
  /** "Today" (ISO) for overdue activities. */
  asOf: string;
  /** The file's name: a period may be read from it ("план 2023.xlsx"). */
  fileName?: string;
  /** The user's own abbreviations (abbreviation → full name). */
  glossaryExtra?: Record<string, string>;
  /** Check this sheet only (checkWorkbook). */
  sheet?: string;
}

export interface SheetCheck {
  sheet: string;
  isPlan: boolean;
  /** Excel row number of the header, null when none was found. */
  headerRow: number | null;
  columns: Partial<Record<ColumnRole, HeaderColumn>>;
  title: string;
  period: Period | null;
  sections: PlanSection[];
  activities: PlanActivity[];
  issues: Issue[];
  /** Only when the plan has a status column. */
  status?: { counts: Record<string, number>; overdue: number[] };
}

export const RULES: Rule[] = [
  missingColumn,
  duplicateColumn,
  missingNumber,
  duplicateNumber,
  numberSequence,
  numberStyle,
  numberSectionMismatch,
  sectionNumber,
  missingTitle,
  duplicateTitle,
  similarTitle,
  activityByReference,
  copiedResult,
  resultNotMeasurable,
  missingDeadline,
  deadlineUnparsed,
  deadlineReversed,
  deadlineOutsidePeriod,
  deadlineVague,
  deadlineByReference,
  missingResponsible,
  undefinedAbbreviation,
  indicatorWithoutTarget,
  duplicateIndicator,
  cycleStepMissing,
  activityOverdue,
];

/** No cell of the sheet holds text or a value. */
export function isEmptySheet(grid: Grid): boolean {
  for (const row of grid.rows)
    if (row) for (const cell of row) if (cell && cellText(cell.v) !== '') return false;
  return true;
}

function notPlan(grid: Grid, issue: Issue): SheetCheck {
  return {
    sheet: grid.sheet,
    isPlan: false,
    headerRow: null,
    columns: {},
    title: '',
    period: null,
    sections: [],
    activities: [],
    issues: [issue],
  };
}

function sheetIssue<C extends IssueCode>(
  sheet: string,
  severity: NoInfer<SeverityOf<C>>,
  code: C,
  message: string,
  fix?: string,
): Issue {
  return issueAt<C>(sheet, severity, code, -1, 0, message, fix);
}

const emptySheet = (grid: Grid): Issue =>
  sheetIssue(grid.sheet, 'info', 'sheet-empty', `Лист «${grid.sheet}» пуст.`);

function checkWithContext(grid: Grid, opts: CheckOptions, reported: Set<string>): SheetCheck {
  if (isEmptySheet(grid)) return notPlan(grid, emptySheet(grid));
  const header = findHeader(grid);
  if (!header)
    return notPlan(
      grid,
      sheetIssue(
        grid.sheet,
        'info',
        'no-plan-on-sheet',
        `На листе «${grid.sheet}» нет таблицы плана: в первых 30 строках не найдена шапка с заголовками ${describeLookedFor()}.`,
      ),
    );
  const read = readPlan(grid, header, {
    period: opts.period ?? null,
    fileName: opts.fileName,
    glossaryExtra: opts.glossaryExtra,
  });
  const ctx: RuleContext = { read, asOf: opts.asOf, reportedAbbreviations: reported };
  const found = [...read.issues, ...RULES.flatMap((rule) => rule(ctx))];
  if (read.activities.length === 0)
    found.push(
      issueAt(
        grid.sheet,
        'warning',
        'no-activities',
        header.row,
        0,
        `Под шапкой таблицы (строка ${header.row + 1}) нет ни одного мероприятия.`,
        'Заполните таблицу плана под шапкой.',
      ),
    );
  const issues = sortIssues(found);
  const check: SheetCheck = {
    sheet: grid.sheet,
    isPlan: true,
    headerRow: header.row + 1,
    columns: header.columns,
    title: read.title,
    period: read.period,
    sections: read.sections,
    activities: read.activities,
    issues,
  };
  if (header.columns.status) {
    const counts: Record<string, number> = {};
    for (const a of read.activities) {
      const s = classifyStatus(a.status ?? '');
      counts[s] = (counts[s] ?? 0) + 1;
    }
    check.status = {
      counts,
      overdue: issues.filter((i) => i.code === 'activity-overdue').map((i) => i.row),
    };
  }
  return check;
}

/** Gives every issue its stable id (review/remarkId.ts): by what it is about, not its row. */
function withRemarkIds(check: SheetCheck): SheetCheck {
  const roles = new Map<number, string>();
  for (const [role, column] of Object.entries(check.columns))
    if (column) roles.set(column.col, role);
  check.issues = assignRemarkIds(check.issues, {
    activities: check.activities,
    sections: check.sections,
    roleOfColumn: (c) => roles.get(c),
  });
  return check;
}

/** Checks one sheet on its own. */
export function checkSheet(grid: Grid, opts: CheckOptions): SheetCheck {
  return withRemarkIds(checkWithContext(grid, opts, new Set()));
}

/**
 * Checks every sheet of a workbook (or opts.sheet only). Abbreviations defined on one sheet count
 * on the others; an undefined one is reported once per file. When no sheet holds a plan, every
 * sheet with data gets the error header-not-found.
 */
export function checkWorkbook(grids: Grid[], opts: CheckOptions): SheetCheck[] {
  return checkSheets(grids, opts).map(withRemarkIds);
}

function checkSheets(grids: Grid[], opts: CheckOptions): SheetCheck[] {
  const wanted = opts.sheet?.trim().toLowerCase();
  const selected =
    wanted === undefined ? grids : grids.filter((g) => g.sheet.trim().toLowerCase() === wanted);
  if (wanted !== undefined && selected.length === 0) {
    const names = grids.map((g) => `«${g.sheet}»`).join(', ') || 'нет ни одного листа';
    return [
      {
        ...notPlan(
          { sheet: opts.sheet ?? '', rows: [], merges: [] },
          sheetIssue(
            opts.sheet ?? '',
            'error',
            'sheet-not-found',
            `В книге нет листа «${opts.sheet}»; есть: ${names}.`,
            'Укажите имя листа так, как оно написано на ярлычке.',
          ),
        ),
      },
    ];
  }
  if (selected.length === 0)
    return [
      notPlan(
        { sheet: '', rows: [], merges: [] },
        sheetIssue('', 'error', 'header-not-found', 'Книга пуста: в ней нет ни одного листа.'),
      ),
    ];

  const harvested = harvestDefinitions(
    (function* texts() {
      for (const g of selected)
        for (const row of g.rows)
          if (row) for (const cell of row) if (cell && typeof cell.v === 'string') yield cell.v;
    })(),
  );
  const glossaryExtra = { ...Object.fromEntries(harvested), ...(opts.glossaryExtra ?? {}) };
  const reported = new Set<string>();
  const checks = selected.map((g) => checkWithContext(g, { ...opts, glossaryExtra }, reported));
  if (checks.some((c) => c.isPlan)) return checks;

  const withData = checks.filter((c) => c.issues[0]?.code !== 'sheet-empty');
  if (withData.length === 0) {
    const first = checks[0]!;
    first.issues = [
      sheetIssue(
        first.sheet,
        'error',
        'header-not-found',
        `Книга пуста: ни на одном листе нет данных${opts.fileName ? ` (файл «${opts.fileName}»)` : ''}.`,
        'Вставьте план на лист или выберите другой файл.',
      ),
    ];
    return checks;
  }
  for (const c of withData)
    c.issues = [
      sheetIssue(
        c.sheet,
        'error',
        'header-not-found',
        `На листе «${c.sheet}» не найдена таблица плана: в первых 30 строках нет шапки с заголовками ${describeLookedFor()}.`,
        'Проверьте, что на листе есть шапка таблицы со столбцами «№», «Мероприятие», «Срок», «Ответственные», или вставьте стандартный шаблон плана.',
      ),
    ];
  return checks;
}
