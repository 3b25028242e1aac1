import { gridFromValues, type CellValue } from '../../../src/core/grid';
import { fieldOf, findHeader, headerAt, type Field } from '../../../src/core/results/headers';

describe('fieldOf: the header texts of docs/domain.md §3.1', () => {
  const seen: Array<[string, Field]> = [
    ['Муниципалитет', 'municipality'],
    ['Муниципальное образование', 'municipality'],
    ['МО', 'municipality'],
    ['Район', 'municipality'],
    ['АТЕ', 'municipality'],
    ['Код ОО', 'schoolCode'],
    ['Логин ОО', 'schoolCode'],
    ['Код', 'schoolCode'],
    ['ИНН', 'schoolCode'],
    ['ОО', 'schoolName'],
    ['Наименование ОО', 'schoolName'],
    ['Образовательная организация', 'schoolName'],
    ['Школа', 'schoolName'],
    ['Год', 'year'],
    ['Учебный год', 'year'],
    ['Процедура', 'type'],
    ['Оценочная процедура', 'type'],
    ['Вид', 'type'],
    ['Класс', 'grade'],
    ['Параллель', 'grade'],
    ['Предмет', 'subject'],
    ['Кол-во участников', 'participants'],
    ['Участников', 'participants'],
    ['Кол-во уч.', 'participants'],
    ['Писали', 'participants'],
    ['N', 'participants'],
    ['Кол-во участников, чел.', 'participants'],
    ['Кол-во «2»', 'failed'],
    ['«2»', 'failed'],
    ['2', 'failed'],
    ['Не преодолели минимальный порог', 'failed'],
    ['Ниже минимального порога', 'failed'],
    ['Кол-во «3»', 'n3'],
    ['«4»', 'n4'],
    ['5', 'n5'],
    ['% «2»', 'share2'],
    ['Доля «2», %', 'share2'],
    ['% «5»', 'share5'],
    ['Понизили', 'lowered'],
    ['Подтвердили', 'confirmed'],
    ['Повысили', 'raised'],
    ['Понизили (Отм. < Отм. по журналу) %', 'lowered'],
    ['Распределение групп баллов в %: 2', 'share2'],
    ['Кол-во «2», %', 'share2'],
    ['Кол-во «5», чел.', 'n5'],
    ['  кол-во\nучастников ', 'participants'],
  ];
  it.each(seen)('%j → %s', (text, field) => {
    expect(fieldOf(text)).toBe(field);
  });

  it('reads a bare mark under its group', () => {
    expect(fieldOf('2', 'share')).toBe('share2');
    expect(fieldOf('4', 'count')).toBe('n4');
  });

  it.each(['Мероприятие', 'Срок', '', 'Примечание'])('%j names no field', (text) => {
    expect(fieldOf(text)).toBeNull();
  });
});

function grid(values: CellValue[][]) {
  return gridFromValues('Лист1', values);
}

describe('headerAt and findHeader', () => {
  it('finds a one-row header below title lines', () => {
    const g = grid([
      ['Результаты ВПР'],
      [],
      ['ОО', 'Кол-во участников', 'Кол-во «2»'],
      ['Школа 1', 10, 2],
    ]);
    const h = findHeader(g, 3);
    expect(h).toMatchObject({ row: 2, height: 1 });
    expect([...h!.columns.keys()]).toEqual(['schoolName', 'participants', 'failed']);
  });

  it('reads the two-row federal header: the group over 2 | 3 | 4 | 5', () => {
    const g = grid([
      ['ОО', 'Кол-во уч.', 'Распределение групп баллов в %', null, null, null],
      [null, null, 2, 3, 4, 5],
    ]);
    const h = headerAt(g, 0, 6)!;
    expect(h.height).toBe(2);
    expect([...h.columns.entries()].map(([f, c]) => [f, c.col])).toEqual([
      ['schoolName', 0],
      ['participants', 1],
      ['share2', 2],
      ['share3', 3],
      ['share4', 4],
      ['share5', 5],
    ]);
    expect(h.columns.get('share4')!.header).toBe('Распределение групп баллов в %: 4');
  });

  it('reads counts under a count group', () => {
    const g = grid([
      ['Школа', 'Участников', 'Количество отметок', null, null, null],
      [null, null, '«2»', '«3»', '«4»', '«5»'],
    ]);
    expect([...headerAt(g, 0, 6)!.columns.keys()]).toEqual([
      'schoolName',
      'participants',
      'failed',
      'n3',
      'n4',
      'n5',
    ]);
  });

  it('reads the one-row paste where the marks sit beside the group label', () => {
    const g = grid([['ОО', 'Кол-во уч.', 'Распределение групп баллов в %', 2, 3, 4, 5]]);
    const cols = headerAt(g, 0, 7)!.columns;
    expect(cols.get('share2')?.col).toBe(3);
    expect(cols.get('share5')?.col).toBe(6);
  });

  it('does not take a data row under a one-row header for a second header row', () => {
    const g = grid([
      ['ОО', 'Участников', 'Кол-во «2»', 'Кол-во «3»', 'Кол-во «4»', 'Кол-во «5»'],
      ['Школа', 14, 2, 5, 4, 3],
    ]);
    const h = headerAt(g, 0, 6)!;
    expect(h.height).toBe(1);
    expect(h.columns.get('n5')?.col).toBe(5);
  });

  it('looks in the first 30 rows only, and needs a school column and a number column', () => {
    const far = grid([...Array.from({ length: 30 }, () => ['текст']), ['ОО', 'Кол-во участников']]);
    expect(findHeader(far, 2)).toBeNull();
    expect(findHeader(grid([['Предмет', 'Кол-во участников']]), 2)).toBeNull();
    expect(findHeader(grid([['ОО', 'Предмет']]), 2)).toBeNull();
    expect(
      findHeader(grid([...Array.from({ length: 29 }, () => ['текст']), ['ОО', 'N']]), 2)?.row,
    ).toBe(29);
  });
});
