import fc from 'fast-check';
import { parseDeadline } from '../../../src/core/plan/deadline';
import { findPeriod, inferPeriod, parsePeriodSetting } from '../../../src/core/plan/period';
import type { Deadline } from '../../../src/core/plan/types';

const calendar = (first: number, last = first) => ({
  start: `${first}-01-01`,
  end: `${last}-12-31`,
  schoolYear: false,
});
const school = (first: number, last = first + 1) => ({
  start: `${first}-09-01`,
  end: `${last}-08-31`,
  schoolYear: true,
});

describe('findPeriod: every form of docs/domain.md §2.3', () => {
  test.each([
    ['на 2023 год', calendar(2023), 'на 2023 год'],
    ['в 2023 году', calendar(2023), 'в 2023 году'],
    ['на 2023 – 2024 годы', calendar(2023, 2024), 'на 2023 - 2024 годы'],
    ['2021- 2023 гг.', calendar(2021, 2023), '2021- 2023 гг.'],
    ['Сроки реализации 2021- 2023 гг.', calendar(2021, 2023), 'Сроки реализации 2021- 2023 гг.'],
    ['в 2022-2023 учебном году', school(2022), 'в 2022-2023 учебном году'],
    ['на 2023/2024 учебный год', school(2023), 'на 2023/2024 учебный год'],
  ])('%s', (text, period, found) => {
    expect(findPeriod(text)).toEqual({ ...period, text: found });
  });
});

describe('findPeriod: titles, sheet names and file names', () => {
  test.each([
    [
      'План мероприятий («дорожная карта») реализации мер адресной поддержки школ с низкими образовательными результатами и школ, функционирующих в неблагоприятных социальных условиях, на 2023 год',
      calendar(2023),
    ],
    [
      'Региональная программа поддержки школ с низкими результатами обучения и/или школах, функционирующих в неблагоприятных социальных условиях, на 2023 – 2024 годы',
      calendar(2023, 2024),
    ],
    [
      'ПЛАН МЕРОПРИЯТИЙ муниципальной «дорожной карты» по поддержке школ (2021-2023 гг.)',
      calendar(2021, 2023),
    ],
    ['Сроки реализации\t2021- 2023 гг.', calendar(2021, 2023)],
    ['Дорожная карта на 2023/24 уч. год', school(2023)],
    ['План работы на 2023-24 учебный год', school(2023)],
    ['План на период с 2021 по 2023 год', calendar(2021, 2023)],
    ['План\u00A0на\u00A02023\u00A0год', calendar(2023)],
    ['ПЛАН НА 2024 ГОД', calendar(2024)],
    // the first title-like phrase wins; past years around it do not
    ['План на 2023 год (по итогам 2022 года)', calendar(2023)],
    ['По итогам 2022 года утверждён план на 2023 год', calendar(2023)],
    ['В 2022 году в регионе были выявлены 45 ШНОР. План на 2023 год', calendar(2023)],
    [
      'Приложение к приказу от 25.05.2023 № 544. Программа на 2023 – 2024 годы',
      calendar(2023, 2024),
    ],
    // names: a bare "2023-24" is calendar years unless "учебный" says otherwise
    ['amur-2023-24', calendar(2023, 2024)],
    ['tambov-2021-23', calendar(2021, 2023)],
    ['tver-2023', calendar(2023)],
    ['tver-2023.xlsx', calendar(2023)],
    ['План 2023', calendar(2023)],
    ['plan_2021_2023', calendar(2021, 2023)],
    ['ДК 2022/2023', school(2022)],
  ])('%s', (text, period) => {
    expect(findPeriod(text)).toMatchObject(period);
  });

  test.each([
    ['по итогам 2022 года'],
    ['приказ от 30.01.2023'],
    ['Приложение к приказу от 25.05.2023 № 544'],
    ['«30» января 2023'],
    ['30 января 2023 г.'],
    ['Результаты ВПР за 2022 год'],
    ['В 2022 году в регионе были выявлены 45 ШНОР'],
    ['выгрузка 2023-01-15'],
    ['Лист1'],
    [''],
    ['   '],
    // a title block sentence: bare years are not read from long texts
    [
      'Анализ показал, что число школ с низкими результатами в регионе снизилось, данные 2022 ФИОКО',
    ],
    ['на 2024-2021 годы'],
  ])('none in %j', (text) => {
    expect(findPeriod(text)).toBeNull();
  });

  test('the found text is a substring of the squashed input', () => {
    const title = 'Дорожная карта\nна  2023\u00A0год';
    expect(findPeriod(title)?.text).toBe('на 2023 год');
  });
});

