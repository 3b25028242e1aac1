/**
 * What kind of row a row of the plan table is (docs/domain.md §2.2): a section or sub-heading, an
 * activity, a page-break continuation of the row above, the "Задачи" line of a section, a repeated
 * header or a footer. A row is read from its own cells and from what it would continue.
 */
import { isRepeatedHeader } from './header';
import { completesDeadline, looksUnfinished, startsAsFragment, startsLowerCase } from './fragments';
import {
  isFooterText,
  isTasksText,
  numberedHeading,
  startsLikeHeading,
  type NumberCell,
  type NumberedHeading,
} from './rows';
import { parseDeadline } from './deadline';
import type { ColumnRole } from './types';

export type RowKind =
  | 'blank'
  | 'repeated-header'
  | 'section'
  | 'tasks'
  | 'subheading'
  | 'activity'
  | 'continuation'
  | 'footer';

/** What a row holds, as the classifier needs it. */
export interface RowCells {
  /** Texts the row holds itself, by role (a cell covered by a merge from above is not here). */
  own: Partial<Record<ColumnRole, string>>;
  /** Texts of unmapped columns. */
  otherTexts: string[];
  number: NumberCell;
  /** The title cell is merged across other columns (a heading spanning the table). */
  titleSpans: boolean;
}

export interface RowContext {
  /** Activity numbers are hierarchical ("1.1"): a bare "1." without deadline is a section. */
  hierarchical: boolean;
  /** An activity has been read already. */
  afterActivity: boolean;
  /** The last thing read was a section heading (its "Задачи" or wrapped tail may follow). */
  afterSection: boolean;
  /** The texts of what the row would continue: the activity above, or the section's title. */
  above?: Partial<Record<ColumnRole, string>>;
  /**
   * The plan numbers its activities (default): an unnumbered row that is neither a heading nor a
   * whole activity is then a fragment of the row above.
   */
  numbered?: boolean;
  /**
   * A flat number ("2") whose row does not continue the numbering of the activities around it: the
   * next number repeats or restarts it, or it goes back. With empty fields it heads a section.
   */
  breaksNumbering?: boolean;
  /** No activity number follows further down: notes and signatures may end the table here. */
  pastLastActivity?: boolean;
}

export interface Classified {
  kind: RowKind;
  heading?: NumberedHeading;
  /** The heading text for sections and sub-headings. */
  text?: string;
}

/**
 * Signs in the row's own cells that it continues the row above: a title under a row without one, a
 * title that starts mid-sentence or follows a title that stops mid-sentence, a deadline fragment that completes the deadline
 * above, an executor fragment "(далее — …)" or one after an executor list that stops on a comma.
 * Results and other free-text columns are not evidence: they often start in lower case.
 */
