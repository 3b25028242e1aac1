/**
 * Results that would mislead silently: one code under two schools, a count too large to be true,
 * a percentage typed into a count column (issue #14).
 */
import { gridFromValues, type CellValue } from '../../../src/core/grid';
import { schoolIdentityIssues } from '../../../src/core/results/identity';
import { readResults } from '../../../src/core/results/read';

const HEADER = [
  'Муниципалитет',
  'Код ОО',
  'ОО',
  'Год',
  'Процедура',
  'Класс',
  'Предмет',
  'Кол-во участников',
  '«2»',
];
const row = (
  mun: string,
  code: string,
  name: string,
  n: CellValue,
  two: CellValue,
): CellValue[] => [mun, code, name, 2024, 'ВПР', 5, 'Математика', n, two];

const inYear = (year: number, r: CellValue[]): CellValue[] => r.map((v, i) => (i === 3 ? year : v));
const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);

describe('results sanity', () => {
  it('warns when one code has two names or two municipalities, naming both rows', () => {
    const grid = gridFromValues('Лист1', [
      HEADER,
      row('Район А', 'sch1', 'СОШ № 1', 20, 2),
      inYear(2023, row('Район А', 'sch1', 'Гимназия № 7', 20, 2)),
      inYear(2022, row('Район Б', 'sch1', 'СОШ № 1', 20, 2)),
    ]);
    const read = readResults([grid], { file: 'р.xlsx' });
    const conflicts = read.issues.filter((i) => i.code === 'results-code-conflict');
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]!.severity).toBe('warning');
    expect(conflicts.map((c) => c.message).join('\n')).toMatch(
      /«СОШ № 1».*строка 2.*«Гимназия № 7».*строка 3/,
    );
    expect(conflicts[1]!.message).toContain('«Район Б»');
  });

  it('compares files with each other when asked to (rows of one file are compared by the reader)', () => {
    const a = readResults([gridFromValues('Л', [HEADER, row('А', 'sch9', 'СОШ 9', 10, 1)])], {
      file: 'а.xlsx',
    });
    const b = readResults([gridFromValues('Л', [HEADER, row('А', 'sch9', 'Лицей 9', 10, 1)])], {
      file: 'б.xlsx',
    });
    const issues = schoolIdentityIssues([...a.rows, ...b.rows], true);
    expect(codes(issues)).toEqual(['results-code-conflict']);
    expect(issues[0]!.message).toMatch(/а\.xlsx.*б\.xlsx/);
  });

  it('refuses counts above the plausible bound (a setting)', () => {
    const grid = gridFromValues('Лист1', [
      HEADER,
      row('А', 'sch1', 'СОШ 1', 1e14, 2),
      row('А', 'sch2', 'СОШ 2', 30, 2),
    ]);
    const read = readResults([grid]);
    expect(read.rows.map((r) => r.schoolCode)).toEqual(['sch2']);
    expect(read.issues.find((i) => i.code === 'results-implausible-count')).toMatchObject({
      severity: 'error',
      cell: 'H2',
    });
    expect(readResults([grid], { maxParticipants: 1e15 }).rows).toHaveLength(2);
  });

  it('does not take «30%» in a count column for 30 pupils', () => {
    const grid = gridFromValues('Лист1', [
      HEADER,
      row('А', 'sch1', 'СОШ 1', 20, '30%'),
      row('А', 'sch2', 'СОШ 2', 20, '30 %'),
      row('А', 'sch3', 'СОШ 3', 20, 3),
    ]);
    grid.rows[3]![8] = { v: 0.3, fmt: '0%' };
    const read = readResults([grid]);
    expect(read.rows).toHaveLength(0);
    const share = read.issues.filter((i) => i.code === 'results-share-in-count');
    expect(share.map((i) => i.cell)).toEqual(['I2', 'I3', 'I4']);
    expect(share[0]!.message).toContain('«30%»');
  });
});
