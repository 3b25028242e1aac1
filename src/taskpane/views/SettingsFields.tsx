/**
 * Fields of the settings form; the results view shows the criteria ones, the settings view all.
 * Validation is settingsFromForm (the zod schema of the engine).
 */
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { FIELD_LABELS, type FormField, type SettingsForm } from '../settingsForm';

const HINTS: Partial<Record<FormField, string>> = {
  planPeriod:
    '«2025», «2025 год», «2023-2024» или «2023/2024» (учебный год); пусто — брать из заголовка плана',
  thresholdPercent: 'Процедура «низкая», если доля «2» не меньше порога (по умолчанию 30)',
  glossary:
    'По одному на строку: «ТОИУУ — Тверской областной институт усовершенствования учителей»',
  riskFactors: 'По одному фактору на строку; список можно менять',
  procedureIdentity:
    'Одна процедура — «ВПР 5 класс Математика» (по умолчанию) или «ВПР Математика» во всех классах вместе',
};

export interface SettingsFieldsProps {
  fields: FormField[];
  form: SettingsForm;
  errors: Partial<Record<FormField, string>>;
  onChange: (form: SettingsForm) => void;
}

export function SettingsFields({ fields, form, errors, onChange }: SettingsFieldsProps) {
  return (
    <>
      {fields.map((f) => {
        const error = errors[f];
        const common = {
          label: FIELD_LABELS[f],
          hint: HINTS[f],
          validationState: error ? ('error' as const) : ('none' as const),
          validationMessage: error,
        };
        if (f === 'procedureIdentity')
          return (
            <Field key={f} {...common}>
              <Select
                style={{ width: '100%', minWidth: 0 }}
                value={form.procedureIdentity}
                onChange={(_, d) =>
                  onChange({
                    ...form,
                    procedureIdentity: d.value as SettingsForm['procedureIdentity'],
                  })
                }
              >
                <option value="type+grade+subject">вид, класс и предмет</option>
                <option value="type+subject">вид и предмет</option>
              </Select>
            </Field>
          );
        if (f === 'glossary' || f === 'riskFactors')
          return (
            <Field key={f} {...common}>
              <Textarea
                resize="vertical"
                rows={f === 'riskFactors' ? 8 : 4}
                value={form[f]}
                onChange={(_, d) => onChange({ ...form, [f]: d.value })}
              />
            </Field>
          );
        return (
          <Field key={f} {...common}>
            <Input
              value={form[f]}
              inputMode={f === 'planPeriod' ? 'text' : 'decimal'}
              onChange={(_, d) => onChange({ ...form, [f]: d.value })}
            />
          </Field>
        );
      })}
    </>
  );
}
