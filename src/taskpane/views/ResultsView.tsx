/**
 * «Результаты и критерии»: the main actions and the summary first, then the rule's settings (folded
 * away), the region's indicators, the tables recognised and the reader's notes — errors first, many
 * of a kind folded into one row.
 */
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Grid } from '../../core/grid';
import type { ResultsRead } from '../../core/results/read';
import type { Settings } from '../../core/settings';
import { russianError } from '../errors';
import { count, ofForm, ofTotal, percent, plural } from '../format';
import type { GeneratedSheet, PaneHost } from '../host';
import { useJobs, JobReason } from '../jobs';
import {
  readAllResults,
  runCriteria,
  writtenBy,
  type CriteriaRun,
  type Written,
} from '../pipeline';
import { writeBusy } from '../progress';
import {
  formFromSettings,
  settingsFromForm,
  type FormField,
  type SettingsForm,
} from '../settingsForm';
import { Busy, NoticeBar, Section, type BusyState, type Notice } from '../ui';
import { sheetsUndo } from '../undo';
import { useUndo } from '../undoContext';
import { IssueList } from './IssueList';
import { TableCard } from './ResultsTables';
import { SettingsFields } from './SettingsFields';

const CRITERIA_FIELDS: FormField[] = [
  'thresholdPercent',
  'minParticipants',
  'smallSample',
  'stagnationYears',
  'dynamicsDelta',
  'procedureIdentity',
];

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  settings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& td, & th': {
      textAlign: 'left',
      padding: '2px 6px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
  },
});

export interface ResultsViewProps {
  host: PaneHost;
  settings: Settings;
  onSettings: (settings: Settings) => Promise<void>;
}

/** "порог 30 %, минимум 1 участник, …": the rule's settings in one line. */
function settingsLine(s: Settings): string {
  return [
    `порог доли «2» ${percent(s.threshold)}`,
    `минимум участников ${count(s.minParticipants)}`,
    `стагнация ${plural(s.stagnationYears, 'год', 'года', 'лет')}`,
  ].join(', ');
}

