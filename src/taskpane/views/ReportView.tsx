/**
 * «Отчёт по школам»: says which sheets will be created, replaced or removed, writes them with a
 * progress bar that can be cancelled (and resumed), adds the chart to the summary sheet and links
 * to the index sheet when done.
 */
import { Button, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { planIndicatorsToRead } from '../../app/planIndicators';
import type { SheetCheck } from '../../core/plan/check';
import type { Settings } from '../../core/settings';
import type { ApplyReport } from '../../core/workbook/policy';
import { russianError } from '../errors';
import type { PaneHost } from '../host';
import { prepareReport, type ReportPlan } from '../pipeline';
import { Busy, NoticeBar, Section, plural, type Notice } from '../ui';

const NAMES_SHOWN = 12;

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function NameList({ title, names }: { title: string; names: string[] }) {
  const styles = useStyles();
  if (names.length === 0) return null;
  return (
    <div>
      <Text weight="semibold">{`${title} (${names.length})`}</Text>
      <ul className={styles.list} aria-label={title}>
        {names.slice(0, NAMES_SHOWN).map((n) => (
          <li key={n}>{n}</li>
        ))}
        {names.length > NAMES_SHOWN ? <li>{`и ещё ${names.length - NAMES_SHOWN}`}</li> : null}
      </ul>
    </div>
  );
}

export interface ReportViewProps {
  host: PaneHost;
  settings: Settings;
  today: string;
  plan: SheetCheck | null;
}

export function ReportView({ host, settings, today, plan }: ReportViewProps) {
  const styles = useStyles();
  const [prepared, setPrepared] = useState<ReportPlan | null>(null);
  const [busy, setBusy] = useState<{
    label: string;
    done?: number;
    total?: number;
    cancellable?: boolean;
  } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [done, setDone] = useState<{ report: ApplyReport; index: string } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function prepare(): Promise<void> {
    setBusy({ label: 'Читаю листы книги…' });
    setNotice(null);
    setDone(null);
    setCancelled(false);
    try {
      const [grids, workbook] = [await host.readUserSheets(), await host.readWorkbookState()];
      // values typed into an earlier «Показатели плана» carry over into the new one
      const earlier = plan?.isPlan ? planIndicatorsToRead(workbook) : null;
      const previousPlanIndicators = earlier ? await host.readSheet(earlier) : null;
      setBusy({ label: 'Считаю критерии и готовлю листы…' });
      const p = prepareReport({
        grids,
        workbook,
        settings,
        asOf: today,
        plan,
        previousPlanIndicators,
      });
      if (p.schools === 0) {
        setPrepared(null);
        setNotice({
          intent: 'warning',
          text: 'В книге не найдено результатов оценочных процедур: отчёт строить не по чему. Вставьте таблицу результатов на отдельный лист и повторите.',
        });
        return;
      }
      setPrepared(p);
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Не удалось подготовить отчёт') });
    } finally {
      setBusy(null);
    }
  }

  async function write(p: ReportPlan): Promise<void> {
    const controller = new AbortController();
    abort.current = controller;
    setNotice(null);
    setCancelled(false);
    setBusy({ label: 'Записываю листы', done: 0, total: 0, cancellable: true });
    try {
      const report = await host.applyPatch(p.patch, {
        signal: controller.signal,
        onProgress: (pr) =>
          setBusy({ label: 'Записываю листы', done: pr.done, total: pr.total, cancellable: true }),
      });
      if (report.status === 'cancelled') {
        setCancelled(true);
        setNotice({
          intent: 'warning',
          text: 'Запись остановлена. Уже записанное сохранено; нажмите «Продолжить запись», чтобы дописать с места остановки.',
        });
        return;
      }
      const actual = (name: string) =>
        report.renamedToAvoidClash.find((r) => r.wanted === name)?.actual ?? name;
      let chartNote = '';
      if (p.chart && host.features().charts) {
        setBusy({ label: 'Строю диаграмму на своде…' });
        await host.addChart({ ...p.chart, sheet: actual(p.chart.sheet) });
        chartNote = ` На листе «${actual(p.chart.sheet)}» — диаграмма «${p.chart.title}».`;
      }
      setDone({ report, index: actual(p.indexSheet) });
      setPrepared(null);
      const warnings = report.warnings.length ? ` ${report.warnings.join(' ')}` : '';
      setNotice({
        intent: 'success',
        title: 'Отчёт готов',
        text: `Создано: ${plural(report.created.length, 'лист', 'листа', 'листов')}, заменено: ${report.replaced.length}, удалено: ${report.removed.length}.${chartNote}${warnings}`,
      });
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Отчёт записан не полностью') });
      setCancelled(true);
    } finally {
      abort.current = null;
      setBusy(null);
    }
  }

  return (
    <div>
      <Section>
        <Text>
          На каждую школу — отдельный лист; оглавление со ссылками и свод по муниципалитетам с
          диаграммой. Листы, созданные надстройкой раньше, заменяются; ваши листы не меняются.
        </Text>
        {plan?.isPlan ? (
          <Caption1>{`Мероприятия для школ берутся из проверенного плана «${plan.sheet}».`}</Caption1>
        ) : (
          <Caption1>
            Чтобы дорожные карты школ содержали мероприятия плана, сначала проверьте план на вкладке
            «Проверка плана».
          </Caption1>
        )}
        <div className={styles.actions}>
          <Button
            appearance={prepared ? 'secondary' : 'primary'}
            onClick={() => void prepare()}
            disabled={busy !== null}
          >
            Подготовить отчёт
          </Button>
          {prepared ? (
            <Button
              appearance="primary"
              onClick={() => void write(prepared)}
              disabled={busy !== null}
            >
              {cancelled ? 'Продолжить запись' : `Создать листы (${prepared.patch.sheets.length})`}
            </Button>
          ) : null}
        </div>
        {busy ? (
          <Busy
            label={busy.label}
            done={busy.done}
            total={busy.total}
            onCancel={busy.cancellable ? () => abort.current?.abort() : undefined}
          />
        ) : null}
        <NoticeBar notice={notice} />
      </Section>
      {prepared ? (
        <Section>
          <Text>{`Школ: ${prepared.schools}. Будет записано ${plural(prepared.patch.sheets.length, 'лист', 'листа', 'листов')}.`}</Text>
          {prepared.planIndicators ? (
            <Text>
              {`Показатели плана: ${prepared.planIndicators.summary}.` +
                (prepared.planIndicators.carried
                  ? ` Введённые раньше значения перенесутся (строк: ${prepared.planIndicators.carried}).`
                  : '')}
            </Text>
          ) : null}
          <NameList title="Будут созданы" names={prepared.preview.create} />
          <NameList
            title="Будут заменены"
            names={prepared.preview.replace.map((r) =>
              r.sheet === r.name ? r.name : `${r.sheet} → ${r.name}`,
            )}
          />
          <NameList
            title="Ваши правки сохранятся на листах"
            names={prepared.preview.keep.map((k) => k.as)}
          />
          <NameList title="Будут удалены" names={prepared.preview.remove} />
        </Section>
      ) : null}
      {done ? (
        <Section>
          <Link
            as="button"
            onClick={() =>
              void host.activateSheet(done.index).catch((e) =>
                setNotice({
                  intent: 'error',
                  text: russianError(e, 'Не удалось открыть оглавление'),
                }),
              )
            }
          >
            {`Открыть «${done.index}»`}
          </Link>
        </Section>
      ) : null}
    </div>
  );
}
