/** Codes the criteria engine (engine.ts) raises about the rows it is given. */
import { defineIssues } from '../issue';

export const CRITERIA_ISSUES = defineIssues('criteria', {
  'duplicate-result': {
    severity: 'warning',
    title: 'Результат повторяется',
    description:
      'Результат той же школы, года и процедуры встречается ещё раз (в другой строке или другом файле): числа сложены.',
    action: 'Удалите повторную строку или исправьте год, класс или предмет.',
  },
  'not-held-with-data': {
    severity: 'info',
    title: 'Результат непроводившейся процедуры',
    description:
      'Строка относится к процедуре и году, отмеченным как непроводившиеся (например, ОГЭ 2020): она не учитывается — процедура отсутствует, а не равна нулю.',
    action:
      'Если процедура проводилась, уберите её из списка непроводившихся (настройка yearsNotHeld).',
  },
});
declare module '../issue' {
  interface IssueRegistry {
    criteria: typeof CRITERIA_ISSUES;
  }
}
