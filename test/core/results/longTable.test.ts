import { gridFromValues, type CellValue, type Grid } from '../../../src/core/grid';
import { readResults } from '../../../src/core/results/read';
import { LONG_HEADER, longRow, longTableValues } from '../../fixtures/results/longTable';

function sheet(values: CellValue[][], name = 'Свод'): Grid {
  return gridFromValues(name, values);
}

describe('the canonical long table', () => {
  const read = readResults([sheet(longTableValues())], { file: 'результаты.xlsx' });

  it('reads every row of three years, normalising years, procedures, grades and subjects', () => {
    expect(read.issues).toEqual([]);
    expect(
      read.rows.map((r) => [
        r.schoolCode,
        r.year,
        r.type,
        r.grade,
        r.subject,
        r.participants,
        r.failed,
      ]),
    ).toEqual([
      ['690001', 2021, 'ВПР', 5, 'Математика', 48, 16],
      ['690001', 2022, 'ВПР', 5, 'Математика', 50, 15],
      ['690001', 2023, 'ВПР', 5, 'Математика', 52, 10],
      ['690001', 2023, 'ОГЭ', 9, 'Русский язык', 30, 3],
      ['690001', 2023, 'ЕГЭ', 11, 'Математика (профильная)', 12, 4],
      ['690101', 2021, 'ВПР', 6, 'Русский язык', 1204, 301],
      ['690101', 2022, 'ВПР', 6, 'Русский язык', 1180, 290],
      ['690101', 2023, 'ЕГЭ', 11, 'Математика (базовая)', 40, 2],
    ]);
  });

  it('keeps marks 3/4/5 when given and leaves them out when not', () => {
    expect(read.rows[0]).toEqual({
      municipality: 'Андреапольский МО',
      schoolCode: '690001',
      schoolName: 'МОУ СОШ № 1',
      year: 2021,
      type: 'ВПР',
      grade: 5,
      subject: 'Математика',
      participants: 48,
      failed: 16,
      n3: 20,
      n4: 8,
      n5: 4,
      source: { file: 'результаты.xlsx', sheet: 'Свод', row: 4 },
    });
    expect(read.rows[4]).not.toHaveProperty('n3');
  });

  it('describes the table it recognised', () => {
    expect(read.tables).toEqual([
      {
        sheet: 'Свод',
        kind: 'long',
        headerRow: 3,
        columns: LONG_HEADER.map((h, i) => ({
          field: expect.any(String),
          col: String.fromCharCode(65 + i),
          header: h,
        })),
        rowsRead: 8,
        rowsLeftOut: [],
      },
    ]);
  });
});

