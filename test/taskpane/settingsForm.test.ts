import { defaultSettings } from '../../src/core/settings';
import {
  formFromSettings,
  normalisePeriod,
  settingsFromForm,
} from '../../src/taskpane/settingsForm';

describe('settings form', () => {
  const base = defaultSettings();

  it('shows the defaults in the units people use and reads them back unchanged', () => {
    const form = formFromSettings(base);
    expect(form.thresholdPercent).toBe('30');
    expect(form.riskFactors.split('\n')).toHaveLength(base.riskFactors.length);
    expect(settingsFromForm(form, base)).toEqual({ ok: true, settings: base });
  });

  it('reads a comma decimal, a period, abbreviations and risk factors', () => {
    const form = {
      ...formFromSettings(base),
      thresholdPercent: '25,5',
      planPeriod: '2024/2025',
      glossary:
        'ТОИУУ — Тверской областной институт усовершенствования учителей\nКЦ: Координационный центр',
      riskFactors: 'дефицит педагогических кадров\n\n  низкая учебная мотивация обучающихся ',
    };
    const r = settingsFromForm(form, base);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.threshold).toBeCloseTo(0.255);
    expect(r.settings.planPeriod).toBe('2024/2025');
    expect(r.settings.glossary).toEqual({
      ТОИУУ: 'Тверской областной институт усовершенствования учителей',
      КЦ: 'Координационный центр',
    });
    expect(r.settings.riskFactors).toEqual([
      'дефицит педагогических кадров',
      'низкая учебная мотивация обучающихся',
    ]);
  });

  it('says in Russian which field is wrong, through the engine schema', () => {
    const form = {
      ...formFromSettings(base),
      thresholdPercent: '130',
      minParticipants: 'два',
      planPeriod: 'весь год',
      glossary: 'ЦОКО',
    };
    const r = settingsFromForm(form, base);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.thresholdPercent).toBe('Введите число процентов от 0 до 100, например 30.');
    expect(r.errors.minParticipants).toMatch(/целое число не меньше 1/);
    expect(r.errors.planPeriod).toMatch(/период вида/);
    expect(r.errors.glossary).toMatch(/Строка 1 «ЦОКО»/);
  });

  it('accepts the plan period as people write it', () => {
    expect(normalisePeriod('2025 год')).toBe('2025');
    expect(normalisePeriod('на 2025 г.')).toBe('2025');
    expect(normalisePeriod('2023 – 2024 годы')).toBe('2023-2024');
    expect(normalisePeriod('2023-2024 гг.')).toBe('2023-2024');
    expect(normalisePeriod('2023/2024 учебный год')).toBe('2023/2024');
    expect(normalisePeriod('весь год')).toBe('весь год');
    const r = settingsFromForm({ ...formFromSettings(base), planPeriod: '2025 год' }, base);
    expect(r.ok && r.settings.planPeriod).toBe('2025');
  });
});
