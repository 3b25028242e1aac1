/**
 * A check compared with an earlier one: every remark marked new or unchanged, the fixed ones
 * listed, accepted remarks set apart, stale acceptances reported, and a summary per file
 * («исправлено 7, осталось 3, новых 2»).
 */
import type { Issue } from '../issue';
import {
  acceptedWithoutJustification,
  matchAcceptances,
  staleAcceptance,
  type Acceptance,
} from './acceptance';
import {
  diffRemarks,
  pairFiles,
  pairSheets,
  type Baseline,
  type BaselineFile,
  type BaselineRemark,
} from './baseline';
import { assignRemarkIds } from './remarkId';

/** What the comparison needs of a checked sheet, and what it adds to it. */
export interface ComparedSheet {
  sheet: string;
  title?: string;
  isPlan: boolean;
  issues: Issue[];
  /** Baseline remarks no longer present, as they were (only with a baseline). */
  fixed?: BaselineRemark[];
}

export interface FileComparison {
  /** The baseline file this one was paired with; null for a file new to the baseline. */
  baselineFile: string | null;
  fixed: number;
  unchanged: number;
  new: number;
  accepted: number;
  stale: number;
}

export interface ComparedFile<S extends ComparedSheet = ComparedSheet> {
  file: string;
  sheets: S[];
  error?: string;
  comparison?: FileComparison;
}

/** Codes of notices about acceptances themselves: a stale one is said once, never "fixed". */
const ONE_OFF_CODES = new Set(['acceptance-stale']);
/** Notices about the clerk's acceptances, not remarks on the plan. */
const NOTICE_CODES = new Set(['acceptance-stale', 'accepted-without-justification']);

/** Acceptances a baseline carries: its remarks the clerk accepted. */
export function baselineAcceptances(file: BaselineFile): Acceptance[] {
  return file.remarks.flatMap((r) =>
    r.accepted
      ? [
          {
            id: r.id,
            sheet: r.sheet,
            code: r.code,
            severity: r.severity,
            message: r.message,
            cell: r.cell,
            justification: r.accepted.justification,
          },
        ]
      : [],
  );
}

/**
 * Marks one sheet's remarks accepted (the acceptances given are those of this sheet), adds a
 * warning for each accepted error without a justification and a notice for each stale
 * acceptance. Shared by the CLI's baseline and the add-in's stored acceptances.
 */
export function applyAcceptances(
  sheet: string,
  issues: readonly Issue[],
  acceptances: readonly Acceptance[],
): { issues: Issue[]; stale: Acceptance[] } {
  const plain = issues.filter((i) => i.code !== 'accepted-without-justification');
  const { accepted, stale } = matchAcceptances(
    plain.map((i) => ({ id: i.id ?? '' })),
    acceptances,
  );
  const marked: Issue[] = plain.map((issue, k) => {
    const a = accepted[k];
    return a ? { ...issue, accepted: { justification: a.justification } } : issue;
  });
  const notices = [
    ...marked
      .filter((i) => i.accepted && i.severity === 'error' && !i.accepted.justification.trim())
      .map((i) => acceptedWithoutJustification(i)),
    ...stale.map((a) => staleAcceptance(a, sheet)),
  ];
  const withIds = assignRemarkIds(notices, {
    activities: [],
    sections: [],
    roleOfColumn: () => undefined,
  });
  // a notice at a cell sorts beside its remark; stale ones (row 0) come first, like plan-wide ones
  return { issues: sortByRow([...marked, ...withIds]), stale };
}

function sortByRow(issues: Issue[]): Issue[] {
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => a.issue.row - b.issue.row || a.k - b.k)
    .map((x) => x.issue);
}

function countStates(sheets: readonly ComparedSheet[]): Omit<FileComparison, 'baselineFile'> {
  const n = { fixed: 0, unchanged: 0, new: 0, accepted: 0, stale: 0 };
  for (const s of sheets) {
    n.fixed += s.fixed?.length ?? 0;
    for (const i of s.issues) {
      if (i.code === 'acceptance-stale') n.stale++;
      else if (i.code === 'accepted-without-justification') continue;
      else if (i.accepted) n.accepted++;
      else if (i.state === 'new') n.new++;
      else if (i.state === 'unchanged') n.unchanged++;
    }
  }
  return n;
}

