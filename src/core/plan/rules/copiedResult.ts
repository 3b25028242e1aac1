/**
 * copied-result (warning): two activities that differ in a number ("… по итогам ГИА-9", "… ГИА-11")
 * promise word for word the same result, and that result names the other activity's number
 * ("рекомендации по преподаванию в 9-х классах" under ГИА-11): the text was copied and not changed.
 * Activities are grouped by the stems of their titles (titles.ts) and their result, and classed
 * by the numbers of the result their titles name, so a long plan is no square.
 */
import { defineIssues, type Issue } from '../../issue';
import { foldKey } from '../../text';
import type { PlanActivity } from '../types';
import { issueAt, type Rule } from './common';
import { stemKey } from './titles';

export const COPIED_RESULT_ISSUES = defineIssues('plan-activities', {
  'copied-result': {
    severity: 'warning',
    title: 'Результат скопирован у другого мероприятия',
    description:
      'Два мероприятия различаются числом («ГИА-9» и «ГИА-11»), а ожидаемый результат у них слово в слово один и говорит о числе другого мероприятия («… в 9-х классах» у мероприятия о ГИА-11): похоже, текст скопирован и не исправлен.',
    action: 'Проверьте ожидаемый результат этого мероприятия.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/copiedResult': typeof COPIED_RESULT_ISSUES;
  }
}

/** The numbers a text names: "ГИА-11" → 11, "9-х классах" → 9, "2023" → 2023. */
function numbersOf(text: string): Set<number> {
  return new Set((text.match(/\d+/g) ?? []).map(Number));
}

/** The word of a text that holds a number: "9-х", "ГИА-11". */
function wordWith(text: string, n: number): string {
  return new RegExp(`[^\\s,;()]*(?<!\\d)${n}(?!\\d)[^\\s,;()]*`).exec(text)?.[0] ?? String(n);
}

function difference(a: Set<number>, b: Set<number>): number[] {
  return [...a].filter((n) => !b.has(n));
}

/** The number `a`'s result names that only `b`'s title has, or null. */
function borrowedNumber(a: PlanActivity, b: PlanActivity, result: string): number | null {
  const mine = numbersOf(a.title);
  const theirs = numbersOf(b.title);
  const inResult = numbersOf(result);
  const onlyTheirs = difference(theirs, mine);
  const onlyMine = difference(mine, theirs);
  if (!onlyTheirs.length || !onlyMine.length) return null;
  if (onlyMine.some((n) => inResult.has(n))) return null;
  return onlyTheirs.find((n) => inResult.has(n)) ?? null;
}

/** `small` is a strict subset of `big`. */
function strictSubset(small: Set<number>, big: Set<number>): boolean {
  return small.size < big.size && [...small].every((n) => big.has(n));
}

export const copiedResult: Rule = ({ read }) => {
  // Candidates share the stems of their titles and, word for word, a result that names a number.
  const groups = new Map<string, number[]>();
  read.activities.forEach((a, i) => {
    const result = a.extra.result;
    const stems = stemKey(a.title)?.split(' | ')[0];
    if (!stems || !result || !/\d/.test(result)) return;
    const key = `${stems}\u0000${foldKey(result)}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const issues: Issue[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const inResult = numbersOf(read.activities[group[0]!]!.extra.result!);
    // `a` borrowed from `b` only if the result's numbers `a`'s title names are a strict subset of
    // those `b`'s title names: members are classed by them, so a group of many is no square.
    const classes = new Map<string, { named: Set<number>; members: number[] }>();
    const named = group.map((i) => {
      const set = new Set([...numbersOf(read.activities[i]!.title)].filter((n) => inResult.has(n)));
      const key = [...set].sort((x, y) => x - y).join(' ');
      const cls = classes.get(key);
      if (cls) cls.members.push(i);
      else classes.set(key, { named: set, members: [i] });
      return set;
    });
    group.forEach((i, k) => {
      const a = read.activities[i]!;
      const result = a.extra.result!;
      let from: { b: PlanActivity; n: number; j: number } | null = null;
      for (const cls of classes.values()) {
        if (!strictSubset(named[k]!, cls.named)) continue;
        for (const j of cls.members) {
          if (from && j > from.j) break;
          const b = read.activities[j]!;
          const n = borrowedNumber(a, b, result);
          if (n !== null) {
            from = { b, n, j };
            break;
          }
        }
      }
      if (!from) return;
      const said = wordWith(result, from.n);
      const own = difference(numbersOf(a.title), numbersOf(from.b.title))[0]!;
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'copied-result',
          a.row - 1,
          read.col('result'),
          `Ожидаемый результат слово в слово повторяет результат мероприятия в строке ${from.b.row} и говорит о «${said}», а мероприятие — о «${wordWith(a.title, own)}»: похоже, текст скопирован и не исправлен.`,
          'Проверьте ожидаемый результат этого мероприятия.',
        ),
      );
    });
  }
  return issues;
};
