/**
 * Reading any paste of a plan (issue #10 §1): headings alone in one column, page-break fragments
 * in any number of columns, "the row above looks unfinished".
 */
import { gridFromValues, type CellValue } from '../../../src/core/grid';
import { checkSheet } from '../../../src/core/plan/check';
import { classifyRow, type RowCells, type RowContext } from '../../../src/core/plan/classify';
import {
  completesDeadline,
  looksUnfinished,
  startsAsFragment,
} from '../../../src/core/plan/fragments';
import { parseNumberCell } from '../../../src/core/plan/rows';

describe('fragments', () => {
  it.each([
    ['Проведение семинаров для', true],
    ['Совещание с руководителями и', true],
    ['учителей-', true],
    ['Мониторинг (ВПР,', true],
    ['Центр оценки качества образования (далее', true],
    ['Семинар «Лучшие', true],
    ['Проведение семинаров', false],
    ['Анализ результатов ВПР (2023)', false],
    ['', false],
  ])('looksUnfinished(%j) = %s', (text, expected) => {
    expect(looksUnfinished(text)).toBe(expected);
  });

  it.each([
    ['русского языка и математики', true],
    ['(далее — ЦОКО)', true],
    ['– март 2023', true],
    ['Русский язык', false],
    ['«Точка роста»', false],
    ['ГБУ ТО ЦОКО', false],
  ])('startsAsFragment(%j) = %s', (text, expected) => {
    expect(startsAsFragment(text)).toBe(expected);
  });

  it.each([
    ['февраль–март', '2023', true],
    ['январь', '2023 г.', true],
    ['В течение', 'года', true],
    ['с 01.02.2023 по', '15.05.2023', true],
    ['01.11.2023', '– 01.03.2024', true],
    ['март 2023', '2024', false],
    ['01.11.2023;', '01.03.2024', false],
  ])('completesDeadline(%j, %j) = %s', (above, fragment, expected) => {
    expect(completesDeadline(above, fragment)).toBe(expected);
  });
});

describe('classifyRow: what the row would continue', () => {
  const ctx: RowContext = {
    hierarchical: false,
    afterActivity: true,
    afterSection: false,
    above: { title: 'Проведение семинаров', deadline: 'март 2023', responsible: 'ИРО' },
    numbered: true,
  };
  const row = (own: RowCells['own'], extra: Partial<RowCells> = {}): RowCells => ({
    own,
    otherTexts: [],
    number: parseNumberCell(own.number ?? null),
    titleSpans: false,
    ...extra,
  });
  const kind = (own: RowCells['own'], c: Partial<RowContext> = {}) =>
    classifyRow(row(own), { ...ctx, ...c }).kind;

  it('reads a heading typed alone in the number column, merged or not, as a heading', () => {
    expect(kind({ number: 'Организационно-управленческое направление' })).toBe('subheading');
    expect(
      kind({ number: 'Организационно-управленческое направление' }, { afterActivity: false }),
    ).toBe('section');
    expect(kind({ number: 'русского языка и математики' })).toBe('continuation');
    expect(kind({ number: 'Направление 1', title: 'Организационные меры' })).toBe('subheading');
  });

  it('reads a heading that landed alone in the deadline column as a heading', () => {
    expect(kind({ deadline: 'Методическое сопровождение' })).toBe('subheading');
    expect(kind({ deadline: 'В соответствии с планом работы ИРО' })).toBe('continuation');
    expect(kind({ deadline: 'Постоянно' })).toBe('continuation');
    expect(kind({ deadline: '2024' })).toBe('continuation');
  });

  it('joins a title fragment when the title above stops mid-phrase', () => {
    expect(kind({ title: 'Методическое сопровождение' })).toBe('subheading');
    expect(
      kind(
        { title: 'МОУО по работе с ШНОР' },
        { above: { title: 'Проведение семинаров для специалистов и' } },
      ),
    ).toBe('continuation');
  });

  it('joins fragments in several columns, the deadline included', () => {
    expect(kind({ title: 'и математики', deadline: '2023', responsible: 'ГБУ ТО ЦОКО' })).toBe(
      'continuation',
    );
    expect(
      kind(
        { title: 'Тверской области', deadline: '2023' },
        { above: { title: 'Семинар', deadline: 'февраль–март' } },
      ),
    ).toBe('continuation');
    expect(kind({ deadline: '01.03.2024', responsible: 'ЦОКО' })).toBe('continuation');
    expect(kind({ title: 'Курсы', responsible: '(далее — ИРО)' })).toBe('continuation');
  });

  it('gives a lone title to the row above when that row has none (a cell centred vertically)', () => {
    const above = { deadline: 'март 2023', responsible: 'ИРО' };
    expect(kind({ title: 'Семинар для учителей математики' }, { above })).toBe('continuation');
    expect(kind({ title: 'Семинар для учителей математики' })).toBe('subheading');
  });

  it('keeps a whole row without a number an activity', () => {
    expect(
      kind({ title: 'Совещание по итогам года', deadline: 'декабрь 2023', responsible: 'МО' }),
    ).toBe('activity');
    // A part of a row where the plan numbers nothing is an activity of its own.
    expect(kind({ title: 'Совещание', deadline: 'декабрь 2023' }, { numbered: false })).toBe(
      'activity',
    );
    expect(kind({ title: 'Совещание', deadline: 'декабрь 2023' })).toBe('continuation');
  });

  it('reads a flat number with nothing but a title as a section where it breaks the numbering', () => {
    const r = { number: '2', title: 'Адресная поддержка ШНОР' };
    expect(kind(r, { breaksNumbering: true })).toBe('section');
    expect(kind(r, { breaksNumbering: false })).toBe('activity');
  });

  it('takes a signature for the end of the table only below the last numbered row', () => {
    const sign = { number: 'Начальник управления образования', responsible: 'И.И. Иванова' };
    expect(kind(sign, { pastLastActivity: true })).toBe('footer');
    expect(kind({ responsible: 'Директор ЦОКО' }, { pastLastActivity: true })).toBe('continuation');
    expect(kind({ number: 'Примечание: сроки уточняются' }, { pastLastActivity: false })).not.toBe(
      'footer',
    );
  });

  it('does not take "9-х классах" or "2 направлениям" for a numbered heading', () => {
    expect(kind({ title: '9-х классах' })).toBe('continuation');
    expect(kind({ title: '2 направлениям' })).toBe('continuation');
    expect(kind({ title: '2. Методическое сопровождение' })).toBe('section');
  });
});

