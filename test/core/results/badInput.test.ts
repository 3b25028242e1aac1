import { gridFromValues, type CellValue } from '../../../src/core/grid';
import { RESULTS_ISSUES } from '../../../src/core/results/issues';
import { readResults } from '../../../src/core/results/read';
import { LONG_HEADER, longRow, type LongRow } from '../../fixtures/results/longTable';

const FILE = 'итоги.xlsx';
const BASE: LongRow = {
  municipality: 'Бежецкий МО',
  code: '690101',
  name: 'МОУ Бежецкая СОШ',
  year: 2023,
  type: 'ВПР',
  grade: 5,
  subject: 'Математика',
  n: 20,
  n2: 2,
};

function readRows(...rows: Array<Partial<LongRow>>) {
  const values: CellValue[][] = [LONG_HEADER, ...rows.map((r) => longRow({ ...BASE, ...r }))];
  return readResults([gridFromValues('Свод', values)], { file: FILE });
}

function only(read: ReturnType<typeof readResults>, code: string) {
  const found = read.issues.filter((i) => i.code === code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('bad rows are left out, listed and reported at their cell', () => {
  it('results-duplicate: same school, year and procedure twice keeps the first and names both rows', () => {
    const read = readRows({}, { n: 25, n2: 5 });
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]!.participants).toBe(20);
    const issue = only(read, 'results-duplicate');
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Свод', cell: 'C3', row: 3 });
    expect(issue.message).toBe(
      'Файл «итоги.xlsx», лист «Свод», ячейка C3: школа «МОУ Бежецкая СОШ» (690101), ВПР 5 класс, Математика, 2023 год уже есть в строке 2 (учтена она); строка не учитывается.',
    );
    expect(read.tables[0]!.rowsLeftOut).toEqual([
      { row: 3, reason: expect.stringContaining('уже есть в строке 2') },
    ]);
  });

  it('results-duplicate across sheets names the other sheet; different subjects are no duplicate', () => {
    const a = gridFromValues('А', [LONG_HEADER, longRow(BASE)]);
    const b = gridFromValues('Б', [
      LONG_HEADER,
      longRow(BASE),
      longRow({ ...BASE, subject: 'Русский язык' }),
    ]);
    const read = readResults([a, b]);
    expect(read.rows).toHaveLength(2);
    expect(only(read, 'results-duplicate').message).toContain('уже есть в строке 2 листа «А»');
  });

  it('results-failed-exceeds: more «2» than participants', () => {
    const read = readRows({ n: 20, n2: 25 });
    expect(read.rows).toEqual([]);
    const issue = only(read, 'results-failed-exceeds');
    expect(issue).toMatchObject({ severity: 'error', cell: 'I2' });
    expect(issue.message).toContain('«2» получили 25, а участников 20');
  });

  it.each([
    [{ n: -5 }, 'H2', 'отрицательное число -5'],
    [{ n2: 2.5 }, 'I2', 'дробное число 2,5'],
    [{ n: 'двадцать' }, 'H2', '«двадцать» — не число'],
    [{ n3: -1 }, 'J2', 'отрицательное число -1'],
  ])('results-bad-count: %j', (row, cell, text) => {
    const read = readRows(row);
    expect(read.rows).toEqual([]);
    const issue = only(read, 'results-bad-count');
    expect(issue).toMatchObject({ severity: 'error', cell });
    expect(issue.message).toContain(text);
    expect(read.tables[0]!.rowsLeftOut).toHaveLength(1);
  });

  it.each([
    [{ year: 'прошлый' }, 'D2', 'год «прошлый» не распознан'],
    [{ grade: 'пятый' }, 'F2', 'класс «пятый» не распознан'],
    [{ subject: '' }, 'G2', 'не указан предмет'],
    [{ n: null }, 'H2', 'не указано число участников'],
  ])('results-bad-value: %j', (row, cell, text) => {
    const read = readRows(row);
    expect(read.rows).toEqual([]);
    expect(only(read, 'results-bad-value')).toMatchObject({
      severity: 'error',
      cell,
      message: expect.stringContaining(text),
    });
  });

  it('results-unknown-procedure: left out, one summary per value with the count', () => {
    const read = readRows(
      { type: 'НИКО' },
      { type: 'НИКО', code: '2' },
      { type: 'ВПР', code: '3' },
    );
    expect(read.rows.map((r) => r.schoolCode)).toEqual(['3']);
    const issue = only(read, 'results-unknown-procedure');
    expect(issue).toMatchObject({ severity: 'warning', cell: 'E2' });
    expect(issue.message).toContain('процедура «НИКО» не распознана (2 строки, первая здесь)');
    expect(read.tables[0]!.rowsLeftOut.map((l) => l.row)).toEqual([2, 3]);
  });

  it('results-unknown-subject: kept under its own name, counted in one summary', () => {
    const read = readRows({ subject: 'Матем-ка' }, { subject: 'Матем-ка', code: '2' });
    expect(read.rows.map((r) => r.subject)).toEqual(['Матем-ка', 'Матем-ка']);
    const issue = only(read, 'results-unknown-subject');
    expect(issue).toMatchObject({ severity: 'warning', cell: 'G2' });
    expect(issue.message).toContain('предмет «Матем-ка» не распознан (2 строки, первая здесь)');
  });

  it('results-same-name: two schools of one municipality told apart only by code stay apart', () => {
    const read = readRows({ code: '690101' }, { code: '690102' });
    expect(read.rows).toHaveLength(2);
    expect(only(read, 'results-same-name')).toMatchObject({
      severity: 'info',
      cell: 'C3',
      message: expect.stringContaining(
        'называется так же, как школа с кодом 690101 в строке 2, но код у них разный',
      ),
    });
  });

  it('results-formula-like-name: kept as text, said once', () => {
    const read = readRows({ name: '=МОУ СОШ', code: '' }, { name: '+7 школа', code: '' });
    expect(read.rows.map((r) => r.schoolName)).toEqual(['=МОУ СОШ', '+7 школа']);
    expect(
      read.issues
        .filter((i) => i.code === 'results-formula-like-name')
        .map((i) => [i.severity, i.cell]),
    ).toEqual([
      ['info', 'C2'],
      ['info', 'C3'],
    ]);
  });

  it('results-missing-years: one summary naming the schools and the years they lack', () => {
    const read = readRows(
      { year: 2022 },
      { year: 2023 },
      { code: '2', name: 'Новая школа', year: 2023 },
    );
    const issue = only(read, 'results-missing-years');
    expect(issue.severity).toBe('info');
    expect(issue.message).toContain(
      'у 1 шк. нет результатов за некоторые годы из 2022, 2023: «Новая школа» (2) — нет 2022',
    );
  });

  it('results-empty: a table with no readable row', () => {
    const read = readRows({ n: -1 });
    expect(only(read, 'results-empty')).toMatchObject({
      severity: 'error',
      sheet: 'Свод',
      cell: '',
    });
  });

  it('results-header-not-found: names every sheet looked at', () => {
    const read = readResults([gridFromValues('План', [['№', 'Мероприятие', 'Срок']])], {
      file: FILE,
    });
    expect(read.rows).toEqual([]);
    expect(read.tables).toEqual([]);
    expect(only(read, 'results-header-not-found')).toMatchObject({
      severity: 'error',
      sheet: 'План',
      message: expect.stringMatching(
        /^Файл «итоги\.xlsx», лист «План»: в первых 30 строках не найдена строка заголовка/,
      ),
    });
  });

  it('results-header-not-found: a sheet asked for that the workbook lacks', () => {
    const read = readResults([gridFromValues('Свод', [LONG_HEADER, longRow(BASE)])], {
      file: FILE,
      sheet: 'ВПР',
    });
    expect(read.rows).toEqual([]);
    expect(only(read, 'results-header-not-found').message).toBe(
      'Файл «итоги.xlsx», лист «ВПР»: такого листа в книге нет (есть листы «Свод»).',
    );
  });

  it('results-empty: a workbook without sheets', () => {
    expect(readResults([]).issues).toEqual([
      {
        severity: 'error',
        code: 'results-empty',
        message: 'Книга: в книге нет ни одного листа с данными.',
        sheet: '',
        cell: '',
        row: 0,
      },
    ]);
  });

  it('an empty cell in a column the table has is an error there, not filled from the title', () => {
    const values: CellValue[][] = [
      ['Результаты ВПР 2023'],
      LONG_HEADER,
      longRow({ ...BASE, year: null }),
    ];
    const read = readResults([gridFromValues('Свод', values)]);
    expect(read.rows).toEqual([]);
    expect(only(read, 'results-bad-value')).toMatchObject({
      cell: 'D3',
      message: expect.stringContaining('не указан год'),
    });
  });

  it('ОГЭ and ЕГЭ rows take grades 9 and 11 even under a title that names another grade', () => {
    const values: CellValue[][] = [
      ['ВПР, 5 класс; ЕГЭ'],
      ['ОО', 'Процедура', 'Год', 'Предмет', 'N', '«2»'],
      ['Школа', 'ЕГЭ', 2023, 'Русский язык', 10, 0],
      ['Школа', 'ВПР', 2023, 'Русский язык', 10, 0],
    ];
    expect(
      readResults([gridFromValues('Свод', values)]).rows.map((r) => `${r.type} ${r.grade}`),
    ).toEqual(['ЕГЭ 11', 'ВПР 5']);
  });

  it('results-sheet-skipped: other sheets of a workbook with results are only mentioned', () => {
    const read = readResults([
      gridFromValues('Свод', [LONG_HEADER, longRow(BASE)]),
      gridFromValues('Настройки', [['Порог', 0.3]]),
    ]);
    expect(only(read, 'results-sheet-skipped')).toMatchObject({
      severity: 'info',
      sheet: 'Настройки',
    });
  });

  it('results-missing-column: a table without participants says so once and reads nothing', () => {
    const values: CellValue[][] = [
      ['ОО', 'Год', 'Процедура', 'Класс', 'Предмет', 'Кол-во «2»'],
      ['Школа', 2023, 'ВПР', 5, 'Математика', 3],
      ['Школа 2', 2023, 'ВПР', 5, 'Математика', 4],
    ];
    const read = readResults([gridFromValues('Свод', values)]);
    expect(read.rows).toEqual([]);
    expect(only(read, 'results-missing-column')).toMatchObject({
      severity: 'error',
      cell: 'A1',
      message: expect.stringContaining('«кол-во участников»'),
    });
    expect(read.tables[0]!.rowsLeftOut).toHaveLength(2);
  });

  it('results-missing-column: a ВПР row without a grade column is reported once', () => {
    const values: CellValue[][] = [
      ['ОО', 'Год', 'Процедура', 'Предмет', 'N', '«2»'],
      ['Школа', 2023, 'ВПР', 'Математика', 10, 3],
      ['Школа', 2023, 'ОГЭ', 'Математика', 12, 1],
      ['Школа 2', 2023, 'ВПР', 'Математика', 10, 3],
    ];
    const read = readResults([gridFromValues('Свод', values)]);
    expect(read.rows.map((r) => `${r.type} ${r.grade}`)).toEqual(['ОГЭ 9']);
    expect(only(read, 'results-missing-column').message).toContain('«класс (нужен для ВПР)»');
  });

  it('results-row-skipped: numbers without a school name, and stray text inside a table', () => {
    const values: CellValue[][] = [
      LONG_HEADER,
      longRow({ ...BASE, name: '' }),
      longRow(BASE),
      [null, null, null, 'сноска: данные предварительные'],
    ];
    const read = readResults([gridFromValues('Свод', values)]);
    expect(read.issues.filter((i) => i.code === 'results-row-skipped').map((i) => i.cell)).toEqual([
      'C2',
      'D4',
    ]);
    expect(read.tables[0]!.rowsLeftOut.map((l) => l.row)).toEqual([2, 4]);
  });

  it('results-marks-exceed: marks that add up to more than the participants', () => {
    const read = readRows({ n: 10, n2: 2, n3: 5, n4: 4, n5: 3 });
    expect(read.rows).toHaveLength(1);
    expect(only(read, 'results-marks-exceed')).toMatchObject({
      severity: 'warning',
      cell: 'H2',
      message: expect.stringContaining('(14) больше числа участников (10)'),
    });
  });
});

describe('RESULTS_ISSUES', () => {
  it('lists every code once, each with a Russian meaning', () => {
    const codes = Object.values(RESULTS_ISSUES).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of Object.values(RESULTS_ISSUES)) {
      expect(c.code).toMatch(/^results-[a-z-]+$/);
      expect(c.description).toMatch(/[а-я]/);
    }
    expect(codes).toEqual(
      expect.arrayContaining([
        'results-duplicate',
        'results-failed-exceeds',
        'results-bad-count',
        'results-shares-sum',
        'results-unknown-procedure',
        'results-unknown-subject',
        'results-same-name',
        'results-formula-like-name',
        'results-missing-years',
        'results-empty',
        'results-header-not-found',
        'results-missing-column',
      ]),
    );
  });
});
