import { gridFromValues, type CellValue } from '../../../src/core/grid';
import { readResults } from '../../../src/core/results/read';
import {
  federalExportBlock,
  shareText,
  TVER_MUNICIPALITIES,
  VPR_5_MATHS_2023,
  type BlockTitle,
} from '../../fixtures/results/federalExport';

const SCHOOLS = TVER_MUNICIPALITIES.flatMap((m) =>
  m.schools.map((s) => ({ ...s, municipality: m.name })),
);

describe('one pasted "Статистика по отметкам" block', () => {
  const read = readResults([gridFromValues('Лист1', federalExportBlock(VPR_5_MATHS_2023))], {
    file: 'впр.xlsx',
  });

  it('reads only the school rows, with the municipality of the summary row above', () => {
    expect(read.rows.map((r) => [r.municipality, r.schoolCode, r.schoolName])).toEqual(
      SCHOOLS.map((s) => [s.municipality, s.code, s.name]),
    );
  });

  it('takes procedure, grade, subject and year from the title lines', () => {
    for (const r of read.rows)
      expect(r).toMatchObject({ type: 'ВПР', grade: 5, subject: 'Математика', year: 2023 });
    expect(read.tables[0]!.context).toEqual({
      type: 'ВПР',
      grade: 5,
      subject: 'Математика',
      year: 2023,
    });
  });

  it('turns the shares back into the counts behind them', () => {
    expect(read.rows.map((r) => [r.participants, r.failed, r.n3, r.n4, r.n5])).toEqual(
      SCHOOLS.map((s) => [s.marks.reduce((a, b) => a + b, 0), ...s.marks]),
    );
  });

  it('describes the table and lists the summary rows it left out', () => {
    const t = read.tables[0]!;
    expect(t).toMatchObject({ sheet: 'Лист1', kind: 'federal-export', headerRow: 6, rowsRead: 6 });
    expect(t.columns.map((c) => `${c.col}:${c.field}`)).toEqual([
      'A:schoolName',
      'B:participants',
      'C:share2',
      'D:share3',
      'E:share4',
      'F:share5',
    ]);
    expect(t.rowsLeftOut).toEqual([
      { row: 8, reason: 'итоговая строка «Вся выборка», не школа' },
      { row: 9, reason: 'итоговая строка «Тверская обл.», не школа' },
      { row: 10, reason: 'итоговая строка «Андреапольский муниципальный округ», не школа' },
      { row: 14, reason: 'итоговая строка «Бежецкий муниципальный округ», не школа' },
    ]);
  });

  it('says only that the summary rows are not schools', () => {
    expect(read.issues).toEqual([
      {
        severity: 'info',
        code: 'results-summary-rows',
        message:
          'Файл «впр.xlsx», лист «Лист1», ячейка A8: 4 строки итогов и заголовков групп (первая здесь) не считаются школами и не учитываются.',
        sheet: 'Лист1',
        cell: 'A8',
        row: 8,
      },
    ]);
  });
});

