import fc from 'fast-check';
import { findTarget, parseTarget } from '../../../src/core/plan/targets';
import type { Target } from '../../../src/core/plan/types';

type Expected = Omit<Target, 'text'>;

describe('parseTarget: targets', () => {
  const cases: Array<[string, Expected]> = [
    // docs/domain.md §2.6
    ['100%', { comparator: '=', value: 100, unit: 'percent' }],
    ['100% от числа школ участниц', { comparator: '=', value: 100, unit: 'percent' }],
    ['не менее 50%', { comparator: '>=', value: 50, unit: 'percent' }],
    ['Не менее 5 мероприятий', { comparator: '>=', value: 5, unit: 'count' }],
    ['50 чел.', { comparator: '=', value: 50, unit: 'people' }],
    ['не реже 1 раза в месяц', { comparator: '>=', value: 1, unit: 'times', per: 'month' }],
    [
      'Исполнение дорожной карты не менее 30-40%',
      { comparator: 'range', value: 30, valueTo: 40, unit: 'percent' },
    ],
    // More forms seen in plans
    ['не более 10%', { comparator: '<=', value: 10, unit: 'percent' }],
    ['до 15 %', { comparator: '<=', value: 15, unit: 'percent' }],
    ['≥ 80 %', { comparator: '>=', value: 80, unit: 'percent' }],
    ['≤5%', { comparator: '<=', value: 5, unit: 'percent' }],
    ['0,5%', { comparator: '=', value: 0.5, unit: 'percent' }],
    ['12.5 %', { comparator: '=', value: 12.5, unit: 'percent' }],
    ['не менее 2 раз в год', { comparator: '>=', value: 2, unit: 'times', per: 'year' }],
    ['Не реже двух раз в год', { comparator: '>=', value: 2, unit: 'times', per: 'year' }],
    ['1 раз в квартал', { comparator: '=', value: 1, unit: 'times', per: 'quarter' }],
    ['не реже 1 раза в неделю', { comparator: '>=', value: 1, unit: 'times', per: 'week' }],
    ['1 раз в полугодие', { comparator: '=', value: 2, unit: 'times', per: 'year' }],
    ['от 30 до 40%', { comparator: 'range', value: 30, valueTo: 40, unit: 'percent' }],
    ['30 – 40 %', { comparator: 'range', value: 30, valueTo: 40, unit: 'percent' }],
    ['не менее 70 процентов', { comparator: '>=', value: 70, unit: 'percent' }],
    ['не менее 25 педагогов', { comparator: '>=', value: 25, unit: 'people' }],
    ['120 человек', { comparator: '=', value: 120, unit: 'people' }],
    ['3 семинара', { comparator: '=', value: 3, unit: 'count' }],
    ['не менее 10 ОО', { comparator: '>=', value: 10, unit: 'count' }],
    ['более 50% обучающихся', { comparator: '>=', value: 50, unit: 'percent' }],
    [
      '100% школ с низкими образовательными результатами включены в качестве сетевых партнеров',
      { comparator: '=', value: 100, unit: 'percent' },
    ],
    ['В 2023 году – не менее 60%', { comparator: '>=', value: 60, unit: 'percent' }],
    [
      'Доля ШНОР, вышедших из перечня, — не менее 20%',
      { comparator: '>=', value: 20, unit: 'percent' },
    ],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseTarget(text)).toEqual({ ...expected, text });
  });

  it('keeps the cell text, squashed, in the result', () => {
    expect(parseTarget('  не менее\n50 %  ')?.text).toBe('не менее 50 %');
  });
});

describe('parseTarget: not targets', () => {
  it.each([
    '2023',
    '2021-2023',
    'в 2023 году',
    '2023 г.',
    '01.02.2023',
    '01.02-15.05.2023',
    'до 01.08.2023',
    '1.1',
    '3.5.',
    '1 квартал 2023',
    'II полугодие',
    '15 мая',
    'до 15 числа каждого месяца',
    '9 класс',
    'ежегодно',
    'Проведение семинара',
    '2.6 Организация консультативно-методического обеспечения',
    '2 Организация районных родительских лекториев',
    '',
    'Доля школ, в которых не менее 30% обучающихся не преодолели минимальный порог',
    'Доля школ с низкими образовательными результатами от общего количества школ, %',
  ])('%s → null', (text) => {
    expect(parseTarget(text)).toBeNull();
  });

  it('never reads a bare year or a date as a target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        (year, day, month) => {
          const dd = String(day).padStart(2, '0');
          const mm = String(month).padStart(2, '0');
          return (
            parseTarget(String(year)) === null &&
            parseTarget(`${dd}.${mm}.${year}`) === null &&
            parseTarget(`до ${dd}.${mm}.${year} г.`) === null &&
            parseTarget(`в ${year} году`) === null
          );
        },
      ),
    );
  });

  it('reads any percentage as written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 9 }),
        (whole, tenth) => {
          const t = parseTarget(`не менее ${whole},${tenth}%`);
          return (
            t !== null && t.comparator === '>=' && Math.abs(t.value - (whole + tenth / 10)) < 1e-9
          );
        },
      ),
    );
  });
});

describe('findTarget', () => {
  it('returns the first target in the row, skipping cells without one', () => {
    const row = [
      '3.2',
      'Доля ОО региона с системой профилактики',
      '01.10.2023',
      'ГАУ ДПО «АмИРО»',
      '100%',
      '50%',
    ];
    expect(findTarget(row)).toEqual({ comparator: '=', value: 100, unit: 'percent', text: '100%' });
  });
  it('returns null when no cell carries a target', () => {
    expect(findTarget(['1.', 'Мониторинг', 'январь 2023', 'МО ТО'])).toBeNull();
    expect(findTarget([])).toBeNull();
  });
});
