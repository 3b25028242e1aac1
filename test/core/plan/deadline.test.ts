import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { deadlineLabelRu, parseDeadline, parseRecurrence } from '../../../src/core/plan/deadline';
import type { Deadline, DeadlineContext } from '../../../src/core/plan/types';

const CAL_2023: DeadlineContext = {
  period: { start: '2023-01-01', end: '2023-12-31', schoolYear: false },
};
const SCHOOL_2023: DeadlineContext = {
  period: { start: '2023-09-01', end: '2024-08-31', schoolYear: true },
};
const CAL_2021_23: DeadlineContext = {
  period: { start: '2021-01-01', end: '2023-12-31', schoolYear: false },
};
const NONE: DeadlineContext = { period: null };

type Expected = Omit<Deadline, 'text'>;

/** Every field but the text, with the optional ones only when present: a strict comparison. */
function shape(d: Deadline): Expected {
  const rest: Partial<Deadline> = { ...d };
  delete rest.text;
  return rest as Expected;
}

const day = (iso: string) => ({ start: iso, end: iso });
const range = (start: string, end: string) => ({ start, end });

function check(cases: Array<[CellValue, DeadlineContext, Expected]>): void {
  test.each(cases)('%j', (input, ctx, expected) => {
    expect(shape(parseDeadline(input, ctx))).toEqual(expected);
  });
}

