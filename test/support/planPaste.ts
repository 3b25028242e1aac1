/**
 * What a copy from Word or PDF does to a clean plan sheet, as steps a property test can draw:
 * rows split at a page break across one to four columns, the header repeated, section rows merged
 * or unmerged, a section heading moved between the number and the title column, trailing dots
 * dropped or added, line breaks inside cells, blank rows, a title block above and signatures below.
 *
 * Each row carries a tag taken from the clean reading, so that a step knows what it changes. Steps
 * are pure data (indices are taken modulo the candidates), so fast-check can shrink them.
 */
import type { Area, CellValue, Grid } from '../../src/core/grid';
import { findHeader } from '../../src/core/plan/header';
import { readPlan } from '../../src/core/plan/read';
import type { ColumnRole } from '../../src/core/plan/types';

export type Tag = 'above' | 'header' | 'section' | 'activity' | 'part' | 'other';

export interface PasteSheet {
  name: string;
  rows: CellValue[][];
  merges: Area[];
  tags: Tag[];
  /** First row of the header, its depth, and the column of each role. */
  headerRow: number;
  headerDepth: number;
  columns: Partial<Record<ColumnRole, number>>;
  width: number;
}

export type Step =
  | { kind: 'split'; pick: number; columns: number; cut: number }
  | { kind: 'repeat-header'; at: number; numbering: boolean }
  | { kind: 'merge-section'; pick: number }
  | { kind: 'unmerge-section'; pick: number }
  | { kind: 'move-heading'; pick: number; into: 'number' | 'title' | 'deadline' }
  | { kind: 'dot'; pick: number }
  | { kind: 'line-break'; pick: number; at: number }
  | { kind: 'blank'; at: number }
  | { kind: 'title-block'; lines: number }
  | { kind: 'signatures' };

/** The clean sheet with every row tagged by what the reader found in it. */
export function pasteSheetOf(grid: Grid): PasteSheet {
  const header = findHeader(grid);
  if (!header) throw new Error(`no header on ${grid.sheet}`);
  const read = readPlan(grid, header, {});
  // Rows of a read workbook may be holes: every row becomes a full row of values here.
  const source = Array.from({ length: grid.rows.length }, (_, r) => grid.rows[r]);
  const width = source.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const rows = source.map((r) =>
    Array.from({ length: width }, (_, c) => (r?.[c]?.v ?? null) as CellValue),
  );
  const tags: Tag[] = rows.map((_, r) =>
    r < header.row ? 'above' : r < header.row + header.depth ? 'header' : 'other',
  );
  for (const s of read.sections) tags[s.row - 1] = 'section';
  for (const a of read.activities) {
    tags[a.row - 1] = 'activity';
    for (const c of a.continuationRows) tags[c - 1] = 'part';
  }
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, col] of Object.entries(header.columns)) columns[role as ColumnRole] = col.col;
  return {
    name: grid.sheet,
    rows,
    merges: grid.merges.map((m) => ({ ...m })),
    tags,
    headerRow: header.row,
    headerDepth: header.depth,
    columns,
    width,
  };
}

export function gridOf(s: PasteSheet): Grid {
  return {
    sheet: s.name,
    rows: s.rows.map((row) => row.map((v) => (v === null ? undefined : { v }))),
    merges: s.merges.map((m) => ({ ...m })),
  };
}

function clone(s: PasteSheet): PasteSheet {
  return {
    ...s,
    rows: s.rows.map((r) => [...r]),
    merges: s.merges.map((m) => ({ ...m })),
    tags: [...s.tags],
    columns: { ...s.columns },
  };
}

const emptyRow = (s: PasteSheet): CellValue[] => Array.from({ length: s.width }, () => null);

/** Inserts rows before row `at`, moving what is below (merges too). */
function insertRows(s: PasteSheet, at: number, rows: CellValue[][], tags: Tag[]): void {
  s.rows.splice(at, 0, ...rows);
  s.tags.splice(at, 0, ...tags);
  for (const m of s.merges)
    if (m.top >= at) {
      m.top += rows.length;
      m.bottom += rows.length;
    }
  if (s.headerRow >= at) s.headerRow += rows.length;
}

/** A row boundary a page break may fall on: below the header, not inside a vertical merge. */
function boundaries(s: PasteSheet): number[] {
  const out: number[] = [];
  for (let p = s.headerRow + s.headerDepth; p <= s.rows.length; p++)
    if (!s.merges.some((m) => m.top < p && p <= m.bottom)) out.push(p);
  return out;
}

const inVerticalMerge = (s: PasteSheet, r: number): boolean =>
  s.merges.some((m) => m.top !== m.bottom && m.top <= r && r <= m.bottom);

