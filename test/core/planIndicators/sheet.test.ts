import { parseA1, valueAt, type Grid } from '../../../src/core/grid';
import { patchToGrid } from '../../../src/core/patchGrid';
import { planIndicatorsSheet } from '../../../src/core/planIndicators/build';
import { COL, LETTER } from '../../../src/core/planIndicators/columns';
import { computedCells, indicatorOfTitle } from '../../../src/core/planIndicators/computed';
import { sheetTarget } from '../../../src/core/planIndicators/evaluate';
import type { PlanIndicatorsSheet } from '../../../src/core/planIndicators/sheet';
import type { Settings } from '../../../src/core/settings';
import { STANDARD_INDICATOR_ROWS, TVER_INDICATOR_ROWS } from '../../fixtures/plans/indicatorPlans';
import { checkedPlan, region } from './helpers';

const R = region();

function build(
  rows = STANDARD_INDICATOR_ROWS,
  previous: Grid | null = null,
  sources: Settings['planIndicatorSources'] = {},
): PlanIndicatorsSheet {
  return planIndicatorsSheet({
    plan: { ...checkedPlan(rows), file: 'план.xlsx' },
    computed: R.computed,
    settings: { planIndicatorSources: sources },
    previous,
    fallbackYear: 2025,
  });
}

const rowOf = (s: PlanIndicatorsSheet, number: string) => {
  const row = s.rows.find((r) => r.indicator.number === number);
  if (!row) throw new Error(`no row ${number}`);
  return row;
};

/** The formula written at a cell ("=…") or undefined. */
function formulaAt(s: PlanIndicatorsSheet, cell: string): string | undefined {
  const { r, c } = parseA1(cell);
  const f = patchToGrid(s.sheet).rows[r]?.[c]?.f;
  return f === undefined ? undefined : `=${f}`;
}

function styleAt(s: PlanIndicatorsSheet, cell: string) {
  const { r, c } = parseA1(cell);
  return s.sheet.formats
    .filter((f) => {
      const [a, b = a] = f.range.split(':');
      const from = parseA1(a!);
      const to = parseA1(b!);
      return r >= from.r && r <= to.r && c >= from.c && c <= to.c;
    })
    .reduce((acc, f) => ({ ...acc, ...f.style }), {} as Record<string, unknown>);
}

describe('«Показатели» read back', () => {
  it('finds every indicator of every year where the criteria sheet puts it, with its numbers', () => {
    const cells = computedCells(R.computed);
    expect(cells).toHaveLength(R.criteria.indicators.length);
    for (const ind of R.criteria.indicators) {
      const cell = cells.find((c) => c.id === ind.id && c.year === ind.year)!;
      expect(cell).toMatchObject({ numerator: ind.numerator, denominator: ind.denominator });
      expect(valueAt(R.computed, cell.row - 1, 0)).toBe(ind.year);
    }
  });

  it('knows the titles, whatever threshold the low-results one names', () => {
    expect(indicatorOfTitle('Доля школ с долей «2» ≥ 27,5 % хотя бы в одной процедуре')).toBe(
      'low-any-share',
    );
    expect(indicatorOfTitle('Доля ШНОР в стагнации')).toBe('stagnation-share');
    expect(indicatorOfTitle('Доля чего-то ещё')).toBeNull();
  });
});