describe('parseDeadline: every example of docs/domain.md §2.4', () => {
  check([
    // date
    ['30.09.2023', CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    ['01.11.2023', CAL_2023, { kind: 'date', ...day('2023-11-01') }],
    // dates
    [
      '01.11.2023; 01.03.2024',
      CAL_2023,
      {
        kind: 'dates',
        start: '2023-11-01',
        end: '2024-03-01',
        checkpoints: [day('2023-11-01'), day('2024-03-01')],
      },
    ],
    [
      '01.11.2023;\n01.03.2024',
      CAL_2023,
      {
        kind: 'dates',
        start: '2023-11-01',
        end: '2024-03-01',
        checkpoints: [day('2023-11-01'), day('2024-03-01')],
      },
    ],
    [
      '01.11.2023\n01.03.2024',
      CAL_2023,
      {
        kind: 'dates',
        start: '2023-11-01',
        end: '2024-03-01',
        checkpoints: [day('2023-11-01'), day('2024-03-01')],
      },
    ],
    // date-range
    ['01.02-15.05.2023', CAL_2023, { kind: 'date-range', ...range('2023-02-01', '2023-05-15') }],
    ['15.02-20.12.2023', CAL_2023, { kind: 'date-range', ...range('2023-02-15', '2023-12-20') }],
    ['01.03.-20.05.2023', CAL_2023, { kind: 'date-range', ...range('2023-03-01', '2023-05-20') }],
    ['28.03-18.04.2023', CAL_2023, { kind: 'date-range', ...range('2023-03-28', '2023-04-18') }],
    [
      'с 01.02.2023 по 15.05.2023',
      CAL_2023,
      { kind: 'date-range', ...range('2023-02-01', '2023-05-15') },
    ],
    // until
    ['До 15.02.2023', CAL_2023, { kind: 'until', ...range('2023-01-01', '2023-02-15') }],
    ['до 01.08.2023', CAL_2023, { kind: 'until', ...range('2023-01-01', '2023-08-01') }],
    ['До 15.02.2023', NONE, { kind: 'until', start: null, end: '2023-02-15' }],
    // month
    ['январь 2023', CAL_2023, { kind: 'month', ...range('2023-01-01', '2023-01-31') }],
    ['март 2023', CAL_2023, { kind: 'month', ...range('2023-03-01', '2023-03-31') }],
    ['Август', CAL_2023, { kind: 'month', ...range('2023-08-01', '2023-08-31') }],
    ['Сентябрь 2021', CAL_2021_23, { kind: 'month', ...range('2021-09-01', '2021-09-30') }],
    // school-year plan: Sep–Dec → first year, Jan–Aug → second
    ['Август', SCHOOL_2023, { kind: 'month', ...range('2024-08-01', '2024-08-31') }],
    ['Сентябрь', SCHOOL_2023, { kind: 'month', ...range('2023-09-01', '2023-09-30') }],
    ['декабрь', SCHOOL_2023, { kind: 'month', ...range('2023-12-01', '2023-12-31') }],
    ['январь', SCHOOL_2023, { kind: 'month', ...range('2024-01-01', '2024-01-31') }],
    // month-range
    ['январь–март 2023', CAL_2023, { kind: 'month-range', ...range('2023-01-01', '2023-03-31') }],
    [
      'октябрь-ноябрь 2022',
      CAL_2023,
      { kind: 'month-range', ...range('2022-10-01', '2022-11-30') },
    ],
    [
      'декабрь 2022-январь 2023',
      CAL_2023,
      { kind: 'month-range', ...range('2022-12-01', '2023-01-31') },
    ],
    // a first month later than the last with no own year lies in the previous year
    [
      'декабрь-январь 2023',
      CAL_2023,
      { kind: 'month-range', ...range('2022-12-01', '2023-01-31') },
    ],
    // months
    [
      'декабрь 2022 июль 2023 года',
      CAL_2023,
      {
        kind: 'months',
        start: '2022-12-01',
        end: '2023-07-31',
        checkpoints: [range('2022-12-01', '2022-12-31'), range('2023-07-01', '2023-07-31')],
      },
    ],
    [
      'ноябрь-декабрь 2022 Апрель 2023',
      CAL_2023,
      {
        kind: 'months',
        start: '2022-11-01',
        end: '2023-04-30',
        checkpoints: [range('2022-11-01', '2022-12-31'), range('2023-04-01', '2023-04-30')],
      },
    ],
    // quarter
    ['1 квартал 2023', CAL_2023, { kind: 'quarter', ...range('2023-01-01', '2023-03-31') }],
    ['I квартал 2023', CAL_2023, { kind: 'quarter', ...range('2023-01-01', '2023-03-31') }],
    ['IV кв. 2023', CAL_2023, { kind: 'quarter', ...range('2023-10-01', '2023-12-31') }],
    // half
    ['1 полугодие 2023', CAL_2023, { kind: 'half', ...range('2023-01-01', '2023-06-30') }],
    ['II полугодие 2023', CAL_2023, { kind: 'half', ...range('2023-07-01', '2023-12-31') }],
    // year
    ['2022', CAL_2023, { kind: 'year', ...range('2022-01-01', '2022-12-31') }],
    ['в течение 2023 года', CAL_2023, { kind: 'year', ...range('2023-01-01', '2023-12-31') }],
    ['2023 год', CAL_2023, { kind: 'year', ...range('2023-01-01', '2023-12-31') }],
    // year-range
    ['2021-2023', CAL_2023, { kind: 'year-range', ...range('2021-01-01', '2023-12-31') }],
    ['2021–2023 гг.', CAL_2023, { kind: 'year-range', ...range('2021-01-01', '2023-12-31') }],
    // school-year
    [
      '2021/2022 учебный год',
      CAL_2023,
      { kind: 'school-year', ...range('2021-09-01', '2022-08-31') },
    ],
    [
      '2021-2022 учебный год',
      CAL_2023,
      { kind: 'school-year', ...range('2021-09-01', '2022-08-31') },
    ],
    // period
    ['в течение года', CAL_2023, { kind: 'period', ...range('2023-01-01', '2023-12-31') }],
    ['В течение года', CAL_2023, { kind: 'period', ...range('2023-01-01', '2023-12-31') }],
    ['в течение года', SCHOOL_2023, { kind: 'period', ...range('2023-09-01', '2024-08-31') }],
    ['в течение года', NONE, { kind: 'period', start: null, end: null }],
    [
      'в течение всего периода',
      CAL_2021_23,
      { kind: 'period', ...range('2021-01-01', '2023-12-31') },
    ],
    ['постоянно', CAL_2023, { kind: 'period', ...range('2023-01-01', '2023-12-31'), vague: true }],
    // recurring
    [
      'ежегодно',
      CAL_2021_23,
      {
        kind: 'recurring',
        ...range('2021-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 1 },
      },
    ],
    [
      'Ежегодно в сентябре',
      CAL_2021_23,
      {
        kind: 'recurring',
        ...range('2021-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 1, month: 9 },
      },
    ],
    [
      'Ежегодно в июне',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 1, month: 6 },
      },
    ],
    [
      'ежеквартально',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'quarter', times: 1 },
      },
    ],
    [
      'ежемесячно',
      NONE,
      { kind: 'recurring', start: null, end: null, recurrence: { every: 'month', times: 1 } },
    ],
    [
      '1 раз в квартал (по графику)',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'quarter', times: 1 },
        note: 'по графику',
      },
    ],
    [
      '1 раз в квартал\n(по графику)',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'quarter', times: 1 },
        note: 'по графику',
      },
    ],
    [
      'Не реже 1 раза в квартал',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'quarter', times: 1, atLeast: true },
      },
    ],
    [
      'не реже 1 раза в месяц',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'month', times: 1, atLeast: true },
      },
    ],
    [
      'Не реже двух раз в год',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 2, atLeast: true },
      },
    ],
    // by-reference
    [
      'В соответствии со сроками региональной дорожной карты',
      CAL_2023,
      { kind: 'by-reference', start: null, end: null },
    ],
    [
      'В соответствии с планом работы ГБОУ ДПО ТОИУУ',
      CAL_2023,
      { kind: 'by-reference', start: null, end: null },
    ],
    ['по отдельному графику', CAL_2023, { kind: 'by-reference', start: null, end: null }],
    [
      'по мере необходимости',
      CAL_2023,
      { kind: 'by-reference', start: null, end: null, vague: true },
    ],
    [
      'В соответствии с графиком проведения заседаний',
      CAL_2023,
      { kind: 'by-reference', start: null, end: null },
    ],
    // mixed cells
    [
      'в течение года (по отдельному графику)',
      CAL_2023,
      {
        kind: 'period',
        ...range('2023-01-01', '2023-12-31'),
        note: 'по отдельному графику',
      },
    ],
    [
      '1 полугодие 2023 (в соответствии с утвержденным графиком)',
      CAL_2023,
      {
        kind: 'half',
        ...range('2023-01-01', '2023-06-30'),
        note: 'в соответствии с утвержденным графиком',
      },
    ],
    [
      'декабрь 2022 (далее - по мере необходимости)',
      CAL_2023,
      {
        kind: 'month',
        ...range('2022-12-01', '2022-12-31'),
        note: 'далее - по мере необходимости',
      },
    ],
    [
      'в течение 2023 года (ежеквартально)',
      CAL_2023,
      {
        kind: 'year',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'quarter', times: 1 },
      },
    ],
    [
      '2023 в соответствии с графиком на первое, второе полугодие',
      CAL_2023,
      {
        kind: 'year',
        ...range('2023-01-01', '2023-12-31'),
        note: 'в соответствии с графиком на первое, второе полугодие',
      },
    ],
  ]);
});

