/**
 * Every rule on the fixture row made to break it: the exact code, severity, cell and row.
 */
import { gridFromValues, type Grid } from '../../../src/core/grid';
import type { Issue } from '../../../src/core/issue';
import { checkSheet } from '../../../src/core/plan/check';
import { stemKey } from '../../../src/core/plan/rules/titles';
import { amurPlan } from '../../fixtures/plans/amur';
import {
  cleanPlan,
  defectsPlan,
  messyPlan,
  missingColumnPlan,
  noPeriodPlan,
  statusPlan,
  twoRowHeaderPlan,
} from '../../fixtures/plans/handmade';
import { tambovPlan } from '../../fixtures/plans/tambov';
import { tverPlan } from '../../fixtures/plans/tver';

const AS_OF = '2024-01-15';
const at = (issues: Issue[], code: string): string[] =>
  issues.filter((i) => i.code === code).map((i) => `${i.severity} ${i.cell} ${i.row}`);
const check = (grid: Grid, asOf = AS_OF) => checkSheet(grid, { asOf });

describe('rules on the defects fixture (one defect per row)', () => {
  const { issues } = check(defectsPlan());

  it.each([
    ['duplicate-column', ['warning G2 2']],
    ['missing-title', ['error B5 5']],
    ['duplicate-number', ['error A6 6']],
    ['number-sequence', ['warning A7 7']],
    ['number-section-mismatch', ['warning A8 8']],
    ['section-number', ['warning A9 9']],
    ['missing-deadline', ['error C10 10']],
    ['deadline-outside-period', ['error C11 11']],
    ['deadline-reversed', ['error C12 12']],
    ['deadline-unparsed', ['warning C13 13']],
    ['deadline-vague', ['info C14 14']],
    ['deadline-by-reference', ['info C15 15']],
    ['missing-responsible', ['error D16 16']],
    ['undefined-abbreviation', ['warning D17 17']],
    ['indicator-without-target', ['warning E18 18']],
    ['duplicate-title', ['warning B19 19']],
    ['similar-title', ['info B21 21']],
    ['missing-number', ['warning A22 22']],
    ['number-dot', ['info A24 24']],
  ])('%s', (code, expected) => {
    expect(at(issues, code)).toEqual(expected);
  });

  it('says what is wrong and the value, in Russian', () => {
    const text = (code: string): string => issues.find((i) => i.code === code)!.message;
    expect(text('duplicate-number')).toBe(
      'Номер «1.2» повторяется: он уже есть у мероприятия в строке 5.',
    );
    expect(text('number-sequence')).toContain('пропущен номер «1.3»');
    expect(text('number-section-mismatch')).toContain('«2.1»');
    expect(text('section-number')).toBe('Раздел III идёт после раздела I: пропущен раздел II.');
    expect(text('deadline-outside-period')).toBe(
      'Срок «01.03-30.12.2022» (01.03.2022–30.12.2022) выходит за период плана 01.01.2023–31.12.2023.',
    );
    expect(text('deadline-reversed')).toContain('«15.05-01.02.2023»');
    expect(text('deadline-unparsed')).toContain('«когда-нибудь потом»');
    expect(text('undefined-abbreviation')).toContain('«ТОИРО»');
    expect(text('duplicate-title')).toBe(
      'Мероприятие «Семинар для учителей» (строка 19, раздел «III Третий раздел») слово в слово повторяет мероприятие в строке 4 (раздел «I Первый раздел») с тем же сроком.',
    );
    expect(text('similar-title')).toContain('строке 20');
    expect(text('number-dot')).toBe(
      'Номер «3.14.» записан с точкой, а большинство номеров — без неё.',
    );
    expect(issues.find((i) => i.code === 'number-dot')!.fix).toBe('Запишите «3.14».');
  });

  it('never calls a vague or unverifiable deadline an error', () => {
    const rows = issues.filter((i) => i.row === 14 || i.row === 15 || i.row === 13);
    expect(rows.map((i) => i.severity)).not.toContain('error');
  });

  it('lists the cycle steps nothing in the plan speaks of, with the words looked for', () => {
    const steps = issues.filter((i) => i.code === 'cycle-step-missing');
    // Step 2 is the "Доля …" row, step 8 the list of schools its result promises.
    expect(steps.map((i) => /шага (\d)/.exec(i.message)![1])).toEqual(['1', '6', '9']);
    expect(steps[0]).toMatchObject({ severity: 'warning', cell: '', row: 0 });
    expect(steps[0]!.message).toContain(
      'искали слова: цели, задачи, стратегия, разработка программ, планирование',
    );
    expect(steps[1]!.message).toContain('искали слова: рекомендации.');
  });
});

