/**
 * section-number (warning): section numerals typed with Cyrillic look-alikes ("У" for V) and
 * section numbers skipped or out of order.
 */
import { defineIssues, type Issue } from '../../issue';
import { toRoman } from '../../text';
import { issueAt, type Rule } from './common';

export const SECTION_NUMBER_ISSUES = defineIssues('plan-numbers', {
  'section-number': {
    severity: 'warning',
    title: 'Неверный номер раздела',
    description:
      'Номер раздела набран кириллическими буквами («У» вместо V), раздел пропущен («I», затем «III») или идёт не по порядку.',
    action: 'Наберите римские цифры латинскими буквами и пронумеруйте разделы по порядку.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/sectionNumber': typeof SECTION_NUMBER_ISSUES;
  }
}

export const sectionNumber: Rule = ({ read }) => {
  const issues: Issue[] = [];
  let prev: number | null = null;
  read.sections.forEach((s, i) => {
    const meta = read.sectionMeta[i]!;
    if (s.subheading || s.value === null) return;
    const show = (v: number): string => (meta.roman ? toRoman(v) : String(v));
    if (meta.lookalike) {
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'section-number',
          meta.r,
          meta.c,
          `Номер раздела «${s.number}» набран кириллическими буквами вместо римской цифры ${toRoman(s.value)}.`,
          `Заменить «${s.number}» на «${toRoman(s.value)}».`,
        ),
      );
    }
    const expected = prev === null ? 1 : prev + 1;
    if (s.value !== expected) {
      const message =
        s.value > expected
          ? `Раздел ${show(s.value)} идёт ${prev === null ? 'первым' : `после раздела ${show(prev)}`}: пропущен раздел ${show(expected)}.`
          : `Раздел ${show(s.value)} нарушает порядок разделов: ожидался ${show(expected)}.`;
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'section-number',
          meta.r,
          meta.c,
          message,
          'Пронумеруйте разделы по порядку.',
        ),
      );
    }
    prev = s.value;
  });
  return issues;
};
