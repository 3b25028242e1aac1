/** cycle-step-missing (warning): a step of the management cycle (domain.md §2.7) no activity covers. */
import { cycleCoverage } from '../cycle';
import { issueAt, type Rule } from './common';

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
