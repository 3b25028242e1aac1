/**
 * duplicate-title (warning): an activity repeated word for word, naming both rows and sections.
 * similar-title (info): near duplicates. Both are one pass with hash buckets (a normalised title,
 * a sorted set of word stems), never a comparison of every pair.
 */
import { defineIssues, type Issue } from '../../issue';
import { fixLookalikes, foldKey } from '../../text';
import type { PlanRead } from '../read';
import { issueAt, quote, type Rule } from './common';

export const TITLE_ISSUES = defineIssues('plan-activities', {
  'duplicate-title': {
    severity: 'warning',
    title: 'Мероприятие повторяется',
    description: 'Мероприятие слово в слово повторяет другое; называются обе строки и их разделы.',
    action: 'Удалите повтор или уточните, чем мероприятия различаются.',
  },
  'similar-title': {
    severity: 'info',
    title: 'Похожие мероприятия',
    description:
      'Мероприятие почти совпадает с другим (те же слова в другом порядке или в других формах).',
    action: 'Проверьте, не повтор ли это.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/titles': typeof TITLE_ISSUES;
  }
}

function sectionName(read: PlanRead, index: number): string {
  const s = read.sections[index];
  return s ? `раздел ${quote(s.title, 50)}` : 'вне разделов';
}

/** foldKey of every title, computed once for both rules. */
const keysOf = new WeakMap<PlanRead, string[]>();
function titleKeys(read: PlanRead): string[] {
  let keys = keysOf.get(read);
  if (!keys) {
    keys = read.activities.map((a) => foldKey(fixLookalikes(a.title)));
    keysOf.set(read, keys);
  }
  return keys;
}

const STEM = 6;
const MIN_WORDS = 3;

/** Sorted distinct stems of the meaningful words: word order, endings and short words ignored. */
export function stemKey(title: string): string | null {
  const words =
    title
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[a-zа-я0-9]{4,}/g) ?? [];
  const stems = [...new Set(words.map((w) => w.slice(0, STEM)))].sort();
  return stems.length >= MIN_WORDS ? stems.join(' ') : null;
}

export const duplicateTitle: Rule = ({ read }) => {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  const keys = titleKeys(read);
  read.activities.forEach((a, i) => {
    const key = keys[i]!;
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const f = read.activities[first]!;
    issues.push(
      issueAt(
        read.sheet,
        'warning',
        'duplicate-title',
        a.row - 1,
        read.col('title'),
        `Мероприятие ${quote(a.title, 60)} (строка ${a.row}, ${sectionName(read, a.section)}) слово в слово повторяет мероприятие в строке ${f.row} (${sectionName(read, f.section)}).`,
        'Удалите повтор или уточните, чем мероприятия различаются.',
      ),
    );
  });
  return issues;
};

export const similarTitle: Rule = ({ read }) => {
  const exact = new Set<string>();
  const buckets = new Map<string, number>();
  const issues: Issue[] = [];
  const keys = titleKeys(read);
  read.activities.forEach((a, i) => {
    const key = keys[i]!;
    if (!key) return;
    const repeated = exact.has(key);
    exact.add(key);
    const stems = stemKey(a.title);
    if (stems === null) return;
    const first = buckets.get(stems);
    if (first === undefined) {
      buckets.set(stems, i);
      return;
    }
    if (repeated) return; // word-for-word repeats are duplicate-title
    const f = read.activities[first]!;
    issues.push(
      issueAt(
        read.sheet,
        'info',
        'similar-title',
        a.row - 1,
        read.col('title'),
        `Мероприятие ${quote(a.title, 60)} почти совпадает с мероприятием в строке ${f.row}: ${quote(f.title, 60)}.`,
        'Проверьте, не повтор ли это.',
      ),
    );
  });
  return issues;
};
