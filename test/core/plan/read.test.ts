import type { Grid } from '../../../src/core/grid';
import { lookupTerm } from '../../../src/core/plan/glossary';
import { findHeader } from '../../../src/core/plan/header';
import { readPlan, type ReadOptions } from '../../../src/core/plan/read';
import { amurPlan } from '../../fixtures/plans/amur';
import {
  footerPlan,
  mergedGarbagePlan,
  messyPlan,
  noPeriodPlan,
  schoolYearPlan,
  verticalMergePlan,
} from '../../fixtures/plans/handmade';
import { tambovPlan } from '../../fixtures/plans/tambov';
import { tverPlan } from '../../fixtures/plans/tver';

function read(grid: Grid, opts: ReadOptions = {}) {
  const header = findHeader(grid);
  if (!header) throw new Error('no header');
  return readPlan(grid, header, opts);
}

const brief = (issues: Array<{ code: string; cell: string }>): string[] =>
  issues.map((i) => `${i.code} ${i.cell}`);

describe('readPlan: Tver (Roman sections, continuation row)', () => {
  const plan = read(tverPlan());

  it('reads the title and the period from the title block', () => {
    expect(plan.title).toMatch(/^План мероприятий \(«дорожная карта»\)/);
    expect(plan.period).toMatchObject({
      start: '2023-01-01',
      end: '2023-12-31',
      source: 'title',
      schoolYear: false,
    });
  });

  it('reads five sections, the fifth numbered with a Cyrillic "У"', () => {
    expect(plan.sections.map((s) => [s.row, s.number, s.value])).toEqual([
      [5, 'I', 1],
      [16, 'II', 2],
      [22, 'III', 3],
      [25, 'IV', 4],
      [27, 'У', 5],
    ]);
    expect(plan.sections[0]!.title).toBe(
      'I направление - Организационно-управленческие механизмы работы с ШНОР и ШНСУ',
    );
    expect(plan.sectionMeta[4]).toEqual({ r: 26, c: 0, lookalike: true, roman: true });
  });

  it('reads 18 activities with their sections, numbers and deadlines', () => {
    expect(plan.activities).toHaveLength(18);
    expect(plan.activities.map((a) => a.number)).toEqual(
      Array.from({ length: 18 }, (_, i) => String(i + 1)),
    );
    expect(plan.activities.map((a) => a.section)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 4,
    ]);
    expect(plan.activities[0]!.deadline).toMatchObject({
      kind: 'month',
      start: '2023-01-01',
      end: '2023-01-31',
    });
    expect(plan.activities[11]!.deadline.kind).toBe('by-reference');
  });

  it('merges the continuation row "(далее — ГБОУ ДПО ТОИУУ)" into activity 11', () => {
    const a11 = plan.activities[10]!;
    expect(a11.row).toBe(17);
    expect(a11.continuationRows).toEqual([18]);
    expect(a11.responsibleText).toMatch(/усовершенствования учителей» \(далее - ГБОУ ДПО ТОИУУ\)$/);
    expect(brief(plan.issues)).toEqual(['continuation-row D18']);
    expect(plan.issues[0]!.fix).toBe('Объединить со строкой 17.');
    expect(lookupTerm(plan.glossary, 'ГБОУ ДПО ТОИУУ')).toBeDefined();
  });

  it('splits executors with the definitions of the sheet', () => {
    expect(plan.activities[1]!.responsible.map((e) => e.text)).toEqual(['МО ТО', 'ГБУ ТО ЦОКО']);
  });
});

describe('readPlan: Amur (hierarchical numbers, sub-headings, tasks)', () => {
  const plan = read(amurPlan());

  it('reads the two-year period and the sections with sub-headings', () => {
    expect(plan.period).toMatchObject({ start: '2023-01-01', end: '2024-12-31', source: 'title' });
    expect(plan.sections.map((s) => [s.row, s.number, s.subheading ?? false])).toEqual([
      [5, '1', false],
      [9, '2', false],
      [10, '', true],
      [13, '', true],
      [15, '3', false],
      [18, '4', false],
    ]);
    expect(plan.sections[0]!.title).toBe('1. Организационные мероприятия');
    expect(plan.sections[0]!.tasks).toMatch(/^Задачи: 1\. Координация/);
  });

  it('reads 8 activities; a sub-heading does not change the numbered section', () => {
    expect(plan.activities.map((a) => a.number)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '4.1',
    ]);
    expect(plan.meta.map((m) => m.numberedSection)).toEqual([0, 0, 1, 1, 1, 4, 4, 5]);
    expect(plan.activities[4]!.section).toBe(3);
  });

  it('reads a real date, checkpoint dates and the targets of "Доля …" rows', () => {
    expect(plan.activities[0]!.deadline).toMatchObject({
      kind: 'date',
      start: '2023-09-30',
      end: '2023-09-30',
    });
    expect(plan.activities[3]!.deadline).toMatchObject({
      kind: 'dates',
      start: '2023-11-01',
      end: '2024-03-01',
    });
    expect(plan.activities[5]!.target).toMatchObject({
      comparator: '=',
      value: 100,
      unit: 'percent',
    });
    expect(plan.activities[6]!.target).toBeUndefined();
    expect(plan.activities[0]!.extra.result).toBe('Определены цели на 2023/24 учебный год');
  });
});