export function ResultsView({ host, settings, onSettings }: ResultsViewProps) {
  const styles = useStyles();
  const jobs = useJobs();
  const undo = useUndo();
  const [read, setRead] = useState<ResultsRead | null>(null);
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [run, setRun] = useState<{ criteria: CriteriaRun; written: Written } | null>(null);
  /** Generated sheets before an attempt that failed: the retry reports against them. */
  const before = useRef<GeneratedSheet[] | null>(null);
  const locked = jobs.current !== null;
  // Settings saved on the settings view show up here too.
  useEffect(() => setForm(formFromSettings(settings)), [settings]);

  async function readTables(
    step?: { n: number; of: number },
    rule: Settings = settings,
  ): Promise<{ grids: Grid[]; read: ResultsRead }> {
    setBusy({ label: 'Читаю листы книги', ...(step ? { step } : {}) });
    const grids = await host.readUserSheets((done, total, sheet) =>
      setBusy({
        label: 'Читаю листы книги',
        ...(step ? { step } : {}),
        done,
        total,
        unit: ofForm(total, 'листа', 'листов'),
        detail: sheet,
      }),
    );
    setBusy({ label: 'Распознаю таблицы результатов', ...(step ? { step } : {}) });
    const r = readAllResults(grids, rule);
    setRead(r);
    return { grids, read: r };
  }

  const notFound: Notice = {
    intent: 'warning',
    text: 'Таблица результатов не найдена. Вставьте на лист таблицу со столбцами «ОО», «Год», «Процедура», «Класс», «Предмет», «Кол-во участников», «Кол-во «2»» или выгрузку «Статистика по отметкам» и повторите.',
  };

  const findTables = () =>
    jobs.run({ title: 'чтение результатов', view: 'results' }, async () => {
      setNotice(null);
      try {
        const { read: r } = await readTables();
        if (r.rows.length === 0) setNotice(notFound);
      } catch (error) {
        setNotice({
          intent: 'error',
          text: russianError(error, 'Не удалось прочитать результаты'),
        });
      } finally {
        setBusy(null);
      }
    });

  async function compute(): Promise<void> {
    const checked = settingsFromForm(form, settings);
    if (!checked.ok) {
      setErrors(checked.errors);
      setSettingsOpen(true);
      setNotice({
        intent: 'error',
        text: 'Параметры правила заполнены с ошибками: исправьте отмеченные поля.',
      });
      return;
    }
    setErrors({});
    await jobs.run({ title: 'расчёт критериев', view: 'results' }, async () => {
      setNotice(null);
      try {
        await onSettings(checked.settings);
        await undo.prepare();
        const { grids, read: r } = await readTables({ n: 1, of: 3 }, checked.settings);
        if (r.rows.length === 0) {
          setNotice(notFound);
          return;
        }
        setBusy({ label: 'Считаю критерии', step: { n: 2, of: 3 } });
        const criteria = runCriteria(grids, checked.settings, await host.readWorkbookState());
        before.current ??= await host.generatedSheets();
        setBusy({ label: 'Записываю листы критериев', step: { n: 3, of: 3 } });
        const report = await host.applyPatch(criteria.patch, {
          undoGroup: true,
          onProgress: (p) => setBusy(writeBusy('Листы критериев', p, { n: 3, of: 3 })),
        });
        // What the whole write did (a resumed run reports from its first attempt on).
        const written = writtenBy(report);
        const entry = sheetsUndo(
          'расчёт критериев',
          criteria.patch,
          before.current,
          undo.memory,
          report.excelUndo,
        );
        before.current = null;
        await undo.record({ ...entry, created: written.created }, criteria.patch);
        setRun({ criteria, written });
        // Names as written: a user's sheet may already hold a wanted name ("Результаты" → "Результаты (2)").
        setNotice({
          intent: 'success',
          title: 'Критерии рассчитаны',
          text: `Листы: ${[...written.created, ...written.replaced].map((n) => `«${n}»`).join(', ')}.`,
        });
      } catch (error) {
        setNotice({
          intent: 'error',
          text: russianError(error, 'Расчёт критериев не выполнен', { resumable: true }),
        });
      } finally {
        setBusy(null);
      }
    });
  }

  const result = run?.criteria.result;
  const last = result ? result.years[result.years.length - 1] : undefined;
  return (
    <div>
      <Section label="Действия">
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void compute()} disabled={locked}>
            Рассчитать критерии ШНОР
          </Button>
          <Button onClick={() => void findTables()} disabled={locked}>
            Найти таблицы результатов
          </Button>
        </div>
        <JobReason view="results" />
        {busy ? <Busy {...busy} /> : null}
        <NoticeBar notice={notice} />
        {read ? (
          <Text>{`Найдено таблиц: ${count(read.tables.length)}; строк результатов: ${count(read.rows.length)}.`}</Text>
        ) : null}
        {result ? (
          <Text weight="semibold">{`Школ: ${count(result.schools.length)}; годы: ${result.years.join(', ')}`}</Text>
        ) : null}
      </Section>
      <details
        open={settingsOpen}
        onToggle={(e) => setSettingsOpen((e.target as HTMLDetailsElement).open)}
      >
        <summary
          className={styles.summary}
        >{`Параметры правила ШНОР: ${settingsLine(settings)}`}</summary>
        <div className={styles.settings}>
          <SettingsFields fields={CRITERIA_FIELDS} form={form} errors={errors} onChange={setForm} />
          <Caption1>Параметры сохраняются в книге при расчёте.</Caption1>
        </div>
      </details>
      {run && result ? (
        <Section label="Показатели региона">
          <table className={styles.table} aria-label="Показатели региона">
            <thead>
              <tr>
                <th>Показатель</th>
                <th>Год</th>
                <th>Значение</th>
              </tr>
            </thead>
            <tbody>
              {result.indicators
                .filter((i) => i.year === last)
                .map((i) => (
                  <tr key={`${i.id}|${i.year}`}>
                    <td>{i.title}</td>
                    <td>{i.year}</td>
                    <td>{`${percent(i.value)} (${ofTotal(i.numerator, i.denominator)})`}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <Caption1>{`Создано листов: ${count(run.written.created.length)}, заменено: ${count(run.written.replaced.length)}.`}</Caption1>
        </Section>
      ) : null}
      {read && read.tables.length > 0 ? (
        <Section label="Найденные таблицы">
          <div className={styles.cards}>
            {read.tables.map((t) => (
              <TableCard key={`${t.sheet}|${t.headerRow}`} table={t} />
            ))}
          </div>
        </Section>
      ) : null}
      {read && read.issues.length > 0 ? (
        <Section label="Замечания к таблицам">
          <IssueList
            issues={read.issues}
            onSelect={(i) =>
              void host.selectCell(i.sheet, i.cell).catch((e) =>
                setNotice({
                  intent: 'error',
                  text: russianError(e, 'Не удалось перейти к ячейке'),
                }),
              )
            }
          />
        </Section>
      ) : null}
    </div>
  );
}
