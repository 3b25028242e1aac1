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
import { classifyRow, type Classified, type RowCells } from './classify';
import type { HeaderMatch } from './header';
import { ROLE_RU } from './header';
import type { SectionMeta } from './planRead';
import { parseNumberCell, splitNumberAndTitle, type NumberCell } from './rows';
import {
  breaksNumbering,
  headerCopies,
  slaveMap,
  surveyNumbers,
  type Numbering,
} from './tableShape';
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

/**
 * Fragments are joined with a space, the deadline too: the grammar reads "февраль–март" + "2023"
 * as one range and "01.11.2023" + "01.03.2024" as two checkpoints either way.
 */
function append(draft: Draft, role: ColumnRole, text: string): void {
  const before = draft.texts[role] ?? '';
  draft.texts[role] = before ? `${before} ${text}` : text;
  if (role === 'deadline') draft.deadlineValue = draft.texts.deadline ?? null;
}

type GridRow = NonNullable<Grid['rows'][number]>;

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

/** Walks the table once, row by row; the state is what the rows so far have built. */
class Walker {
  readonly issues: Issue[] = [];
  readonly sections: PlanSection[] = [];
  readonly sectionMeta: SectionMeta[] = [];
  readonly drafts: Draft[] = [];
  private section = -1;
  private numberedSection = -1;
  private last: 'none' | 'section' | 'activity' = 'none';
  /** The last row that repeated the header: a header of two rows is reported once. */
  private lastHeaderCopy = -2;
  private seenTableRow = false;
  private readonly roles: ColumnRole[];
  private readonly mapped: Set<number>;
  private readonly slaves: Map<number, Area>;
  private readonly numbering: Numbering;
  private readonly isHeaderCopy: (r: number) => boolean;

  constructor(
    private readonly grid: Grid,
    private readonly header: HeaderMatch,
  ) {
    this.roles = Object.keys(header.columns) as ColumnRole[];
    this.mapped = new Set(this.roles.map((role) => this.col(role)));
    this.slaves = slaveMap(grid, this.mapped);
    this.isHeaderCopy = headerCopies(grid, header);
    this.numbering = surveyNumbers(
      grid,
      this.col('number'),
      this.col('title'),
      header.row + header.depth,
      this.isHeaderCopy,
    );
  }

  col(role: ColumnRole): number {
    return this.header.columns[role]?.col ?? -1;
  }

  walk(): RowWalk {
    const grid = this.grid;
    for (let r = this.header.row + this.header.depth; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      if (!this.visit(r, row)) break;
    }
    const { sections, sectionMeta, drafts, issues } = this;
    return { sections, sectionMeta, drafts, issues };
  }

