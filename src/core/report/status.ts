/**
 * A school's status in one year, said in words a person reads on the school's tab.
 */
import type { SchoolYear } from '../criteria/types';

function list(labels: string[]): string {
  return labels.join(', ');
}

/** "ШНОР" / "нет" for the short column. */
export function shnorMark(y: SchoolYear | undefined): string {
  if (!y || !y.hasResults) return 'нет данных';
  return y.shnor ? 'ШНОР' : 'нет';
}

/** Why the school is (or is not) in the list in this year, in one or two sentences. */
export function statusSentence(y: SchoolYear | undefined): string {
  if (!y) return 'Результатов за этот год нет.';
  if (!y.hasResults) return 'Нет результатов учитываемых процедур.';
  if (y.shnor) {
    const years =
      y.consecutiveYears > 1
        ? ` ${y.consecutiveYears}-й год подряд${y.stagnation ? ' (стагнация)' : ''}`
        : '';
    // The criteria engine explains the triggers with shares and N; a fallback says the same briefly.
    if (y.reason) return `В перечне ШНОР${years}. ${y.reason}`;
    const parts: string[] = [];
    if (y.triggerA)
      parts.push(
        `триггер А — низкие результаты в ${y.lowProcedures.length} процедурах: ${list(y.lowProcedures)}`,
      );
    if (y.triggerB)
      parts.push(`триггер Б — низкий результат второй год подряд: ${list(y.repeatedProcedures)}`);
    return `В перечне ШНОР${years}: ${parts.join('; ')}.`;
  }
  const head = y.leftList ? 'Вышла из перечня ШНОР.' : 'Не входит в перечень ШНОР.';
  if (y.lowProcedures.length === 1)
    return `${head} Низкий результат в одной процедуре: ${y.lowProcedures[0]}.`;
  return head;
}

/** Positive dynamics against the previous year, in words. */
export function dynamicsText(y: SchoolYear | undefined, isFirstYear: boolean): string {
  if (!y || !y.hasResults || isFirstYear) return '—';
  if (y.positiveDynamics === null) return 'сравнить не с чем';
  return y.positiveDynamics ? 'положительная' : 'нет положительной';
}