function compareFile<S extends ComparedSheet>(
  f: ComparedFile<S>,
  before: BaselineFile | undefined,
): ComparedFile<S> {
  if (f.error !== undefined) return f;
  if (!before) {
    const sheets = f.sheets.map((s) => ({
      ...s,
      issues: s.issues.map((i) => ({ ...i, state: 'new' as const })),
      fixed: [],
    }));
    return { ...f, sheets, comparison: { baselineFile: null, ...countStates(sheets) } };
  }
  const pairs = pairSheets(
    f.sheets.map((s) => ({ sheet: s.sheet, title: s.title ?? '' })),
    before.sheets,
  );
  const acceptances = baselineAcceptances(before);
  const pairedNames = new Set(pairs.filter((j) => j >= 0).map((j) => before.sheets[j]!.sheet));
  // remarks of baseline sheets that have no pair now are fixed with the first sheet reported
  const orphanRemarks = before.remarks.filter((r) => !pairedNames.has(r.sheet));
  let orphansPlaced = false;
  const sheets = f.sheets.map((s, i) => {
    const j = pairs[i]!;
    const name = j >= 0 ? before.sheets[j]!.sheet : null;
    const own = before.remarks.filter((r) => name !== null && r.sheet === name);
    const mine = acceptances.filter((a) => name !== null && a.sheet === name);
    const { issues } = applyAcceptances(s.sheet, s.issues, mine);
    const diff = diffRemarks(
      issues.map((issue) => ({ ...issue, id: issue.id ?? '' })),
      own.filter((r) => !ONE_OFF_CODES.has(r.code)),
    );
    let fixed = diff.fixed;
    if (!orphansPlaced && (s.isPlan || i === f.sheets.length - 1)) {
      fixed = [...fixed, ...orphanRemarks.filter((r) => !ONE_OFF_CODES.has(r.code))];
      orphansPlaced = true;
    }
    return {
      ...s,
      // notices about acceptances are counted as such («принятых», «устаревших»), not as new or
      // unchanged remarks: no mark, so the text's «[новое]» marks add up to «новых N»
      issues: diff.remarks.map((d) =>
        NOTICE_CODES.has(d.remark.code) ? d.remark : ({ ...d.remark, state: d.state } as Issue),
      ),
      fixed,
    };
  });
  return { ...f, sheets, comparison: { baselineFile: before.file, ...countStates(sheets) } };
}

/**
 * Compares every checked file with the baseline. The issues must carry their ids (the plan check
 * gives them); a file the baseline does not have is new as a whole.
 */
export function compareWithBaseline<S extends ComparedSheet>(
  files: ReadonlyArray<ComparedFile<S>>,
  baseline: Baseline,
): Array<ComparedFile<S>> {
  const pairs = pairFiles(
    files.map((f) => ({ file: f.file, titles: f.sheets.map((s) => s.title ?? '') })),
    baseline.files.map((b) => ({ file: b.file, titles: b.sheets.map((s) => s.title) })),
  );
  return files.map((f, i) => compareFile(f, baseline.files[pairs[i]!]));
}

/** A check as the baseline of a later one (what its JSON or review workbook would give back). */
export function baselineOf(files: ReadonlyArray<ComparedFile>, source: string): Baseline {
  return {
    source,
    files: files
      .filter((f) => f.error === undefined)
      .map((f) => ({
        file: f.file,
        sheets: f.sheets.map((s) => ({ sheet: s.sheet, title: s.title ?? '' })),
        remarks: f.sheets.flatMap((s) =>
          s.issues.map((i) => ({
            id: i.id ?? '',
            sheet: i.sheet,
            cell: i.cell,
            row: i.row,
            severity: i.severity,
            code: i.code,
            message: i.message,
            ...(i.fix !== undefined ? { fix: i.fix } : {}),
            ...(i.accepted ? { accepted: i.accepted } : {}),
          })),
        ),
      })),
  };
}