const rowsTagged = (s: PasteSheet, tag: Tag): number[] =>
  s.tags.flatMap((t, r) => (t === tag ? [r] : []));

/**
 * Where a page break may cut a title so that a reader can tell: before a word in lower case or an
 * opening parenthesis, or after a preposition, a conjunction or a hyphen (issue #10: "the row
 * above looks unfinished"). Any space elsewhere (deadline, executors, result).
 */
const OPEN_WORDS = /(?:^|\s)(?:в|во|на|по|с|со|к|о|об|от|до|для|за|из|при|и|или)$/i;

function cutsOf(text: string, role: ColumnRole): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] !== ' ' || /\s/.test(text[i - 1]!) || /\s/.test(text[i + 1]!)) continue;
    const head = text.slice(0, i);
    const tail = text.slice(i + 1);
    if (role === 'title' && !/^[\p{Ll}(]/u.test(tail) && !OPEN_WORDS.test(head) && !/-$/.test(head))
      continue;
    cuts.push(i);
  }
  return cuts;
}

const SPLIT_ROLES: ColumnRole[] = [
  'title',
  'deadline',
  'responsible',
  'result',
  'indicator',
  'target',
  'audience',
  'evidence',
  'task',
];

function split(s: PasteSheet, step: Extract<Step, { kind: 'split' }>): void {
  const candidates = rowsTagged(s, 'activity').filter((r) => !inVerticalMerge(s, r));
  if (!candidates.length) return;
  const r = candidates[step.pick % candidates.length]!;
  const row = s.rows[r]!;
  const open = SPLIT_ROLES.flatMap((role) => {
    const c = s.columns[role];
    const v = c === undefined ? null : row[c];
    return c !== undefined && typeof v === 'string' && cutsOf(v, role).length
      ? [{ role, c, text: v }]
      : [];
  });
  if (!open.length) return;
  const count = 1 + (step.columns % Math.min(4, open.length));
  const tail = emptyRow(s);
  for (let k = 0; k < count; k++) {
    const { role, c, text } = open[(step.pick + k) % open.length]!;
    const cuts = cutsOf(text, role);
    const at = cuts[(step.cut + 7 * k) % cuts.length]!;
    row[c] = text.slice(0, at);
    tail[c] = text.slice(at + 1);
  }
  insertRows(s, r + 1, [tail], ['part']);
}

function repeatHeader(s: PasteSheet, step: Extract<Step, { kind: 'repeat-header' }>): void {
  const at = boundaries(s)[step.at % boundaries(s).length]!;
  const from = s.headerRow;
  const copy = s.rows.slice(from, from + s.headerDepth).map((r) => [...r]);
  const merges = s.merges
    .filter((m) => m.top >= from && m.bottom < from + s.headerDepth)
    .map((m) => ({ ...m }));
  const rows = step.numbering ? [...copy, s.rows[0]!.map((_, c) => String(c + 1))] : copy;
  insertRows(
    s,
    at,
    rows,
    rows.map(() => 'other'),
  );
  const shift = at - from + (at <= from ? rows.length : 0);
  for (const m of merges) s.merges.push({ ...m, top: m.top + shift, bottom: m.bottom + shift });
}

/** The one filled cell of a section row, or null. */
function loneCell(s: PasteSheet, r: number): number | null {
  const filled = s.rows[r]!.flatMap((v, c) => (v !== null && v !== '' ? [c] : []));
  return filled.length === 1 ? filled[0]! : null;
}

function mergeSection(s: PasteSheet, pick: number): void {
  const candidates = rowsTagged(s, 'section').filter((r) => {
    const c = loneCell(s, r);
    return c !== null && c < s.width - 1 && !s.merges.some((m) => m.top <= r && r <= m.bottom);
  });
  if (!candidates.length) return;
  const r = candidates[pick % candidates.length]!;
  s.merges.push({ top: r, left: loneCell(s, r)!, bottom: r, right: s.width - 1 });
}

function unmergeSection(s: PasteSheet, pick: number): void {
  const candidates = rowsTagged(s, 'section').filter((r) =>
    s.merges.some((m) => m.top === r && m.bottom === r),
  );
  if (!candidates.length) return;
  const r = candidates[pick % candidates.length]!;
  s.merges = s.merges.filter((m) => !(m.top === r && m.bottom === r));
}