describe('rules on the modelled real plans', () => {
  it('Tver: "У" for V, "10" after "9.", the continuation row, the repeated activity', () => {
    const { issues } = check(tverPlan());
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
      'number-dot A15',
      'continuation-row D18',
      'deadline-by-reference C19',
      'duplicate-title B24',
      'section-number A27',
    ]);
    expect(issues.find((i) => i.code === 'section-number')!.fix).toBe('Заменить «У» на «V».');
    expect(issues.find((i) => i.code === 'number-dot')!.fix).toBe('Запишите «10.».');
    expect(issues.find((i) => i.code === 'duplicate-title')!.message).toContain('строке 21');
  });

  it('Amur: the "Доля …" row whose result holds no target', () => {
    const { issues } = check(amurPlan());
    expect(
      issues.filter((i) => i.code !== 'cycle-step-missing').map((i) => `${i.code} ${i.cell}`),
    ).toEqual(['indicator-without-target E17']);
  });

  it('Tambov: repeated headers, "постоянно", "ежегодно" without a month, a result with no measure', () => {
    const { issues } = check(tambovPlan());
    expect(
      issues.filter((i) => !i.code.startsWith('cycle-step')).map((i) => `${i.code} ${i.cell}`),
    ).toEqual([
      'deadline-vague C5',
      'repeated-header A9',
      'deadline-vague C11',
      'result-not-measurable E11',
      'deadline-vague C12',
      'repeated-header A13',
    ]);
    // "Ежегодно в сентябре" and "Не реже 1 раза в квартал" say when.
    expect(issues.find((i) => i.cell === 'C5')!.message).toBe(
      'Срок «ежегодно» не называет месяца: когда именно в году его ждать, не сказано.',
    );
  });

  it('"в течение года" in a plan of several years, and a date deferred to a schedule', () => {
    const { issues } = check(
      gridFromValues('План', [
        ['План мероприятий на 2021–2023 годы'],
        ['№', 'Мероприятие', 'Срок', 'Ответственные'],
        ['1', 'Семинар', 'в течение года', 'ИРО'],
        ['2', 'Вебинар', 'в течение всего периода', 'ИРО'],
        ['3', 'Курсы', '1 раз в квартал (по графику)', 'ИРО'],
        ['4', 'Конференция', 'март 2022 (по отдельному плану)', 'ИРО'],
      ]),
    );
    expect(
      issues.map((i) => `${i.severity} ${i.code} ${i.cell}`).filter((t) => /C\d/.test(t)),
    ).toEqual([
      'info deadline-vague C3',
      'info deadline-by-reference C5',
      'info deadline-by-reference C6',
    ]);
    expect(issues.find((i) => i.cell === 'C3')!.message).toBe(
      'Срок «в течение года» не говорит, о каком из лет плана (2021–2023) речь: проверить его по дате нельзя.',
    );
    expect(issues.find((i) => i.cell === 'C5')!.message).toBe(
      'Срок «1 раз в квартал (по графику)» уточняется другим документом («по графику»): точные даты по плану проверить нельзя.',
    );
  });
});

