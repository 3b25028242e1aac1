/**
 * «Отчёт по школам»: says which sheets will be created, replaced or removed (under the names they
 * will really get), writes them with a progress bar that can be cancelled and resumed, adds the
 * chart to the summary sheet and links to the index sheet when done. The message at the end says
 * what the whole write did, however many attempts it took.
 */
import { Button, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { planIndicatorsToRead } from '../../app/planIndicators';
import type { SheetCheck } from '../../core/plan/check';
import type { Settings } from '../../core/settings';
import { russianError } from '../errors';
import { count, ofForm, plural } from '../format';
import type { GeneratedSheet, PaneHost } from '../host';
import { JobReason, useJobs } from '../jobs';
import { planReport, writtenBy, type ReportPlan, type Written } from '../pipeline';
import { writeBusy } from '../progress';
import { Busy, NoticeBar, Section, type BusyState, type Notice } from '../ui';
import { sheetsUndo } from '../undo';
import { useUndo } from '../undoContext';

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
      <Text weight="semibold">{`${title} (${count(names.length)})`}</Text>
      <ul className={styles.list} aria-label={title}>
        {names.slice(0, NAMES_SHOWN).map((n) => (
          <li key={n}>{n}</li>
        ))}
        {names.length > NAMES_SHOWN ? (
          <li>{`и ещё ${count(names.length - NAMES_SHOWN)}`}</li>
        ) : null}
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

function doneText(w: Written, chartNote: string): string {
  return `Создано: ${plural(w.created.length, 'лист', 'листа', 'листов')}, заменено: ${count(w.replaced.length)}, удалено: ${count(w.removed.length)}.${chartNote}`;
}

export function ReportView({ host, settings, today, plan }: ReportViewProps) {
  const styles = useStyles();
  const jobs = useJobs();
  const undo = useUndo();
  const [prepared, setPrepared] = useState<ReportPlan | null>(null);
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [done, setDone] = useState<{ written: Written; index: string } | null>(null);
  /** The write stopped part way: the next click continues it. */
  const [unfinished, setUnfinished] = useState(false);
  const abort = useRef<AbortController | null>(null);
  /** Generated sheets before the first attempt of the prepared write. */
  const before = useRef<GeneratedSheet[] | null>(null);
  const locked = jobs.current !== null;

  const prepare = () =>
    jobs.run({ title: 'подготовка отчёта', view: 'report' }, async () => {
      setNotice(null);
      setDone(null);
      setUnfinished(false);
      before.current = null;
      try {
        setBusy({ label: 'Читаю листы книги', step: { n: 1, of: 2 } });
        const grids = await host.readUserSheets((d, total, sheet) =>
          setBusy({
            label: 'Читаю листы книги',
            step: { n: 1, of: 2 },
            done: d,
            total,
            unit: ofForm(total, 'листа', 'листов'),
            detail: sheet,
          }),
        );
        const state = await host.readWorkbookState();
        // values typed into an earlier «Показатели плана» carry over into the new one
        const earlier = plan?.isPlan ? planIndicatorsToRead(state) : null;
        const previousPlanIndicators = earlier ? await host.readSheet(earlier) : null;
        setBusy({ label: 'Считаю критерии и готовлю листы', step: { n: 2, of: 2 } });
        const p = planReport({
          grids,
          state,
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
    });

  const write = (p: ReportPlan) =>
    jobs.run({ title: 'запись отчёта', view: 'report' }, async () => {
      const controller = new AbortController();
      abort.current = controller;
      const cancel = () => abort.current?.abort();
      setNotice(null);
      setBusy({ label: 'Запись отчёта. Читаю книгу', onCancel: cancel });
      try {
        await undo.prepare();
        before.current ??= await host.generatedSheets();
        const report = await host.applyPatch(p.patch, {
          signal: controller.signal,
          undoGroup: true,
          onProgress: (pr) => setBusy(writeBusy('Запись отчёта', pr, undefined, cancel)),
        });
        if (report.status === 'cancelled') {
          setUnfinished(true);
          setNotice({
            intent: 'warning',
            text: 'Запись остановлена. Уже записанное сохранено; нажмите «Продолжить запись», чтобы дописать с места остановки.',
          });
          return;
        }
        // What the whole write did (a resumed run reports from its first attempt on).
        const written = writtenBy(report);
        const sheetOf = (key: string, wanted: string) => written.names[key] ?? wanted;
        const summaryKey = p.patch.sheets.find((s) => s.name === p.chart?.sheet)?.key;
        let chartNote = '';
        if (p.chart && host.features().charts) {
          setBusy({ label: 'Строю диаграмму на своде' });
          const sheet = summaryKey ? sheetOf(summaryKey, p.chart.sheet) : p.chart.sheet;
          await host.addChart({ ...p.chart, sheet });
          chartNote = ` На листе «${sheet}» — диаграмма «${p.chart.title}».`;
        }
        const entry = sheetsUndo(
          'создание отчёта',
          p.patch,
          before.current,
          undo.memory,
          report.excelUndo,
        );
        await undo.record({ ...entry, created: written.created }, p.patch);
        setDone({ written, index: sheetOf(p.indexKey, p.indexSheet) });
        setPrepared(null);
        setUnfinished(false);
        before.current = null;
        setNotice({ intent: 'success', title: 'Отчёт готов', text: doneText(written, chartNote) });
      } catch (error) {
        setNotice({
          intent: 'error',
          text: russianError(error, 'Отчёт записан не полностью', { resumable: true }),
        });
        setUnfinished(true);
      } finally {
        abort.current = null;
        setBusy(null);
      }
    });

  return (
    <div>
      <Section label="Действия">
        <div className={styles.actions}>
          <Button
            appearance={prepared ? 'secondary' : 'primary'}
            onClick={() => void prepare()}
            disabled={locked}
          >
            Подготовить отчёт
          </Button>
          {prepared ? (
            <Button appearance="primary" onClick={() => void write(prepared)} disabled={locked}>
              {unfinished
                ? 'Продолжить запись'
                : `Создать листы (${count(prepared.patch.sheets.length)})`}
            </Button>
          ) : null}
        </div>
        <JobReason view="report" />
        {busy ? <Busy {...busy} /> : null}
        <NoticeBar notice={notice} />
        {done ? (
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
        ) : null}
      </Section>
      {prepared ? (
        <Section label="Что будет сделано">
          <Text>{`Школ: ${count(prepared.schools)}. Будет записано ${plural(prepared.patch.sheets.length, 'лист', 'листа', 'листов')}.`}</Text>
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
          <NameList title="Будут удалены" names={prepared.preview.remove} />
          <NameList
            title="Изменены вами — ваш вариант будет сохранён"
            names={prepared.preview.keep.map((k) => `«${k.sheet}» → «${k.as}»`)}
          />
        </Section>
      ) : (
        <Section label="О разделе">
          <Text>
            На каждую школу — отдельный лист; оглавление со ссылками и свод по муниципалитетам с
            диаграммой. Листы, созданные надстройкой раньше, заменяются; ваши листы не меняются.
          </Text>
          {plan?.isPlan ? (
            <Caption1>{`Мероприятия для школ берутся из проверенного плана «${plan.sheet}».`}</Caption1>
          ) : (
            <Caption1>
              Чтобы дорожные карты школ содержали мероприятия плана, сначала проверьте план на
              вкладке «План».
            </Caption1>
          )}
        </Section>
      )}
    </div>
  );
}
