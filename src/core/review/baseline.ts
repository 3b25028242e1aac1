/**
 * Versions of a plan: the remarks of an earlier check (the baseline) against those of this one.
 * Each remark now is new or unchanged; each remark then that is gone is fixed. Files are paired by
 * name, then by plan title; sheets by name, then by title, then the only plan with the only plan.
 */
import { foldKey } from '../text';
import type { Severity } from '../issue';
import { mainPart } from './remarkId';

/** A remark as an earlier check reported it (JSON or review workbook). */
export interface BaselineRemark {
  id: string;
  sheet: string;
  cell: string;
  row: number;
  severity: Severity;
  code: string;
  message: string;
  fix?: string;
  /** Accepted by the clerk then, with her justification ("" when she gave none). */
  accepted?: { justification: string };
}

export interface BaselineSheet {
  sheet: string;
  /** The plan's title ("" when unknown). */
  title: string;
}

export interface BaselineFile {
  /** The file as the earlier check named it (a path relative to where it ran). */
  file: string;
  sheets: BaselineSheet[];
  remarks: BaselineRemark[];
}

export interface Baseline {
  /** Where it came from, for messages: the file's name. */
  source: string;
  files: BaselineFile[];
}

export type RemarkState = 'new' | 'unchanged';

/** The last part of a path, either separator, lower case. */
export function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).toLowerCase();
}

interface Titled {
  file: string;
  titles: string[];
}

/**
 * Pairs each current file with a baseline file: the same path, else the same file name (when
 * only one file has it on each side), else the same plan title (likewise). Returns the baseline
 * index per current file, -1 for a file the baseline does not have.
 */
export function pairFiles(current: readonly Titled[], baseline: readonly Titled[]): number[] {
  const out = current.map(() => -1);
  const taken = new Set<number>();
  const pass = (key: (f: Titled) => string[]): void => {
    const count = (list: readonly Titled[], k: string): number =>
      list.filter((f) => key(f).includes(k)).length;
    current.forEach((f, i) => {
      if (out[i] !== -1) return;
      for (const k of key(f)) {
        if (!k || count(current, k) !== 1 || count(baseline, k) !== 1) continue;
        const j = baseline.findIndex((b) => key(b).includes(k));
        if (taken.has(j)) continue;
        out[i] = j;
        taken.add(j);
        return;
      }
    });
  };
  pass((f) => [f.file]);
  pass((f) => [baseName(f.file)]);
  pass((f) => [...new Set(f.titles.map(foldKey).filter(Boolean))]);
  return out;
}

/** Pairs sheets of two paired files the same way: by name, by title, the only one with the only one. */
export function pairSheets(
  current: ReadonlyArray<{ sheet: string; title: string }>,
  baseline: ReadonlyArray<{ sheet: string; title: string }>,
): number[] {
  const out = current.map(() => -1);
  const taken = new Set<number>();
  const pass = (key: (s: { sheet: string; title: string }) => string): void =>
    current.forEach((s, i) => {
      const k = key(s);
      if (out[i] !== -1 || !k) return;
      const same = baseline.map((b, j) => (key(b) === k && !taken.has(j) ? j : -1));
      const found = same.filter((j) => j >= 0);
      if (found.length !== 1 || current.filter((c) => key(c) === k).length !== 1) return;
      out[i] = found[0]!;
      taken.add(found[0]!);
    });
  pass((s) => s.sheet.trim().toLowerCase());
  pass((s) => foldKey(s.title));
  const left = current.map((_, i) => i).filter((i) => out[i] === -1);
  const free = baseline.map((_, j) => j).filter((j) => !taken.has(j));
  if (left.length === 1 && free.length === 1) out[left[0]!] = free[0]!;
  return out;
}

export interface SheetDiff<T> {
  /** The current remarks, each with its state and, when it was in the baseline, the old one. */
  remarks: Array<{ remark: T; state: RemarkState; before?: BaselineRemark }>;
  /** Baseline remarks no longer present, as they were. */
  fixed: BaselineRemark[];
}

/**
 * Marks the remarks of one sheet against the baseline remarks of its pair: the same id first,
 * then the same main part (the activity was renumbered), in reading order.
 */
export function diffRemarks<T extends { id: string }>(
  current: readonly T[],
  before: readonly BaselineRemark[],
): SheetDiff<T> {
  const matched = new Array<BaselineRemark | undefined>(current.length);
  const used = new Set<number>();
  const match = (key: (id: string) => string): void => {
    const free = new Map<string, number[]>();
    before.forEach((b, j) => {
      if (used.has(j)) return;
      const k = key(b.id);
      free.set(k, [...(free.get(k) ?? []), j]);
    });
    current.forEach((c, i) => {
      if (matched[i]) return;
      const j = free.get(key(c.id))?.shift();
      if (j === undefined) return;
      matched[i] = before[j];
      used.add(j);
    });
  };
  match((id) => id);
  match(mainPart);
  return {
    remarks: current.map((remark, i) => {
      const b = matched[i];
      return b ? { remark, state: 'unchanged', before: b } : { remark, state: 'new' };
    }),
    fixed: before.filter((_, j) => !used.has(j)),
  };
}