describe('rules on pasted and unusual sheets', () => {
  it('numbers stored as dates and #Н/Д values', () => {
    const { issues } = check(messyPlan());
    expect(
      issues
        .filter((i) => i.code !== 'cycle-step-missing')
        .map((i) => `${i.severity} ${i.code} ${i.cell}`),
    ).toEqual([
      'warning number-style A3',
      'error missing-deadline C5',
      'warning cell-error C5',
      'warning number-style A7',
    ]);
    expect(issues.find((i) => i.cell === 'A3')!.message).toBe(
      'Номер хранится как дата 01.01.2023: Excel превратил «1.1» в дату.',
    );
  });

  it('a missing required column is one error, not one per row', () => {
    const { issues } = check(missingColumnPlan());
    expect(at(issues, 'missing-column')).toEqual(['error A2 2']);
    expect(at(issues, 'missing-responsible')).toEqual([]);
    expect(issues.find((i) => i.code === 'missing-column')!.message).toContain('«Ответственные»');
  });

  it('an indicator column without a target value', () => {
    expect(at(check(twoRowHeaderPlan()).issues, 'indicator-without-target')).toEqual([
      'warning F5 5',
    ]);
  });

  it('overdue activities when there is a status column, with status counts', () => {
    const result = check(statusPlan(), '2023-06-15');
    expect(at(result.issues, 'activity-overdue')).toEqual(['warning E4 4', 'warning E5 5']);
    expect(result.status).toEqual({
      counts: { done: 1, unknown: 2, 'not-done': 1, cancelled: 1 },
      overdue: [4, 5],
    });
    expect(check(cleanPlan()).status).toEqual({ counts: { done: 1, unknown: 8 }, overdue: [] });
    expect(check(tverPlan()).status).toBeUndefined();
  });

  it('a period inferred from deadlines is said, and deadlines are not checked against it', () => {
    const { issues, period } = check(noPeriodPlan());
    expect(at(issues, 'period-not-found')).toEqual(['warning  0']);
    expect(period?.source).toBe('inferred');
    expect(at(issues, 'deadline-outside-period')).toEqual([]);
  });

  it('deadlines outside a period the user set are errors', () => {
    const result = checkSheet(noPeriodPlan(), {
      asOf: AS_OF,
      period: { start: '2024-01-01', end: '2024-12-31', schoolYear: false },
    });
    expect(at(result.issues, 'deadline-outside-period')).toEqual(['error C3 3', 'error C4 4']);
    expect(at(result.issues, 'period-not-found')).toEqual([]);
  });

  it('a deadline on the first day after the period means its end, one more day is outside', () => {
    const plan = gridFromValues('План', [
      ['План на 2023 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1', 'Семинар', 'до 01.01.2024', 'ИРО'],
      ['2', 'Совещание', 'к 1 января 2024 г.', 'ИРО'],
      ['3', 'Конференция', 'до 02.01.2024', 'ИРО'],
    ]);
    const result = checkSheet(plan, { asOf: AS_OF });
    expect(at(result.issues, 'deadline-outside-period')).toEqual(['error C5 5']);
  });
});

