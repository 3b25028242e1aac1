import { gridFromValues } from '../../../src/core/grid';
import { findHeader, isRepeatedHeader, matchHeaderText } from '../../../src/core/plan/header';
import { amurPlan } from '../../fixtures/plans/amur';
import { twoRowHeaderPlan, STANDARD_HEADER } from '../../fixtures/plans/handmade';
import { tverPlan } from '../../fixtures/plans/tver';

describe('matchHeaderText', () => {
  it.each([
    ['№', 'number'],
    ['№ п/п', 'number'],
    ['№\u00A0п/п', 'number'],
    ['No', 'number'],
    ['N', 'number'],
    ['Номер', 'number'],
    ['Наименование\nмероприятия', 'title'],
    ['МЕРОПРИЯТИЕ/НАПРАВЛЕНИЕ', 'title'],
    ['Содержание мероприятия', 'title'],
    ['Сроки  исполнения', 'deadline'],
    ['Срок исполнения (дата)', 'deadline'],
    ['Дата', 'deadline'],
    ['Ответственные исполнители', 'responsible'],
    ['Исполнитель', 'responsible'],
    ['Прогнозируемый результат', 'result'],
    ['Региональный показатель реализации', 'indicator'],
    ['Целевой показатель', 'indicator'],
    ['Целевое значение', 'target'],
    ['Описание специфики (целевая аудитория)', 'audience'],
    ['Форма отчётности', 'evidence'],
    ['Форма отчетности', 'evidence'],
    ['Отметка о выполнении', 'status'],
    ['Исполнение', 'status'],
    ['Задача', 'task'],
    ['Cрок', 'deadline'], // Latin "C"
    ['Oтветственные', 'responsible'], // Latin "O"
  ])('%j → %s', (text, role) => {
    expect(matchHeaderText(text)).toBe(role);
  });

  it.each(['', 'Семинар для учителей', 'ГБУ ТО ЦОКО', '2023'])('%j is no header', (text) => {
    expect(matchHeaderText(text)).toBeNull();
  });
});

describe('findHeader', () => {
  it('finds the header under a title block and maps the roles to columns', () => {
    const h = findHeader(tverPlan());
    expect(h).toMatchObject({ row: 3, depth: 1, duplicates: [] });
    expect(h?.columns).toEqual({
      number: { col: 0, header: '№ п/п' },
      title: { col: 1, header: 'Наименование мероприятия' },
      deadline: { col: 2, header: 'Срок исполнения' },
      responsible: { col: 3, header: 'Ответственные исполнители' },
    });
  });

  it('keeps the column order of the sheet (Amur: responsible before deadline)', () => {
    const h = findHeader(amurPlan());
    expect(h?.row).toBe(3);
    expect(h?.columns.responsible?.col).toBe(2);
    expect(h?.columns.deadline?.col).toBe(3);
    expect(h?.columns.result?.col).toBe(4);
  });

  it('reads a header split over two rows', () => {
    const h = findHeader(twoRowHeaderPlan());
    expect(h).toMatchObject({ row: 1, depth: 2 });
    expect(h?.columns.indicator).toEqual({ col: 4, header: 'Индикаторы' });
    expect(h?.columns.target).toEqual({ col: 5, header: 'Целевое значение' });
  });

  it('reads the standard structure with all eight roles', () => {
    const h = findHeader(gridFromValues('П', [STANDARD_HEADER]));
    expect(Object.keys(h?.columns ?? {}).sort()).toEqual([
      'deadline',
      'indicator',
      'number',
      'responsible',
      'result',
      'status',
      'target',
      'title',
    ]);
  });

  it('reports a second column of the same role as a duplicate', () => {
    const h = findHeader(
      gridFromValues('П', [['№', 'Мероприятие', 'Срок', 'Срок исполнения', 'Исполнитель']]),
    );
    expect(h?.columns.deadline?.col).toBe(2);
    expect(h?.duplicates).toEqual([
      { role: 'deadline', col: 3, header: 'Срок исполнения', firstCol: 2 },
    ]);
  });

  it('looks no further than the first 30 rows', () => {
    const rows = Array.from({ length: 30 }, () => ['текст']);
    const grid = gridFromValues('П', [...rows, ['№', 'Мероприятие', 'Срок', 'Ответственные']]);
    expect(findHeader(grid)).toBeNull();
    expect(findHeader(grid, 31)?.row).toBe(30);
  });

  it('needs three roles, one of them the title or the deadline', () => {
    expect(findHeader(gridFromValues('П', [['№', 'ОО', 'Кол-во участников']]))).toBeNull();
    expect(findHeader(gridFromValues('П', [['№', 'Ответственные', 'Результат']]))).toBeNull();
    expect(findHeader(gridFromValues('П', [['№', 'Мероприятие', 'Результат']]))?.row).toBe(0);
  });
});

describe('isRepeatedHeader', () => {
  it('knows a header row repeated after a page break', () => {
    expect(
      isRepeatedHeader({
        number: '№',
        title: 'Наименование мероприятия',
        deadline: 'Сроки реализации',
      }),
    ).toBe(true);
    expect(isRepeatedHeader({ number: 'No' })).toBe(true);
    expect(
      isRepeatedHeader({ number: '1.', title: 'Мероприятия по плану', deadline: 'март 2023' }),
    ).toBe(false);
  });
});
