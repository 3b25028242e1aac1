/** cycle-step-missing (warning): a step of the management cycle (docs/domain.md §2.7) no activity covers. */
import { cycleCoverage } from '../cycle';
import { issueAt, type Rule } from './common';
import { defineIssues } from '../../issue';

export const CYCLE_STEP_ISSUES = defineIssues('plan-activities', {
  'cycle-step-missing': {
    severity: 'warning',
    title: 'Нет шага управленческого цикла',
    description:
      'В плане нет мероприятий одного из девяти шагов управленческого цикла (цели, показатели, методы сбора информации, мониторинг, анализ результатов, адресные рекомендации, меры, управленческие решения, анализ эффективности); перечисляются искомые слова.',
    action: 'Добавьте мероприятия этого шага.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/cycleSteps': typeof CYCLE_STEP_ISSUES;
  }
}

export const cycleStepMissing: Rule = ({ read }) => {
  if (read.activities.length === 0) return [];
  const coverage = cycleCoverage(read.activities.map((a) => ({ row: a.row, text: a.title })));
  return coverage
    .filter((step) => step.rows.length === 0)
    .map((step) =>
      issueAt(
        read.sheet,
        'warning',
        'cycle-step-missing',
        -1,
        0,
        `Нет мероприятий шага ${step.step} управленческого цикла «${step.title}»; искали слова: ${step.keywords.join(', ')}.`,
        `Добавьте мероприятия шага «${step.title}».`,
      ),
    );
};
