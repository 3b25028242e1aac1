/**
 * Reading a plan sheet as it really arrives (docs/domain.md §2.2–2.3): the title block and the plan
 * period above the header, then sections, sub-headings and activities, with continuation rows,
 * repeated headers, vertical merges, error values and footers handled on the way.
 */
import type { Area, CellValue, Grid } from '../grid';
import { isErrorValue, valueAt } from '../grid';
import type { Issue } from '../issue';
import { cellText, formatDateRu, squash } from '../text';
import { parseDeadline } from './deadline';
import { splitExecutors } from './executors';
import { buildGlossary, harvestDefinitions, type Glossary } from './glossary';
import type { HeaderMatch } from './header';
import { ROLE_RU } from './header';
import { findPeriod, inferPeriod } from './period';
import {
  classifyRow,
  isColumnNumbering,
  parseNumberCell,
  restoreLostZeros,
  splitNumberAndTitle,
  type NumberCell,
  type RowCells,
} from './rows';
import { issueAt, quote } from './rules/common';
import { findTarget } from './targets';
import type { ColumnRole, Deadline, Executor, Period, PlanActivity, PlanSection } from './types';

export interface ReadOptions {
  /** The user's period: overrides whatever the sheet says. */
  period?: { start: string; end: string; schoolYear: boolean } | null;
  fileName?: string;
  glossaryExtra?: Record<string, string>;
}

/** What the rules need about an activity beyond PlanActivity, index-aligned with activities. */
export interface ActivityMeta {
  /** 0-based row. */
  r: number;
  number: NumberCell;
  /** Index of the numbered section the activity sits in (sub-headings skipped), -1 before any. */
  numberedSection: number;
}

export interface SectionMeta {
  /** 0-based row and column of the section's numeral. */
  r: number;
  c: number;
  lookalike: boolean;
  roman: boolean;
}

export interface PlanRead {
  sheet: string;
  header: HeaderMatch;
  /** 0-based column of a role, -1 when the table has no such column. */
  col: (role: ColumnRole) => number;
  title: string;
  period: Period | null;
  sections: PlanSection[];
  sectionMeta: SectionMeta[];
  activities: PlanActivity[];
  meta: ActivityMeta[];
  glossary: Glossary;
  /** Issues found while reading (continuation rows, repeated headers, error values, period). */
  issues: Issue[];
}

const TITLE_WORDS = /(план|дорожн|программ|мероприяти|комплекс мер)/i;

/** The cells of a merge other than its top-left, by row and column. */
function slaveMap(grid: Grid, cols: Set<number>): Map<number, Area> {
  const map = new Map<number, Area>();
  for (const m of grid.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let c = m.left; c <= m.right; c++) {
      if (!cols.has(c)) continue;
      for (let r = m.top; r <= m.bottom; r++)
        if (r !== m.top || c !== m.left) map.set(r * 16384 + c, m);
    }
  }
  return map;
}

/** Every string in the sheet, for harvesting "(далее — СОКР)" definitions. */
function* sheetTexts(grid: Grid): Generator<string> {
  for (const row of grid.rows) {
    if (!row) continue;
    for (const cell of row) if (cell && typeof cell.v === 'string') yield cell.v;
  }
}

function titleBlock(grid: Grid, header: HeaderMatch): string[] {
  const texts: string[] = [];
  for (let r = 0; r < header.row; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (const cell of row)
      if (cell && typeof cell.v === 'string' && cell.v.trim()) texts.push(squash(cell.v));
  }
  return texts;
}

function findPlanPeriod(grid: Grid, block: string[], opts: ReadOptions): Period | null {
  if (opts.period) return { ...opts.period, source: 'setting', text: 'задан в настройках' };
  for (const text of block) {
    const p = findPeriod(text);
    if (p)
      return {
        start: p.start,
        end: p.end,
        schoolYear: p.schoolYear,
        source: 'title',
        text: p.text,
      };
  }
  for (const name of [grid.sheet, opts.fileName?.replace(/\.[^.]+$/, '') ?? '']) {
    const p = name ? findPeriod(name) : null;
    if (p)
      return { start: p.start, end: p.end, schoolYear: p.schoolYear, source: 'name', text: p.text };
  }
  return null;
}

