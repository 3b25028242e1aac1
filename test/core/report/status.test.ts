import type { SchoolYear } from '../../../src/core/criteria/types';
import { dynamicsText, shnorMark, statusSentence } from '../../../src/core/report/status';

function year(p: Partial<SchoolYear>): SchoolYear {
  return {
    year: 2024,
    hasResults: true,
    shnor: false,
    triggerA: false,
    triggerB: false,
    lowProcedures: [],
    repeatedProcedures: [],
    consecutiveYears: 0,
    stagnation: false,
    previousShnor: false,
    leftList: false,
    positiveDynamics: null,
    reason: '',
    shares: {},
    subjects: {},
    ...p,
  } as SchoolYear;
}

describe('status words', () => {
  it('says which trigger fired and for how many years', () => {
    const y = year({
      shnor: true,
      triggerA: true,
      triggerB: true,
      lowProcedures: ['ВПР 5 Математика', 'ОГЭ 9 Русский язык'],
      repeatedProcedures: ['ВПР 5 Математика'],
      consecutiveYears: 3,
      stagnation: true,
    });
    expect(statusSentence(y)).toBe(
      'В перечне ШНОР 3-й год подряд (стагнация): триггер А — низкие результаты в 2 процедурах: ВПР 5 Математика, ОГЭ 9 Русский язык; триггер Б — низкий результат второй год подряд: ВПР 5 Математика.',
    );
    expect(shnorMark(y)).toBe('ШНОР');
  });

  it('prefers the engine’s own explanation', () => {
    expect(
      statusSentence(
        year({ shnor: true, triggerB: true, consecutiveYears: 1, reason: 'Триггер Б: …' }),
      ),
    ).toBe('В перечне ШНОР. Триггер Б: …');
  });

  it('tells leaving the list, a single low procedure, no data and dynamics', () => {
    expect(statusSentence(year({ leftList: true }))).toBe('Вышла из перечня ШНОР.');
    expect(statusSentence(year({ lowProcedures: ['ЕГЭ 11 Русский язык'] }))).toBe(
      'Не входит в перечень ШНОР. Низкий результат в одной процедуре: ЕГЭ 11 Русский язык.',
    );
    expect(statusSentence(undefined)).toBe('Результатов за этот год нет.');
    expect(shnorMark(year({ hasResults: false }))).toBe('нет данных');
    expect(dynamicsText(year({ positiveDynamics: true }), false)).toBe('положительная');
    expect(dynamicsText(year({ positiveDynamics: false }), false)).toBe('нет положительной');
    expect(dynamicsText(year({ positiveDynamics: true }), true)).toBe('—');
    expect(dynamicsText(year({}), false)).toBe('сравнить не с чем');
  });
});