function moveHeading(s: PasteSheet, step: Extract<Step, { kind: 'move-heading' }>): void {
  const n = s.columns.number;
  const t = s.columns.title;
  if (n === undefined || t === undefined) return;
  const candidates = rowsTagged(s, 'section').filter((r) =>
    s.rows[r]!.every((v, c) => c === n || c === t || v === null),
  );
  if (!candidates.length) return;
  const r = candidates[step.pick % candidates.length]!;
  const row = s.rows[r]!;
  const text = [row[n], row[t]]
    .filter((v) => v !== null && v !== '')
    .map(String)
    .join(' ');
  if (typeof row[n] !== 'string' && row[n] !== null) return;
  const d = s.columns.deadline;
  if (step.into === 'deadline') {
    // Only a heading without a number can land in the deadline column and still read as one.
    if (d === undefined || /\d/.test(text) || !/^[А-ЯЁA-Z][а-яёa-z]/.test(text)) return;
    row[n] = null;
    row[t] = null;
    row[d] = text;
  } else {
    row[n] = step.into === 'number' ? text : null;
    row[t] = step.into === 'title' ? text : null;
  }
  s.merges = s.merges.filter((m) => !(m.top === r && m.bottom === r));
}

const NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)$/;

function toggleDot(s: PasteSheet, pick: number): void {
  const n = s.columns.number;
  if (n === undefined) return;
  const candidates = s.tags.flatMap((tag, r) => {
    const v = s.rows[r]![n];
    return (tag === 'activity' || tag === 'section') && typeof v === 'string' && NUMBER.test(v)
      ? [r]
      : [];
  });
  if (!candidates.length) return;
  const r = candidates[pick % candidates.length]!;
  const m = NUMBER.exec(s.rows[r]![n] as string)!;
  s.rows[r]![n] = m[2] ? m[1]! : `${m[1]}.`;
}

/**
 * A line break instead of a space in a text cell. In an executors cell only after a preposition
 * or a conjunction: there a line break is a wrap, elsewhere it may separate two executors.
 */
function lineBreak(s: PasteSheet, step: Extract<Step, { kind: 'line-break' }>): void {
  const cells: Array<{ r: number; c: number; at: number[] }> = [];
  s.tags.forEach((tag, r) => {
    if (tag !== 'activity' && tag !== 'section' && tag !== 'part') return;
    s.rows[r]!.forEach((v, c) => {
      if (typeof v !== 'string' || c === s.columns.number) return;
      const at: number[] = [];
      for (let i = 1; i < v.length - 1; i++) {
        if (v[i] !== ' ') continue;
        if (c === s.columns.responsible && !OPEN_WORDS.test(v.slice(0, i))) continue;
        at.push(i);
      }
      if (at.length) cells.push({ r, c, at });
    });
  });
  if (!cells.length) return;
  const { r, c, at } = cells[step.pick % cells.length]!;
  const i = at[step.at % at.length]!;
  const v = s.rows[r]![c] as string;
  s.rows[r]![c] = `${v.slice(0, i)}\n${v.slice(i + 1)}`;
}

const TITLE_BLOCK: CellValue[][] = [
  ['УТВЕРЖДАЮ'],
  [null, null, 'Министр образования Энской области'],
  [null, null, '____________ И.И. Петров'],
  ['Приложение к приказу от 30.01.2023 № 45'],
];

const SIGNATURES: CellValue[][] = [
  [],
  ['Начальник управления образования', null, null, 'И.И. Иванова'],
  ['Исполнитель: Петрова А.А., тел. 8 (4822) 00-00-00'],
];

function widen(s: PasteSheet, rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => Array.from({ length: s.width }, (_, c) => r[c] ?? null));
}

export function applyStep(sheet: PasteSheet, step: Step): PasteSheet {
  const s = clone(sheet);
  switch (step.kind) {
    case 'split':
      split(s, step);
      break;
    case 'repeat-header':
      repeatHeader(s, step);
      break;
    case 'merge-section':
      mergeSection(s, step.pick);
      break;
    case 'unmerge-section':
      unmergeSection(s, step.pick);
      break;
    case 'move-heading':
      moveHeading(s, step);
      break;
    case 'dot':
      toggleDot(s, step.pick);
      break;
    case 'line-break':
      lineBreak(s, step);
      break;
    case 'blank': {
      const all = boundaries(s);
      insertRows(s, all[step.at % all.length]!, [emptyRow(s)], ['other']);
      break;
    }
    case 'title-block': {
      const rows = widen(s, TITLE_BLOCK.slice(0, 1 + (step.lines % TITLE_BLOCK.length)));
      insertRows(
        s,
        0,
        rows,
        rows.map(() => 'above'),
      );
      break;
    }
    case 'signatures': {
      const rows = widen(s, SIGNATURES);
      insertRows(
        s,
        s.rows.length,
        rows,
        rows.map(() => 'other'),
      );
      break;
    }
  }
  return s;
}

export function applySteps(sheet: PasteSheet, steps: Step[]): PasteSheet {
  return steps.reduce(applyStep, sheet);
}
