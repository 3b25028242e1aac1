import fc from 'fast-check';
import { gridFromValues, type CellValue } from '../../../src/core/grid';
import { readResults } from '../../../src/core/results/read';
import type { ProcedureType } from '../../../src/core/results/types';
import { federalExportBlock, type ExportSchool } from '../../fixtures/results/federalExport';
import { LONG_HEADER } from '../../fixtures/results/longTable';

/** How people type the same thing. */
const PROCEDURES: Array<[ProcedureType, string[]]> = [
  ['ВПР', ['ВПР', 'впр']],
  ['ОГЭ', ['ОГЭ', 'ГИА-9', 'гиа 9']],
  ['ЕГЭ', ['ЕГЭ', 'ГИА-11']],
];
const SUBJECTS: Array<[string, string[]]> = [
  ['Русский язык', ['Русский язык', 'русский', 'РУССКИЙ ЯЗЫК']],
  ['Математика', ['Математика', 'математика']],
  ['Математика (базовая)', ['Математика (базовая)', 'база']],
];

function countText(n: number, style: number): CellValue {
  if (style === 0) return n;
  if (style === 1) return String(n);
  return n.toLocaleString('ru-RU'); // "1 204" with a narrow no-break space
}

const rowArb = fc.record({
  school: fc.integer({ min: 0, max: 40 }),
  year: fc.integer({ min: 2019, max: 2024 }),
  proc: fc.integer({ min: 0, max: 2 }),
  procSpelling: fc.nat(),
  grade: fc.integer({ min: 4, max: 8 }),
  subj: fc.integer({ min: 0, max: 2 }),
  subjSpelling: fc.nat(),
  yearStyle: fc.integer({ min: 0, max: 2 }),
  n: fc.integer({ min: 0, max: 3000 }),
  failedPart: fc.double({ min: 0, max: 1, noNaN: true }),
  numberStyle: fc.integer({ min: 0, max: 2 }),
});

describe('properties', () => {
  it('a long table typed in any of the accepted ways reads back to the same rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), (drawn) => {
        const seen = new Set<string>();
        const expected: Array<[string, number, ProcedureType, number, string, number, number]> = [];
        const values: CellValue[][] = [LONG_HEADER];
        for (const d of drawn) {
          const [type, typeSpellings] = PROCEDURES[d.proc]!;
          const [subject, subjectSpellings] = SUBJECTS[d.subj]!;
          const grade = type === 'ОГЭ' ? 9 : type === 'ЕГЭ' ? 11 : d.grade;
          const key = `${d.school}|${d.year}|${type}|${grade}|${subject}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const failed = Math.floor(d.failedPart * d.n);
          const year = [d.year, `${d.year - 1}/${d.year}`, `${d.year - 1}-${d.year}`][d.yearStyle]!;
          values.push([
            'МО',
            `sch69${String(d.school).padStart(4, '0')}`,
            `Школа ${d.school}`,
            year,
            typeSpellings[d.procSpelling % typeSpellings.length]!,
            type === 'ВПР' ? `${grade} класс` : null,
            subjectSpellings[d.subjSpelling % subjectSpellings.length]!,
            countText(d.n, d.numberStyle),
            countText(failed, d.numberStyle),
          ]);
          expected.push([
            `sch69${String(d.school).padStart(4, '0')}`,
            d.year,
            type,
            grade,
            subject,
            d.n,
            failed,
          ]);
        }
        const read = readResults([gridFromValues('Свод', values)]);
        expect(read.issues.filter((i) => i.severity !== 'info')).toEqual([]);
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
        ).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('shares of the federal export with two decimals give the exact counts back', () => {
    const marksArb = fc
      .tuple(fc.nat(800), fc.nat(800), fc.nat(800), fc.nat(800))
      .filter((m) => m.some((x) => x > 0));
    fc.assert(
      fc.property(fc.array(marksArb, { minLength: 1, maxLength: 12 }), (marks) => {
        const schools: ExportSchool[] = marks.map((m, i) => ({
          code: `sch6900${String(i).padStart(2, '0')}`,
          name: `Школа ${i}`,
          marks: m,
        }));
        const block = federalExportBlock(
          { assessment: 'ВПР 2023 (7 класс)', subject: 'Русский язык', date: '18.04.2023' },
          [{ name: 'Город', schools }],
        );
        const read = readResults([gridFromValues('Лист1', block)]);
        expect(read.rows.map((r) => [r.failed, r.n3, r.n4, r.n5])).toEqual(marks);
        expect(read.issues.map((i) => i.code)).toEqual(['results-summary-rows']);
      }),
      { numRuns: 150 },
    );
  });
});
