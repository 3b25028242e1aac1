import type { Grid } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/plan/check';
import { gridFromValues } from '../../../src/core/grid';
import { municipalTerms } from '../../../src/core/regional/addressees';
import {
  matchPlan,
  regionalActivities,
  regionalIssues,
  type Counterpart,
} from '../../../src/core/regional/match';
import { buildRegionalMatrix } from '../../../src/core/regional/matrixSheet';
import { StemWeights, titleStems } from '../../../src/core/regional/similarity';
import {
  municipalComplete,
  municipalLate,
  municipalMissing,
  regionalPlan,
} from '../../fixtures/plans/regional';

const AS_OF = '2024-03-01';
const SETTINGS = { threshold: 0.5 };
const plan = (grid: Grid, file: string) => ({
  file,
  sheets: checkWorkbook([grid], { asOf: AS_OF, fileName: file }),
});

const regional = regionalActivities(plan(regionalPlan(), 'Регион.xlsx'));
const towns = [
  { name: 'Ишим', grid: municipalComplete() },
  { name: 'Вагай', grid: municipalMissing() },
  { name: 'Абатское', grid: municipalLate() },
].map((t) => ({
  name: t.name,
  counterparts: matchPlan(regional, plan(t.grid, `${t.name}.xlsx`), SETTINGS),
}));

/** "ok 1", "late 1.1", "missing" per regional activity. */
const marks = (cs: readonly Counterpart[]) =>
  cs.map((c) => (c.status === 'missing' ? 'missing' : `${c.status} ${c.closest!.number}`));

describe('activities of the regional plan addressed to municipalities', () => {
  it('are those of МОУО, ОМСУ-like bodies the plan defines, and municipal services', () => {
    expect(regional.map((r) => r.number)).toEqual(['1.2', '1.3', '2.2', '2.3', '3.2', '3.3']);
  });

  it('include terms the plan defines as municipal, whatever their capitals spell', () => {
    expect([
      ...municipalTerms([
        'Органы местного самоуправления, осуществляющие управление в сфере образования (далее — ОУО)',
        'Министерство образования (далее — МинОбр); муниципальные опорные центры (далее — МОЦ)',
      ]),
    ]).toEqual(['ОУО', 'МОЦ']);
  });

  it('leave out the ambiguous «МО» unless the plan defines it as municipal', () => {
    const own = (responsible: string, defined = '') =>
      regionalActivities(
        plan(
          gridFromValues('План', [
            ['План на 2024 год'],
            ['№', 'Мероприятие', 'Срок', 'Ответственные'],
            ['1', 'Совещание', 'январь 2024', defined || 'ИРО'],
            ['2', 'Семинар', 'март 2024', responsible],
          ]),
          'x.xlsx',
        ),
      ).map((r) => r.number);
    expect(own('МО')).toEqual([]);
    expect(own('МО', 'Муниципальные образования области (далее — МО)')).toEqual(['1', '2']);
    expect(own('Муниципальные координаторы')).toEqual(['2']);
  });
});

