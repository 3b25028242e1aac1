/**
 * result-not-measurable (info, once per sheet): expected results that name only the direction of
 * a change ("Повышение качества образования", "Развитие кадрового потенциала школ") — no target
 * anywhere in the row and no product (a list, a report, a programme) to show the result was
 * reached. Said once for the sheet with the activities it concerns: it is a remark on how the plan
 * is written, not on one row.
 */
import { issueAt, quote, type Rule } from './common';
import { defineIssues } from '../../issue';

export const RESULT_MEASURE_ISSUES = defineIssues('plan-activities', {
  'result-not-measurable': {
    severity: 'info',
    title: 'Результат без меры',
    description:
      'Ожидаемый результат называет только направление изменений («Повышение качества образования», «Развитие кадрового потенциала школ»): в строке нет ни целевого значения, ни итогового документа (перечня, справки, программы). Один раз на лист, с номерами таких мероприятий.',
    action:
      'Укажите измеримый результат: целевое значение («не менее 80 % …») или итоговый документ (перечень, справка, программа).',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/resultNotMeasurable': typeof RESULT_MEASURE_ISSUES;
  }
}

/**
 * A sentence that names a change and nothing else: "Повышение …", "Уменьшение …" ("Повышение
 * квалификации" is a kind of activity, not a direction).
 */
const DIRECTION_ONLY =
  /^(?:повышени(?![а-яё]*\s+квалификац)|улучшени|развити|совершенствовани|рост|снижени|уменьшени|увеличени|укреплени)[а-яё]*(?![а-яё])/i;

/** Every sentence of the result only names a direction. */
export function namesOnlyDirection(result: string): boolean {
  const sentences = result
    .split(/[.;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences.length > 0 && sentences.every((s) => DIRECTION_ONLY.test(s));
}

export const resultNotMeasurable: Rule = ({ read }) => {
  const c = read.col('result');
  if (c < 0) return [];
  const vague = read.activities.filter(
    (a) => !a.target && !!a.extra.result && namesOnlyDirection(a.extra.result),
  );
  if (!vague.length) return [];
  const numbers = vague.map((a) => a.number || `строка ${a.row}`);
  const listed = numbers.length > 8 ? `${numbers.slice(0, 8).join(', ')} …` : numbers.join(', ');
  return [
    issueAt(
      read.sheet,
      'info',
      'result-not-measurable',
      vague[0]!.row - 1,
      c,
      `Ожидаемый результат ${vague.length === 1 ? 'мероприятия' : `${vague.length} мероприятий`} (№ ${listed}) называет только направление изменений (${quote(vague[0]!.extra.result!, 50)}): ни целевого значения, ни документа, по которому видно, что результат достигнут.`,
      'Укажите измеримый результат: целевое значение («не менее 80 % …») или итоговый документ (перечень, справка, программа).',
    ),
  ];
};
