import { gridFromValues, type CellValue } from '../../src/core/grid';
import { defaultSettings } from '../../src/core/settings';
import { planFixes, safeText } from '../../src/taskpane/fixes';
import { checkPlanSheet } from '../../src/taskpane/pipeline';
import { PLAN_VALUES } from './workbook';

const TODAY = '2025-01-15';

function fixesOf(values: CellValue[][]) {
  const grid = gridFromValues('План', values);
  const check = checkPlanSheet(grid, defaultSettings(), TODAY);
  return planFixes(grid, check, check.issues);
}

describe('planFixes', () => {
  it('joins a continuation row into the activity above and empties it', () => {
    const fix = fixesOf(PLAN_VALUES).find((f) => f.issue.code === 'continuation-row')!;
    expect(fix.edits).toEqual([
      { cell: 'D5', value: 'Центр оценки качества образования (далее — ЦОКО)', asText: false },
      { cell: 'D6', value: '', asText: false },
    ]);
    expect(fix.description).toBe('Перенести текст строки 6 в строку 5 и очистить строку 6');
  });

  it('writes the number in the style most numbers use, as text', () => {
    const fix = fixesOf(PLAN_VALUES).find((f) => f.issue.code === 'number-dot')!;
    expect(fix.edits).toEqual([{ cell: 'A7', value: '2.', asText: true }]);
  });

  it('gives a number Excel turned into a date its text back', () => {
    const values: CellValue[][] = [
      ['План мероприятий на 2025 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1', 'Раздел первый'],
      ['1.1', 'Анализ результатов', 'март 2025', 'ЦОКО'],
      [new Date(Date.UTC(2025, 1, 1)), 'Семинар для школ', 'апрель 2025', 'ЦОКО'],
      ['1.3', 'Мониторинг', 'май 2025', 'ЦОКО'],
    ];
    const fix = fixesOf(values).find((f) => f.issue.code === 'number-style');
    expect(fix?.edits).toEqual([{ cell: 'A5', value: '1.2', asText: true }]);
  });

  it('lets two continuation rows of one activity build on each other', () => {
    const values: CellValue[][] = [
      ['План мероприятий на 2025 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1.', 'Анализ результатов', 'март 2025', 'Институт развития образования'],
      [null, null, null, '(далее — ИРО),'],
      [null, null, null, 'Центр оценки качества'],
      ['2.', 'Семинар', 'апрель 2025', 'ИРО'],
    ];
    const fixes = fixesOf(values).filter((f) => f.issue.code === 'continuation-row');
    expect(fixes.map((f) => f.edits[0])).toEqual([
      { cell: 'D3', value: 'Институт развития образования (далее — ИРО),', asText: false },
      {
        cell: 'D3',
        value: 'Институт развития образования (далее — ИРО), Центр оценки качества',
        asText: false,
      },
    ]);
  });

  it('keeps text that starts like a formula as text', () => {
    expect(safeText('- семинар')).toBe("'- семинар");
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('семинар')).toBe('семинар');
  });

  it('offers nothing for a plan without those defects', () => {
    expect(fixesOf(PLAN_VALUES.filter((_, i) => i !== 5 && i !== 6))).toEqual([]);
  });
});
