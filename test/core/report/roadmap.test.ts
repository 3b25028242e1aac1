import { computeCriteria } from '../../../src/core/criteria/engine';
import { checkSheet, checkWorkbook } from '../../../src/core/plan/check';
import type { PlanActivity } from '../../../src/core/plan/types';
import { buildReportPatch } from '../../../src/core/report/build';
import { riskKey } from '../../../src/core/report/riskFactors';
import {
  addressedToSchools,
  periodPhrase,
  roadmapRows,
  schoolYearAfter,
} from '../../../src/core/report/roadmap';
import { defaultSettings } from '../../../src/core/settings';
import { generatePlanGrid } from '../../../src/core/synthetic/plan';
import { generateRegion } from '../../../src/core/synthetic/region';
import { patchToGrid } from './patchGrid';

const act = (responsibleText: string, audience?: string): PlanActivity => ({
  row: 1,
  continuationRows: [],
  number: '1',
  title: 't',
  deadline: { kind: 'year', start: '2024-01-01', end: '2024-12-31', text: '2024' },
  responsibleText,
  responsible: [],
  section: -1,
  extra: audience ? { audience } : {},
});

describe('addressedToSchools', () => {
  it.each([
    ['ОО', true],
    ['МОУО, ОО', true],
    ['Руководители школ', true],
    ['руководители ОО', true],
    ['ЦОКО; ШНОР', true],
    ['образовательные организации', true],
    ['ГБОУ ДПО ТОИУУ', false],
    ['МОУО', false],
    ['ЦНППМ', false],
    ['Министерство образования', false],
  ])('%s → %s', (who, yes) => {
    expect(addressedToSchools(act(who))).toBe(yes);
  });

  it('looks at the audience column too', () => {
    expect(addressedToSchools(act('ЦНППМ', 'учителя ШНОР'))).toBe(true);
  });
});

describe('periodPhrase', () => {
  it.each([
    [schoolYearAfter(2024), 'на 2024/2025 учебный год'],
    [{ start: '2023-01-01', end: '2023-12-31', schoolYear: false }, 'на 2023 год'],
    [{ start: '2023-01-01', end: '2025-12-31', schoolYear: false }, 'на 2023 – 2025 годы'],
  ])('%j → %s', (p, text) => {
    expect(periodPhrase(p)).toBe(text);
  });
});

describe('roadmapRows', () => {
  it('has the standard structure, analysis rows for low procedures and measures for risk factors', () => {
    const rows = roadmapRows({
      schoolName: 'СОШ №5 Ржев',
      period: schoolYearAfter(2024),
      lowProcedures: ['ВПР 5 Математика', 'ОГЭ 9 Русский язык'],
      lastYear: 2024,
      riskFactors: ['Дефицит педагогических кадров'],
      planActivities: [],
    });
    expect(rows[1]!.values).toEqual([
      '№',
      'Мероприятие',
      'Срок',
      'Ответственные',
      'Ожидаемый результат',
      'Показатель',
      'Целевое значение',
      'Отметка о выполнении',
    ]);
    const titles = rows.filter((r) => r.kind === 'activity').map((r) => r.values[1]);
    expect(titles[0]).toContain('ВПР 5 Математика (2024)');
    expect(titles[1]).toContain('ОГЭ 9 Русский язык (2024)');
    expect(titles).toContain('Меры по снижению риска «Дефицит педагогических кадров»');
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.values[0])).toEqual([
      'I',
      'II',
      'III',
    ]);
    expect(rows[rows.length - 1]!.kind).toBe('footer');
  });

  it('leaves out plan activities whose deadline lies outside the school period or cannot be read', () => {
    const inside = {
      ...act('ОО'),
      title: 'внутри',
      deadline: {
        kind: 'month' as const,
        start: '2024-10-01',
        end: '2024-10-31',
        text: 'октябрь 2024',
      },
    };
    const outside = {
      ...act('ОО'),
      title: 'снаружи',
      deadline: {
        kind: 'month' as const,
        start: '2023-10-01',
        end: '2023-10-31',
        text: 'октябрь 2023',
      },
    };
    const unparsed = {
      ...act('ОО'),
      title: 'непонятно',
      deadline: { kind: 'unparsed' as const, start: null, end: null, text: 'когда-нибудь' },
    };
    const byRef = {
      ...act('ОО'),
      title: 'по графику',
      deadline: {
        kind: 'by-reference' as const,
        start: null,
        end: null,
        text: 'по отдельному графику',
      },
    };
    const titles = roadmapRows({
      schoolName: 'x',
      period: schoolYearAfter(2024),
      lowProcedures: [],
      lastYear: 2024,
      riskFactors: [],
      planActivities: [inside, outside, unparsed, byRef],
    })
      .filter((r) => r.kind === 'activity')
      .map((r) => String(r.values[1]));
    expect(titles.some((t) => t.startsWith('внутри'))).toBe(true);
    expect(titles.some((t) => t.startsWith('по графику'))).toBe(true);
    expect(titles.some((t) => t.startsWith('снаружи') || t.startsWith('непонятно'))).toBe(false);
  });
});

describe('school tabs pass the plan checker', () => {
  const region = generateRegion({ schools: 24, seed: 9 });
  const criteria = computeCriteria(region.rows, defaultSettings());
  const risks = new Map(region.schools.map((s) => [riskKey(s.code, s.name), s.riskFactors]));

  it.each([
    ['without a plan (school year after the results)', undefined],
    ['with a generated regional plan', 2025],
  ])('%s: no errors, the roadmap is found with its period and activities', (_, planYear) => {
    const plan = planYear
      ? checkWorkbook([generatePlanGrid({ activities: 60, seed: 3, year: planYear })], {
          asOf: '2025-03-01',
        }).find((c) => c.isPlan)!
      : undefined;
    const patch = buildReportPatch({
      criteria,
      riskFactors: risks,
      ...(plan ? { plan } : {}),
      asOf: '2025-03-01',
    });
    const tabs = patch.sheets.filter((s) => s.key.startsWith('school:'));
    expect(tabs).toHaveLength(24);
    let fromPlan = 0;
    for (const tab of tabs) {
      const check = checkSheet(patchToGrid(tab), { asOf: '2025-03-01' });
      expect(check.isPlan).toBe(true);
      expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(check.period).toMatchObject(
        plan
          ? { start: '2025-01-01', end: '2025-12-31' }
          : { start: '2024-09-01', end: '2025-08-31' },
      );
      expect(check.activities.length).toBeGreaterThanOrEqual(3);
      // The matrix below the footer note is not read as part of the plan.
      expect(check.activities.some((a) => /^(ВПР|ОГЭ|ЕГЭ) \d/.test(a.title))).toBe(false);
      fromPlan += check.activities.filter((a) =>
        a.title.includes('региональной дорожной карты'),
      ).length;
    }
    if (plan) expect(fromPlan).toBeGreaterThan(0);
  });
});
