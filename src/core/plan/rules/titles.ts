/**
 * duplicate-title (warning): an activity repeated word for word with the same deadline, naming
 * both rows and sections.
 * similar-title (info): the same work in other words — the same meaningful words in any order, the
 * same numbers and abbreviations, the same deadline; only the executor or the word order differs.
 *
 * The same work done at another time is no repeat ("Совещание" in March and in September), and two
 * procedures are two works ("справки по итогам ГИА-9" and "… ГИА-11"). Both rules are one pass
 * with hash buckets (the title and deadline folded; the sorted set of word stems, numbers and
 * abbreviations with the deadline), never a comparison of every pair.
 */
import { defineIssues, type Issue } from '../../issue';
import { fixLookalikes, foldKey, squash } from '../../text';
import type { PlanRead } from '../planRead';
import type { Deadline } from '../types';
import { issueAt, quote, type Rule } from './common';

export const TITLE_ISSUES = defineIssues('plan-activities', {
  'duplicate-title': {
    severity: 'warning',
    title: 'Мероприятие повторяется',
    description:
      'Мероприятие слово в слово повторяет другое с тем же сроком; называются обе строки и их разделы. То же мероприятие в другой срок повтором не считается.',
    action: 'Удалите повтор или уточните, чем мероприятия различаются.',
  },
  'similar-title': {
    severity: 'info',
    title: 'Похожие мероприятия',
    description:
      'Мероприятие почти совпадает с другим: те же слова в другом порядке или в других формах, те же числа и сокращения, тот же срок (различаются исполнитель или порядок слов). «Справки по итогам ГИА-9» и «… ГИА-11» — разные мероприятия.',
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

/** The deadline as a key: its dates when it has them, else its text. */
export function deadlineKey(d: Deadline): string {
  return d.start && d.end
    ? `${d.kind}|${d.start}|${d.end}`
    : `${d.kind}|${squash(d.text).toLowerCase()}`;
}

/** foldKey of every title with its deadline, computed once for both rules. */
const keysOf = new WeakMap<PlanRead, string[]>();
function titleKeys(read: PlanRead): string[] {
  let keys = keysOf.get(read);
  if (!keys) {
    keys = read.activities.map((a) => {
      const title = foldKey(fixLookalikes(a.title));
      return title ? `${title}#${deadlineKey(a.deadline)}` : '';
    });
    keysOf.set(read, keys);
  }
  return keys;
}

const STEM = 6;
const MIN_WORDS = 3;

/**
 * Sorted distinct stems of the meaningful words, with every number and abbreviation whole: word
 * order, endings and short words are ignored, "ГИА-9" and "ГИА-11" are not.
 */
export function stemKey(title: string): string | null {
  const text = fixLookalikes(title).replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const words = text.toLowerCase().match(/[a-zа-я0-9]{4,}/g) ?? [];
  const stems = new Set(words.filter((w) => !/\d/.test(w)).map((w) => w.slice(0, STEM)));
  if (stems.size < MIN_WORDS) return null;
  const marks = new Set(
    (text.match(/[A-Za-zА-Яа-я0-9]+(?:-[A-Za-zА-Яа-я0-9]+)*/g) ?? [])
      .filter((t) => /\d/.test(t) || (t.length >= 2 && t === t.toUpperCase()))
      .map((t) => t.toLowerCase()),
  );
  return [[...stems].sort().join(' '), [...marks].sort().join(' ')].join(' | ');
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
        `Мероприятие ${quote(a.title, 60)} (строка ${a.row}, ${sectionName(read, a.section)}) слово в слово повторяет мероприятие в строке ${f.row} (${sectionName(read, f.section)}) с тем же сроком.`,
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
    const bucket = `${stems}#${deadlineKey(a.deadline)}`;
    const first = buckets.get(bucket);
    if (first === undefined) {
      buckets.set(bucket, i);
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
        `Мероприятие ${quote(a.title, 60)} почти совпадает с мероприятием в строке ${f.row} (${quote(f.title, 60)}), срок тот же.`,
        'Проверьте, не повтор ли это.',
      ),
    );
  });
  return issues;
};
