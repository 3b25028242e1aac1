/** duplicate-number (error): two activities with the same number. */
import { issueAt, type Rule } from './common';
import { numberKey, restartsPerSection } from './numberKey';
import { defineIssues } from '../../issue';

export const DUPLICATE_NUMBER_ISSUES = defineIssues('plan-numbers', {
  'duplicate-number': {
    severity: 'error',
    title: 'Номер повторяется',
    description: 'Номер мероприятия повторяется; указывается строка, где он уже был.',
    action: 'Перенумеруйте мероприятия, чтобы номера не повторялись.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/duplicateNumber': typeof DUPLICATE_NUMBER_ISSUES;
  }
}

export const duplicateNumber: Rule = ({ read }) => {
  const restart = restartsPerSection(read.meta);
  const seen = new Map<string, number>();
  const c = read.col('number');
  const issues = [];
  for (let i = 0; i < read.meta.length; i++) {
    const m = read.meta[i]!;
    const key = numberKey(m);
    if (key === null) continue;
    const scoped = restart && m.number.parts.length === 1 ? `${m.numberedSection}:${key}` : key;
    const first = seen.get(scoped);
    if (first === undefined) {
      seen.set(scoped, m.r);
      continue;
    }
    issues.push(
      issueAt(
        read.sheet,
        'error',
        'duplicate-number',
        m.r,
        c,
        `Номер «${m.number.text}» повторяется: он уже есть у мероприятия в строке ${first + 1}.`,
        'Перенумеруйте мероприятия, чтобы номера не повторялись.',
      ),
    );
  }
  return issues;
};