describe('a pasted plan reads without false errors', () => {
  const plan = (rows: CellValue[][]) =>
    checkSheet(
      gridFromValues('План', [
        ['План мероприятий на 2023 год'],
        ['№', 'Мероприятие', 'Срок', 'Ответственные'],
        ...rows,
      ]),
      { asOf: '2023-06-01' },
    );

  it('headings alone in column A, fragments across three columns, a split deadline', () => {
    const check = plan([
      ['Организационно-управленческое направление'],
      ['1.', 'Анализ результатов', 'январь 2023', 'ЦОКО'],
      ['2.', 'Корректировка концептуальных документов на основе', 'февраль–март', 'Министерство'],
      [null, 'анализа эффективности мер', '2023', 'образования (далее — МО)'],
      ['Адресная поддержка ШНОР'],
      ['3.', 'Семинары для руководителей', 'в течение года', 'МО'],
    ]);
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(check.sections.map((s) => s.title)).toEqual([
      'Организационно-управленческое направление',
      'Адресная поддержка ШНОР',
    ]);
    expect(
      check.activities.map((a) => [a.number, a.title, a.deadline.kind, a.deadline.start]),
    ).toEqual([
      ['1', 'Анализ результатов', 'month', '2023-01-01'],
      [
        '2',
        'Корректировка концептуальных документов на основе анализа эффективности мер',
        'month-range',
        '2023-02-01',
      ],
      ['3', 'Семинары для руководителей', 'period', '2023-01-01'],
    ]);
    expect(check.activities[1]!.responsibleText).toBe('Министерство образования (далее - МО)');
    expect(check.issues.map((i) => `${i.code} ${i.cell}`)).toContain('continuation-row B6');
  });

  it('a header repeated with its column numbering is skipped once', () => {
    const check = plan([
      ['1', 'Семинар', 'март 2023', 'ИРО'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1', '2', '3', '4'],
      ['2', 'Вебинар', 'май 2023', 'ИРО'],
    ]);
    expect(check.issues.filter((i) => i.row > 0).map((i) => `${i.code} ${i.cell}`)).toEqual([
      'repeated-header A4',
    ]);
    expect(check.activities.map((a) => a.number)).toEqual(['1', '2']);
  });
});
