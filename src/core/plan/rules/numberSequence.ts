/**
 * number-sequence (warning): numbers skipped or out of order. Each level is followed on its own:
 * "2.3" must follow "2.2"; a flat numbering may run through the plan or start again in a section.
 * A section's first flat number that equals the activity's place in the whole plan is in order
 * when other sections are numbered by section («1.1…1.6», then «7…12», then «3.1…»): the plan
 * mixes two schemes but skips nothing, and calling «13» missing would be false.
 */
import { issueAt, type Rule } from './common';
import { restartsPerSection } from './numberKey';
import { defineIssues } from '../../issue';

export const NUMBER_SEQUENCE_ISSUES = defineIssues('plan-numbers', {
  'number-sequence': {
    severity: 'warning',
    title: 'Номер пропущен или не по порядку',
    description:
      'Номер пропущен («1.2», затем «1.5») или нарушен порядок. Нумерация, начинающаяся в каждом разделе заново, допускается.',
    action: 'Перенумеруйте мероприятия по порядку.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/numberSequence': typeof NUMBER_SEQUENCE_ISSUES;
  }
}

export const numberSequence: Rule = ({ read }) => {
  const restart = restartsPerSection(read.meta);
  const lastByPrefix = new Map<string, { value: number; section: number }>();
  const c = read.col('number');
  const issues = [];
  let place = 0;
  for (const m of read.meta) {
    if (m.number.kind !== 'arabic') continue;
    place++;
    const parts = m.number.parts;
    const value = parts[parts.length - 1]!;
    const prefix = parts.slice(0, -1).join('.');
    const prev = lastByPrefix.get(prefix);
    lastByPrefix.set(prefix, { value, section: m.numberedSection });
    const newSection = prev !== undefined && prev.section !== m.numberedSection;
    const expected =
      prev === undefined || (restart && newSection && value === 1) ? 1 : prev.value + 1;
    if (prev !== undefined && restart && newSection && value === 1) continue;
    if (value === expected || (prev !== undefined && value === prev.value)) continue;
    const firstInSection = prev === undefined || newSection;
    if (!prefix && firstInSection && value === place) continue;
    const expectedText = prefix ? `${prefix}.${expected}` : String(expected);
    const message =
      value > expected
        ? `После номера ${prev ? `«${prefix ? `${prefix}.` : ''}${prev.value}»` : 'начала нумерации'} идёт «${m.number.text}»: пропущен номер «${expectedText}»${value - expected > 1 ? ' и следующие' : ''}.`
        : `Номер «${m.number.text}» нарушает порядок: ожидался «${expectedText}».`;
    issues.push(
      issueAt(
        read.sheet,
        'warning',
        'number-sequence',
        m.r,
        c,
        message,
        'Перенумеруйте мероприятия по порядку.',
      ),
    );
  }
  return issues;
};
