import fc from 'fast-check';
import { gridFromValues, parseA1, type CellValue, type Grid } from '../../../src/core/grid';
import { checkSheet, checkWorkbook } from '../../../src/core/plan/check';
import { bigPlan, cleanPlan, defectsPlan, STANDARD_HEADER } from '../../fixtures/plans/handmade';
import { tverPlan } from '../../fixtures/plans/tver';

const AS_OF = '2024-01-15';
const codes = (issues: Array<{ code: string; cell: string }>): string[] =>
  issues.map((i) => `${i.code} ${i.cell}`);

describe('checkSheet', () => {
  it('finds no error at all in a clean plan in the standard structure', () => {
    const result = checkSheet(cleanPlan(), { asOf: AS_OF });
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({
      isPlan: true,
      headerRow: 3,
      title: expect.stringMatching(/^План мероприятий/),
    });
    expect(result.activities).toHaveLength(9);
    expect(result.sections.map((s) => s.number)).toEqual(['I', 'II', 'III']);
    expect(result.period).toMatchObject({
      start: '2024-01-01',
      end: '2024-12-31',
      source: 'title',
    });
  });

  it('describes the sheet: header row, columns, title, period, sections', () => {
    const result = checkSheet(tverPlan(), { asOf: AS_OF });
    expect(result.headerRow).toBe(4);
    expect(result.columns.deadline).toEqual({ col: 2, header: 'Срок исполнения' });
    expect(result.sections).toHaveLength(5);
    expect(result.activities).toHaveLength(18);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('sorts issues by row, then column', () => {
    const rows = checkSheet(defectsPlan(), { asOf: AS_OF }).issues.map((i) => i.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('says plainly that a sheet is empty or holds no plan', () => {
    expect(checkSheet(gridFromValues('Пусто', []), { asOf: AS_OF })).toMatchObject({
      isPlan: false,
      headerRow: null,
      issues: [
        { severity: 'info', code: 'sheet-empty', message: 'Лист «Пусто» пуст.', cell: '', row: 0 },
      ],
    });
    const other = checkSheet(
      gridFromValues('Итоги', [
        ['ОО', 'Кол-во участников'],
        ['Школа 1', 10],
      ]),
      { asOf: AS_OF },
    );
    expect(other).toMatchObject({
      isPlan: false,
      issues: [{ severity: 'info', code: 'no-plan-on-sheet' }],
    });
    expect(other.issues[0]!.message).toContain('«Мероприятие»');
  });

  it('a sheet with only the header is a plan with nothing in it', () => {
    const result = checkSheet(gridFromValues('План', [['План на 2023 год'], STANDARD_HEADER]), {
      asOf: AS_OF,
    });
    expect(result).toMatchObject({ isPlan: true, headerRow: 2, activities: [], sections: [] });
    expect(result.issues).toMatchObject([
      {
        severity: 'warning',
        code: 'no-activities',
        cell: 'A2',
        row: 2,
        message: 'Под шапкой таблицы (строка 2) нет ни одного мероприятия.',
      },
    ]);
  });

  it('reads 100 000 activities', () => {
    const result = checkSheet(bigPlan(100_000), { asOf: AS_OF });
    expect(result.activities).toHaveLength(100_000);
    expect(result.sections).toHaveLength(1000);
    expect(result.activities[99_999]).toMatchObject({ number: '1000.100', row: 101_002 });
    expect(
      result.issues.filter((i) => i.severity !== 'info' && i.code !== 'cycle-step-missing'),
    ).toEqual([]);
  });

  it('never throws on arbitrary cells and merges, and every issue names a real place', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>(
        '№',
        'Мероприятие',
        'Срок',
        'Ответственные',
        'I',
        'У',
        '1.',
        '1.1',
        'март 2023',
        'ИРО',
        '',
        '(далее — ИРО)',
        'Доля школ',
      ),
      fc.constant<CellValue>({ error: '#Н/Д' }),
      fc.constant<CellValue>(null),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.date({
        min: new Date(Date.UTC(2000, 0, 1)),
        max: new Date(Date.UTC(2030, 0, 1)),
        noInvalidDate: true,
      }),
      fc.string({ maxLength: 12 }),
    );
    const area = fc
      .record({ top: fc.nat(9), left: fc.nat(4), h: fc.nat(3), w: fc.nat(3) })
      .map((a) => ({ top: a.top, left: a.left, bottom: a.top + a.h, right: a.left + a.w }));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 14 }),
        fc.array(area, { maxLength: 3 }),
        (rows, merges) => {
          const grid: Grid = gridFromValues(
            'Лист',
            [['№', 'Мероприятие', 'Срок', 'Ответственные'], ...rows],
            merges,
          );
          const result = checkSheet(grid, { asOf: AS_OF });
          for (const i of result.issues) {
            expect(i.message.length).toBeGreaterThan(0);
            if (i.cell) expect(parseA1(i.cell).r + 1).toBe(i.row);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('checkWorkbook', () => {
  const notes = gridFromValues('Пояснения', [['Пояснительная записка к плану']]);
  const empty = gridFromValues('Лист3', []);

  it('checks every sheet; a sheet without a plan gets an info issue', () => {
    const result = checkWorkbook([tverPlan(), notes, empty], { asOf: AS_OF });
    expect(result.map((r) => [r.sheet, r.isPlan])).toEqual([
      ['План', true],
      ['Пояснения', false],
      ['Лист3', false],
    ]);
    expect(codes(result[1]!.issues)).toEqual(['no-plan-on-sheet ']);
    expect(codes(result[2]!.issues)).toEqual(['sheet-empty ']);
  });

  it('when no sheet holds a plan, every sheet with data gets header-not-found', () => {
    const result = checkWorkbook([notes, empty], { asOf: AS_OF, fileName: 'план.xlsx' });
    expect(result[0]!.issues).toMatchObject([
      { severity: 'error', code: 'header-not-found', cell: '', row: 0 },
    ]);
    expect(result[0]!.issues[0]!.message).toContain('«№» (№, № п/п');
    expect(codes(result[1]!.issues)).toEqual(['sheet-empty ']);
  });

  it('says plainly when the workbook is empty', () => {
    expect(checkWorkbook([], { asOf: AS_OF })[0]!.issues).toMatchObject([
      {
        severity: 'error',
        code: 'header-not-found',
        message: 'Книга пуста: в ней нет ни одного листа.',
      },
    ]);
    const allEmpty = checkWorkbook([empty], { asOf: AS_OF, fileName: 'план.xlsx' });
    expect(allEmpty[0]!.issues).toMatchObject([
      {
        severity: 'error',
        code: 'header-not-found',
        message: 'Книга пуста: ни на одном листе нет данных (файл «план.xlsx»).',
      },
    ]);
  });

  it('applies the sheet filter, ignoring case, and says when the sheet is missing', () => {
    expect(
      checkWorkbook([notes, tverPlan()], { asOf: AS_OF, sheet: 'план' }).map((r) => r.sheet),
    ).toEqual(['План']);
    const missing = checkWorkbook([notes], { asOf: AS_OF, sheet: 'План' });
    expect(missing[0]!.issues).toMatchObject([
      {
        severity: 'error',
        code: 'sheet-not-found',
        message: 'В книге нет листа «План»; есть: «Пояснения».',
      },
    ]);
  });

  it('reports an undefined abbreviation once per file and honours definitions on other sheets', () => {
    const sheet = (name: string, who: string): Grid =>
      gridFromValues(name, [
        ['План на 2023 год'],
        ['№', 'Мероприятие', 'Срок', 'Ответственные'],
        ['1', 'Семинар', 'март 2023', who],
      ]);
    const twice = checkWorkbook([sheet('А', 'ТОИРО'), sheet('Б', 'ТОИРО')], { asOf: AS_OF });
    expect(
      twice.map((r) => codes(r.issues.filter((i) => i.code === 'undefined-abbreviation'))),
    ).toEqual([['undefined-abbreviation D3'], []]);
    const defined = gridFromValues('Сокращения', [
      ['Тверской областной институт развития образования (далее — ТОИРО)'],
    ]);
    const none = checkWorkbook([sheet('А', 'ТОИРО'), defined], { asOf: AS_OF });
    expect(none[0]!.issues.filter((i) => i.code === 'undefined-abbreviation')).toEqual([]);
    const user = checkWorkbook([sheet('А', 'ТОИРО')], {
      asOf: AS_OF,
      glossaryExtra: { ТОИРО: 'институт' },
    });
    expect(user[0]!.issues.filter((i) => i.code === 'undefined-abbreviation')).toEqual([]);
  });
});
