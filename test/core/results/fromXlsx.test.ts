/**
 * The reader on what the .xlsx adapter really gives it: a workbook written with exceljs the way a
 * pasted export looks in Excel (merged header cells, shares as numbers), read back with
 * src/xlsx/read.ts.
 */
import ExcelJS from 'exceljs';
import { readResults } from '../../../src/core/results/read';
import { readWorkbook } from '../../../src/xlsx/read';
import { TVER_MUNICIPALITIES } from '../../fixtures/results/federalExport';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ВПР 5 мат');
  ws.addRow(['Всероссийские проверочные работы 2023 (5 класс)']);
  ws.addRow(['Предмет: Математика']);
  ws.addRow(['ОО', 'Кол-во уч.', 'Распределение групп баллов в %']);
  ws.addRow([null, null, 2, 3, 4, 5]);
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:F3');
  for (const m of TVER_MUNICIPALITIES) {
    ws.addRow([m.name, 100, 20, 40, 30, 10]);
    for (const s of m.schools) {
      const n = s.marks.reduce((a, b) => a + b, 0);
      // Pasted into Russian Excel, "12,5" becomes the number 12.5.
      ws.addRow([
        `(${s.code}) ${s.name}`,
        n,
        ...s.marks.map((k) => Math.round((k / n) * 10000) / 100),
      ]);
    }
  }

  const long = wb.addWorksheet('ОГЭ');
  long.addRow([
    'Муниципалитет',
    'Код ОО',
    'ОО',
    'Год',
    'Процедура',
    'Предмет',
    'Участников',
    'Доля «2»',
  ]);
  long.addRow([
    'Бежецкий МО',
    '690101',
    'МОУ Бежецкая СОШ № 1',
    '2022/2023',
    'ГИА-9',
    'русский',
    '1 204',
    0.25,
  ]);
  long.addRow([null, '690102', 'МОУ Фралёвская СОШ', '2022/2023', 'ГИА-9', 'русский', 40, 0.1]);
  long.mergeCells('A2:A3');
  long.getColumn(8).numFmt = '0.0%';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading results from a real .xlsx', () => {
  it('reads the merged two-row export header and the long table with a merged municipality', async () => {
    const book = await readWorkbook('результаты.xlsx', await workbook());
    const read = readResults(book.sheets, { file: 'результаты.xlsx' });
    expect(read.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(read.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rowsRead])).toEqual([
      ['ВПР 5 мат', 'federal-export', 3, 6],
      ['ОГЭ', 'long', 1, 2],
    ]);
    const schools = TVER_MUNICIPALITIES.flatMap((m) =>
      m.schools.map((s) => [m.name, s.code, ...s.marks]),
    );
    expect(
      read.rows.slice(0, 6).map((r) => [r.municipality, r.schoolCode, r.failed, r.n3, r.n4, r.n5]),
    ).toEqual(schools);
    expect(read.rows.slice(6)).toEqual([
      expect.objectContaining({
        municipality: 'Бежецкий МО',
        schoolCode: '690101',
        type: 'ОГЭ',
        grade: 9,
        year: 2023,
        subject: 'Русский язык',
        participants: 1204,
        failed: 301,
      }),
      expect.objectContaining({
        municipality: 'Бежецкий МО',
        schoolCode: '690102',
        participants: 40,
        failed: 4,
      }),
    ]);
    expect(read.rows[6]!.source).toEqual({ file: 'результаты.xlsx', sheet: 'ОГЭ', row: 2 });
  });
});