describe('parsePeriodSetting (--period)', () => {
  test.each([
    ['2023', calendar(2023)],
    ['2023-2024', calendar(2023, 2024)],
    [' 2023 – 2024 ', calendar(2023, 2024)],
    ['2023-24', calendar(2023, 2024)],
    ['2022/2023', school(2022)],
    ['2022/23', school(2022)],
    ['2022/2024', school(2022, 2024)],
  ])('%j', (text, period) => {
    expect(parsePeriodSetting(text)).toEqual(period);
  });

  test.each([
    ['2024-2023'],
    ['2023/2023'],
    ['2023/2022'],
    ['1800'],
    ['abc'],
    [''],
    ['2023-2050'],
    ['2023.2024'],
  ])('rejects %j', (text) => {
    expect(parsePeriodSetting(text)).toBeNull();
  });
});

describe('inferPeriod', () => {
  const none = { period: null };
  const parse = (...cells: string[]): Deadline[] => cells.map((c) => parseDeadline(c, none));

  test('whole calendar years from the earliest start to the latest end', () => {
    expect(
      inferPeriod(parse('01.03.2023', '01.12.2022-01.05.2023', 'по мере необходимости', 'абв', '')),
    ).toEqual({
      start: '2022-01-01',
      end: '2023-12-31',
    });
    expect(inferPeriod(parse('До 15.02.2024', 'сентябрь 2023'))).toEqual({
      start: '2023-01-01',
      end: '2024-12-31',
    });
    expect(inferPeriod(parse('2023/2024 учебный год'))).toEqual({
      start: '2023-01-01',
      end: '2024-12-31',
    });
  });

  test('a reversed range still counts both ends', () => {
    expect(inferPeriod(parse('01.12.2024-01.02.2023'))).toEqual({
      start: '2023-01-01',
      end: '2024-12-31',
    });
  });

  test('null when no deadline has a date', () => {
    expect(inferPeriod([])).toBeNull();
    expect(
      inferPeriod(parse('в течение года', 'ежегодно', 'Август', 'по отдельному графику')),
    ).toBeNull();
  });

  test('covers every dated deadline (property)', () => {
    const anyIso = fc
      .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    const deadline = fc.oneof(
      anyIso.map((d): Deadline => ({ kind: 'date', start: d, end: d, text: d })),
      fc.constant<Deadline>({ kind: 'unparsed', start: null, end: null, text: 'x' }),
    );
    fc.assert(
      fc.property(fc.array(deadline, { maxLength: 12 }), (ds) => {
        const p = inferPeriod(ds);
        const dated = ds.filter((d) => d.start !== null);
        if (dated.length === 0) return expect(p).toBeNull();
        expect(p).not.toBeNull();
        expect(p!.start.endsWith('-01-01') && p!.end.endsWith('-12-31')).toBe(true);
        for (const d of dated) expect(p!.start <= d.start! && d.end! <= p!.end).toBe(true);
        expect(dated.some((d) => d.start!.slice(0, 4) === p!.start.slice(0, 4))).toBe(true);
        expect(dated.some((d) => d.end!.slice(0, 4) === p!.end.slice(0, 4))).toBe(true);
      }),
    );
  });
});