describe('numbers and titles as pasted', () => {
  const plan = (rows: Array<Array<string | number | null>>): Grid =>
    gridFromValues('План', [
      ['План на 2023 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ...rows,
    ]);

  it('"1.10" stored as the number 1.1 is a style warning, not a duplicate', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [
      i === 9 ? 1.1 : `1.${i + 1}`,
      `Семинар номер ${i + 1}`,
      'март 2023',
      'ИРО',
    ]);
    const { issues, activities } = check(plan(rows));
    expect(activities[9]!.number).toBe('1.10');
    expect(
      issues
        .filter((i) => i.code !== 'cycle-step-missing' && i.code !== 'similar-title')
        .map((i) => `${i.code} ${i.cell}`),
    ).toEqual(['number-style A12']);
    expect(issues.find((i) => i.code === 'number-style')!.message).toBe(
      'Номер хранится как число 1.1: ноль в конце потерян, номер прочитан как «1.10».',
    );
  });

  it('numbers out of order and skipped', () => {
    const { issues } = check(
      plan([
        ['1', 'Семинар', 'март 2023', 'ИРО'],
        ['2', 'Вебинар', 'март 2023', 'ИРО'],
        ['4', 'Курсы', 'март 2023', 'ИРО'],
        ['3', 'Конференция', 'март 2023', 'ИРО'],
      ]),
    );
    expect(at(issues, 'number-sequence')).toEqual(['warning A5 5', 'warning A6 6']);
    expect(issues.filter((i) => i.code === 'number-sequence').map((i) => i.message)).toEqual([
      'После номера «2» идёт «4»: пропущен номер «3».',
      'Номер «3» нарушает порядок: ожидался «5».',
    ]);
  });

  it('flat numbers that start again in every section are neither duplicates nor out of order', () => {
    const { issues } = check(
      plan([
        ['I', 'Первый раздел'],
        ['1', 'Семинар', 'март 2023', 'ИРО'],
        ['2', 'Вебинар', 'март 2023', 'ИРО'],
        ['II', 'Второй раздел'],
        ['1', 'Курсы', 'март 2023', 'ИРО'],
        ['2', 'Конференция', 'март 2023', 'ИРО'],
      ]),
    );
    expect(issues.filter((i) => /number/.test(i.code))).toEqual([]);
  });

  it('through numbering that goes on across sections numbered by section skips nothing', () => {
    const { issues } = check(
      plan([
        ['I', 'Первый раздел'],
        ['1.1', 'Семинар', 'март 2023', 'ИРО'],
        ['1.2', 'Вебинар', 'март 2023', 'ИРО'],
        ['II', 'Второй раздел'],
        ['3', 'Курсы', 'март 2023', 'ИРО'],
        ['4', 'Конференция', 'март 2023', 'ИРО'],
        ['III', 'Третий раздел'],
        ['3.1', 'Совещание', 'апрель 2023', 'ИРО'],
        ['IV', 'Четвёртый раздел'],
        ['6', 'Мониторинг', 'май 2023', 'ИРО'],
        ['8', 'Отчёт', 'май 2023', 'ИРО'],
      ]),
    );
    // «3» and «6» are the activities' places in the plan; «8» after «6» still skips «7».
    expect(issues.filter((i) => i.code === 'number-sequence').map((i) => i.message)).toEqual([
      'После номера «6» идёт «8»: пропущен номер «7».',
    ]);
  });

  it('sections out of order', () => {
    const { issues } = check(
      plan([
        ['II', 'Второй раздел'],
        ['1', 'Семинар', 'март 2023', 'ИРО'],
        ['I', 'Первый раздел'],
        ['2', 'Курсы', 'март 2023', 'ИРО'],
      ]),
    );
    expect(
      issues.filter((i) => i.code === 'section-number').map((i) => `${i.cell} ${i.message}`),
    ).toEqual([
      'A3 Раздел II идёт первым: пропущен раздел I.',
      'A5 Раздел I нарушает порядок разделов: ожидался III.',
    ]);
  });

  it('a number and a title in one cell are read apart, with a style warning', () => {
    const { issues, activities } = check(
      plan([
        ['1', 'Семинар для учителей', 'март 2023', 'ИРО'],
        ['2 Курсы повышения квалификации', null, 'май 2023', 'ИРО'],
      ]),
    );
    expect(activities.map((a) => [a.number, a.title])).toEqual([
      ['1', 'Семинар для учителей'],
      ['2', 'Курсы повышения квалификации'],
    ]);
    expect(at(issues, 'number-style')).toEqual(['warning A4 4']);
    expect(at(issues, 'missing-title')).toEqual([]);
    expect(issues.find((i) => i.code === 'number-style')!.message).toBe(
      'Номер «2» и название мероприятия записаны в одну ячейку.',
    );
  });

  it('a title repeated with a Latin look-alike letter is still a duplicate', () => {
    const { issues } = check(
      plan([
        ['1', 'Семинар для учителей', 'март 2023', 'ИРО'],
        ['2', 'Ceминар для учителей', 'март 2023', 'ИРО'],
      ]),
    );
    expect(at(issues, 'duplicate-title')).toEqual(['warning B4 4']);
  });

  it('a repeat at another time is no duplicate; the same work with the same deadline is', () => {
    const rows = (second: string): Issue[] =>
      check(
        plan([
          ['1', 'Проведение совещания с руководителями школ по ВПР', 'март 2023', 'ИРО'],
          ['2', second, 'сентябрь 2023', 'ЦОКО'],
          ['3', 'Совещание с руководителями школ по ВПР: проведение', 'март 2023', 'ЦОКО'],
        ]),
      ).issues.filter((i) => i.code.endsWith('-title'));
    // Row 4 repeats row 3 word for word in September: another time, no repeat.
    const found = rows('Проведение совещания с руководителями школ по ВПР');
    expect(found.map((i) => `${i.code} ${i.row}`)).toEqual(['similar-title 5']);
  });
});

describe('stemKey (similar titles bucket)', () => {
  it('ignores word order, endings and short words', () => {
    expect(stemKey('Проведение семинаров для учителей математики')).toBe(
      stemKey('Семинары для учителей математики: проведение'),
    );
    expect(stemKey('Семинар для учителей')).toBeNull();
    expect(stemKey('Проведение семинаров для учителей химии')).not.toBe(
      stemKey('Проведение семинаров для учителей физики'),
    );
    // Two procedures are two works, whatever else the titles share.
    expect(
      stemKey('Информационно-методические справки по итогам проведения ГИА-9 в 2023 году'),
    ).not.toBe(
      stemKey('Информационно-методические справки по итогам проведения ГИА-11 в 2023 году'),
    );
  });
});
