/**
 * copied-result (warning): two activities that differ in a number ("… по итогам ГИА-9", "… ГИА-11")
 * promise word for word the same result, and that result names the other activity's number
 * ("рекомендации по преподаванию в 9-х классах" under ГИА-11): the text was copied and not changed.
 * Activities are grouped by the stems of their titles (titles.ts), so this stays one pass.
 */
import type { Issue } from '../../issue';
import { foldKey } from '../../text';
import type { PlanActivity } from '../types';
import { issueAt, type Rule } from './common';
import { stemKey } from './titles';

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

export const copiedResult: Rule = ({ read }) => {
  const groups = new Map<string, number[]>();
  read.activities.forEach((a, i) => {
    const key = stemKey(a.title)?.split(' | ')[0];
    if (!key || !a.extra.result) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const issues: Issue[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const i of group) {
      const a = read.activities[i]!;
      const result = a.extra.result!;
      for (const j of group) {
        const b = read.activities[j]!;
        if (i === j || foldKey(result) !== foldKey(b.extra.result ?? '')) continue;
        const n = borrowedNumber(a, b, result);
        if (n === null) continue;
        const said = wordWith(result, n);
        const own = difference(numbersOf(a.title), numbersOf(b.title))[0]!;
        issues.push(
          issueAt(
            read.sheet,
            'warning',
            'copied-result',
            a.row - 1,
            read.col('result'),
            `Ожидаемый результат слово в слово повторяет результат мероприятия в строке ${b.row} и говорит о «${said}», а мероприятие — о «${wordWith(a.title, own)}»: похоже, текст скопирован и не исправлен.`,
            'Проверьте ожидаемый результат этого мероприятия.',
          ),
        );
        break;
      }
    }
  }
  return issues;
};