function continuesAbove(
  cells: RowCells,
  above: Partial<Record<ColumnRole, string>> | undefined,
): boolean {
  const { title, deadline, responsible } = cells.own;
  // The row above has no title yet: a title on its own row is its title (a cell centred
  // vertically in the source lands a line above or below the number).
  if (title && above && !above.title) return true;
  if (title && (startsAsFragment(title) || (above?.title && looksUnfinished(above.title))))
    return true;
  if (deadline && above?.deadline && completesDeadline(above.deadline, deadline)) return true;
  if (responsible) {
    if (/^[(,;]/.test(responsible)) return true;
    if (above?.responsible && looksUnfinished(above.responsible)) return true;
  }
  return false;
}

/** A heading without a numeral: a section before the first activity, a sub-heading after it. */
function heading(text: string, ctx: RowContext): Classified {
  return ctx.afterActivity || ctx.afterSection
    ? { kind: 'subheading', text }
    : { kind: 'section', text };
}

/**
 * A capitalised text alone in the deadline column that has no digit and that the deadline grammar
 * cannot read ("Методическое сопровождение"): a heading that landed there. Deadline fragments
 * ("В соответствии с планом работы", "Постоянно", "года") are read or start in lower case.
 */
function headingInDeadline(text: string): boolean {
  return (
    startsLikeHeading(text) &&
    !/\d/.test(text) &&
    parseDeadline(text, { period: null }).kind === 'unparsed'
  );
}

export function classifyRow(cells: RowCells, ctx: RowContext): Classified {
  const own = cells.own;
  const filledRoles = (Object.keys(own) as ColumnRole[]).filter((r) => own[r]);
  const others = cells.otherTexts.filter((t) => t !== '');
  if (filledRoles.length === 0 && others.length === 0) return { kind: 'blank' };
  if (isRepeatedHeader(own)) return { kind: 'repeated-header' };

  const title = own.title ?? '';
  const deadline = own.deadline ?? '';
  const responsible = own.responsible ?? '';
  const fieldsEmpty = !deadline && !responsible;
  const num = cells.number;
  const lone = filledRoles.length + others.length === 1;
  const continuing = ctx.afterActivity || ctx.afterSection;

  // Signatures and notes stand in the first columns; a lone executor "Директор ЦОКО" below an
  // activity is the rest of its executors, not a signature.
  const leftText = own.number || title || others[0] || '';
  // Below the last numbered row a signature may stand in any column ("И.И. Иванова" under «Срок»).
  if (
    ctx.afterActivity &&
    ctx.pastLastActivity !== false &&
    num.kind !== 'arabic' &&
    num.kind !== 'roman' &&
    (!deadline || ctx.pastLastActivity === true) &&
    isFooterText(leftText)
  )
    return { kind: 'footer' };

  if (fieldsEmpty) {
    if (num.kind === 'roman')
      return {
        kind: 'section',
        heading: { number: num.text, value: num.parts[0]!, lookalike: num.lookalike, roman: true },
        text: title,
      };
    if (
      num.kind === 'arabic' &&
      num.parts.length === 1 &&
      title &&
      (ctx.hierarchical || ctx.breaksNumbering)
    )
      return {
        kind: 'section',
        heading: { number: num.text, value: num.parts[0]!, lookalike: false, roman: false },
        text: title,
      };
    if (num.kind === 'other') {
      const numbered = numberedHeading(num.text);
      if (numbered)
        return {
          kind: 'section',
          heading: numbered,
          text: [own.number, title].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim(),
        };
      // Text alone in the number column, merged across the table or not: a heading typed there,
      // unless it is plainly the lower-case tail of the title above.
      if (lone || (cells.titleSpans && !title)) {
        if (!cells.titleSpans && continuing && startsLowerCase(num.text))
          return { kind: 'continuation' };
        return heading(num.text, ctx);
      }
      if (title && startsLikeHeading(num.text)) return heading(`${num.text} ${title}`, ctx);
    }
  }

  if (num.kind === 'none') {
    const text = title || own.number || others[0] || '';
    if (fieldsEmpty && isTasksText(text) && ctx.afterSection) return { kind: 'tasks', text };
    if (fieldsEmpty && filledRoles.length <= 1) {
      const numbered = numberedHeading(text);
      if (numbered) return { kind: 'section', heading: numbered, text };
    }
    if (continuing && continuesAbove(cells, ctx.above)) return { kind: 'continuation' };
    if (lone && title && (startsLikeHeading(title) || cells.titleSpans)) return heading(title, ctx);
    if (lone && deadline && headingInDeadline(deadline)) return heading(deadline, ctx);
    if (continuing) {
      // Nothing says heading: without a title the row is the rest of the row above; a whole row
      // (title, deadline, executor) is an activity without its number; the rest of a row, where
      // the plan numbers its activities, is a fragment whose cells all happened to start cleanly.
      if (!title) return { kind: 'continuation' };
      if (ctx.afterSection || !ctx.afterActivity) return { kind: 'activity' };
      if (deadline && responsible) return { kind: 'activity' };
      return ctx.numbered === false ? { kind: 'activity' } : { kind: 'continuation' };
    }
    // Text outside the known columns before the first activity: part of the title block.
    if (fieldsEmpty && !title) return { kind: 'blank' };
  }
  return { kind: 'activity' };
}
