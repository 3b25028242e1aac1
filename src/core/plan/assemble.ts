/**
 * Activity assembly: the drafts of the row walk become PlanActivity once the period (for the
 * deadlines) and the glossary (for the executors) are known.
 */
import { squash } from '../text';
import { splitExecutors } from './executors';
import type { Glossary } from './glossary';
import type { ActivityMeta } from './planRead';
import { restoreLostZeros } from './rows';
import { findTarget } from './targets';
import type { ColumnRole, Deadline, Executor, PlanActivity } from './types';
import type { Draft } from './walk';

const EXTRA_ROLES: ColumnRole[] = [
  'result',
  'indicator',
  'target',
  'audience',
  'evidence',
  'status',
  'task',
];

export function assembleActivities(
  drafts: Draft[],
  deadlines: Deadline[],
  glossary: Glossary,
  hasStatus: boolean,
): { activities: PlanActivity[]; meta: ActivityMeta[] } {
  const numbers = restoreLostZeros(drafts.map((d) => d.number));
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
  const activities = drafts.map((d, i) => {
    const t = d.texts;
    const extra: Partial<Record<ColumnRole, string>> = {};
    for (const role of EXTRA_ROLES) if (t[role]) extra[role] = t[role];
    const responsibleText = t.responsible ?? '';
    const activity: PlanActivity = {
      row: d.r + 1,
      continuationRows: d.continuationRows,
      number: numbers[i]!.text,
      title: squash(t.title ?? ''),
      deadline: deadlines[i]!,
      responsibleText,
      responsible: executorsOf(responsibleText),
      section: d.section,
      extra,
    };
    // A target counts in any text of the row.
    const target = findTarget(
      [t.target, t.indicator, t.result, t.evidence, t.audience, t.task, t.title].filter(
        (x): x is string => !!x,
      ),
    );
    if (target) activity.target = target;
    if (hasStatus) activity.status = t.status ?? '';
    return activity;
  });
  const meta: ActivityMeta[] = drafts.map((d, i) => ({
    r: d.r,
    number: numbers[i]!,
    numberedSection: d.numberedSection,
  }));
  return { activities, meta };
}