describe('several blocks and several sheets', () => {
  const RUSSIAN_6: BlockTitle = {
    assessment: 'Всероссийские проверочные работы 2023 (6 класс)',
    subject: 'Русский язык',
    date: '20.04.2023',
  };

  it('reads several blocks pasted one under another, each with its own title lines', () => {
    const values: CellValue[][] = [
      ...federalExportBlock(VPR_5_MATHS_2023),
      [],
      [],
      ...federalExportBlock(RUSSIAN_6),
    ];
    const read = readResults([gridFromValues('ВПР', values)]);
    expect(
      read.tables.map((t) => [t.headerRow, t.context?.grade, t.context?.subject, t.rowsRead]),
    ).toEqual([
      [6, 5, 'Математика', 6],
      [25, 6, 'Русский язык', 6],
    ]);
    expect(read.rows).toHaveLength(12);
    expect(read.rows[6]).toMatchObject({
      schoolCode: 'sch690001',
      grade: 6,
      subject: 'Русский язык',
      municipality: 'Андреапольский муниципальный округ',
    });
    expect(read.issues.map((i) => i.code)).toEqual([
      'results-summary-rows',
      'results-summary-rows',
    ]);
  });

  it('lets later blocks on a sheet take the assessment and year of the first title', () => {
    const second = federalExportBlock(RUSSIAN_6).slice(1); // no "Всероссийские проверочные работы 2023 (6 класс)"
    second[0] = ['6 класс'];
    const values: CellValue[][] = [...federalExportBlock(VPR_5_MATHS_2023), [], ...second];
    const read = readResults([gridFromValues('ВПР', values)]);
    expect(read.tables.map((t) => t.context)).toEqual([
      { type: 'ВПР', grade: 5, subject: 'Математика', year: 2023 },
      { type: 'ВПР', grade: 6, subject: 'Русский язык', year: 2023 },
    ]);
    expect(read.issues.map((i) => i.code)).toEqual([
      'results-summary-rows',
      'results-summary-rows',
    ]);
  });

  it('reads one sheet per grade and subject, the sheet name saying what the title lines do not', () => {
    const bare = (values: CellValue[][]) => values.slice(5); // the header and the rows, no title lines
    const sheets = [
      gridFromValues('5 Математика', bare(federalExportBlock(VPR_5_MATHS_2023))),
      gridFromValues('6 Русский язык', bare(federalExportBlock(RUSSIAN_6))),
    ];
    const read = readResults(sheets, { defaults: { type: 'ВПР', year: 2022 } });
    expect(read.tables.map((t) => t.context)).toEqual([
      { grade: 5, subject: 'Математика', type: 'ВПР', year: 2022 },
      { grade: 6, subject: 'Русский язык', type: 'ВПР', year: 2022 },
    ]);
    expect(read.rows.map((r) => `${r.grade} ${r.subject} ${r.source.sheet}`)).toEqual([
      ...Array(6).fill('5 Математика 5 Математика'),
      ...Array(6).fill('6 Русский язык 6 Русский язык'),
    ]);
  });

  it('says which values are missing when neither title lines nor options give them', () => {
    const read = readResults([
      gridFromValues('Лист1', federalExportBlock(VPR_5_MATHS_2023).slice(5)),
    ]);
    expect(read.rows).toEqual([]);
    const missing = read.issues.find((i) => i.code === 'results-missing-column')!;
    expect(missing).toMatchObject({ severity: 'error', cell: 'A1' });
    expect(missing.message).toContain('«год», «процедура», «предмет»');
    expect(read.issues.map((i) => i.code)).toContain('results-empty');
    expect(
      read.tables[0]!.rowsLeftOut.filter((l) => l.reason === 'не указана процедура'),
    ).toHaveLength(6);
  });

  it('reads the one-row header and numbers pasted as plain numbers', () => {
    const values: CellValue[][] = [
      ['ОГЭ 2022, Математика'],
      ['ОО', 'Кол-во уч.', 'Распределение групп баллов в %', 2, 3, 4, 5],
      ['Вся выборка', 1000, null, 20, 40, 30, 10],
      ['Город Тверь', 100, null, 10, 40, 30, 20],
      ['(sch690201) МОУ СОШ № 2 г. Твери', 25, null, 8, 40, 40, 12],
    ];
    const read = readResults([gridFromValues('Лист1', values)]);
    expect(read.rows).toEqual([
      expect.objectContaining({
        municipality: 'Город Тверь',
        schoolCode: 'sch690201',
        type: 'ОГЭ',
        grade: 9,
        year: 2022,
        subject: 'Математика',
        participants: 25,
        failed: 2,
        n3: 10,
        n4: 10,
        n5: 3,
      }),
    ]);
  });

  it('warns when the shares of a school do not sum to about 100', () => {
    const values = federalExportBlock(VPR_5_MATHS_2023);
    values[10] = ['(sch690001) МОУ Андреапольская СОШ № 1', 48, '12,5', '41,67', '33,33', '2,5'];
    const read = readResults([gridFromValues('Лист1', values)]);
    const issue = read.issues.find((i) => i.code === 'results-shares-sum')!;
    expect(issue).toMatchObject({ severity: 'warning', cell: 'C11', row: 11 });
    expect(issue.message).toBe(
      'Лист «Лист1», ячейка C11: доли отметок «2»–«5» в сумме дают 90 %, а не 100 %; числа отметок посчитаны из долей как есть.',
    );
    expect(read.rows).toHaveLength(6);
  });

  it('keeps the shares of the fixture honest', () => {
    expect(shareText(6, 48)).toBe('12,5');
    expect(shareText(16, 48)).toBe('33,33');
  });
});