describe('«Показатели плана»', () => {
  it('links what the results compute to «Показатели» and gives the rest input cells', () => {
    const s = build();
    expect(s.rows.map((r) => [r.indicator.number, r.kind, r.year])).toEqual([
      ['1.1', 'count', 2025],
      ['1.2', 'count', 2025],
      ['1.3', 'count', 2025],
      ['2.1', 'computed', 2025],
      ['2.2', 'computed', 2025],
      ['2.3', 'computed', 2025],
      ['2.4', 'share', 2025],
      ['2.5', 'share', 2024],
    ]);
    const left = rowOf(s, '2.1');
    const cell = computedCells(R.computed).find(
      (c) => c.id === 'left-list-share' && c.year === 2025,
    )!;
    expect(formulaAt(s, `${LETTER.numerator}${left.row}`)).toBe(`='Показатели'!C${cell.row}`);
    expect(formulaAt(s, `${LETTER.denominator}${left.row}`)).toBe(`='Показатели'!D${cell.row}`);
    expect(left.value).toBe(cell.value);
    // a count: only «Факт» is typed, highlighted
    const seminars = rowOf(s, '1.1');
    expect(styleAt(s, `${LETTER.fact}${seminars.row}`).fill).toBe('FFF2CC');
    expect(styleAt(s, `${LETTER.numerator}${seminars.row}`).fill).toBeUndefined();
    expect(formulaAt(s, `${LETTER.value}${seminars.row}`)).toBe(
      `=IF(ISNUMBER(L${seminars.row}),L${seminars.row},"")`,
    );
    expect(seminars.achieved).toBe('нет данных');
    // «не реже 1 раза в месяц» is twelve times a year
    expect(rowOf(s, '1.3').target).toMatchObject({
      condition: '≥',
      value: 12,
      unitLabel: 'раз в год',
    });
    // «не более 10%» of the list
    expect(rowOf(s, '2.3').target).toMatchObject({ condition: '≤', value: 0.1 });
    expect(formulaAt(s, `${LETTER.achieved}${rowOf(s, '2.3').row}`)).toContain('<=0');
  });

  it('sums up in a live line: achieved out of the indicators with a target, and without data', () => {
    const s = build();
    const met = s.rows.filter((r) => r.achieved === 'да').length;
    const noData = s.rows.filter((r) => r.achieved === 'нет данных').length;
    const summary = patchToGrid(s.sheet).rows[1]![0]!;
    expect(summary.f).toMatch(/^"Достигнуто "&COUNTIF\(N5:N12,"да"\)/);
    expect(summary.v).toBe(`Достигнуто ${met} из 8 показателей (${noData} без данных)`);
  });

  it('prints on A4 landscape, one page wide, the header repeated, «да»/«нет» coloured', () => {
    const s = build().sheet;
    expect(s.print).toEqual({ orientation: 'landscape', fitToWidth: true, titleRows: '4:4' });
    expect(s.conditionalFormats.map((c) => c.value)).toEqual(['"да"', '"нет"', '"нет данных"']);
    expect(s.conditionalFormats[0]!.range).toBe('N5:N12');
    expect(s.carriesEdits).toBe(true);
  });

  it('claims to carry the user’s edits only when the host read the earlier sheet', () => {
    const unread = planIndicatorsSheet({
      plan: checkedPlan(STANDARD_INDICATOR_ROWS),
      computed: R.computed,
      settings: { planIndicatorSources: {} },
      fallbackYear: 2025,
    });
    // the patch policy then keeps the user's version as their own copy
    expect(unread.sheet.carriesEdits).toBeUndefined();
  });

  it('carries typed values over, by number and text, and keeps those of rows that left the plan', () => {
    const first = build();
    const typed = patchToGrid(first.sheet);
    const put = (number: string, col: keyof typeof COL, v: number | string, f?: string) => {
      const r = rowOf(first, number).row - 1;
      typed.rows[r]![COL[col]] = f ? { v, f } : { v };
    };
    put('1.1', 'fact', 6);
    put('2.4', 'numerator', 3);
    put('2.4', 'denominator', 10);
    put('1.2', 'fact', 48, '40+8');
    put('2.1', 'note', 'сверено с протоколом');

    // the plan changed: 1.1 is gone, 2.4 was renumbered 2.6
    const changed = STANDARD_INDICATOR_ROWS.filter((r) => r[0] !== '1.1').map((r) =>
      r[0] === '2.4' ? ['2.6', ...r.slice(1)] : r,
    );
    const second = build(changed, typed);
    const g = patchToGrid(second.sheet);
    const at = (number: string, col: keyof typeof COL) =>
      g.rows[rowOf(second, number).row - 1]![COL[col]];
    expect(at('2.6', 'numerator')?.v).toBe(3);
    expect(at('2.6', 'denominator')?.v).toBe(10);
    expect(rowOf(second, '2.6')).toMatchObject({ value: 0.3, achieved: 'да' });
    expect(at('1.2', 'fact')).toEqual({ v: 48, f: '40+8' });
    expect(rowOf(second, '1.2')).toMatchObject({ value: 48, achieved: 'нет' });
    expect(at('2.1', 'note')?.v).toBe('сверено с протоколом');
    expect(second.orphans.map((o) => o.number)).toEqual(['1.1']);
    const orphanRow = g.rows.findIndex((row) => row?.[COL.source]?.v === 'Строки нет в плане');
    expect(g.rows[orphanRow]![COL.number]!.v).toBe('1.1');
    expect(g.rows[orphanRow]![COL.fact]!.v).toBe(6);

    // and once more: nothing is lost on the way
    const third = build(changed, g);
    expect(third.orphans.map((o) => o.number)).toEqual(['1.1']);
    expect(rowOf(third, '2.6').value).toBe(0.3);
  });

  it('does not take the sheet’s own formulas of a computed row for typed values', () => {
    const first = build();
    const again = build(STANDARD_INDICATOR_ROWS, patchToGrid(first.sheet));
    expect(again.orphans).toEqual([]);
    expect(rowOf(again, '2.1').computed).not.toBeNull();
    expect(patchToGrid(again.sheet).rows[rowOf(again, '2.1').row - 1]![COL.source]!.v).not.toMatch(
      /раньше введено/,
    );
  });

  it('follows the settings: not an indicator, typed in, another source, another year', () => {
    const s = build(STANDARD_INDICATOR_ROWS, null, {
      '2.3': 'skip',
      '2.1': 'input',
      '2.2': { year: 2024 },
      'Доля выполненных мероприятий': 'confirmed-share',
    });
    expect(s.rows.map((r) => r.indicator.number)).not.toContain('2.3');
    expect(rowOf(s, '2.1').kind).toBe('share');
    expect(rowOf(s, '2.2')).toMatchObject({ kind: 'computed', year: 2024 });
    expect(rowOf(s, '2.4').computed?.id).toBe('confirmed-share');
    const sources = patchToGrid(s.sheet).rows.map((row) => String(row?.[COL.source]?.v ?? ''));
    expect(sources.filter((t) => t.includes('задано в настройках'))).toHaveLength(3);
  });

  it('says when a computed indicator has no results for the year, and asks for the numbers', () => {
    const early = region([2022, 2023]);
    const s = planIndicatorsSheet({
      plan: checkedPlan(STANDARD_INDICATOR_ROWS),
      computed: early.computed,
      settings: { planIndicatorSources: {} },
      fallbackYear: 2023,
    });
    const row = rowOf(s, '2.1');
    expect(row.kind).toBe('share');
    expect(String(patchToGrid(s.sheet).rows[row.row - 1]![COL.source]!.v)).toMatch(
      /за 2025 год по результатам не рассчитан/,
    );
  });

  it('writes a percentage target as the fraction the plan means, with no float residue', () => {
    const t = sheetTarget({ comparator: '>=', value: 70, unit: 'percent', text: 'не ниже 70%' });
    expect(t).toMatchObject({ condition: '≥', value: 0.7, words: 'не менее 70 %' });
    const range = sheetTarget({
      comparator: 'range',
      value: 30,
      valueTo: 40,
      unit: 'percent',
      text: '30-40%',
    });
    expect(range).toMatchObject({ value: 0.3, valueTo: 0.4, words: 'от 30 % до 40 %' });
  });

  it('says so when the plan states no indicator', () => {
    const s = build(TVER_INDICATOR_ROWS);
    expect(s.rows).toEqual([]);
    expect(patchToGrid(s.sheet).rows[1]![0]!.v).toMatch(/не найдено показателей/);
  });
});