describe('parseDeadline: normalisation (spaces, dashes, year words, case, look-alikes)', () => {
  check([
    ['30.09.2023 г.', CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    ['\u00A030.09.2023\u00A0', CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    ['01.02 – 15.05.2023', CAL_2023, { kind: 'date-range', ...range('2023-02-01', '2023-05-15') }],
    ['01.02—15.05.2023', CAL_2023, { kind: 'date-range', ...range('2023-02-01', '2023-05-15') }],
    [
      '01.02 \u2212 15.05.2023 г.',
      CAL_2023,
      { kind: 'date-range', ...range('2023-02-01', '2023-05-15') },
    ],
    [
      '01.02.2023\u00A0-\u00A015.05.2023',
      CAL_2023,
      { kind: 'date-range', ...range('2023-02-01', '2023-05-15') },
    ],
    ['01. 03. 2023', CAL_2023, { kind: 'date', ...day('2023-03-01') }],
    ['1.2.23', CAL_2023, { kind: 'date', ...day('2023-02-01') }],
    ['ЯНВАРЬ 2023', CAL_2023, { kind: 'month', ...range('2023-01-01', '2023-01-31') }],
    ['янв. 2023', CAL_2023, { kind: 'month', ...range('2023-01-01', '2023-01-31') }],
    ['сент. 2023 г.', CAL_2023, { kind: 'month', ...range('2023-09-01', '2023-09-30') }],
    ['в январе 2023 г.', CAL_2023, { kind: 'month', ...range('2023-01-01', '2023-01-31') }],
    ['в мае', CAL_2023, { kind: 'month', ...range('2023-05-01', '2023-05-31') }],
    ['Мaрт 2023', CAL_2023, { kind: 'month', ...range('2023-03-01', '2023-03-31') }],
    ['фeвраль–мaрт 2023', CAL_2023, { kind: 'month-range', ...range('2023-02-01', '2023-03-31') }],
    ['І квартал 2023', CAL_2023, { kind: 'quarter', ...range('2023-01-01', '2023-03-31') }],
    ['ІІІ квартал 2023 года', CAL_2023, { kind: 'quarter', ...range('2023-07-01', '2023-09-30') }],
    ['в 1 квартале 2023 года', CAL_2023, { kind: 'quarter', ...range('2023-01-01', '2023-03-31') }],
    ['1-й квартал 2023', CAL_2023, { kind: 'quarter', ...range('2023-01-01', '2023-03-31') }],
    ['второй квартал 2023', CAL_2023, { kind: 'quarter', ...range('2023-04-01', '2023-06-30') }],
    ['первое полугодие 2023 г.', CAL_2023, { kind: 'half', ...range('2023-01-01', '2023-06-30') }],
    ['2023г', CAL_2023, { kind: 'year', ...range('2023-01-01', '2023-12-31') }],
    ['2023 г.', CAL_2023, { kind: 'year', ...range('2023-01-01', '2023-12-31') }],
    ['2021 - 2023 гг.', CAL_2023, { kind: 'year-range', ...range('2021-01-01', '2023-12-31') }],
    [
      'в течение 2021-2023 годов',
      CAL_2023,
      { kind: 'year-range', ...range('2021-01-01', '2023-12-31') },
    ],
    [
      '2023/24 учебный год',
      CAL_2023,
      { kind: 'school-year', ...range('2023-09-01', '2024-08-31') },
    ],
    [
      'в течение 2022/2023 учебного года',
      CAL_2023,
      { kind: 'school-year', ...range('2022-09-01', '2023-08-31') },
    ],
    // a slash between years is the school-year convention
    ['2023/2024', CAL_2023, { kind: 'school-year', ...range('2023-09-01', '2024-08-31') }],
  ]);
});

describe('parseDeadline: every month in every case and abbreviation', () => {
  const forms: string[][] = [
    ['январь', 'января', 'январе', 'янв.', 'янв'],
    ['февраль', 'февраля', 'феврале', 'фев.', 'февр.'],
    ['март', 'марта', 'марте', 'мар.'],
    ['апрель', 'апреля', 'апреле', 'апр.'],
    ['май', 'мая', 'мае'],
    ['июнь', 'июня', 'июне', 'июн.'],
    ['июль', 'июля', 'июле', 'июл.'],
    ['август', 'августа', 'августе', 'авг.'],
    ['сентябрь', 'сентября', 'сентябре', 'сен.', 'сент.'],
    ['октябрь', 'октября', 'октябре', 'окт.'],
    ['ноябрь', 'ноября', 'ноябре', 'ноя.', 'нояб.'],
    ['декабрь', 'декабря', 'декабре', 'дек.'],
  ];
  const cases = forms.flatMap((words, i) =>
    words.flatMap((w) =>
      [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)].map((f) => [f, i + 1] as const),
    ),
  );
  test.each(cases)('%s 2024', (word, month) => {
    const mm = String(month).padStart(2, '0');
    expect(parseDeadline(`${word} 2024`, CAL_2023)).toMatchObject({
      kind: 'month',
      start: `2024-${mm}-01`,
    });
  });
  test('leap February ends on the 29th', () => {
    expect(parseDeadline('февраль 2024', CAL_2023).end).toBe('2024-02-29');
    expect(parseDeadline('февраль 2023', CAL_2023).end).toBe('2023-02-28');
  });
});

describe('parseDeadline: years taken from the plan period and from neighbours', () => {
  check([
    ['2 полугодие', CAL_2023, { kind: 'half', ...range('2023-07-01', '2023-12-31') }],
    // a school-year plan's halves without a year are the school halves
    ['1 полугодие', SCHOOL_2023, { kind: 'half', ...range('2023-09-01', '2023-12-31') }],
    ['2 полугодие', SCHOOL_2023, { kind: 'half', ...range('2024-01-01', '2024-08-31') }],
    ['4 квартал', SCHOOL_2023, { kind: 'quarter', ...range('2023-10-01', '2023-12-31') }],
    ['1 квартал', SCHOOL_2023, { kind: 'quarter', ...range('2024-01-01', '2024-03-31') }],
    ['сентябрь-май', SCHOOL_2023, { kind: 'month-range', ...range('2023-09-01', '2024-05-31') }],
    ['ноябрь-февраль', CAL_2023, { kind: 'month-range', ...range('2022-11-01', '2023-02-28') }],
    // an end without a year earlier in the calendar than its start lies in the next year
    [
      'сентябрь 2023 - май',
      SCHOOL_2023,
      { kind: 'month-range', ...range('2023-09-01', '2024-05-31') },
    ],
    ['15.12-15.01', SCHOOL_2023, { kind: 'date-range', ...range('2023-12-15', '2024-01-15') }],
    ['01.09.2023-31.05', SCHOOL_2023, { kind: 'date-range', ...range('2023-09-01', '2024-05-31') }],
    ['15.02', CAL_2023, { kind: 'date', ...day('2023-02-15') }],
    ['15.02', SCHOOL_2023, { kind: 'date', ...day('2024-02-15') }],
    [
      'ноябрь, декабрь 2022',
      CAL_2023,
      {
        kind: 'months',
        start: '2022-11-01',
        end: '2022-12-31',
        checkpoints: [range('2022-11-01', '2022-11-30'), range('2022-12-01', '2022-12-31')],
      },
    ],
    [
      'октябрь 2023; март 2024',
      SCHOOL_2023,
      {
        kind: 'months',
        start: '2023-10-01',
        end: '2024-03-31',
        checkpoints: [range('2023-10-01', '2023-10-31'), range('2024-03-01', '2024-03-31')],
      },
    ],
    [
      '01.11.2023, 01.03.2024',
      CAL_2023,
      {
        kind: 'dates',
        start: '2023-11-01',
        end: '2024-03-01',
        checkpoints: [day('2023-11-01'), day('2024-03-01')],
      },
    ],
    [
      '01.11.2023\n\n01.03.2024',
      CAL_2023,
      {
        kind: 'dates',
        start: '2023-11-01',
        end: '2024-03-01',
        checkpoints: [day('2023-11-01'), day('2024-03-01')],
      },
    ],
    // no period: the structure is known, the year is not; nothing is guessed
    ['Август', NONE, { kind: 'month', start: null, end: null }],
    ['1 полугодие', NONE, { kind: 'half', start: null, end: null }],
  ]);
});

describe('parseDeadline: until, from–to, reversed and invalid', () => {
  check([
    ['не позднее 01.09.2023', CAL_2023, { kind: 'until', ...range('2023-01-01', '2023-09-01') }],
    // "к 1 сентября" means "by then": an until
    ['к 1 сентября 2023', CAL_2023, { kind: 'until', ...range('2023-01-01', '2023-09-01') }],
    ['до конца 2023 года', CAL_2023, { kind: 'until', ...range('2023-01-01', '2023-12-31') }],
    [
      'до конца учебного года',
      SCHOOL_2023,
      { kind: 'until', ...range('2023-09-01', '2024-08-31') },
    ],
    // a deadline before the period: that day alone, so the rules report it as out of period
    ['до 15.02.2022', CAL_2023, { kind: 'until', ...day('2022-02-15') }],
    [
      'с сентября по декабрь 2023',
      CAL_2023,
      { kind: 'month-range', ...range('2023-09-01', '2023-12-31') },
    ],
    [
      'с 01.09 по 15.10.2023',
      CAL_2023,
      { kind: 'date-range', ...range('2023-09-01', '2023-10-15') },
    ],
    // reversed ranges are kept as written for the rules to report
    ['15.05-01.02.2023', CAL_2023, { kind: 'date-range', ...range('2023-05-15', '2023-02-01') }],
    [
      '01.12.2023-01.02.2023',
      CAL_2023,
      { kind: 'date-range', ...range('2023-12-01', '2023-02-01') },
    ],
    [
      'март 2023-январь 2023',
      CAL_2023,
      { kind: 'month-range', ...range('2023-03-01', '2023-01-31') },
    ],
    ['30 сентября 2023 г.', CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    ['до 31 декабря 2023 года', CAL_2023, { kind: 'until', ...range('2023-01-01', '2023-12-31') }],
    ['1-15 сентября 2023', CAL_2023, { kind: 'date-range', ...range('2023-09-01', '2023-09-15') }],
    [
      'с 1 по 15 сентября 2023 г.',
      CAL_2023,
      { kind: 'date-range', ...range('2023-09-01', '2023-09-15') },
    ],
    [
      '1 полугодие 2023/2024 учебного года',
      CAL_2023,
      { kind: 'half', ...range('2023-09-01', '2023-12-31') },
    ],
    [
      '2 полугодие 2023-2024 учебного года',
      CAL_2023,
      { kind: 'half', ...range('2024-01-01', '2024-08-31') },
    ],
    [
      'ноябрь 2023 г. - январь 2024 г.',
      CAL_2023,
      { kind: 'month-range', ...range('2023-11-01', '2024-01-31') },
    ],
    [
      'январь, май, сентябрь 2023',
      CAL_2023,
      {
        kind: 'months',
        start: '2023-01-01',
        end: '2023-09-30',
        checkpoints: [
          range('2023-01-01', '2023-01-31'),
          range('2023-05-01', '2023-05-31'),
          range('2023-09-01', '2023-09-30'),
        ],
      },
    ],
    [
      'II квартал 2023 г., IV квартал 2023 г.',
      CAL_2023,
      {
        kind: 'months',
        start: '2023-04-01',
        end: '2023-12-31',
        checkpoints: [range('2023-04-01', '2023-06-30'), range('2023-10-01', '2023-12-31')],
      },
    ],
    ['29.02.2024', CAL_2023, { kind: 'date', ...day('2024-02-29') }],
    ['29.02.2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['31.02.2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['32.01.2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['01.13.2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['31.04-15.05.2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['5 квартал 2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['3023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
  ]);
});

describe('parseDeadline: recurrences, references and notes', () => {
  check([
    [
      'еженедельно',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'week', times: 1 },
      },
    ],
    [
      '2 раза в год',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 2 },
      },
    ],
    [
      'дважды в год',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 2 },
      },
    ],
    [
      'не реже 1 раза в полугодие',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'year', times: 2, atLeast: true },
      },
    ],
    [
      'Ежегодно, в сентябре',
      NONE,
      {
        kind: 'recurring',
        start: null,
        end: null,
        recurrence: { every: 'year', times: 1, month: 9 },
      },
    ],
    [
      'ежеквартально (по графику)',
      CAL_2023,
      {
        kind: 'recurring',
        ...range('2023-01-01', '2023-12-31'),
        recurrence: { every: 'quarter', times: 1 },
        note: 'по графику',
      },
    ],
    ['по утверждённому графику', CAL_2023, { kind: 'by-reference', start: null, end: null }],
    ['согласно плану работы ИРО', CAL_2023, { kind: 'by-reference', start: null, end: null }],
    ['по запросу', CAL_2023, { kind: 'by-reference', start: null, end: null, vague: true }],
    ['(по графику)', CAL_2023, { kind: 'by-reference', start: null, end: null }],
    [
      '01.11.2023 (по согласованию)',
      CAL_2023,
      { kind: 'date', ...day('2023-11-01'), note: 'по согласованию' },
    ],
    [
      'в течение учебного года',
      SCHOOL_2023,
      { kind: 'period', ...range('2023-09-01', '2024-08-31') },
    ],
    [
      'в течение всего периода реализации дорожной карты',
      CAL_2023,
      { kind: 'period', ...range('2023-01-01', '2023-12-31') },
    ],
    [
      'систематически',
      CAL_2023,
      { kind: 'period', ...range('2023-01-01', '2023-12-31'), vague: true },
    ],
  ]);
});

