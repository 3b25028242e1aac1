/**
 * A report-sized patch for load tests: one tab per school, each with a ~40×10 block of values,
 * formulas and formats, plus an index sheet linking every tab. Deterministic.
 */
import type { Scalar } from '../../src/core/grid';
import {
  emptySheetPatch,
  quoteSheet,
  type SheetPatch,
  type WorkbookPatch,
} from '../../src/core/patch';

const SUBJECTS = ['Русский язык', 'Математика', 'Математика (базовая)', 'Математика (профильная)'];
const PROCEDURES = ['ВПР', 'ОГЭ', 'ЕГЭ'];

function schoolSheet(i: number, rows: number): SheetPatch {
  const name = `Школа ${i}`;
  const sheet = emptySheetPatch(name, `school:sch${690000 + i}`, i + 1);
  const body: Scalar[][] = [
    ['Процедура', 'Класс', 'Предмет', 'Год', 'Участников', 'Кол-во «2»', 'Код ОО', 'Примечание'],
  ];
  for (let r = 1; r < rows; r++) {
    const participants = 20 + ((i * 7 + r * 13) % 80);
    body.push([
      PROCEDURES[r % 3]!,
      4 + (r % 5),
      SUBJECTS[r % 4]!,
      2021 + (r % 3),
      participants,
      (i + r) % participants,
      `sch${690000 + i}`,
      r % 9 === 0 ? '=не формула: доля «2» ≥ 30 %' : `МБОУ «СОШ № ${i}» г. Томска, строка ${r}`,
    ]);
  }
  sheet.values.push(
    { at: 'A1', values: [[`(sch${690000 + i}) МБОУ «Средняя общеобразовательная школа № ${i}»`]] },
    { at: 'A2', values: body },
  );
  const formulas: string[][] = [];
  const cached: Scalar[][] = [];
  for (let r = 3; r <= rows + 1; r++) {
    formulas.push([`=IF(E${r}>0,F${r}/E${r},"")`, `=IF(I${r}="","",IF(I${r}>=0.3,1,0))`]);
    cached.push([0, 0]);
  }
  sheet.formulas.push({ at: 'I3', formulas, cached });
  sheet.values.push({ at: 'I2', values: [['Доля «2»', 'Низкий']] });
  sheet.formats.push(
    { range: 'A1:J1', style: { bold: true, fontSize: 13 } },
    { range: 'A2:J2', style: { bold: true, fill: 'D9E2F3', wrap: true, border: 'thin' } },
    { range: `I3:I${rows + 1}`, style: { numFmt: '0.0%' } },
    { range: `A3:J${rows + 1}`, style: { border: 'thin' } },
  );
  sheet.merges.push('A1:J1');
  sheet.columnWidths = [
    { col: 'C', width: 26 },
    { col: 'H', width: 40 },
  ];
  sheet.hyperlinks.push({ cell: 'L1', sheet: 'Оглавление', target: 'A1', text: '← к оглавлению' });
  sheet.conditionalFormats.push({
    range: `I3:I${rows + 1}`,
    operator: 'greaterThanOrEqual',
    value: '0.3',
    style: { fill: 'F8CBAD' },
  });
  sheet.freeze = { rows: 2, cols: 0 };
  return sheet;
}

export function schoolTabsPatch(schools: number, rowsPerSchool = 40): WorkbookPatch {
  const index = emptySheetPatch('Оглавление', 'index', 0);
  const names = Array.from({ length: schools }, (_, i) => `Школа ${i + 1}`);
  index.values.push({ at: 'A1', values: [['Школа'], ...names.map((n) => [n])] });
  index.hyperlinks.push(
    ...names.map((n, i) => ({
      cell: `B${i + 2}`,
      sheet: n,
      target: 'A1',
      text: `Открыть ${quoteSheet(n)}`,
    })),
  );
  return {
    sheets: [index, ...names.map((_, i) => schoolSheet(i + 1, rowsPerSchool))],
    names: [{ name: 'Порог_ШНОР', sheet: 'Оглавление', range: 'A1' }],
    removeKeys: [],
    activeSheet: 'Оглавление',
  };
}
