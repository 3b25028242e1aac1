/**
 * The settings form as text fields and back. Whatever the user types is turned into settings JSON
 * and validated by the same zod schema as the command line (parseSettings), so the pane cannot
 * store anything the engine would refuse. Pure.
 */
import { parseSettings, type Settings } from '../core/settings';

export interface SettingsForm {
  planPeriod: string;
  /** Percent, as people say it: "30". */
  thresholdPercent: string;
  minParticipants: string;
  smallSample: string;
  stagnationYears: string;
  dynamicsDelta: string;
  procedureIdentity: Settings['procedureIdentity'];
  /** One abbreviation per line: "ТОИУУ — Тверской областной институт усовершенствования учителей". */
  glossary: string;
  /** One risk factor per line. */
  riskFactors: string;
}

export type FormField = keyof SettingsForm;

export const FIELD_LABELS: Record<FormField, string> = {
  planPeriod: 'Период плана',
  thresholdPercent: 'Порог доли «2», %',
  minParticipants: 'Минимум участников для результата',
  smallSample: 'Малая выборка: меньше участников',
  stagnationYears: 'Стагнация: лет подряд в перечне',
  dynamicsDelta: 'Положительная динамика: снижение больше, п.\u00A0п.',
  procedureIdentity: 'Процедура — это',
  glossary: 'Свои сокращения',
  riskFactors: 'Факторы риска',
};

/** Which form field a settings path belongs to. */
const FIELD_OF: Record<string, FormField> = {
  planPeriod: 'planPeriod',
  threshold: 'thresholdPercent',
  minParticipants: 'minParticipants',
  smallSample: 'smallSample',
  stagnationYears: 'stagnationYears',
  dynamicsDelta: 'dynamicsDelta',
  procedureIdentity: 'procedureIdentity',
  glossary: 'glossary',
  riskFactors: 'riskFactors',
};

/** Percent without float noise: 0.3 → "30", 0.125 → "12,5". */
function percentText(share: number): string {
  return String(Math.round(share * 100_000) / 1000).replace('.', ',');
}

export function formFromSettings(s: Settings): SettingsForm {
  return {
    planPeriod: s.planPeriod ?? '',
    thresholdPercent: percentText(s.threshold),
    minParticipants: String(s.minParticipants),
    smallSample: String(s.smallSample),
    stagnationYears: String(s.stagnationYears),
    dynamicsDelta: String(s.dynamicsDelta).replace('.', ','),
    procedureIdentity: s.procedureIdentity,
    glossary: Object.entries(s.glossary)
      .map(([abbr, full]) => `${abbr} — ${full}`)
      .join('\n'),
    riskFactors: s.riskFactors.join('\n'),
  };
}

export type FormResult =
  { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<FormField, string>> };

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "12,5" → 12.5; text that is not a number is passed on as it is, for the schema to refuse by name. */
function numberOrText(text: string): number | string {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return t !== '' && /^[-+]?\d*\.?\d+$/.test(t) ? Number(t) : text.trim();
}

/**
 * The plan period as people write it → the form the settings keep: «2025 год», «на 2025 г.» →
 * "2025"; «2023–2024 годы», «2023-2024 гг.» → "2023-2024"; «2023/2024 учебный год» → "2023/2024".
 * Anything else is passed on for the schema to refuse by name.
 */
export function normalisePeriod(text: string): string {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/^(на|в)\s+/, '')
    .replace(/\s*(учебн(ый|ого|ом)\s+)?(год(ы|а|у)?|гг?\.?)$/, '')
    .trim();
  const m = /^(\d{4})(?:\s*([-/])\s*(\d{4}))?$/.exec(t);
  if (!m) return text.trim();
  return m[2] ? `${m[1]}${m[2]}${m[3]}` : m[1]!;
}

const GLOSSARY_LINE = /^(\S+)\s*(?:—|–|-|=|:)\s*(.+)$/;

/** Form → settings, validated; `base` keeps the settings the form does not show. */
export function settingsFromForm(form: SettingsForm, base: Settings): FormResult {
  const errors: Partial<Record<FormField, string>> = {};
  const glossary: Record<string, string> = {};
  lines(form.glossary).forEach((line, i) => {
    const m = GLOSSARY_LINE.exec(line);
    if (m) glossary[m[1]!] = m[2]!.trim();
    else
      errors.glossary ??= `Строка ${i + 1} «${line}»: напишите сокращение, тире и расшифровку, например «ЦОКО — Центр оценки качества образования».`;
  });
  const threshold = numberOrText(form.thresholdPercent);
  const json = {
    ...base,
    planPeriod: form.planPeriod.trim() === '' ? null : normalisePeriod(form.planPeriod),
    threshold: typeof threshold === 'number' ? threshold / 100 : threshold,
    minParticipants: numberOrText(form.minParticipants),
    smallSample: numberOrText(form.smallSample),
    stagnationYears: numberOrText(form.stagnationYears),
    dynamicsDelta: numberOrText(form.dynamicsDelta),
    procedureIdentity: form.procedureIdentity,
    glossary,
    riskFactors: lines(form.riskFactors),
  };
  const parsed = parseSettings(json);
  if (!parsed.ok) {
    for (const message of parsed.errors) {
      const path = /^([A-Za-z]+)/.exec(message)?.[1] ?? '';
      const field = FIELD_OF[path];
      if (field) errors[field] ??= explain(field, message);
    }
    if (Object.keys(errors).length === 0) errors.planPeriod = parsed.errors.join('; ');
  }
  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors };
  return { ok: true, settings: parsed.settings };
}

/** The schema's message, with the percent field explained in the units the form uses. */
function explain(field: FormField, message: string): string {
  const text = message.replace(/^[^:]+:\s*/, '');
  if (field === 'thresholdPercent') return 'Введите число процентов от 0 до 100, например 30.';
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}