describe('parseDeadline: what it must not guess', () => {
  check([
    ['в течение месяца', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['после 01.09.2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['сентябрь 2023 или позже', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['2023 2024', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['2023-09-30', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['до сентября', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['ежегодно до 1 сентября', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['срочно (по графику)', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    ['ASAP', CAL_2023, { kind: 'unparsed', start: null, end: null }],
    // quarter ranges are not read (yet): said, not guessed
    ['I-II квартал 2023', CAL_2023, { kind: 'unparsed', start: null, end: null }],
  ]);
});

describe('parseDeadline: cell values that are not text', () => {
  check([
    [null, CAL_2023, { kind: 'empty', start: null, end: null }],
    ['', CAL_2023, { kind: 'empty', start: null, end: null }],
    [' \u00A0\n ', CAL_2023, { kind: 'empty', start: null, end: null }],
    // a dash is the usual placeholder for "nothing here"
    ['—', CAL_2023, { kind: 'empty', start: null, end: null }],
    [new Date(Date.UTC(1899, 11, 31)), CAL_2023, { kind: 'unparsed', start: null, end: null }],
    [new Date(Date.UTC(2023, 8, 30)), CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    // a host that applied a time zone: still the nearest day
    [new Date(Date.UTC(2023, 8, 29, 21)), CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    [45199, CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    [45199.75, CAL_2023, { kind: 'date', ...day('2023-09-30') }],
    [36526, CAL_2023, { kind: 'date', ...day('2000-01-01') }],
    [2023, CAL_2023, { kind: 'year', ...range('2023-01-01', '2023-12-31') }],
    [12, CAL_2023, { kind: 'unparsed', start: null, end: null }],
    [70000, CAL_2023, { kind: 'unparsed', start: null, end: null }],
    [true, CAL_2023, { kind: 'unparsed', start: null, end: null }],
    [{ error: '#Н/Д' }, CAL_2023, { kind: 'unparsed', start: null, end: null }],
  ]);

  test('the text is the cell as a person sees it', () => {
    expect(parseDeadline('  01.02\u00A0–\u00A015.05.2023 ', CAL_2023).text).toBe(
      '01.02 - 15.05.2023',
    );
    expect(parseDeadline(45199, CAL_2023).text).toBe('30.09.2023');
    expect(parseDeadline({ error: '#Н/Д' }, CAL_2023).text).toBe('#Н/Д');
    expect(parseDeadline('в течение года (по отдельному графику)', CAL_2023).text).toBe(
      'в течение года (по отдельному графику)',
    );
  });
});

describe('parseDeadline: results are independent values', () => {
  test('changing a result does not change the next one for the same text', () => {
    const first = parseDeadline('1 раз в квартал (по графику)', CAL_2023);
    first.recurrence!.times = 99;
    first.note = 'изменено';
    const list = parseDeadline('01.11.2023; 01.03.2024', CAL_2023);
    list.checkpoints![0]!.start = '1999-01-01';
    expect(parseDeadline('1 раз в квартал (по графику)', CAL_2023)).toMatchObject({
      recurrence: { every: 'quarter', times: 1 },
      note: 'по графику',
    });
    expect(parseDeadline('01.11.2023; 01.03.2024', CAL_2023).checkpoints![0]).toEqual(
      day('2023-11-01'),
    );
  });

  test('the same text under different periods gives different years', () => {
    const cal = { period: { start: '2024-01-01', end: '2024-12-31', schoolYear: false } };
    const sch = { period: { start: '2024-01-01', end: '2024-12-31', schoolYear: true } };
    expect(parseDeadline('Май', cal).start).toBe('2024-05-01');
    expect(parseDeadline('Май', sch).start).toBe('2025-05-01');
    expect(parseDeadline('Май', NONE).start).toBeNull();
  });
});

describe('parseRecurrence', () => {
  test.each([
    ['ежегодно в декабре', { every: 'year', times: 1, month: 12 }],
    ['не менее 3 раз в год', { every: 'year', times: 3, atLeast: true }],
    ['раз в месяц', { every: 'month', times: 1 }],
    ['трижды в учебный год', { every: 'year', times: 3 }],
  ])('%s', (text, expected) => {
    expect(parseRecurrence(text)).toEqual(expected);
  });

  test('rejects what is not a recurrence', () => {
    expect(parseRecurrence('в течение года')).toBeNull();
    expect(parseRecurrence('0 раз в год')).toBeNull();
  });
});

describe('deadlineLabelRu', () => {
  test.each([
    ['01.02-15.05.2023', CAL_2023, '01.02.2023 – 15.05.2023'],
    ['30.09.2023', CAL_2023, '30.09.2023'],
    ['ежеквартально', NONE, 'ежеквартально'],
    ['ежеквартально', CAL_2023, 'ежеквартально (01.01.2023 – 31.12.2023)'],
    ['Ежегодно в сентябре', NONE, 'ежегодно в сентябре'],
    ['Не реже двух раз в год', NONE, 'не реже 2 раз в год'],
    ['не реже 1 раза в месяц', NONE, 'не реже 1 раза в месяц'],
    ['2 раза в год', NONE, '2 раза в год'],
    ['До 15.02.2023', NONE, 'до 15.02.2023'],
    ['постоянно', CAL_2023, 'постоянно (01.01.2023 – 31.12.2023)'],
    ['по мере необходимости', CAL_2023, 'срок задан ссылкой: «по мере необходимости»'],
    ['когда-нибудь', CAL_2023, 'срок не распознан: «когда-нибудь»'],
    ['', CAL_2023, 'срок не указан'],
    ['Август', NONE, '«Август» (год не определён: период плана неизвестен)'],
  ])('%j', (text, ctx, label) => {
    expect(deadlineLabelRu(parseDeadline(text, ctx))).toBe(label);
  });
});

describe('parseDeadline: properties', () => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const ru = (d: Date) => `${iso(d).slice(8, 10)}.${iso(d).slice(5, 7)}.${iso(d).slice(0, 4)}`;
  const anyDay = fc
    .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000));
  const dash = fc.constantFrom('-', ' - ', '–', ' – ', '—', '\u2212', '\u00A0-\u00A0');

  test('dd.mm.yyyy of any day parses to that day', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(CAL_2023, SCHOOL_2023, NONE), (d, ctx) => {
        const parsed = parseDeadline(ru(d), ctx);
        expect(parsed).toEqual({ kind: 'date', start: iso(d), end: iso(d), text: ru(d) });
      }),
    );
  });

  test('"a-b" of any two days a <= b is the date-range a..b, with any dash', () => {
    fc.assert(
      fc.property(anyDay, anyDay, dash, (x, y, sep) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const parsed = parseDeadline(`${ru(a)}${sep}${ru(b)}`, CAL_2023);
        expect(shape(parsed)).toEqual({ kind: 'date-range', start: iso(a), end: iso(b) });
      }),
    );
  });

  test('a Date value and its serial number give the same day', () => {
    fc.assert(
      fc.property(
        anyDay.filter((d) => d.getTime() < Date.UTC(2064, 0, 1)),
        (d) => {
          const serial = d.getTime() / 86_400_000 + 25569;
          expect(shape(parseDeadline(serial, NONE))).toEqual(shape(parseDeadline(d, NONE)));
        },
      ),
    );
  });

  test('never throws on fragments of deadline words, and dates are ISO or null', () => {
    const unit = fc.constantFrom(
      ...Array.from('0123456789.-–/ ;,\n()IVіянвмартдекбрьквлопугиечсжз'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        const d = parseDeadline(s, CAL_2023);
        expect(d.start === null || /^\d{4}-\d{2}-\d{2}$/.test(d.start)).toBe(true);
        expect(d.end === null || /^\d{4}-\d{2}-\d{2}$/.test(d.end)).toBe(true);
      }),
    );
  });
});
