import { gridFromValues } from '../../../src/core/grid';
import {
  contextFromRows,
  contextFromSheetName,
  fillContext,
  readContextLine,
  type TableContext,
} from '../../../src/core/results/context';

function read(...lines: string[]): TableContext {
  const ctx: TableContext = {};
  for (const l of lines) readContextLine(l, ctx, 'spring');
  return ctx;
}

describe('title lines', () => {
  it('reads the federal export title', () => {
    expect(
      read(
        'Всероссийские проверочные работы 2023 (5 класс)',
        'Дата: 18.04.2023',
        'Предмет: Математика',
      ),
    ).toEqual({
      type: 'ВПР',
      grade: 5,
      year: 2023,
      subject: 'Математика',
    });
  });

  it.each([
    ['ОГЭ 2022. Русский язык', { type: 'ОГЭ', year: 2022, subject: 'Русский язык' }],
    ['ВПР в 2022/2023 учебном году, класс: 6', { type: 'ВПР', year: 2023, grade: 6 }],
    ['Результаты ВПР (4-8 классы), 2021', { type: 'ВПР', year: 2021 }],
    [
      'ЕГЭ Математика (профильная) 2023',
      { type: 'ЕГЭ', year: 2023, subject: 'Математика (профильная)' },
    ],
    ['Предмет: Обществознание', { subject: 'Обществознание' }],
    ['Дата: 21.03.2022', { year: 2022 }],
  ])('%s', (line, ctx) => {
    expect(read(line)).toEqual(ctx);
  });

  it('keeps what an earlier line said', () => {
    expect(read('ВПР 2023 5 класс', 'ОГЭ 2020 6 класс')).toEqual({
      type: 'ВПР',
      year: 2023,
      grade: 5,
    });
  });

  it('takes the autumn year of a school year when told', () => {
    const ctx: TableContext = {};
    readContextLine('2022/2023 учебный год', ctx, 'autumn');
    expect(ctx.year).toBe(2022);
  });

  it('reads every cell of the rows between', () => {
    const g = gridFromValues('Лист1', [
      ['ВПР 2023'],
      [null, 'Класс: 7'],
      ['Предмет: История'],
      ['ОО', 'N'],
    ]);
    expect(contextFromRows(g, 0, 3, 2, 'spring')).toEqual({
      type: 'ВПР',
      year: 2023,
      grade: 7,
      subject: 'История',
    });
    expect(contextFromRows(g, 1, 2, 2, 'spring')).toEqual({ grade: 7 });
  });
});

describe('sheet names and defaults', () => {
  it.each([
    ['ВПР 5 Математика', { type: 'ВПР', grade: 5, subject: 'Математика' }],
    ['ОГЭ_русский_2023', { type: 'ОГЭ', year: 2023, subject: 'Русский язык' }],
    ['6 Русский язык', { grade: 6, subject: 'Русский язык' }],
    ['Лист1', {}],
  ])('%s', (name, ctx) => {
    expect(contextFromSheetName(name, 'spring')).toEqual(ctx);
  });

  it('fills only what is missing, in order of priority', () => {
    expect(
      fillContext({ year: 2023 }, { year: 2020, grade: 5 }, { grade: 6, subject: 'Физика' }),
    ).toEqual({
      year: 2023,
      grade: 5,
      subject: 'Физика',
    });
  });
});
