/**
 * «Результаты и критерии»: which results tables were recognised and how (columns, rows read, rows
 * left out and why), the criteria settings, and the run that writes the criteria sheets.
 */
import {
  Button,
  Card,
  CardHeader,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Issue } from '../../core/issue';
import { FIELD_RU, type Field } from '../../core/results/headers';
import type { ResultsRead } from '../../core/results/read';
import type { RecognisedTable } from '../../core/results/recognisedTable';
import type { Settings } from '../../core/settings';
import type { ApplyReport } from '../../core/workbook/policy';
import { russianError } from '../errors';
import type { PaneHost } from '../host';
import { readAllResults, runCriteria, type CriteriaRun } from '../pipeline';
import {
  formFromSettings,
  settingsFromForm,
  type FormField,
  type SettingsForm,
} from '../settingsForm';
import { Busy, NoticeBar, Section, percent, plural, type Notice } from '../ui';
import { IssueList } from './IssueList';
import { SettingsFields } from './SettingsFields';

const CRITERIA_FIELDS: FormField[] = [
  'thresholdPercent',
  'minParticipants',
  'smallSample',
  'stagnationYears',
  'dynamicsDelta',
  'procedureIdentity',
];
const LEFT_OUT_SHOWN = 10;

const useStyles = makeStyles({
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& td, & th': {
      textAlign: 'left',
      padding: '2px 6px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

const KIND_RU: Record<RecognisedTable['kind'], string> = {
  long: 'таблица результатов (одна строка на школу, год и процедуру)',
  'federal-export': 'выгрузка «Статистика по отметкам»',
};

function fieldName(field: string): string {
  return FIELD_RU[field as Field] ?? field;
}

function TableCard({ table }: { table: RecognisedTable }) {
  const styles = useStyles();
  const ctx = table.context;
  const said = ctx
    ? [
        ctx.type,
        ctx.grade ? `${ctx.grade} класс` : '',
        ctx.subject,
        ctx.year ? `${ctx.year} год` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <Card>
      <CardHeader
        header={
          <Text weight="semibold">{`Лист «${table.sheet}», шапка в строке ${table.headerRow}`}</Text>
        }
        description={<Caption1>{KIND_RU[table.kind]}</Caption1>}
      />
      {said ? <Text>{`Из заголовка: ${said}`}</Text> : null}
      <Text>{`Прочитано строк: ${table.rowsRead}; не взято: ${table.rowsLeftOut.length}`}</Text>
      <details>
        <summary>{`Столбцы (${table.columns.length})`}</summary>
        <ul className={styles.list}>
          {table.columns.map((c) => (
            <li
              key={`${c.field}|${c.col}`}
            >{`${fieldName(c.field)} ← столбец ${c.col} «${c.header}»`}</li>
          ))}
        </ul>
      </details>
      {table.rowsLeftOut.length > 0 ? (
        <details>
          <summary>{`Строки, которые не взяты (${table.rowsLeftOut.length})`}</summary>
          <ul className={styles.list}>
            {table.rowsLeftOut.slice(0, LEFT_OUT_SHOWN).map((r) => (
              <li key={r.row}>{`строка ${r.row}: ${r.reason}`}</li>
            ))}
            {table.rowsLeftOut.length > LEFT_OUT_SHOWN ? (
              <li>{`и ещё ${table.rowsLeftOut.length - LEFT_OUT_SHOWN}`}</li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}

export interface ResultsViewProps {
  host: PaneHost;
  settings: Settings;
  onSettings: (settings: Settings) => Promise<void>;
}

export function ResultsView({ host, settings, onSettings }: ResultsViewProps) {
  const styles = useStyles();
  const [read, setRead] = useState<ResultsRead | null>(null);
  const [busy, setBusy] = useState<{ label: string; done?: number; total?: number } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [run, setRun] = useState<{ criteria: CriteriaRun; report: ApplyReport } | null>(null);
  // Settings saved on the settings view show up here too.
  useEffect(() => setForm(formFromSettings(settings)), [settings]);

  async function readTables(): Promise<ResultsRead | null> {
    setBusy({ label: 'Читаю листы книги…' });
    setNotice(null);
    try {
      const grids = await host.readUserSheets();
      setBusy({ label: 'Распознаю таблицы результатов…' });
      const r = readAllResults(grids, settings);
      setRead(r);
      if (r.rows.length === 0)
        setNotice({
          intent: 'warning',
          text: 'Таблица результатов не найдена. Вставьте на лист таблицу со столбцами «ОО», «Год», «Процедура», «Класс», «Предмет», «Кол-во участников», «Кол-во «2»» или выгрузку «Статистика по отметкам» и повторите.',
        });
      return r;
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Не удалось прочитать результаты') });
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function compute(): Promise<void> {
    const checked = settingsFromForm(form, settings);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice({
        intent: 'error',
        text: 'Настройки заполнены с ошибками: исправьте отмеченные поля.',
      });
      return;
    }
    setErrors({});
    try {
      await onSettings(checked.settings);
      const r = read ?? (await readTables());
      if (!r || r.rows.length === 0) return;
      setBusy({ label: 'Считаю критерии…' });
      const [grids, workbook] = [await host.readUserSheets(), await host.readWorkbookState()];
      const criteria = runCriteria(grids, checked.settings, workbook);
      const report = await host.applyPatch(criteria.patch, {
        onProgress: (p) =>
          setBusy({ label: 'Записываю листы критериев', done: p.done, total: p.total }),
      });
      setRun({ criteria, report });
      // Names as written: a user's sheet may already hold a wanted name ("Результаты" → "Результаты (2)").
      const written = [...report.created, ...report.replaced.map((r) => r.name)];
      setNotice({
        intent: 'success',
        title: 'Критерии рассчитаны',
        text: `Листы: ${written.map((n) => `«${n}»`).join(', ')}.`,
      });
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Расчёт критериев не выполнен') });
    } finally {
      setBusy(null);
    }
  }

  const last = run ? run.criteria.result.years[run.criteria.result.years.length - 1] : undefined;
  return (
    <div>
      <Section>
        <Button onClick={() => void readTables()} disabled={busy !== null}>
          Найти таблицы результатов
        </Button>
        {read ? (
          <div className={styles.cards}>
            <Text>{`Найдено таблиц: ${read.tables.length}; строк результатов: ${read.rows.length}.`}</Text>
            {read.tables.map((t) => (
              <TableCard key={`${t.sheet}|${t.headerRow}`} table={t} />
            ))}
            {read.issues.length > 0 ? (
              <IssueList
                issues={read.issues}
                onSelect={(i: Issue) =>
                  void host.selectCell(i.sheet, i.cell).catch((e) =>
                    setNotice({
                      intent: 'error',
                      text: russianError(e, 'Не удалось перейти к ячейке'),
                    }),
                  )
                }
              />
            ) : null}
          </div>
        ) : null}
      </Section>
      <Section>
        <SettingsFields fields={CRITERIA_FIELDS} form={form} errors={errors} onChange={setForm} />
        <Button appearance="primary" onClick={() => void compute()} disabled={busy !== null}>
          Рассчитать критерии ШНОР
        </Button>
        {busy ? <Busy {...busy} /> : null}
        <NoticeBar notice={notice} />
      </Section>
      {run ? (
        <Section>
          <Text weight="semibold">{`Школ: ${run.criteria.result.schools.length}; годы: ${run.criteria.result.years.join(', ')}`}</Text>
          <table className={styles.table} aria-label="Показатели региона">
            <thead>
              <tr>
                <th>Показатель</th>
                <th>Год</th>
                <th>Значение</th>
              </tr>
            </thead>
            <tbody>
              {run.criteria.result.indicators
                .filter((i) => i.year === last)
                .map((i) => (
                  <tr key={`${i.id}|${i.year}`}>
                    <td>{i.title}</td>
                    <td>{i.year}</td>
                    <td>{`${percent(i.value)} (${i.numerator} из ${i.denominator})`}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <Caption1>{`Создано листов: ${run.report.created.length}, заменено: ${run.report.replaced.length}; ${plural(run.report.totalBatches ?? 0, 'пакет записи', 'пакета записи', 'пакетов записи')}.`}</Caption1>
        </Section>
      ) : null}
    </div>
  );
}