describe('other shapes of the long table', () => {
  it('takes other header synonyms, shares instead of counts, and a "(sch…)" prefix', () => {
    const values: CellValue[][] = [
      [
        'Образовательная организация',
        'Год',
        'Вид',
        'Параллель',
        'Предмет',
        'N',
        '% «2»',
        '% «3»',
        '% «4»',
        '% «5»',
      ],
      [
        '(sch690001) МОУ СОШ № 1',
        '2023',
        'ВПР',
        '5 класс',
        'Математика',
        '48',
        '12,5',
        '41,67',
        '33,33',
        '12,5',
      ],
      [
        '(sch690002) МОУ СОШ № 3',
        2023,
        'впр',
        5,
        'математика',
        36,
        '33,33%',
        '38,89%',
        '22,22%',
        '5,56%',
      ],
    ];
    const read = readResults([sheet(values)]);
    expect(read.issues).toEqual([]);
    expect(
      read.rows.map((r) => [
        r.schoolCode,
        r.schoolName,
        r.participants,
        r.failed,
        r.n3,
        r.n4,
        r.n5,
      ]),
    ).toEqual([
      ['sch690001', 'МОУ СОШ № 1', 48, 6, 20, 16, 6],
      ['sch690002', 'МОУ СОШ № 3', 36, 12, 14, 8, 2],
    ]);
  });

  it('reads shares stored as Excel percentages (0,125 shown as 12,5 %)', () => {
    const g = sheet([
      ['ОО', 'Год', 'Процедура', 'Класс', 'Предмет', 'Участников', 'Доля «2»'],
      ['Школа', 2023, 'ВПР', 4, 'Русский язык', 40, 0.125],
    ]);
    g.rows[1]![6] = { v: 0.125, fmt: '0.0%' };
    expect(readResults([g]).rows[0]).toMatchObject({ participants: 40, failed: 5 });
  });

  it('reads the journal comparison, as counts or as percentages', () => {
    const values: CellValue[][] = [
      [
        'ОО',
        'Год',
        'Процедура',
        'Класс',
        'Предмет',
        'Участников',
        '«2»',
        'Понизили',
        'Подтвердили',
        'Повысили',
      ],
      ['Школа 1', 2023, 'ВПР', 6, 'Математика', 20, 4, 5, 14, 1],
    ];
    expect(readResults([sheet(values)]).rows[0]).toMatchObject({
      lowered: 5,
      confirmed: 14,
      raised: 1,
    });
    const percent: CellValue[][] = [
      [
        'ОО',
        'Год',
        'Процедура',
        'Класс',
        'Предмет',
        'Участников',
        '«2»',
        'Понизили (Отм. < Отм. по журналу) %',
        'Подтвердили (Отм. = Отм. по журналу) %',
        'Повысили (Отм. > Отм. по журналу) %',
      ],
      ['Школа 1', 2023, 'ВПР', 6, 'Математика', 20, 4, '25', '70', '5'],
    ];
    expect(readResults([sheet(percent)]).rows[0]).toMatchObject({
      lowered: 5,
      confirmed: 14,
      raised: 1,
    });
  });

  it('records "не проводилась" as a procedure-year that was not held, not as zero', () => {
    const values: CellValue[][] = [
      LONG_HEADER,
      longRow({
        municipality: 'М',
        code: '1',
        name: 'Школа',
        year: 2020,
        type: 'ОГЭ',
        grade: 9,
        subject: 'Математика',
        n: 'не проводилась',
        n2: null,
      }),
      longRow({
        municipality: 'М',
        code: '1',
        name: 'Школа',
        year: 2021,
        type: 'ОГЭ',
        grade: 9,
        subject: 'Математика',
        n: 20,
        n2: 1,
      }),
    ];
    const read = readResults([sheet(values)]);
    expect(read.notHeld).toEqual([{ type: 'ОГЭ', year: 2020, grade: 9, subject: 'Математика' }]);
    expect(read.rows).toHaveLength(1);
    expect(read.tables[0]!.rowsLeftOut).toEqual([
      { row: 2, reason: 'ОГЭ 9 класс, Математика, 2020 год не проводилась' },
    ]);
    expect(read.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('does not call a procedure-year not held when other schools have results for it', () => {
    const values: CellValue[][] = [
      LONG_HEADER,
      longRow({
        municipality: 'М',
        code: '1',
        name: 'Школа',
        year: 2022,
        type: 'ВПР',
        grade: 5,
        subject: 'Математика',
        n: 'не проводилась',
        n2: null,
      }),
      longRow({
        municipality: 'М',
        code: '2',
        name: 'Школа 2',
        year: 2022,
        type: 'ВПР',
        grade: 5,
        subject: 'Математика',
        n: 20,
        n2: 1,
      }),
    ];
    const read = readResults([sheet(values)]);
    expect(read.notHeld).toEqual([]);
    expect(read.rows.map((r) => r.schoolCode)).toEqual(['2']);
    expect(read.tables[0]!.rowsLeftOut.map((l) => l.row)).toEqual([2]);
  });

  it('fills year, procedure, grade and subject from the options when the table has no such columns', () => {
    const values: CellValue[][] = [
      ['Школа', 'Писали', 'Кол-во «2»'],
      ['Школа 1', 10, 3],
    ];
    const read = readResults([sheet(values)], {
      defaults: { year: 2022, type: 'ВПР', grade: 7, subject: 'физика' },
    });
    expect(read.rows[0]).toMatchObject({
      year: 2022,
      type: 'ВПР',
      grade: 7,
      subject: 'Физика',
      participants: 10,
      failed: 3,
    });
    expect(read.tables[0]!.context).toEqual({
      year: 2022,
      type: 'ВПР',
      grade: 7,
      subject: 'Физика',
    });
  });

  it('counts "2022/2023" as autumn 2022 when the options say so', () => {
    const values: CellValue[][] = [
      LONG_HEADER,
      longRow({
        municipality: 'М',
        code: '1',
        name: 'Школа',
        year: '2022/2023',
        type: 'ВПР',
        grade: 5,
        subject: 'Математика',
        n: 20,
        n2: 1,
      }),
    ];
    expect(readResults([sheet(values)], { schoolYear: 'autumn' }).rows[0]!.year).toBe(2022);
    expect(readResults([sheet(values)]).rows[0]!.year).toBe(2023);
  });

  it('reads only the sheet asked for, and several sheets otherwise', () => {
    const a = sheet(longTableValues(), 'А');
    const b = sheet(
      [
        LONG_HEADER,
        longRow({
          municipality: 'М',
          code: '9',
          name: 'Другая',
          year: 2023,
          type: 'ЕГЭ',
          grade: 11,
          subject: 'Русский язык',
          n: 5,
          n2: 0,
        }),
      ],
      'Б',
    );
    expect(readResults([a, b], { sheet: 'Б' }).rows.map((r) => r.schoolCode)).toEqual(['9']);
    expect(readResults([a, b], { sheet: ' б ' }).rows.map((r) => r.schoolCode)).toEqual(['9']);
    expect(readResults([a, b]).tables.map((t) => t.sheet)).toEqual(['А', 'Б']);
  });

  it('takes a heading row without numbers as the municipality of the rows below when there is no such column', () => {
    const values: CellValue[][] = [
      ['ОО', 'Год', 'Процедура', 'Класс', 'Предмет', 'N', '«2»'],
      ['Андреапольский округ'],
      ['Школа 1', 2023, 'ВПР', 5, 'Математика', 10, 1],
      ['Бежецкий округ'],
      ['Школа 2', 2023, 'ВПР', 5, 'Математика', 12, 2],
    ];
    const read = readResults([sheet(values)]);
    expect(read.rows.map((r) => r.municipality)).toEqual([
      'Андреапольский округ',
      'Бежецкий округ',
    ]);
    expect(read.tables[0]!.rowsLeftOut.map((l) => l.row)).toEqual([2, 4]);
    expect(read.issues.map((i) => i.code)).toEqual(['results-summary-rows']);
  });

  it('reads a municipality merged over its schools, or typed once above them', () => {
    const values: CellValue[][] = [
      ['Муниципалитет', 'ОО', 'Год', 'Процедура', 'Класс', 'Предмет', 'N', '«2»'],
      ['Андреапольский МО', 'Школа 1', 2023, 'ВПР', 5, 'Математика', 10, 1],
      [null, 'Школа 2', 2023, 'ВПР', 5, 'Математика', 11, 1],
      ['Бежецкий МО', 'Школа 3', 2023, 'ВПР', 5, 'Математика', 12, 1],
      [null, 'Школа 4', 2023, 'ВПР', 5, 'Математика', 13, 1],
    ];
    const merged = gridFromValues('Свод', values, [{ top: 1, left: 0, bottom: 2, right: 0 }]);
    const plain = gridFromValues('Свод', values);
    const expected = ['Андреапольский МО', 'Андреапольский МО', 'Бежецкий МО', 'Бежецкий МО'];
    expect(readResults([merged]).rows.map((r) => r.municipality)).toEqual(expected);
    expect(readResults([plain]).rows.map((r) => r.municipality)).toEqual(expected);
  });

  it('reads a year and procedure merged down over several rows', () => {
    const values: CellValue[][] = [
      ['ОО', 'Год', 'Процедура', 'Класс', 'Предмет', 'N', '«2»'],
      ['Школа 1', 2022, 'ОГЭ', 9, 'Математика', 10, 1],
      ['Школа 2', null, null, 9, 'Математика', 11, 2],
    ];
    const g = gridFromValues('Свод', values, [
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 2, right: 2 },
    ]);
    expect(readResults([g]).rows.map((r) => `${r.schoolName} ${r.year} ${r.type}`)).toEqual([
      'Школа 1 2022 ОГЭ',
      'Школа 2 2022 ОГЭ',
    ]);
  });

  it('leaves an "Итого" row out as a summary, not a school', () => {
    const values: CellValue[][] = [
      ['ОО', 'Год', 'Процедура', 'Класс', 'Предмет', 'N', '«2»'],
      ['Школа 1', 2023, 'ВПР', 5, 'Математика', 10, 1],
      ['Итого по району', 2023, 'ВПР', 5, 'Математика', 10, 1],
    ];
    const read = readResults([sheet(values)]);
    expect(read.rows).toHaveLength(1);
    expect(read.tables[0]!.rowsLeftOut).toEqual([
      { row: 3, reason: 'итоговая строка «Итого по району», не школа' },
    ]);
  });

  it('skips a repeated header row quietly, listing it', () => {
    const values: CellValue[][] = [
      LONG_HEADER,
      longRow({
        municipality: 'М',
        code: '1',
        name: 'Школа',
        year: 2023,
        type: 'ВПР',
        grade: 5,
        subject: 'Математика',
        n: 20,
        n2: 1,
      }),
      LONG_HEADER,
      longRow({
        municipality: 'М',
        code: '2',
        name: 'Школа 2',
        year: 2023,
        type: 'ВПР',
        grade: 5,
        subject: 'Математика',
        n: 20,
        n2: 1,
      }),
    ];
    const read = readResults([sheet(values)]);
    expect(read.rows).toHaveLength(2);
    expect(read.tables).toHaveLength(1);
    expect(read.tables[0]!.rowsLeftOut).toEqual([{ row: 3, reason: 'повтор строки заголовка' }]);
  });
});
