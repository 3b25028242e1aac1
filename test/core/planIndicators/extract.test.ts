import { checkSheet } from '../../../src/core/plan/check';
import {
  extractPlanIndicators,
  type PlanIndicator,
} from '../../../src/core/planIndicators/extract';
import {
  AMUR_EXPECTED,
  AMUR_INDICATOR_ROWS,
  indicatorPlan,
  STANDARD_EXPECTED,
  STANDARD_INDICATOR_ROWS,
  TAMBOV_INDICATOR_ROWS,
  TVER_INDICATOR_ROWS,
  type ExpectedIndicator,
} from '../../fixtures/plans/indicatorPlans';
import type { CellValue } from '../../../src/core/grid';

function indicatorsOf(rows: CellValue[][]): PlanIndicator[] {
  const check = checkSheet(indicatorPlan(rows), { asOf: '2025-01-15' });
  expect(check.isPlan).toBe(true);
  return extractPlanIndicators(check, 2024);
}

function expectIndicators(found: PlanIndicator[], expected: ExpectedIndicator[]): void {
  expect(found.map((i) => i.number)).toEqual(expected.map((e) => e.number));
  found.forEach((got, k) => {
    const want = expected[k]!;
    expect(got.text.startsWith(want.text)).toBe(true);
    expect(got.meaning).toBe(want.meaning);
    expect(got.year).toBe(want.year);
    if (want.target === null) expect(got.target).toBeNull();
    else expect(got.target).toMatchObject(want.target);
  });
}

describe('extractPlanIndicators', () => {
  it('finds every indicator row of an Amur-like programme, with its target and meaning', () => {
    const found = indicatorsOf(AMUR_INDICATOR_ROWS);
    expectIndicators(found, AMUR_EXPECTED);
    // the target as the plan writes it, from the result column
    expect(found.find((i) => i.number === '3.7')!.targetText).toMatch(
      /^100% обучающихся подтвердили/,
    );
    // the indicator named inside an activity, its brackets closed once
    expect(found.find((i) => i.number === '3.11')!.text).toBe(
      'Доля ШНОР, показавших положительную динамику образовательных результатов по предмету (русский язык/математика по итогам ВПР)',
    );
  });

  it('leaves out a percentage that only describes which schools a list holds', () => {
    const numbers = indicatorsOf(AMUR_INDICATOR_ROWS).map((i) => i.number);
    expect(numbers).not.toContain('1.5');
    expect(numbers).not.toContain('1.2');
  });

  it('finds nothing in plans that state no indicator (Tver-like, Tambov-like)', () => {
    expect(indicatorsOf(TVER_INDICATOR_ROWS)).toEqual([]);
    // «Не реже 1 раза в квартал» is a deadline there, not a target
    expect(indicatorsOf(TAMBOV_INDICATOR_ROWS)).toEqual([]);
  });

  it('reads the indicator and target columns of the standard structure', () => {
    const found = indicatorsOf(STANDARD_INDICATOR_ROWS);
    expectIndicators(found, STANDARD_EXPECTED);
    expect(found[0]!.targetText).toBe('Не менее 5 семинаров');
  });

  it('takes the fallback year when neither a deadline nor a period says one', () => {
    const found = extractPlanIndicators(
      {
        sheet: 'План',
        period: null,
        activities: [
          {
            row: 5,
            continuationRows: [],
            number: '1',
            title: 'Доля ШНОР — не более 10%',
            deadline: { kind: 'empty', start: null, end: null, text: '' },
            responsibleText: '',
            responsible: [],
            section: -1,
            extra: {},
            target: {
              comparator: '<=',
              value: 10,
              unit: 'percent',
              text: 'Доля ШНОР — не более 10%',
            },
          },
        ],
      },
      2024,
    );
    expect(found).toMatchObject([{ year: 2024, meaning: 'shnor-share' }]);
  });
});

describe('the target as written', () => {
  it('is the part of the indicator’s words that states it, or the text it came from', () => {
    const rows = [
      ['План на 2025 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Ожидаемый результат'],
      ['1', 'Доля ШНОР, вышедших из перечня, — не менее 30 %', 'декабрь 2025', 'ЦОКО', 'Справка'],
      ['2', 'Семинары', 'декабрь 2025', 'ИРО', 'Проведено не менее 5 семинаров'],
      ['3', 'Доля ШНОР в стагнации — от 10 до 20 %', 'декабрь 2025', 'ЦОКО', 'Справка'],
    ];
    const found = indicatorsOf(rows);
    expect(found.map((i) => i.targetText)).toEqual([
      'не менее 30 %',
      'Проведено не менее 5 семинаров',
      'от 10 до 20 %',
    ]);
  });
});
