import {
  canonicalSubject,
  findSubjectIn,
  impliedGrade,
  parseGrade,
  parseProcedure,
  parseYear,
  saysNotHeld,
} from '../../../src/core/results/vocabulary';

describe('parseProcedure', () => {
  it.each([
    ['ВПР', 'ВПР'],
    ['впр', 'ВПР'],
    ['ВПР 2023', 'ВПР'],
    ['Всероссийские проверочные работы', 'ВПР'],
    ['ОГЭ', 'ОГЭ'],
    ['ГИА-9', 'ОГЭ'],
    ['гиа 9', 'ОГЭ'],
    ['ГИА–9', 'ОГЭ'],
    ['Основной государственный экзамен', 'ОГЭ'],
    ['ЕГЭ', 'ЕГЭ'],
    ['ГИА-11', 'ЕГЭ'],
    ['Единый государственный экзамен', 'ЕГЭ'],
  ])('%s → %s', (text, type) => {
    expect(parseProcedure(text)).toBe(type);
  });

  it.each(['НИКО', 'PISA', '', 'ГИА'])('%s is not a procedure', (text) => {
    expect(parseProcedure(text)).toBeNull();
  });

  it('implies the grade of ОГЭ and ЕГЭ only', () => {
    expect(impliedGrade('ОГЭ')).toBe(9);
    expect(impliedGrade('ЕГЭ')).toBe(11);
    expect(impliedGrade('ВПР')).toBeNull();
  });
});

describe('parseGrade', () => {
  it.each([
    [5, 5],
    ['5', 5],
    ['5 класс', 5],
    ['5 классы', 5],
    ['5-й класс', 5],
    ['11 кл.', 11],
    [' 7 ', 7],
  ])('%p → %p', (v, n) => {
    expect(parseGrade(v)).toBe(n);
  });

  it.each([[0], [12], [5.5], ['пятый'], ['4-8 классы'], [null], [true]])(
    '%p is not a grade',
    (v) => {
      expect(parseGrade(v)).toBeNull();
    },
  );
});

describe('parseYear', () => {
  it.each([
    [2023, 2023],
    ['2023', 2023],
    ['2023 год', 2023],
    ['2023 г.', 2023],
    ['2022/2023', 2023],
    ['2022-2023', 2023],
    ['2022 – 2023', 2023],
    ['2022/23', 2023],
    ['2022/2023 учебный год', 2023],
    [new Date(Date.UTC(2023, 3, 18)), 2023],
  ])('%p → %p (spring)', (v, y) => {
    expect(parseYear(v)).toBe(y);
  });

  it('takes the autumn year when told', () => {
    expect(parseYear('2022/2023', 'autumn')).toBe(2022);
    expect(parseYear('2023', 'autumn')).toBe(2023);
  });

  it.each([['2022/2024'], ['23'], ['год'], [1999], [2023.5], [null]])('%p is not a year', (v) => {
    expect(parseYear(v)).toBeNull();
  });
});

describe('canonicalSubject', () => {
  it.each([
    ['русский', 'Русский язык'],
    ['Русский язык', 'Русский язык'],
    ['РУССКИЙ ЯЗЫК', 'Русский язык'],
    ['рус. яз.', 'Русский язык'],
    ['математика', 'Математика'],
    ['Математика (базовая)', 'Математика (базовая)'],
    ['база', 'Математика (базовая)'],
    ['Математика (базовый уровень)', 'Математика (базовая)'],
    ['Математика (профильная)', 'Математика (профильная)'],
    ['профиль', 'Математика (профильная)'],
    ['математика профильный уровень', 'Математика (профильная)'],
    ['ФИЗИКА', 'Физика'],
    ['окружающий  мир', 'Окружающий мир'],
    ['Информатика и ИКТ', 'Информатика'],
    ['английский', 'Английский язык'],
  ])('%s → %s', (text, subject) => {
    expect(canonicalSubject(text)).toEqual({ subject, known: true });
  });

  it('keeps an unknown subject with a capital first letter and says it is unknown', () => {
    expect(canonicalSubject('основы безопасности')).toEqual({
      subject: 'Основы безопасности',
      known: false,
    });
    expect(canonicalSubject('  ')).toBeNull();
  });

  it('finds a subject inside a title line, the longest spelling first', () => {
    expect(findSubjectIn('Предмет: Математика (профильная)')).toBe('Математика (профильная)');
    expect(findSubjectIn('ВПР 2023. Русский язык. 5 класс')).toBe('Русский язык');
    expect(findSubjectIn('Всероссийские проверочные работы 2023')).toBeNull();
    expect(findSubjectIn('Химия')).toBe('Химия');
  });
});

describe('saysNotHeld', () => {
  it.each([
    ['не проводилась', true],
    ['Не проводился', true],
    ['НЕ ПРОВОДИЛАСЬ (пандемия)', true],
    ['проводилась', false],
    [0, false],
    [null, false],
  ])('%p → %p', (v, yes) => {
    expect(saysNotHeld(v)).toBe(yes);
  });
});
