/**
 * «Настройки»: plan period, thresholds, the user's abbreviations and the risk factor list, saved in
 * the workbook (they travel with the file) after the engine's schema accepted them.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { defaultSettings, type Settings } from '../../core/settings';
import { russianError } from '../errors';
import {
  formFromSettings,
  settingsFromForm,
  type FormField,
  type SettingsForm,
} from '../settingsForm';
import { NoticeBar, Section, type Notice } from '../ui';
import { SettingsFields } from './SettingsFields';

const ALL_FIELDS: FormField[] = [
  'planPeriod',
  'thresholdPercent',
  'minParticipants',
  'smallSample',
  'stagnationYears',
  'dynamicsDelta',
  'procedureIdentity',
  'glossary',
  'riskFactors',
];

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS } });

export interface SettingsViewProps {
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
}

export function SettingsView({ settings, onSave }: SettingsViewProps) {
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  // Settings saved elsewhere (the results view) show up here too.
  useEffect(() => setForm(formFromSettings(settings)), [settings]);

  async function save(): Promise<void> {
    const checked = settingsFromForm(form, settings);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice({ intent: 'error', text: 'Настройки не сохранены: исправьте отмеченные поля.' });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(checked.settings);
      setNotice({ intent: 'success', text: 'Настройки сохранены в книге.' });
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Настройки не сохранены') });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Section>
        <SettingsFields fields={ALL_FIELDS} form={form} errors={errors} onChange={setForm} />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving}>
            Сохранить
          </Button>
          <Button
            type="button"
            onClick={() =>
              setForm(formFromSettings({ ...defaultSettings(), glossary: settings.glossary }))
            }
          >
            Вернуть значения по умолчанию
          </Button>
        </div>
        <NoticeBar notice={notice} />
      </Section>
    </form>
  );
}
