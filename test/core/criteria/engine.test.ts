import { computeCriteria } from '../../../src/core/criteria/engine';
import type { ProcedureType, ResultRow } from '../../../src/core/results/types';
import { defaultSettings, type Settings } from '../../../src/core/settings';

let rowNo = 1;
function r(
  p: Partial<ResultRow> & {
    type: ProcedureType;
    grade: number;
    subject: string;
    year: number;
    participants: number;
    failed: number;
  },
): ResultRow {
  return {
    municipality: 'Андреапольский МО',
    schoolCode: 'sch1',
    schoolName: 'МБОУ СОШ № 1',
    source: { sheet: 'Результаты', row: ++rowNo },
    ...p,
  };
}
const vpr5m = (
  year: number,
  participants: number,
  failed: number,
  extra: Partial<ResultRow> = {},
) => r({ type: 'ВПР', grade: 5, subject: 'Математика', year, participants, failed, ...extra });
const oge9r = (
  year: number,
  participants: number,
  failed: number,
  extra: Partial<ResultRow> = {},
) => r({ type: 'ОГЭ', grade: 9, subject: 'Русский язык', year, participants, failed, ...extra });

const settings = (over: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...over });
const year = (
  rows: ResultRow[],
  y: number,
  s = settings(),
  notHeld = [] as Parameters<typeof computeCriteria>[2],
) => {
  const res = computeCriteria(rows, s, notHeld);
  return res.schools[0]!.years[String(y)]!;
};

