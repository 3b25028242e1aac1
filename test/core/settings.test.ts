import { DEFAULT_RISK_FACTORS, defaultSettings, parseSettings } from '../../src/core/settings';

describe('defaults of docs/domain.md §3.3, §3.6, §4', () => {
  const s = defaultSettings();
  test('the ШНОР rule', () => {
    expect(s.threshold).toBe(0.3);
    expect(s.subjects).toEqual(['Русский язык', 'Математика']);
    expect(s.procedures).toEqual([
      { type: 'ВПР', grades: [4, 5, 6, 7, 8] },
      { type: 'ОГЭ' },
      { type: 'ЕГЭ' },
    ]);
    expect(s.procedureIdentity).toBe('type+grade+subject');
    expect([s.minParticipants, s.smallSample, s.stagnationYears, s.dynamicsDelta]).toEqual([
      1, 10, 3, 0,
    ]);
    expect(s.yearsNotHeld).toEqual([]);
    expect(s.planPeriod).toBeNull();
    expect(s.glossary).toEqual({});
  });
  test('minimum scores', () => {
    expect(s.minimumScores).toContainEqual({ type: 'ЕГЭ', subject: 'Русский язык', minScore: 24 });
    expect(s.minimumScores).toContainEqual({
      type: 'ЕГЭ',
      subject: 'Математика (профильная)',
      minScore: 27,
    });
    expect(s.minimumScores).toContainEqual({
      type: 'ЕГЭ',
      subject: 'Математика (базовая)',
      minMark: 3,
    });
  });
  test('risk factors are editable data, each call a fresh copy', () => {
    expect(s.riskFactors).toEqual(DEFAULT_RISK_FACTORS);
    s.riskFactors.push('свой фактор');
    expect(defaultSettings().riskFactors).toHaveLength(DEFAULT_RISK_FACTORS.length);
  });
});

describe('parseSettings', () => {
  test('a subset of fields, the rest defaults', () => {
    const r = parseSettings({
      threshold: 0.25,
      procedureIdentity: 'type+subject',
      yearsNotHeld: [{ type: 'ОГЭ', year: 2020 }],
      planPeriod: '2022/2023',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.threshold).toBe(0.25);
    expect(r.settings.procedureIdentity).toBe('type+subject');
    expect(r.settings.yearsNotHeld).toEqual([{ type: 'ОГЭ', year: 2020 }]);
    expect(r.settings.minParticipants).toBe(1);
  });

  test.each([
    [{ threshold: 'abc' }, 'threshold: ожидается число от 0 до 1, получено «abc»'],
    [{ threshold: 30 }, 'threshold: ожидается число от 0 до 1, получено «30»'],
    [{ minParticipants: 0 }, 'minParticipants: ожидается целое число не меньше 1, получено «0»'],
    [
      { procedureIdentity: 'grade' },
      'procedureIdentity: ожидается «type+grade+subject» или «type+subject», получено «grade»',
    ],
    [
      { yearsNotHeld: [{ type: 'ГИА', year: 2020 }] },
      'yearsNotHeld[0].type: ожидается одно из «ВПР», «ОГЭ», «ЕГЭ», получено «ГИА»',
    ],
    [
      { yearsNotHeld: [{ type: 'ОГЭ' }] },
      'yearsNotHeld[0].year: ожидается год (целое число от 1990 до 2100), получено «ничего»',
    ],
    [
      { procedures: [{ type: 'ВПР', grades: [4, 12] }] },
      'procedures[0].grades[1]: ожидается целое число от 1 до 11, получено «12»',
    ],
    [
      { planPeriod: 'на 2023 год' },
      'planPeriod: ожидается период вида «2023», «2023-2024» или «2022/2023», получено «на 2023 год»',
    ],
    [
      { glossary: { ЦОКО: '' } },
      'glossary.ЦОКО: ожидается расшифровка сокращения (непустая строка), получено «»',
    ],
    [{ subjects: [] }, 'subjects: ожидается непустой список названий предметов, получено «[]»'],
  ])('%j → %s', (json, message) => {
    const r = parseSettings(json);
    expect(r).toEqual({ ok: false, errors: [message] });
  });

  test('unknown fields are named, several errors all reported', () => {
    const r = parseSettings({ treshold: 0.3, smallSample: -1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(2);
    expect(r.errors).toContainEqual(
      expect.stringMatching(/^treshold: неизвестный параметр; допустимые: threshold, /),
    );
    expect(r.errors).toContain('smallSample: ожидается целое число не меньше 0, получено «-1»');
  });

  test('not an object', () => {
    expect(parseSettings([1])).toEqual({
      ok: false,
      errors: ['настройки: ожидается объект JSON с полями настроек, получено «[1]»'],
    });
  });
});
