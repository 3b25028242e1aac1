/**
 * duplicate-indicator (warning): one share measured by two rows of the plan ("Доля ШНОР,
 * показавших положительную динамику …" and "Определение динамики … (показатель – доля ШНОР,
 * показавших положительную динамику …)"), which then may get two deadlines and two values. The
 * share is compared up to its first parenthesis, with the years the rows name; rows repeated word
 * for word with the same deadline are duplicate-title's.
 */
import { defineIssues, type Issue } from '../../issue';
import { fixLookalikes, foldKey } from '../../text';
import { isIndicatorRow, shareText } from './indicatorTarget';
import { deadlineKey } from './titles';
import { issueAt, quote, type Rule } from './common';

export const DUPLICATE_INDICATOR_ISSUES = defineIssues('plan-activities', {
  'duplicate-indicator': {
    severity: 'warning',
    title: 'Показатель в плане дважды',
    description:
      'Одна и та же доля измеряется в двух строках плана («Доля ШНОР, показавших положительную динамику…» и «Определение динамики… (показатель – доля ШНОР, показавших положительную динамику…)»), часто с разными сроками.',
    action: 'Оставьте показатель в одной строке или уточните, чем показатели различаются.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/duplicateIndicator': typeof DUPLICATE_INDICATOR_ISSUES;
  }
}

function shareKey(share: string, title: string): string {
  const head = share.split('(')[0] ?? share;
  const years = [...new Set(title.match(/(?:19|20)\d{2}/g) ?? [])].sort().join(',');
  return `${foldKey(fixLookalikes(head))}#${years}`;
}

export const duplicateIndicator: Rule = ({ read }) => {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  read.activities.forEach((a, i) => {
    if (!isIndicatorRow(a, read)) return;
    const share = shareText(a);
    const key = shareKey(share, a.title);
    if (key.length < 12) return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const f = read.activities[first]!;
    const sameRow =
      foldKey(f.title) === foldKey(a.title) && deadlineKey(f.deadline) === deadlineKey(a.deadline);
    if (sameRow) return;
    issues.push(
      issueAt(
        read.sheet,
        'warning',
        'duplicate-indicator',
        a.row - 1,
        read.col('title'),
        `Показатель ${quote(share, 70)} уже есть в строке ${f.row}${f.number ? ` (№ ${f.number})` : ''}: одна и та же доля в плане дважды${deadlineKey(f.deadline) === deadlineKey(a.deadline) ? '' : ', с разными сроками'}.`,
        'Оставьте показатель в одной строке или уточните, чем показатели различаются.',
      ),
    );
  });
  return issues;
};
