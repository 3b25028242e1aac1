import { gridFromValues, type CellValue, type Grid } from '../../../src/core/grid';
import { readResults } from '../../../src/core/results/read';
import { federalExportBlock, type ExportMunicipality } from '../../fixtures/results/federalExport';
import { LONG_HEADER } from '../../fixtures/results/longTable';

/**
 * Region scale: 100 000 rows of each shape are all read, with no problem reported. How fast is the
 * benchmark's business (npm run bench), not a test's.
 */
const ROWS = 100_000;

/** 5 000 schools × 4 years × 5 procedures, numbers partly as text. */
function bigLongTable(): Grid {
  const procedures: Array<[string, CellValue, string]> = [
    ['ВПР', '5 класс', 'Математика'],
    ['ВПР', 6, 'Русский язык'],
    ['ГИА-9', 9, 'математика'],
    ['ОГЭ', 9, 'русский'],
    ['ЕГЭ', 11, 'Математика (профильная)'],
  ];
  const values: CellValue[][] = [LONG_HEADER];
  for (let s = 0; values.length <= ROWS; s++)
    for (let y = 2020; y < 2024; y++)
      for (const [type, grade, subject] of procedures) {
        const n = 10 + ((s * 7 + y) % 90);
        values.push([
          `МО ${s % 40}`,
          `sch${690000 + s}`,
          `Школа № ${s}`,
          `${y - 1}/${y}`,
          type,
          grade,
          subject,
          s % 2 ? n : String(n),
          (s + y) % n,
          null,
          null,
          null,
        ]);
      }
  return gridFromValues('Свод', values.slice(0, ROWS + 1));
}

/** One federal export block of 100 000 schools in 50 municipalities, shares as text. */
function bigExport(): Grid {
  const municipalities: ExportMunicipality[] = [];
  for (let m = 0; m < 50; m++) {
    const schools = [];
    for (let s = 0; s < ROWS / 50; s++) {
      const i = m * (ROWS / 50) + s;
      schools.push({
        code: `sch${700000 + i}`,
        name: `МОУ СОШ № ${s} района ${m}`,
        marks: [i % 7, 10 + (i % 13), 5 + (i % 11), i % 5] as [number, number, number, number],
      });
    }
    municipalities.push({ name: `Район ${m}`, schools });
  }
  return gridFromValues(
    'ВПР',
    federalExportBlock(
      { assessment: 'ВПР 2023 (5 класс)', subject: 'Математика', date: '18.04.2023' },
      municipalities,
    ),
  );
}

describe('region scale', () => {
  it.each([
    ['long table', bigLongTable],
    ['federal export', bigExport],
  ])(`reads ${ROWS} rows of a %s, every one of them, with no problem reported`, (_, build) => {
    const read = readResults([build()]);
    expect(read.rows).toHaveLength(ROWS);
    expect(read.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});
