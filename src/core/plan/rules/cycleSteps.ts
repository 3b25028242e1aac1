/**
 * cycle-step-missing (warning): a step of the management cycle (docs/domain.md §2.7) nothing in the
 * plan speaks of — not the text above the table, not a section title, not any text column of any
 * activity.
 * cycle-step-in-passport (info): goals and indicators (steps 1–2) usually stand in the passport of
 * the document the plan belongs to; when the sheet calls itself the plan of a programme or roadmap
 * ("План мероприятий муниципальной «дорожной карты»" above the table, or a section "… реализации
 * «дорожной карты»"), their absence from it is said as an info.
 */
import { cycleCoverage, keywordsRu } from '../cycle';
import type { PlanRead } from '../planRead';
import type { ColumnRole } from '../types';
import { issueAt, type Rule } from './common';
import { defineIssues } from '../../issue';

export const CYCLE_STEP_ISSUES = defineIssues('plan-activities', {
  'cycle-step-missing': {
    severity: 'warning',
    title: 'Нет шага управленческого цикла',
    description:
      'Ни в плане, ни в тексте над таблицей ничего не говорит об одном из девяти шагов управленческого цикла (цели, показатели, методы сбора информации, мониторинг, анализ результатов, адресные рекомендации, меры, управленческие решения, анализ эффективности); перечисляются искомые слова.',
    action: 'Добавьте мероприятия этого шага.',
  },
  'cycle-step-in-passport': {
    severity: 'info',
    title: 'Цели или показатели — в паспорте документа',
    description:
      'Лист называет себя планом мероприятий документа («План мероприятий муниципальной «дорожной карты»», «… по реализации программы» над таблицей или раздел «Организационные механизмы реализации «дорожной карты»»), и на нём нет целей или показателей (шаги 1–2): обычно они в паспорте документа.',
    action: 'Проверьте, что цели и показатели есть в паспорте документа.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/cycleSteps': typeof CYCLE_STEP_ISSUES;
  }
}

const TEXT_ROLES: ColumnRole[] = ['result', 'indicator', 'target', 'audience', 'evidence', 'task'];

/** Every text of the plan where a step may be spoken of, with its row (0 above the table). */
function planTexts(read: PlanRead): Array<{ row: number; text: string }> {
  const texts = read.titleBlock.map((text) => ({ row: 0, text }));
  for (const s of read.sections) texts.push({ row: s.row, text: `${s.title} ${s.tasks ?? ''}` });
  for (const a of read.activities)
    texts.push({
      row: a.row,
      text: [a.title, ...TEXT_ROLES.map((role) => a.extra[role] ?? '')].join(' \n'),
    });
  return texts;
}

/** "План мероприятий … «дорожной карты»", "… по реализации программы": a part of a document. */
const PART_OF_DOCUMENT =
  /план\s+мероприятий\s+(?:по\s+реализации\s+)?(?:[а-яё]+\s+){0,3}?«?(?:дорожной\s+карты|программы|проекта|концепции|стратегии)/i;

/**
 * "Организационные механизмы реализации «дорожной карты»": a heading that speaks of carrying out a
 * document named in quotes — the name a passport defines ("(далее – «дорожная карта»)") — says the
 * sheet is that document's plan even when the title above the table was not copied. Unquoted
 * ("Мониторинг реализации муниципальных дорожных карт") it may be any document, this one included.
 */
const CARRIES_OUT_DOCUMENT =
  /реализаци[иияю]\s+(?:[а-яё]+\s+){0,2}?«\s*(?:дорожн[а-яё]+\s+карт|программ|проект|концепци|стратеги)/i;

/** Steps that belong in a document's passport rather than among its activities. */
const PASSPORT_STEPS = new Set([1, 2]);

function isPartOfDocument(read: PlanRead): boolean {
  return (
    read.titleBlock.some((t) => PART_OF_DOCUMENT.test(t) || CARRIES_OUT_DOCUMENT.test(t)) ||
    read.sections.some((s) => CARRIES_OUT_DOCUMENT.test(s.title))
  );
}

export const cycleStepMissing: Rule = ({ read }) => {
  if (read.activities.length === 0) return [];
  const partOf = isPartOfDocument(read);
  return cycleCoverage(planTexts(read))
    .filter((step) => step.rows.length === 0)
    .map((step) => {
      const words = keywordsRu(step);
      if (partOf && PASSPORT_STEPS.has(step.step))
        return issueAt(
          read.sheet,
          'info',
          'cycle-step-in-passport',
          -1,
          0,
          `На листе нет шага ${step.step} управленческого цикла «${step.title}» (искали: ${words}); лист — план мероприятий документа, и этот шаг обычно описан в его паспорте.`,
          `Проверьте, что «${step.title}» есть в паспорте документа.`,
        );
      return issueAt(
        read.sheet,
        'warning',
        'cycle-step-missing',
        -1,
        0,
        `Ни в плане, ни в тексте над таблицей нет шага ${step.step} управленческого цикла «${step.title}»; искали слова: ${words}.`,
        `Добавьте мероприятия шага «${step.title}».`,
      );
    });
};
