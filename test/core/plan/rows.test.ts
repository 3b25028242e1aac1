import { classifyRow, type RowCells, type RowContext } from '../../../src/core/plan/classify';
import {
  isColumnNumbering,
  isFooterText,
  numberedHeading,
  parseNumberCell,
  restoreLostZeros,
  splitNumberAndTitle,
} from '../../../src/core/plan/rows';

describe('parseNumberCell', () => {
  it.each([
    ['1.', { text: '1', kind: 'arabic', parts: [1], trailingDot: true, storedAs: 'text' }],
    ['10', { text: '10', kind: 'arabic', parts: [10], trailingDot: false }],
    ['3.10', { text: '3.10', parts: [3, 10], trailingDot: false }],
    ['3.5.', { text: '3.5', parts: [3, 5], trailingDot: true }],
    ['1.1\u00A0', { text: '1.1', parts: [1, 1] }],
    [' 2 . 3 ', { text: '2.3', parts: [2, 3] }],
    ['1 |', { text: '1', parts: [1] }],
    ['IV', { text: 'IV', kind: 'roman', parts: [4], lookalike: false }],
    ['У', { text: 'У', kind: 'roman', parts: [5], lookalike: true }],
    ['ІІ.', { text: 'ІІ', kind: 'roman', parts: [2], lookalike: true, trailingDot: true }],
    ['№ п/п', { text: '№ п/п', kind: 'other' }],
    ['', { text: '', kind: 'none' }],
  ])('text %j', (value, expected) => {
    expect(parseNumberCell(value)).toMatchObject(expected);
  });

  it('reads a real number: 1.1 as 1.1, 10 as 10', () => {
    expect(parseNumberCell(1.1)).toMatchObject({
      text: '1.1',
      kind: 'arabic',
      parts: [1, 1],
      storedAs: 'number',
    });
    expect(parseNumberCell(10)).toMatchObject({ text: '10', parts: [10], storedAs: 'number' });
  });

  it('reads a pasted "1.10" that Excel turned into the date 01.10', () => {
    expect(parseNumberCell(new Date(Date.UTC(2023, 9, 1)))).toEqual({
      text: '1.10',
      kind: 'arabic',
      parts: [1, 10],
      trailingDot: false,
      storedAs: 'date',
      lookalike: false,
      shown: '01.10.2023',
    });
  });

  it('treats an error value and an empty cell as no number', () => {
    expect(parseNumberCell({ error: '#Н/Д' }).kind).toBe('none');
    expect(parseNumberCell(null).kind).toBe('none');
  });
});

describe('splitNumberAndTitle', () => {
  it('reads "1.2. Семинар" as number and title', () => {
    expect(splitNumberAndTitle('1.2. Семинар для учителей')).toEqual({
      number: {
        text: '1.2',
        kind: 'arabic',
        parts: [1, 2],
        trailingDot: true,
        storedAs: 'text',
        lookalike: false,
        withTitle: true,
      },
      title: 'Семинар для учителей',
    });
    expect(splitNumberAndTitle('2023 год')).toBeNull();
    expect(splitNumberAndTitle('Семинар')).toBeNull();
  });
});

describe('restoreLostZeros', () => {
  it('reads a real number 1.1 after 1.9 as "1.10", and nothing else', () => {
    const numbers = restoreLostZeros([1.8, 1.9, 1.1, '1.11', 2.1, 2.2].map(parseNumberCell));
    expect(numbers.map((n) => n.text)).toEqual(['1.8', '1.9', '1.10', '1.11', '2.1', '2.2']);
    expect(numbers[2]).toMatchObject({ parts: [1, 10], storedAs: 'number', shown: '1.1' });
    expect(numbers[4]!.shown).toBeUndefined();
  });

  it('leaves text numbers alone', () => {
    expect(restoreLostZeros(['1.9', '1.1'].map(parseNumberCell)).map((n) => n.text)).toEqual([
      '1.9',
      '1.1',
    ]);
  });
});