describe('matching by meaning', () => {
  it('finds the counterparts of a complete plan, all in time', () => {
    expect(marks(towns[0]!.counterparts)).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5', 'ok 6']);
  });

  it('finds what a plan lacks', () => {
    expect(marks(towns[1]!.counterparts)).toEqual([
      'missing',
      'ok 1',
      'ok 2',
      'missing',
      'ok 3',
      'missing',
    ]);
  });

  it('finds counterparts whose deadline is later than the regional one', () => {
    expect(marks(towns[2]!.counterparts)).toEqual([
      'late 1.1',
      'ok 1.2',
      'ok 2.1',
      'ok 2.2',
      'late 3.1',
      'ok 3.2',
    ]);
  });

  it('keeps matches well above the threshold and misses well below it', () => {
    const all = towns.flatMap((t) => t.counterparts);
    for (const c of all.filter((c) => c.status !== 'missing'))
      expect(c.score).toBeGreaterThan(0.65);
    for (const c of all.filter((c) => c.status === 'missing')) expect(c.score).toBeLessThan(0.3);
  });

  it('reads words by their stems and weighs rare words more', () => {
    const w = new StemWeights([
      titleStems('Проведение семинаров для учителей'),
      titleStems('Проведение совещаний'),
    ]);
    expect(titleStems('Проведение семинаров для учителей')).toEqual([
      'проведен',
      'семинар',
      'учител',
    ]);
    expect(
      w.similarity(titleStems('Проведение семинара'), titleStems('Семинары учителей: проведение')),
    ).toBeGreaterThan(
      w.similarity(titleStems('Проведение семинара'), titleStems('Проведение совещаний')),
    );
    expect(w.similarity(titleStems('ГИА-9'), titleStems('ГИА-11'))).toBeLessThan(0.5);
  });

  it('raises a warning per missing activity and an error at a late deadline', () => {
    const missing = regionalIssues(towns[1]!.counterparts, 'План', SETTINGS);
    expect(missing.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['warning', 'regional-activity-missing', ''],
      ['warning', 'regional-activity-missing', ''],
      ['warning', 'regional-activity-missing', ''],
    ]);
    expect(missing[0]!.message).toMatch(
      /^В плане нет мероприятия, соответствующего мероприятию регионального плана «Назначение муниципальных координаторов проекта» \(пункт 1\.2, срок «до 01\.02\.2024»\)\. Ближе всего по смыслу — 1 «Разработка муниципальной дорожной карты поддержки ШНОР»: сходство 0,\d\d при пороге 0,50\.$/,
    );
    const late = regionalIssues(towns[2]!.counterparts, 'План', SETTINGS);
    expect(late.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['error', 'regional-deadline-later', 'C3'],
      ['error', 'regional-deadline-later', 'C7'],
    ]);
    expect(late[0]!.message).toContain('заканчивается 31.03.2024, позже регионального 01.02.2024');
    expect(late[0]!.fix).toBe('Установите срок не позднее 01.02.2024.');
  });

  it('lets the threshold decide', () => {
    const strict = matchPlan(regional, plan(municipalMissing(), 'Вагай.xlsx'), { threshold: 0.95 });
    expect(marks(strict).filter((m) => m === 'missing')).toHaveLength(6);
  });
});

describe('the matrix sheet', () => {
  const sheet = buildRegionalMatrix({
    regionalFile: 'Регион.xlsx',
    regional,
    municipalities: towns,
    threshold: 0.5,
    order: 2,
  });
  const rows = sheet.values.find((b) => b.at === 'A4')!.values;

  it('has regional activities as rows and municipalities as columns', () => {
    expect(sheet.name).toBe('Сверка с региональным планом');
    expect(sheet.values[0]!.values[2]).toEqual([
      '№',
      'Мероприятие регионального плана',
      'Срок',
      'Ишим',
      'Вагай',
      'Абатское',
      'Охват',
    ]);
    const shape = rows.map((r) => r.slice(3).map((v) => String(v).replace(/ \(\d,\d\d\)/, '')));
    expect(shape).toEqual([
      ['✓ 1', 'нет', 'позже срока: 1.1'],
      ['✓ 2', '✓ 1', '✓ 1.2'],
      ['✓ 3', '✓ 2', '✓ 2.1'],
      ['✓ 4', 'нет', '✓ 2.2'],
      ['✓ 5', '✓ 3', 'позже срока: 3.1'],
      ['✓ 6', 'нет', '✓ 3.2'],
    ]);
    expect(rows[0]!.slice(0, 3)).toEqual([
      '1.2',
      'Назначение муниципальных координаторов проекта',
      'до 01.02.2024',
    ]);
  });

  it('gives the shares as formulas with the engine values cached', () => {
    const [perActivity, perTown] = sheet.formulas;
    expect(perActivity!.at).toBe('G4');
    expect(perActivity!.formulas[0]).toEqual(['=1-COUNTIF(D4:F4,"нет")/COLUMNS(D4:F4)']);
    expect(perActivity!.cached.map((r) => r[0])).toEqual([2 / 3, 1, 1, 2 / 3, 1, 2 / 3]);
    expect(perTown!.at).toBe('D10');
    expect(perTown!.formulas[0]![0]).toBe('=1-COUNTIF(D4:D9,"нет")/ROWS(D4:D9)');
    expect(perTown!.formulas[1]![0]).toBe('=SUMPRODUCT(--(LEFT(D4:D9,1)="✓"))/ROWS(D4:D9)');
    expect(perTown!.cached).toEqual([
      [1, 0.5, 1],
      [1, 0.5, 4 / 6],
    ]);
  });

  it('says so when the regional plan addresses nothing to municipalities', () => {
    const empty = buildRegionalMatrix({
      regionalFile: 'Регион.xlsx',
      regional: [],
      municipalities: towns.map((t) => ({ ...t, counterparts: [] })),
      threshold: 0.5,
      order: 2,
    });
    expect(empty.formulas).toEqual([]);
    expect(empty.values[1]!.values[0]![0]).toMatch(/нет мероприятий, адресованных муниципалитетам/);
  });
});