describe('procedure results', () => {
  test('labels name type, grade and subject', () => {
    const y = year(
      [
        vpr5m(2023, 20, 1),
        oge9r(2023, 10, 0),
        r({
          type: 'ЕГЭ',
          grade: 11,
          subject: 'Математика (профильная)',
          year: 2023,
          participants: 5,
          failed: 0,
        }),
      ],
      2023,
    );
    expect(Object.keys(y.shares)).toEqual([
      'ВПР 5 Математика',
      'ЕГЭ 11 Математика (профильная)',
      'ОГЭ 9 Русский язык',
    ]);
  });

  test.each([
    [10, 3, true], // exactly 30 % is low (inclusive)
    [1000, 299, false],
    [3, 1, true],
    [20, 5, false],
  ])('%i participants, %i failed → low %s', (n, f, low) => {
    expect(year([vpr5m(2023, n, f)], 2023).shares['ВПР 5 Математика']!.low).toBe(low);
  });

  test('no participants: no result, never low', () => {
    const p = year([vpr5m(2023, 0, 0)], 2023).shares['ВПР 5 Математика']!;
    expect([p.share, p.low, p.small]).toEqual([null, false, false]);
  });

  test('below the minimum participants: no result; small samples flagged, not dropped', () => {
    const s = settings({ minParticipants: 5 });
    expect(year([vpr5m(2023, 4, 4)], 2023, s).shares['ВПР 5 Математика']!.share).toBeNull();
    const p = year([vpr5m(2023, 9, 5)], 2023, s).shares['ВПР 5 Математика']!;
    expect([p.share, p.low, p.small]).toEqual([5 / 9, true, true]);
    expect(year([vpr5m(2023, 10, 5)], 2023, s).shares['ВПР 5 Математика']!.small).toBe(false);
  });

  test('§3.4 shares from marks and the journal comparison', () => {
    const p = year(
      [vpr5m(2023, 20, 2, { n3: 8, n4: 6, n5: 4, lowered: 2, confirmed: 15, raised: 3 })],
      2023,
    ).shares['ВПР 5 Математика']!;
    expect(p.successRate).toBeCloseTo(18 / 20, 12);
    expect(p.quality).toBeCloseTo(10 / 20, 12);
    expect(p.avgMark).toBeCloseTo((4 + 24 + 24 + 20) / 20, 12);
    expect(p.confirmedShare).toBeCloseTo(15 / 20, 12);
  });

  test('without marks the mark shares are unknown, not zero', () => {
    const p = year([vpr5m(2023, 20, 2)], 2023).shares['ВПР 5 Математика']!;
    expect([p.n3, p.quality, p.successRate, p.avgMark, p.confirmedShare]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  test('uncounted subjects and grades are shown but never trigger', () => {
    const y = year(
      [
        r({ type: 'ВПР', grade: 5, subject: 'Биология', year: 2023, participants: 10, failed: 9 }),
        r({
          type: 'ВПР',
          grade: 9,
          subject: 'Математика',
          year: 2023,
          participants: 10,
          failed: 9,
        }),
      ],
      2023,
    );
    expect(y.shares['ВПР 5 Биология']).toMatchObject({ low: true, counted: false });
    expect([y.lowProcedures, y.shnor, y.hasResults]).toEqual([[], false, false]);
  });
});

describe('triggers', () => {
  test('A: two different low procedures in one year', () => {
    const y = year([vpr5m(2023, 10, 3), oge9r(2023, 10, 5)], 2023);
    expect([y.triggerA, y.triggerB, y.shnor]).toEqual([true, false, true]);
    expect(y.reason).toContain('Триггер А');
    expect(y.reason).toContain('ВПР 5 Математика (30,0 %, N = 10)');
  });

  test('one low procedure alone is not ШНОР', () => {
    expect(year([vpr5m(2023, 10, 3), oge9r(2023, 10, 2)], 2023).shnor).toBe(false);
  });

  test('B: the same procedure low in Y and Y−1', () => {
    const y = year([vpr5m(2022, 10, 4), vpr5m(2023, 10, 3)], 2023);
    expect([y.triggerA, y.triggerB, y.repeatedProcedures]).toEqual([
      false,
      true,
      ['ВПР 5 Математика'],
    ]);
    expect(y.reason).toContain('Триггер Б: доля «2» не ниже 30,0 % в 2022 и 2023 гг.');
  });

  test('B needs Y−1 itself: Y−2 does not count', () => {
    expect(year([vpr5m(2021, 10, 4), vpr5m(2023, 10, 3)], 2023).triggerB).toBe(false);
  });

  test('same subject, different grades: two procedures, or one when identified by type+subject', () => {
    const rows = [
      vpr5m(2022, 10, 4),
      r({ type: 'ВПР', grade: 6, subject: 'Математика', year: 2023, participants: 10, failed: 4 }),
    ];
    expect(year(rows, 2023).triggerB).toBe(false);
    const pooled = year(rows, 2023, settings({ procedureIdentity: 'type+subject' }));
    expect([pooled.triggerB, pooled.repeatedProcedures]).toEqual([true, ['ВПР Математика']]);
    // two grades low in the same year: A under full identity, one pooled procedure otherwise
    const same = [
      vpr5m(2023, 10, 4),
      r({ type: 'ВПР', grade: 6, subject: 'Математика', year: 2023, participants: 10, failed: 4 }),
    ];
    expect(year(same, 2023).triggerA).toBe(true);
    expect(year(same, 2023, settings({ procedureIdentity: 'type+subject' })).triggerA).toBe(false);
  });

  test('a not-held procedure-year is absent, not zero, and breaks trigger B', () => {
    const rows = [oge9r(2019, 10, 5), oge9r(2020, 0, 0), oge9r(2021, 10, 5)];
    const res = computeCriteria(rows, settings(), [{ type: 'ОГЭ', year: 2020 }]);
    const s = res.schools[0]!;
    expect(s.years['2020']).toBeUndefined();
    expect(s.years['2021']!.triggerB).toBe(false);
    expect(res.issues.map((i) => i.code)).toEqual(['not-held-with-data']);
    // the same from the settings
    const viaSettings = computeCriteria(
      rows,
      settings({ yearsNotHeld: [{ type: 'ОГЭ', year: 2020 }] }),
    );
    expect(viaSettings.schools[0]!.years['2020']).toBeUndefined();
  });
});

describe('status over years', () => {
  const rows = [2019, 2020, 2021, 2022].flatMap((y) => [
    vpr5m(y, 10, y === 2022 ? 0 : 5),
    oge9r(y, 10, y === 2022 ? 0 : 5),
  ]);
  const res = computeCriteria(rows, settings());
  const s = res.schools[0]!;

  test('consecutive years, stagnation at 3, leaving the list', () => {
    expect([2019, 2020, 2021, 2022].map((y) => s.years[String(y)]!.consecutiveYears)).toEqual([
      1, 2, 3, 0,
    ]);
    expect(s.years['2021']!.stagnation).toBe(true);
    expect(s.years['2020']!.stagnation).toBe(false);
    expect(s.years['2022']!.leftList).toBe(true);
    expect(s.years['2021']!.leftList).toBe(false);
  });

  test('positive dynamics: a subject improved, none worse', () => {
    expect(s.years['2022']!.positiveDynamics).toBe(true);
    expect(s.years['2020']!.positiveDynamics).toBe(false); // nothing changed
    expect(s.years['2019']!.positiveDynamics).toBeNull();
  });

  test('one subject better and another worse is not positive; Δ in percentage points', () => {
    const mixed = [vpr5m(2022, 10, 5), oge9r(2022, 10, 1), vpr5m(2023, 10, 2), oge9r(2023, 10, 2)];
    expect(year(mixed, 2023).positiveDynamics).toBe(false);
    expect(year(mixed, 2023, settings({ dynamicsDelta: 10 })).positiveDynamics).toBe(true); // +10 pp is not "more than 10"
    expect(year(mixed, 2023, settings({ dynamicsDelta: 30 })).positiveDynamics).toBe(false);
  });

  test('a subject pools its levels: ЕГЭ base and profile mathematics', () => {
    const rows2 = [
      r({
        type: 'ЕГЭ',
        grade: 11,
        subject: 'Математика (базовая)',
        year: 2022,
        participants: 10,
        failed: 2,
      }),
      r({
        type: 'ЕГЭ',
        grade: 11,
        subject: 'Математика (профильная)',
        year: 2022,
        participants: 10,
        failed: 2,
      }),
    ];
    const y = year(rows2, 2022);
    expect(y.subjects['Математика']).toMatchObject({ participants: 20, failed: 4, share: 0.2 });
  });

  test('region indicators with numerators and denominators', () => {
    const byId = (id: string, y: number) =>
      res.indicators.find((i) => i.id === id && i.year === y)!;
    expect(byId('shnor-share', 2021)).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 1,
      title: 'Доля ШНОР',
    });
    expect(byId('left-list-share', 2022)).toMatchObject({ numerator: 1, denominator: 1 });
    expect(byId('left-list-share', 2019)).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    expect(byId('stagnation-share', 2021)).toMatchObject({ numerator: 1, denominator: 1 });
    expect(byId('low-any-share', 2022).title).toBe(
      'Доля школ с долей «2» ≥ 30 % хотя бы в одной процедуре',
    );
  });
});

describe('schools', () => {
  test('identified by code, else by name and municipality', () => {
    const rows = [
      vpr5m(2023, 10, 1, { schoolCode: 'sch1', schoolName: 'Школа 1' }),
      vpr5m(2022, 10, 1, { schoolCode: 'sch1', schoolName: 'Школа № 1 (старое имя)' }),
      vpr5m(2023, 10, 1, { schoolCode: '', schoolName: 'Школа 2', municipality: 'А' }),
      vpr5m(2023, 10, 1, { schoolCode: '', schoolName: 'Школа 2', municipality: 'Б' }),
    ];
    expect(computeCriteria(rows, settings()).schools).toHaveLength(3);
  });

  test('a duplicate result is summed and reported at its row', () => {
    const rows = [vpr5m(2023, 10, 1), vpr5m(2023, 10, 5)];
    const res = computeCriteria(rows, settings());
    expect(res.schools[0]!.years['2023']!.shares['ВПР 5 Математика']).toMatchObject({
      participants: 20,
      failed: 6,
    });
    expect(res.issues[0]).toMatchObject({
      code: 'duplicate-result',
      severity: 'warning',
      row: rows[1]!.source.row,
    });
    expect(res.issues[0]!.message).toContain('лист «Результаты»');
  });
});
