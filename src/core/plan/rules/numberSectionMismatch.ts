/** number-section-mismatch (warning): "2.3" under section 3. */
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const NUMBER_SECTION_ISSUES = defineIssues('plan-numbers', {
  'number-section-mismatch': {
    severity: 'warning',
    title: 'Номер не из своего раздела',
    description: 'Номер не соответствует разделу («2.3» в разделе 3).',
    action: 'Исправьте номер или перенесите мероприятие в раздел, с номера которого он начинается.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/numberSectionMismatch': typeof NUMBER_SECTION_ISSUES;
  }
}

export const numberSectionMismatch: Rule = ({ read }) =>
  read.meta.flatMap((m) => {
    const section = read.sections[m.numberedSection];
    const parts = m.number.parts;
    if (m.number.kind !== 'arabic' || parts.length < 2 || !section || section.value === null)
      return [];
    if (parts[0] === section.value) return [];
    return [
      issueAt(
        read.sheet,
        'warning',
        'number-section-mismatch',
        m.r,
        read.col('number'),
        `Номер «${m.number.text}» не соответствует разделу ${quote(section.title, 60)} (строка ${section.row}): номера этого раздела начинаются с «${section.value}.».`,
        `Исправьте номер на «${[section.value, ...parts.slice(1)].join('.')}» или перенесите мероприятие в раздел ${parts[0]}.`,
      ),
    ];
  });