describe('readPlan: Tambov (sections in the title column, repeated headers, footer)', () => {
  const plan = read(tambovPlan());

  it('reads the period "Сроки реализации 2021- 2023 гг." from the title block', () => {
    expect(plan.period).toMatchObject({ start: '2021-01-01', end: '2023-12-31', source: 'title' });
  });

  it('skips the repeated headers and stops at the signature', () => {
    expect(brief(plan.issues)).toEqual(['repeated-header A9', 'repeated-header A13']);
    expect(plan.sections.map((s) => s.title)).toEqual([
      '1. Организационные механизмы реализации «дорожной карты»',
      '2. Улучшение качества образования',
      '3. Развитие кадрового потенциала',
    ]);
    expect(plan.activities.map((a) => a.number)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
    ]);
    expect(plan.sectionMeta[0]).toMatchObject({ c: 1 });
  });

  it('reads recurring deadlines', () => {
    expect(plan.activities[2]!.deadline).toMatchObject({
      kind: 'recurring',
      recurrence: { every: 'year', month: 9 },
    });
    expect(plan.activities[6]!.deadline).toMatchObject({
      kind: 'year-range',
      start: '2021-01-01',
      end: '2023-12-31',
    });
  });
});

describe('readPlan: what pasting does', () => {
  it('reads numbers stored as dates and as real numbers, NBSP and error values', () => {
    const plan = read(messyPlan());
    expect(plan.activities.map((a) => a.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(plan.meta.map((m) => m.number.storedAs)).toEqual([
      'date',
      'number',
      'text',
      'text',
      'date',
    ]);
    expect(plan.activities[2]!.deadline.kind).toBe('empty');
    expect(plan.activities[3]!.deadline).toMatchObject({ kind: 'month', start: '2023-05-01' });
    expect(brief(plan.issues)).toEqual(['cell-error C5']);
    expect(plan.issues[0]!.message).toContain('#Н/Д');
  });

  it('gives a vertically merged activity both rows and a merged executor to every activity', () => {
    const plan = read(verticalMergePlan());
    expect(plan.activities.map((a) => [a.row, a.continuationRows, a.responsibleText])).toEqual([
      [3, [4], 'ИРО'],
      [5, [], 'ЦОКО'],
      [6, [], 'ЦОКО'],
    ]);
    expect(plan.activities[0]!.deadline).toMatchObject({
      kind: 'dates',
      start: '2023-11-01',
      end: '2024-03-01',
    });
    expect(plan.issues).toEqual([]);
  });

  it('stops at footnotes and appends a wrapped title', () => {
    const plan = read(footerPlan());
    expect(plan.activities.map((a) => a.title)).toEqual([
      'Проведение семинаров для учителей русского языка и математики',
      'Мониторинг результатов*',
    ]);
    expect(brief(plan.issues)).toEqual(['continuation-row B4']);
  });

  it('survives merged garbage', () => {
    const plan = read(mergedGarbagePlan());
    expect(plan.title).toBe('План мероприятий на 2023 год');
    expect(plan.activities.map((a) => [a.row, a.number, a.title])).toEqual([
      [4, '1', 'Семинар'],
      [7, '2', 'Мониторинг'],
    ]);
    expect(plan.sections).toEqual([
      { row: 5, number: '', value: null, title: 'мусор', subheading: true },
    ]);
  });
});

describe('readPlan: the plan period', () => {
  it('reads a school-year plan and places months in the right calendar year', () => {
    const plan = read(schoolYearPlan());
    expect(plan.period).toMatchObject({ start: '2023-09-01', end: '2024-08-31', schoolYear: true });
    expect(plan.activities.map((a) => a.deadline.start)).toEqual([
      '2023-09-01',
      '2024-05-01',
      '2024-06-01',
    ]);
  });

  it('takes the period from the sheet name, then from the file name', () => {
    const grid = noPeriodPlan();
    expect(read({ ...grid, sheet: 'План 2023' }).period).toMatchObject({
      start: '2023-01-01',
      source: 'name',
    });
    expect(read(grid, { fileName: 'дорожная карта на 2022-2023 годы.xlsx' }).period).toMatchObject({
      start: '2022-01-01',
      end: '2023-12-31',
      source: 'name',
    });
  });

  it("lets the user's period override the sheet", () => {
    const plan = read(tverPlan(), {
      period: { start: '2022-09-01', end: '2023-08-31', schoolYear: true },
    });
    expect(plan.period).toMatchObject({ start: '2022-09-01', source: 'setting' });
  });

  it('infers the period from the deadlines and says so', () => {
    const plan = read(noPeriodPlan());
    expect(plan.period).toMatchObject({ source: 'inferred' });
    expect(brief(plan.issues)).toEqual(['period-not-found ']);
    expect(plan.issues[0]!.message).toContain(plan.period!.text);
  });
});