/** Builds the activity in progress; texts grow while continuation rows are merged into it. */
interface Draft {
  r: number;
  number: NumberCell;
  texts: Partial<Record<ColumnRole, string>>;
  deadlineValue: CellValue;
  continuationRows: number[];
  section: number;
  numberedSection: number;
}

const JOIN: Partial<Record<ColumnRole, string>> = { deadline: '\n' };

function append(draft: Draft, role: ColumnRole, text: string): void {
  const before = draft.texts[role] ?? '';
  draft.texts[role] = before ? `${before}${JOIN[role] ?? ' '}${text}` : text;
  if (role === 'deadline') draft.deadlineValue = draft.texts.deadline ?? null;
}

/** True when most activity numbers are hierarchical ("1.1"), so a bare "1." heads a section. */
function isHierarchical(grid: Grid, numberCol: number, from: number): boolean {
  if (numberCol < 0) return false;
  let multi = 0;
  for (let r = from; r < grid.rows.length; r++) {
    const n = parseNumberCell(valueAt(grid, r, numberCol));
    if (n.kind === 'arabic' && n.parts.length > 1 && ++multi >= 2) return true;
  }
  return false;
}

export function readPlan(grid: Grid, header: HeaderMatch, opts: ReadOptions): PlanRead {
  const sheet = grid.sheet;
  const issues: Issue[] = [];
  const columns = header.columns;
  const col = (role: ColumnRole): number => columns[role]?.col ?? -1;
  const roles = Object.keys(columns) as ColumnRole[];
  const mapped = new Set(roles.map((role) => col(role)));
  const slaves = slaveMap(grid, mapped);
  const start = header.row + header.depth;
  const hierarchical = isHierarchical(grid, col('number'), start);

  const block = titleBlock(grid, header);
  const title = block.find((t) => TITLE_WORDS.test(t)) ?? block[0] ?? '';
  let period = findPlanPeriod(grid, block, opts);

  const sections: PlanSection[] = [];
  const sectionMeta: SectionMeta[] = [];
  const drafts: Draft[] = [];
  let section = -1;
  let numberedSection = -1;
  let last: 'none' | 'section' | 'activity' = 'none';
  let seenTableRow = false;

  const readCell = (r: number, c: number): { text: string; value: CellValue } => {
    const v = valueAt(grid, r, c);
    if (isErrorValue(v)) {
      issues.push(
        issueAt(
          sheet,
          'warning',
          'cell-error',
          r,
          c,
          `В ячейке ${quote(v.error)} — ошибка Excel; значение считается пустым.`,
          'Введите в ячейку значение вместо ошибки.',
        ),
      );
      return { text: '', value: null };
    }
    return { text: cellText(v), value: v };
  };

  table: for (let r = start; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const own: Partial<Record<ColumnRole, string>> = {};
    const inherited: Partial<Record<ColumnRole, { text: string; value: CellValue }>> = {};
    const values: Partial<Record<ColumnRole, CellValue>> = {};
    let mergedFrom = -1;
    let titleSpans = false;
    for (const role of roles) {
      const c = col(role);
      const m = slaves.get(r * 16384 + c);
      if (m) {
        if (m.top < r) {
          const v = valueAt(grid, m.top, m.left);
          inherited[role] = {
            text: isErrorValue(v) ? '' : cellText(v),
            value: isErrorValue(v) ? null : v,
          };
          if (role === 'number' || (role === 'title' && !row[col('number')]?.v)) mergedFrom = m.top;
        }
        continue;
      }
      const { text, value } = readCell(r, c);
      if (text) own[role] = text;
      values[role] = value;
      const span = (role === 'title' || role === 'number') && slaves.get(r * 16384 + c + 1);
      if (span && span.top === r && span.left === c) titleSpans = true;
    }
    const otherTexts: string[] = [];
    for (let c = 0; c < row.length; c++)
      if (!mapped.has(c) && row[c]) otherTexts.push(readCell(r, c).text);

    if (!seenTableRow && isColumnNumbering(roles.map((role) => own[role] ?? ''))) continue;
    const number = parseNumberCell(values.number ?? null);
    const cells: RowCells = { own, otherTexts, number, titleSpans };

    const lastDraft = drafts[drafts.length - 1];
    if (mergedFrom >= 0) {
      // A row under a vertically merged number or title: part of the activity the merge starts in.
      if (lastDraft && lastDraft.r >= mergedFrom) {
        for (const role of roles)
          if (own[role] && role !== 'number') append(lastDraft, role, own[role]!);
        lastDraft.continuationRows.push(r + 1);
      }
      continue;
    }

    const kind = classifyRow(cells, {
      hierarchical,
      afterActivity: drafts.length > 0,
      afterSection: last === 'section',
    });
    if (kind.kind !== 'blank') seenTableRow = true;
    switch (kind.kind) {
      case 'blank':
        break;
      case 'footer':
        // Notes and signatures end the table: nothing below is an activity.
        break table;
      case 'repeated-header':
        issues.push(
          issueAt(
            sheet,
            'info',
            'repeated-header',
            r,
            Math.max(col('number'), 0),
            `Строка ${r + 1} повторяет шапку таблицы (разрыв страницы при вставке); она пропущена.`,
            `Удалите строку ${r + 1}.`,
          ),
        );
        break;
      case 'section':
      case 'subheading': {
        const heading = kind.heading;
        const sub = kind.kind === 'subheading';
        const text = kind.text ?? '';
        const fullTitle =
          heading && own.number && number.kind !== 'other' ? squash(`${own.number} ${text}`) : text;
        sections.push({
          row: r + 1,
          number: heading?.number ?? '',
          value: heading?.value ?? null,
          title: fullTitle,
          ...(sub ? { subheading: true } : {}),
        });
        const numeralCol = own.number ? col('number') : col('title');
        sectionMeta.push({
          r,
          c: numeralCol,
          lookalike: heading?.lookalike ?? false,
          roman: heading?.roman ?? false,
        });
        section = sections.length - 1;
        if (!sub) numberedSection = section;
        last = 'section';
        break;
      }
      case 'tasks': {
        const s = sections[section];
        if (s) s.tasks = s.tasks ? `${s.tasks} ${kind.text ?? ''}` : (kind.text ?? '');
        break;
      }
      case 'continuation': {
        const filled = roles.filter((role) => own[role]);
        const first = filled[0];
        const target = last === 'section' ? sections[section] : lastDraft;
        if (!target || !first) break;
        if (last === 'section') {
          const s = sections[section]!;
          s.title = `${s.title} ${filled.map((role) => own[role]).join(' ')}`;
        } else {
          for (const role of filled) append(lastDraft!, role, own[role]!);
          lastDraft!.continuationRows.push(r + 1);
        }
        const targetRow = last === 'section' ? sections[section]!.row : lastDraft!.r + 1;
        const what = filled
          .map((role) => `${quote(own[role]!, 60)} в столбце «${ROLE_RU[role]}»`)
          .join(', ');
        issues.push(
          issueAt(
            sheet,
            'info',
            'continuation-row',
            r,
            col(first),
            `Строка ${r + 1} без номера содержит только продолжение текста (${what}); она присоединена к строке ${targetRow}.`,
            `Объединить со строкой ${targetRow}.`,
          ),
        );
        break;
      }
      case 'activity': {
        const texts: Partial<Record<ColumnRole, string>> = {};
        for (const role of roles) {
          const text = own[role] ?? inherited[role]?.text;
          if (text) texts[role] = text;
        }
        const joinedCell =
          number.kind === 'other' && !texts.title ? splitNumberAndTitle(number.text) : null;
        if (joinedCell) texts.title = joinedCell.title;
        drafts.push({
          r,
          number: joinedCell?.number ?? number,
          texts,
          deadlineValue: values.deadline ?? inherited.deadline?.value ?? null,
          continuationRows: [],
          section,
          numberedSection,
        });
        last = 'activity';
        break;
      }
    }
  }

  // Definitions are harvested from every cell and from the texts continuation rows completed.
  const joined = drafts.flatMap((d) =>
    d.continuationRows.length ? [d.texts.title ?? '', d.texts.responsible ?? ''] : [],
  );
  const glossary = buildGlossary(
    harvestDefinitions(new Set([...sheetTexts(grid), ...joined])),
    opts.glossaryExtra,
  );

  const parseAll = (p: Period | null): Deadline[] =>
    drafts.map((d) =>
      parseDeadline(d.deadlineValue, {
        period: p ? { start: p.start, end: p.end, schoolYear: p.schoolYear } : null,
      }),
    );
  let deadlines = parseAll(period);
  if (!period) {
    const inferred = inferPeriod(deadlines);
    if (inferred) {
      const text = `${formatDateRu(new Date(inferred.start))}–${formatDateRu(new Date(inferred.end))}`;
      period = {
        start: inferred.start,
        end: inferred.end,
        schoolYear: false,
        source: 'inferred',
        text,
      };
      deadlines = parseAll(period);
      issues.push(
        issueAt(
          sheet,
          'warning',
          'period-not-found',
          -1,
          0,
          `Период плана не указан ни в заголовке, ни в названии листа или файла; он определён по срокам мероприятий: ${text}. Сроки за пределами периода не проверялись.`,
          'Укажите период в заголовке плана («на 2023 год», «на 2023/2024 учебный год») или в настройках.',
        ),
      );
    } else {
      issues.push(
        issueAt(
          sheet,
          'warning',
          'period-not-found',
          -1,
          0,
          'Период плана не указан ни в заголовке, ни в названии листа или файла, и по срокам мероприятий его определить нельзя.',
          'Укажите период в заголовке плана («на 2023 год», «на 2023/2024 учебный год») или в настройках.',
        ),
      );
    }
  }

  const numbers = restoreLostZeros(drafts.map((d) => d.number));
  drafts.forEach((d, i) => (d.number = numbers[i]!));
  // The same executors recur row after row: each distinct text is split once.
  const split = new Map<string, Executor[]>();
  const executorsOf = (text: string): Executor[] => {
    if (!text) return [];
    let found = split.get(text);
    if (!found) {
      found = splitExecutors(text, glossary);
      split.set(text, found);
    }
    return found.map((e) => ({ ...e }));
  };
  const activities: PlanActivity[] = drafts.map((d, i) => {
    const t = d.texts;
    const extra: Partial<Record<ColumnRole, string>> = {};
    for (const role of [
      'result',
      'indicator',
      'target',
      'audience',
      'evidence',
      'status',
      'task',
    ] as ColumnRole[])
      if (t[role]) extra[role] = t[role];
    const responsibleText = t.responsible ?? '';
    const activity: PlanActivity = {
      row: d.r + 1,
      continuationRows: d.continuationRows,
      number: d.number.text,
      title: squash(t.title ?? ''),
      deadline: deadlines[i]!,
      responsibleText,
      responsible: executorsOf(responsibleText),
      section: d.section,
      extra,
    };
    const target = findTarget(
      [t.target, t.indicator, t.result, t.title].filter((x): x is string => !!x),
    );
    if (target) activity.target = target;
    if (col('status') >= 0) activity.status = t.status ?? '';
    return activity;
  });
  const meta: ActivityMeta[] = drafts.map((d) => ({
    r: d.r,
    number: d.number,
    numberedSection: d.numberedSection,
  }));

  return {
    sheet,
    header,
    col,
    title,
    period,
    sections,
    sectionMeta,
    activities,
    meta,
    glossary,
    issues,
  };
}
