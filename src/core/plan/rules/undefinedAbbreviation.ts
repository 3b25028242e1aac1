/**
 * undefined-abbreviation (warning): a capitals token neither standard nor defined, reported at its
 * first cell. Once per token in the set the caller shares: one sheet for checkSheet, the whole file
 * for checkWorkbook.
 */
import { defineIssues, type Issue } from '../../issue';
import { findUnknownAbbreviations } from '../executors';
import type { ColumnRole } from '../types';
import { issueAt, type Rule } from './common';

export const ABBREVIATION_ISSUES = defineIssues('plan-activities', {
  'undefined-abbreviation': {
    severity: 'warning',
    title: 'Сокращение не расшифровано',
    description:
      'Сокращение (заглавные буквы, в том числе с союзом внутри: «ОЦДиК») в любом текстовом столбце не расшифровано ни в книге, ни в словаре настроек и не входит в список стандартных; организационно-правовые формы (ФГАОУ, ГАОУ ДПО, МБУДО…) известны. Один раз на файл.',
    action:
      'Расшифруйте его при первом упоминании («Полное название (далее — СОКР)») или добавьте в словарь сокращений в настройках.',
  },
});
declare module '../../issue' {
  interface IssueRegistry {
    'plan/rules/undefinedAbbreviation': typeof ABBREVIATION_ISSUES;
  }
}

/** Two capitals (Latin look-alikes too): a text without them has no abbreviation. */
const CAPITALS = /[A-ZА-ЯЁ][a-zа-яё]?[A-ZА-ЯЁ]/;

/** Where abbreviations are looked for: section headings and every text column of the table. */
const SCANNED: ColumnRole[] = [
  'title',
  'responsible',
  'result',
  'indicator',
  'target',
  'audience',
  'evidence',
  'task',
];

export const undefinedAbbreviation: Rule = ({ read, reportedAbbreviations: seen }) => {
  const issues: Issue[] = [];
  // Executors and results repeat row after row: each distinct text is scanned once.
  const scanned = new Map<string, string[]>();
  const check = (text: string, r: number, c: number): void => {
    if (!CAPITALS.test(text)) return;
    let tokens = scanned.get(text);
    if (!tokens) {
      tokens = findUnknownAbbreviations(text, read.glossary);
      scanned.set(text, tokens);
    }
    for (const token of tokens) {
      if (seen.has(token)) continue;
      seen.add(token);
      issues.push(
        issueAt(
          read.sheet,
          'warning',
          'undefined-abbreviation',
          r,
          c,
          `Сокращение «${token}» нигде в плане не расшифровано и не входит в список стандартных.`,
          `Расшифруйте его при первом упоминании: «Полное название (далее — ${token})» или добавьте в словарь сокращений в настройках.`,
        ),
      );
    }
  };
  let s = 0;
  read.activities.forEach((a, i) => {
    for (; s < read.sections.length && read.sections[s]!.row < a.row; s++) {
      const meta = read.sectionMeta[s]!;
      check(read.sections[s]!.title, meta.r, Math.max(meta.c, 0));
    }
    const texts: Partial<Record<ColumnRole, string>> = {
      ...a.extra,
      title: a.title,
      responsible: a.responsibleText,
    };
    for (const role of SCANNED) {
      const text = texts[role];
      if (text) check(text, read.meta[i]!.r, read.col(role));
    }
  });
  return issues;
};
