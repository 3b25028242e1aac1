import { computeCriteria } from '../../../src/core/criteria/engine';
import { C, NAME, R, SHEET } from '../../../src/core/criteria/formulas';
import { buildCriteriaPatch } from '../../../src/core/criteria/workbookPatch';
import { columnIndex, type Scalar } from '../../../src/core/grid';
import { formulaRows, type SheetPatch, type WorkbookPatch } from '../../../src/core/patch';
import { defaultSettings } from '../../../src/core/settings';
import { fixtureRows, NOT_HELD, regionRows } from './fixtures';

const settings = defaultSettings();
const rows = fixtureRows();
const patch = buildCriteriaPatch(rows.length, computeCriteria(rows, settings, NOT_HELD), settings);
const sheet = (p: WorkbookPatch, name: string) => p.sheets.find((s) => s.name === name)!;
/** Column `letter` of a sheet's first value block, data rows only. */
const column = (s: SheetPatch, letter: string): Scalar[] =>
  s.values[0]!.values.slice(1).map((r) => r[columnIndex(letter)] ?? null);

test('four sheets with stable keys, settings cells named', () => {
  expect(patch.sheets.map((s) => [s.name, s.key])).toEqual([
    ['Настройки', 'criteria:settings'],
    ['Результаты', 'criteria:results'],
    ['Критерии', 'criteria:criteria'],
    ['Показатели', 'criteria:indicators'],
  ]);
  const threshold = patch.names.find((n) => n.name === NAME.threshold)!;
  expect(threshold).toMatchObject({ sheet: SHEET.settings, range: 'B3' });
  expect(sheet(patch, SHEET.settings).values[0]!.values[2]).toEqual([
    'Порог доли «2» (включительно)',
    0.3,
    expect.stringContaining('Порог'),
  ]);
  for (const n of Object.values(NAME)) expect(patch.names.map((x) => x.name)).toContain(n);
});

test('every formula has a cached value and is an English formula with commas', () => {
  for (const s of patch.sheets)
    for (const block of s.formulas) {
      const formulas = formulaRows(block);
      expect(block.cached.map((r) => r.length)).toEqual(formulas.map((r) => r.length));
      for (const f of formulas.flat()) {
        expect(f).toMatch(/^=/);
        expect(f).not.toMatch(/;/);
      }
    }
});

test('«Результаты» is sorted by school, procedure, year; the key check marks last year in the row above', () => {
  const res = sheet(patch, SHEET.results);
  const keys = column(res, R.schoolKey);
  const procs = column(res, R.procedure);
  const years = column(res, R.year) as number[];
  const prevAbove = res.formulas[0]!.cached.map(
    (r) => r[columnIndex(R.prevAbove) - columnIndex(R.share)],
  );
  const schoolsSeen: Scalar[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== keys[i - 1]) {
      expect(schoolsSeen).not.toContain(keys[i]); // each school one contiguous block
      schoolsSeen.push(keys[i]!);
    } else {
      const order =
        String(procs[i - 1]) < String(procs[i]) ||
        (procs[i - 1] === procs[i] && years[i - 1]! < years[i]!);
      expect(order).toBe(true);
    }
    expect(prevAbove[i]).toBe(
      i > 0 &&
        keys[i] === keys[i - 1] &&
        procs[i] === procs[i - 1] &&
        years[i] === years[i - 1]! + 1,
    );
  }
  // the not-held ОГЭ 2020 is absent, so 2019 → 2021 is not "last year"
  expect(years.filter((y, i) => y === 2020 && String(procs[i]).startsWith('ОГЭ'))).toEqual([]);
});

test('per-row formulas never scan a whole column: «Критерии» sums only its school’s block', () => {
  const res = sheet(patch, SHEET.results);
  const keys = column(res, R.schoolKey);
  const crit = sheet(patch, SHEET.criteria);
  const critKeys = column(crit, C.schoolKey);
  crit.formulas[0]!.formulas.forEach((row, i) => {
    for (const f of row) {
      expect(f).not.toMatch(/\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![0-9$])/); // no A:A references
      for (const m of f!.matchAll(/Результаты!\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)/g)) {
        const [first, last] = [Number(m[1]), Number(m[2])];
        for (let r = first; r <= last; r++) expect(keys[r - 2]).toBe(critKeys[i]);
        expect(keys[first - 3]).not.toBe(critKeys[i]);
        expect(keys[last - 1]).not.toBe(critKeys[i]);
      }
    }
  });
});

test('«Показатели»: numerator, denominator and value per indicator and year', () => {
  const ind = sheet(patch, SHEET.indicators);
  const result = computeCriteria(rows, settings, NOT_HELD);
  expect(ind.formulas[0]!.cached).toEqual(
    result.indicators.map((i) => [i.numerator, i.denominator, i.value]),
  );
  expect(ind.formulas[0]!.formulas[0]![2]).toBe('=IF(D2>0,C2/D2,"")');
});

test('region scale: formulas stay short whatever the number of schools', () => {
  const big = regionRows(400);
  const p = buildCriteriaPatch(big.length, computeCriteria(big, settings), settings);
  const maxLength = (s: SheetPatch) =>
    formulaRows(s.formulas[0]!)
      .flat()
      .reduce((m, f) => Math.max(m, f!.length), 0);
  const longest = (name: string) => maxLength(sheet(p, name));
  const small = buildCriteriaPatch(
    rows.length,
    computeCriteria(rows, settings, NOT_HELD),
    settings,
  );
  expect(longest(SHEET.results)).toBeLessThan(250);
  // a per-row formula grows only with the digits of its row numbers, never with the table
  expect(longest(SHEET.criteria)).toBeLessThan(1.2 * maxLength(sheet(small, SHEET.criteria)));
});

test('«Результаты» carries one row of fill-down formulas, whatever the number of rows', () => {
  const big = regionRows(400);
  const res = sheet(
    buildCriteriaPatch(big.length, computeCriteria(big, settings), settings),
    SHEET.results,
  );
  const block = res.formulas[0]!;
  expect(block).toMatchObject({ at: `${R.share}2`, fillDown: true });
  expect(block.formulas).toHaveLength(1);
  expect(block.cached).toHaveLength(res.values[0]!.values.length - 1);
  // row 5's «same procedure last year» compares with row 4, as Excel's fill-down would make it
  const prevAbove = columnIndex(R.prevAbove) - columnIndex(R.share);
  expect(formulaRows(block)[3]![prevAbove]).toBe('=IF(A5<>A4,FALSE,IF(E5<>E4,FALSE,G5=G4+1))');
});

test('a user sheet named «Результаты» is never referenced: ours gets a free name', () => {
  const p = buildCriteriaPatch(rows.length, computeCriteria(rows, settings, NOT_HELD), settings, {
    takenNames: ['результаты', 'Лист1'],
  });
  expect(p.sheets.map((s) => s.name)).toEqual([
    'Настройки',
    'Результаты (2)',
    'Критерии',
    'Показатели',
  ]);
  const formulas = p.sheets.flatMap((s) => s.formulas.flatMap((b) => formulaRows(b).flat()));
  expect(formulas.some((f) => f!.includes("'Результаты (2)'!"))).toBe(true);
  expect(formulas.some((f) => /(^|[^'])Результаты!/.test(f!))).toBe(false);
});