  private readCell(r: number, c: number): { text: string; value: CellValue } {
    const v = valueAt(this.grid, r, c);
    if (isErrorValue(v)) {
      this.issues.push(
        issueAt(
          this.grid.sheet,
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
  }

  private readRow(r: number, row: GridRow): RowRead {
    const read: RowRead = {
      own: {},
      inherited: {},
      values: {},
      otherTexts: [],
      mergedFrom: -1,
      titleSpans: false,
    };
    for (const role of this.roles) {
      const c = this.col(role);
      const m = this.slaves.get(r * 16384 + c);
      if (m) {
        if (m.top < r) {
          const v = valueAt(this.grid, m.top, m.left);
          read.inherited[role] = {
            text: isErrorValue(v) ? '' : cellText(v),
            value: isErrorValue(v) ? null : v,
          };
          if (role === 'number' || (role === 'title' && !row[this.col('number')]?.v))
            read.mergedFrom = m.top;
        }
        continue;
      }
      const { text, value } = this.readCell(r, c);
      if (text) read.own[role] = text;
      read.values[role] = value;
      const span = (role === 'title' || role === 'number') && this.slaves.get(r * 16384 + c + 1);
      if (span && span.top === r && span.left === c) read.titleSpans = true;
    }
    for (let c = 0; c < row.length; c++)
      if (!this.mapped.has(c) && row[c]) read.otherTexts.push(this.readCell(r, c).text);
    return read;
  }

  /** Reads one row; false when the table ends there. */
  private visit(r: number, row: GridRow): boolean {
    const read = this.readRow(r, row);
    const { own, values } = read;
    const lastDraft = this.drafts[this.drafts.length - 1];
    if (read.mergedFrom >= 0) {
      // A row under a vertically merged number or title: part of the activity the merge starts in.
      if (lastDraft && lastDraft.r >= read.mergedFrom) {
        for (const role of this.roles)
          if (own[role] && role !== 'number') append(lastDraft, role, own[role]!);
        lastDraft.continuationRows.push(r + 1);
      }
      return true;
    }
    if (this.isHeaderCopy(r)) {
      // The header (or the row numbering its columns) again, where the source broke a page.
      if (this.seenTableRow && this.lastHeaderCopy !== r - 1) this.repeatedHeader(r);
      this.lastHeaderCopy = r;
      return true;
    }

    const number = parseNumberCell(values.number ?? null);
    const cells: RowCells = {
      own,
      otherTexts: read.otherTexts,
      number,
      titleSpans: read.titleSpans,
    };
    const afterSection = this.last === 'section';
    const kind = classifyRow(cells, {
      hierarchical: this.numbering.hierarchical,
      afterActivity: this.drafts.length > 0,
      afterSection,
      above: afterSection ? { title: this.sections[this.section]?.title ?? '' } : lastDraft?.texts,
      numbered: this.numbering.numbered,
      breaksNumbering: this.breaksNumbering(r, number),
      pastLastActivity: r > this.numbering.lastNumbered,
    });
    if (kind.kind !== 'blank') this.seenTableRow = true;
    switch (kind.kind) {
      case 'blank':
        return true;
      case 'footer':
        // Notes and signatures end the table: nothing below is an activity.
        return false;
      case 'repeated-header':
        if (this.lastHeaderCopy !== r - 1) this.repeatedHeader(r);
        this.lastHeaderCopy = r;
        return true;
      case 'section':
      case 'subheading':
        this.addSection(r, kind, own, number);
        return true;
      case 'tasks': {
        const s = this.sections[this.section];
        if (s) s.tasks = s.tasks ? `${s.tasks} ${kind.text ?? ''}` : (kind.text ?? '');
        return true;
      }
      case 'continuation':
        this.addContinuation(r, own, number);
        return true;
      case 'activity':
        this.addActivity(r, read, number);
        return true;
    }
  }

  private breaksNumbering(r: number, number: NumberCell): boolean {
    if (number.kind !== 'arabic' || number.parts.length !== 1 || this.numbering.hierarchical)
      return false;
    let last: number | null = null;
    for (let i = this.drafts.length - 1; i >= 0 && last === null; i--) {
      const n = this.drafts[i]!.number;
      if (n.kind === 'arabic') last = n.parts[0]!;
    }
    return breaksNumbering(this.numbering, r, number.parts[0]!, last);
  }

  private repeatedHeader(r: number): void {
    this.issues.push(
      issueAt(
        this.grid.sheet,
        'info',
        'repeated-header',
        r,
        Math.max(this.col('number'), 0),
        `Строка ${r + 1} повторяет шапку таблицы (разрыв страницы при вставке); она пропущена.`,
        `Удалите строку ${r + 1}.`,
      ),
    );
  }

  private addSection(
    r: number,
    kind: Classified,
    own: Partial<Record<ColumnRole, string>>,
    number: NumberCell,
  ): void {
    const heading = kind.heading;
    const sub = kind.kind === 'subheading';
    const text = kind.text ?? '';
    const title = squash(
      heading && own.number && number.kind !== 'other' ? `${own.number} ${text}` : text,
    );
    this.sections.push({
      row: r + 1,
      number: heading?.number ?? '',
      value: heading?.value ?? null,
      title,
      ...(sub ? { subheading: true } : {}),
    });
    this.sectionMeta.push({
      r,
      c: own.number ? this.col('number') : this.col('title'),
      lookalike: heading?.lookalike ?? false,
      roman: heading?.roman ?? false,
    });
    this.section = this.sections.length - 1;
    if (!sub) this.numberedSection = this.section;
    this.last = 'section';
  }

  private addContinuation(
    r: number,
    own: Partial<Record<ColumnRole, string>>,
    number: NumberCell,
  ): void {
    // A lower-case fragment typed in the number column belongs to the title.
    const parts: Array<[ColumnRole, string]> = [];
    for (const role of this.roles) {
      const text = own[role];
      if (!text) continue;
      parts.push([role === 'number' && number.kind === 'other' ? 'title' : role, text]);
    }
    const first = parts[0];
    if (!first) return;
    const toSection = this.last === 'section';
    const lastDraft = this.drafts[this.drafts.length - 1];
    let targetRow: number;
    if (toSection) {
      const s = this.sections[this.section];
      if (!s) return;
      s.title = squash(`${s.title} ${parts.map(([, text]) => text).join(' ')}`);
      targetRow = s.row;
    } else {
      if (!lastDraft) return;
      for (const [role, text] of parts) append(lastDraft, role, text);
      lastDraft.continuationRows.push(r + 1);
      targetRow = lastDraft.r + 1;
    }
    const firstRole = (Object.keys(own) as ColumnRole[]).find((role) => own[role]) ?? first[0];
    const what = parts
      .map(([role, text]) => `${quote(text, 60)} в столбце «${ROLE_RU[role]}»`)
      .join(', ');
    this.issues.push(
      issueAt(
        this.grid.sheet,
        'info',
        'continuation-row',
        r,
        this.col(firstRole),
        `Строка ${r + 1} без номера содержит только продолжение текста (${what}); она присоединена к строке ${targetRow}.`,
        `Объединить со строкой ${targetRow}.`,
      ),
    );
  }

  private addActivity(r: number, read: RowRead, number: NumberCell): void {
    const texts: Partial<Record<ColumnRole, string>> = {};
    for (const role of this.roles) {
      const text = read.own[role] ?? read.inherited[role]?.text;
      if (text) texts[role] = text;
    }
    const joinedCell =
      number.kind === 'other' && !texts.title ? splitNumberAndTitle(number.text) : null;
    if (joinedCell) texts.title = joinedCell.title;
    this.drafts.push({
      r,
      number: joinedCell?.number ?? number,
      texts,
      deadlineValue: read.values.deadline ?? read.inherited.deadline?.value ?? null,
      continuationRows: [],
      section: this.section,
      numberedSection: this.numberedSection,
    });
    this.last = 'activity';
  }
}

export function walkRows(grid: Grid, header: HeaderMatch): RowWalk {
  return new Walker(grid, header).walk();
}
