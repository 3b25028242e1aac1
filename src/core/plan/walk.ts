/**
 * The row walk of a plan table: every row under the header, once, classified as a section,
 * sub-heading, activity, continuation, repeated header or footer. Activities come out as drafts
 * whose texts are still raw: assemble.ts turns them into PlanActivity once the period and the
 * glossary are known.
 */
import type { Area, CellValue, Grid } from '../grid';
import { isErrorValue, valueAt } from '../grid';
import type { Issue } from '../issue';
import { cellText, squash } from '../text';
import type { HeaderMatch } from './header';
import { ROLE_RU } from './header';
import type { SectionMeta } from './planRead';
import {
  classifyRow,
  isColumnNumbering,
  parseNumberCell,
  splitNumberAndTitle,
  type NumberCell,
  type RowCells,
} from './rows';
import { issueAt, quote } from './rules/common';
import type { ColumnRole, PlanSection } from './types';

/** An activity in progress; its texts grow while continuation rows are merged into it. */
export interface Draft {
  /** 0-based row of the activity's first row. */
  r: number;
  number: NumberCell;
  texts: Partial<Record<ColumnRole, string>>;
  deadlineValue: CellValue;
  /** Excel row numbers of the rows merged into it. */
  continuationRows: number[];
  section: number;
  numberedSection: number;
}

export interface RowWalk {
  sections: PlanSection[];
  sectionMeta: SectionMeta[];
  drafts: Draft[];
  issues: Issue[];
}

const JOIN: Partial<Record<ColumnRole, string>> = { deadline: '\n' };

function append(draft: Draft, role: ColumnRole, text: string): void {
  const before = draft.texts[role] ?? '';
  draft.texts[role] = before ? `${before}${JOIN[role] ?? ' '}${text}` : text;
  if (role === 'deadline') draft.deadlineValue = draft.texts.deadline ?? null;
}

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

/** One row as the walk sees it. */
interface RowRead {
  own: Partial<Record<ColumnRole, string>>;
  inherited: Partial<Record<ColumnRole, { text: string; value: CellValue }>>;
  values: Partial<Record<ColumnRole, CellValue>>;
  otherTexts: string[];
  /** First row of a vertical merge over this row's number (or title), -1 when none. */
  mergedFrom: number;
  titleSpans: boolean;
}

export function walkRows(grid: Grid, header: HeaderMatch): RowWalk {
  const sheet = grid.sheet;
  const issues: Issue[] = [];
  const columns = header.columns;
  const col = (role: ColumnRole): number => columns[role]?.col ?? -1;
  const roles = Object.keys(columns) as ColumnRole[];
  const mapped = new Set(roles.map((role) => col(role)));
  const slaves = slaveMap(grid, mapped);
  const start = header.row + header.depth;
  const hierarchical = isHierarchical(grid, col('number'), start);

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

  const readRow = (r: number, row: NonNullable<Grid['rows'][number]>): RowRead => {
    const read: RowRead = {
      own: {},
      inherited: {},
      values: {},
      otherTexts: [],
      mergedFrom: -1,
      titleSpans: false,
    };
    for (const role of roles) {
      const c = col(role);
      const m = slaves.get(r * 16384 + c);
      if (m) {
        if (m.top < r) {
          const v = valueAt(grid, m.top, m.left);
          read.inherited[role] = {
            text: isErrorValue(v) ? '' : cellText(v),
            value: isErrorValue(v) ? null : v,
          };
          if (role === 'number' || (role === 'title' && !row[col('number')]?.v))
            read.mergedFrom = m.top;
        }
        continue;
      }
      const { text, value } = readCell(r, c);
      if (text) read.own[role] = text;
      read.values[role] = value;
      const span = (role === 'title' || role === 'number') && slaves.get(r * 16384 + c + 1);
      if (span && span.top === r && span.left === c) read.titleSpans = true;
    }
    for (let c = 0; c < row.length; c++)
      if (!mapped.has(c) && row[c]) read.otherTexts.push(readCell(r, c).text);
    return read;
  };

  table: for (let r = start; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const { own, inherited, values, otherTexts, mergedFrom, titleSpans } = readRow(r, row);

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
  return { sections, sectionMeta, drafts, issues };
}
