import { classifyStatus, type ActivityStatus } from '../../../src/core/plan/status';

describe('classifyStatus', () => {
  const cases: Array<[string, ActivityStatus]> = [
    ['выполнено', 'done'],
    ['Выполнено', 'done'],
    ['ВЫПОЛНЕНО.', 'done'],
    ['Выполнено 15.03.2023', 'done'],
    ['исполнено', 'done'],
    ['проведено', 'done'],
    ['реализовано', 'done'],
    ['+', 'done'],
    ['да', 'done'],
    ['Да', 'done'],
    ['✓', 'done'],
    ['✔', 'done'],
    ['ИСТИНА', 'done'],
    ['15.03.2023', 'done'],
    ['1.3.23', 'done'],
    ['Выполнено частично', 'in-progress'],
    ['частично', 'in-progress'],
    ['выполнено не в полном объёме', 'in-progress'],
    ['в работе', 'in-progress'],
    ['В процессе', 'in-progress'],
    ['выполняется', 'in-progress'],
    ['перенесено на II полугодие', 'in-progress'],
    ['не выполнено', 'not-done'],
    ['Не выполнено (нет финансирования)', 'not-done'],
    ['не проведено', 'not-done'],
    ['нет', 'not-done'],
    ['-', 'not-done'],
    ['—', 'not-done'],
    ['ЛОЖЬ', 'not-done'],
    ['отменено', 'cancelled'],
    ['Отменено приказом МО ТО', 'cancelled'],
    ['исключено из плана', 'cancelled'],
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['см. отчёт', 'unknown'],
    ['2023', 'unknown'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(classifyStatus(text)).toBe(expected);
  });
});