describe('numberedHeading', () => {
  it.each([
    [
      'I направление — Организационно-управленческие механизмы',
      { number: 'I', value: 1, roman: true, lookalike: false },
    ],
    ['У направление — Повышение качества', { number: 'У', value: 5, roman: true, lookalike: true }],
    ['1. Организационные механизмы', { number: '1', value: 1, roman: false }],
    ['2 Улучшение качества образования', { number: '2', value: 2 }],
    ['III. Меры', { number: 'III', value: 3 }],
    ['1 | Организационно-управленческое направление', { number: '1', value: 1 }],
  ])('%j', (text, expected) => {
    expect(numberedHeading(text)).toMatchObject(expected);
  });

  it.each(['Семинар для учителей', '2023 год', 'С целью поддержки', '1.1 Семинар', '45. Раздел'])(
    '%j is no numbered heading',
    (text) => {
      expect(numberedHeading(text)).toBeNull();
    },
  );
});

describe('isFooterText and isColumnNumbering', () => {
  it.each([
    '* по данным ФИС ОКО',
    'Примечание: сроки',
    'Исполнитель: Петрова А.А.',
    'Начальник управления',
    'Министр образования',
  ])('%j ends the table', (t) => {
    expect(isFooterText(t)).toBe(true);
  });
  it.each(['Министерство образования', 'Руководители школ', 'Семинар'])('%j does not', (t) => {
    expect(isFooterText(t)).toBe(false);
  });
  it('knows the row numbering the columns', () => {
    expect(isColumnNumbering(['1', '2', '3', '4'])).toBe(true);
    expect(isColumnNumbering(['1', 'Семинар', 'март', 'ИРО'])).toBe(false);
  });
});

describe('classifyRow', () => {
  const ctx: RowContext = { hierarchical: false, afterActivity: true, afterSection: false };
  const row = (own: RowCells['own'], extra: Partial<RowCells> = {}): RowCells => ({
    own,
    otherTexts: [],
    number: parseNumberCell(own.number ?? null),
    titleSpans: false,
    ...extra,
  });

  it('tells the kinds of rows apart', () => {
    expect(classifyRow(row({}), ctx).kind).toBe('blank');
    expect(classifyRow(row({ number: '№', title: 'Мероприятие' }), ctx).kind).toBe(
      'repeated-header',
    );
    expect(
      classifyRow(
        row({ number: '5.', title: 'Семинар', deadline: 'март', responsible: 'ИРО' }),
        ctx,
      ).kind,
    ).toBe('activity');
    expect(classifyRow(row({ number: 'II', title: 'Адресная поддержка' }), ctx)).toMatchObject({
      kind: 'section',
      heading: { value: 2 },
    });
    expect(classifyRow(row({ number: 'I направление — Организационные' }), ctx)).toMatchObject({
      kind: 'section',
      heading: { number: 'I' },
    });
    expect(classifyRow(row({ title: '2. Методическое сопровождение' }), ctx)).toMatchObject({
      kind: 'section',
      heading: { value: 2 },
    });
    expect(classifyRow(row({ responsible: '(далее — ГБОУ ДПО ТОИУУ)' }), ctx).kind).toBe(
      'continuation',
    );
    expect(classifyRow(row({ title: 'русского языка и математики' }), ctx).kind).toBe(
      'continuation',
    );
    expect(classifyRow(row({ title: 'Разработка учебно-методических материалов' }), ctx).kind).toBe(
      'subheading',
    );
    expect(
      classifyRow(row({ title: 'Задачи: 1. Координация' }), { ...ctx, afterSection: true }).kind,
    ).toBe('tasks');
    expect(
      classifyRow(row({ title: 'Семинар', deadline: 'март', responsible: 'ИРО' }), ctx).kind,
    ).toBe('activity');
    expect(classifyRow(row({ number: '* по данным ФИС ОКО' }), ctx).kind).toBe('footer');
  });

  it('reads a bare "1." without deadline as a section only where numbers are hierarchical', () => {
    const r = row({ number: '1.', title: 'Организационные мероприятия' });
    expect(classifyRow(r, { ...ctx, hierarchical: true }).kind).toBe('section');
    expect(classifyRow(r, ctx).kind).toBe('activity');
  });

  it('reads an unnumbered heading before any activity as a section', () => {
    expect(
      classifyRow(row({ title: 'Организационные меры' }), { ...ctx, afterActivity: false }),
    ).toMatchObject({ kind: 'section', text: 'Организационные меры' });
  });
});
