/**
 * Stable identity of a remark (an issue of the plan check) across versions of a plan.
 *
 * A remark is known by what it is about, never by where it is: its code, its anchor (the
 * activity's normalised title and number, or the section's, or the sheet for plan-wide issues)
 * and its detail (the column, the abbreviation, the cycle step, the deadline text). Inserting rows
 * above, moving columns or renaming the sheet leaves it as it was.
 *
 * The id has two parts, "main.num": `main` hashes the code, the anchor's title and the detail;
 * `num` hashes the anchor's number. Equal ids are the same remark; equal main parts are the same
 * remark on a renumbered activity (see baseline.ts).
 */
import { foldKey } from '../text';

/** What an id needs of an issue. */
export interface RemarkIssue {
  code: string;
  message: string;
  /** Excel row number, 0 for the whole sheet. */
  row: number;
  /** A1 address, "" for the whole sheet. */
  cell: string;
}

/** What an id needs of the checked sheet. */
export interface RemarkContext {
  activities: ReadonlyArray<{
    row: number;
    continuationRows: readonly number[];
    number: string;
    title: string;
    deadline: { text: string };
  }>;
  sections: ReadonlyArray<{ row: number; number: string; title: string }>;
  /** The role of a 0-based column ("deadline"), undefined outside the plan's columns. */
  roleOfColumn: (col: number) => string | undefined;
}

/**
 * Codes whose several issues on one anchor differ by what the message quotes first: the
 * abbreviation, the cycle step, the missing column, the repeated header text.
 */
const QUOTED_DETAIL = new Set([
  'undefined-abbreviation',
  'cycle-step-missing',
  'cycle-step-in-passport',
  'missing-column',
  'duplicate-column',
  'accepted-without-justification',
  'acceptance-stale',
  // the regional activity's title
  'regional-activity-missing',
  'regional-deadline-later',
]);
/** Codes about a deadline: the deadline's text is their detail (fixing it makes a new remark). */
const DEADLINE_DETAIL = /^deadline-/;
/** Codes about a row's own fragment (not an activity): everything the message quotes. */
const ALL_QUOTES_DETAIL = new Set(['continuation-row', 'cell-error']);

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread. */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `length` base-36 characters of the text's hash. */
export function shortHash(text: string, length: number): string {
  return cyrb53(text).toString(36).padStart(11, '0').slice(-length);
}

function quotes(message: string): string[] {
  return [...message.matchAll(/«([^»]*)»/g)].map((m) => foldKey(m[1]!));
}

function columnOf(cell: string): number {
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? '';
  let c = 0;
  for (const ch of letters) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

interface Anchor {
  kind: string;
  title: string;
  number: string;
  deadline?: string;
}

/** Where rows of the sheet belong: activity rows, section rows, and the rows between. */
class Anchors {
  private readonly byRow = new Map<number, Anchor>();
  private readonly starts: Array<{ row: number; anchor: Anchor }> = [];

  constructor(ctx: RemarkContext) {
    for (const s of ctx.sections) {
      const anchor = { kind: 's', title: foldKey(s.title), number: foldKey(s.number) };
      this.byRow.set(s.row, anchor);
      this.starts.push({ row: s.row, anchor });
    }
    for (const a of ctx.activities) {
      const anchor = {
        kind: 'a',
        title: foldKey(a.title),
        number: foldKey(a.number),
        deadline: foldKey(a.deadline.text),
      };
      this.byRow.set(a.row, anchor);
      for (const r of a.continuationRows) this.byRow.set(r, anchor);
      this.starts.push({ row: a.row, anchor });
    }
    this.starts.sort((x, y) => x.row - y.row);
  }

  /** The anchor of an Excel row; a row of neither kind is known by the activity or section above. */
  at(row: number): Anchor {
    if (row <= 0) return { kind: 'sheet', title: '', number: '' };
    const own = this.byRow.get(row);
    if (own) return own;
    let above: Anchor | undefined;
    for (const s of this.starts) {
      if (s.row > row) break;
      above = s.anchor;
    }
    return above
      ? { kind: `after-${above.kind}`, title: above.title, number: above.number }
      : { kind: 'top', title: '', number: '' };
  }
}

function detailOf(issue: RemarkIssue, anchor: Anchor, ctx: RemarkContext): string {
  const parts: string[] = [];
  if (issue.cell) parts.push(ctx.roleOfColumn(columnOf(issue.cell)) ?? '');
  if (QUOTED_DETAIL.has(issue.code)) parts.push(quotes(issue.message)[0] ?? '');
  else if (ALL_QUOTES_DETAIL.has(issue.code)) parts.push(...quotes(issue.message));
  else if (DEADLINE_DETAIL.test(issue.code)) parts.push(anchor.deadline ?? '');
  return parts.join('|');
}

/**
 * Gives every issue of one checked sheet its id. Two issues that would share one (the same code
 * twice on one anchor with no detail to tell them apart) are told apart by their order.
 */
export function assignRemarkIds<T extends RemarkIssue>(
  issues: readonly T[],
  ctx: RemarkContext,
): Array<T & { id: string }> {
  const anchors = new Anchors(ctx);
  const seen = new Map<string, number>();
  return issues.map((issue) => {
    const anchor = anchors.at(issue.row);
    const base = [issue.code, anchor.kind, anchor.title, detailOf(issue, anchor, ctx)].join(
      '\u0001',
    );
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const main = shortHash(n === 1 ? base : `${base}\u0001${n}`, 7);
    return { ...issue, id: `${main}.${shortHash(anchor.number, 2)}` };
  });
}

/** The part of an id that survives renumbering. */
export function mainPart(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

/** An id for an issue about a whole file (a file that could not be read). */
export function fileRemarkId(code: string): string {
  return `${shortHash(`${code}\u0001file`, 7)}.${shortHash('', 2)}`;
}
