/**
 * number-style (warning): numbers Excel turned into dates or real numbers that lost a zero, a
 * number typed with its title, a value that is no number.
 * number-dot (info): a number that differs from the others only by a trailing dot ("10" among
 * "9.", "11.").
 */
import { defineIssues, type Issue } from '../../issue';
import { issueAt, type Rule } from './common';

export const NUMBER_STYLE_ISSUES = defineIssues('plan-numbers', {
  'number-style': {
    severity: 'warning',
    title: 'Номер записан иначе, чем остальные',
    description:
      'Номер хранится как дата (Excel превратил «1.1» в 01.01) или как число, потерявшее ноль (1.1 вместо «1.10» после «1.9»); номер и название в одной ячейке («1.2 Семинар…»); в столбце номера не номер.',
    action:
      'Задайте ячейке текстовый формат и запишите номер так же, как остальные; название мероприятия перенесите в его столбец.',
  },
  'number-dot': {
    severity: 'info',
    title: 'Номер без точки среди номеров с точкой (или наоборот)',
    description: 'Номер отличается от остальных только точкой в конце («10» среди «9.», «11.»).',
    action: 'Запишите номер так же, как остальные.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/numberStyle': typeof NUMBER_STYLE_ISSUES;
  }
}

export const numberStyle: Rule = ({ read }) => {
  const c = read.col('number');
  if (c < 0) return [];
  const issues: Issue[] = [];
  let dotted = 0;
  let plain = 0;
  for (const m of read.meta) {
    if (m.number.kind !== 'arabic' || m.number.storedAs === 'date') continue;
    if (m.number.trailingDot) dotted++;
    else plain++;
  }
  const dotsWin = dotted > plain;
  for (const m of read.meta) {
    const n = m.number;
    if (n.storedAs === 'date') {
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'number-style',
          m.r,
          c,
          `Номер хранится как дата ${n.shown ?? ''}: Excel превратил «${n.text}» в дату.`,
          `Задайте ячейке текстовый формат и введите номер «${n.text}».`,
        ),
      );
    } else if (n.storedAs === 'number' && n.shown) {
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'number-style',
          m.r,
          c,
          `Номер хранится как число ${n.shown}: ноль в конце потерян, номер прочитан как «${n.text}».`,
          `Задайте ячейке текстовый формат и введите номер «${n.text}».`,
        ),
      );
    } else if (n.withTitle) {
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'number-style',
          m.r,
          c,
          `Номер «${n.text}» и название мероприятия записаны в одну ячейку.`,
          `Оставьте в ячейке только номер «${n.text}», а название перенесите в столбец мероприятия.`,
        ),
      );
    } else if (n.kind === 'other') {
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'number-style',
          m.r,
          c,
          `Значение «${n.text}» в столбце номера не похоже на номер мероприятия.`,
          'Запишите номер цифрами: «1», «1.1».',
        ),
      );
    } else if (n.kind === 'arabic' && dotted > 0 && plain > 0 && n.trailingDot !== dotsWin) {
      // Only a trailing dot differs: cosmetic, an info.
      const wanted = dotsWin ? `${n.text}.` : n.text;
      issues.push(
        issueAt(
          read.sheet,
          'info',
          'number-dot',
          m.r,
          c,
          dotsWin
            ? `Номер «${n.text}» записан без точки, а большинство номеров — с точкой.`
            : `Номер «${n.text}.» записан с точкой, а большинство номеров — без неё.`,
          `Запишите «${wanted}».`,
        ),
      );
    }
  }
  return issues;
};
