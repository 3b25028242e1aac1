/**
 * «Проверка плана»: checks the active sheet, lists the issues, moves Excel's selection to an
 * issue's cell, and applies the fixes it can make only when asked. An empty sheet or one without a
 * plan says what to do instead.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Grid } from '../../core/grid';
import type { Issue } from '../../core/issue';
import { isEmptySheet, type SheetCheck } from '../../core/plan/check';
import type { Settings } from '../../core/settings';
import type { Acceptance } from '../../core/review/acceptance';
import {
  applyToCheck,
  parseAcceptances,
  staleOf,
  storedAcceptances,
  withAccepted,
  withoutAcceptance,
} from '../acceptances';
import { russianError } from '../errors';
import { issueKey, planFixes, type PlanFix } from '../fixes';
import type { PaneHost } from '../host';
import { useJobs } from '../jobs';
import type { RegionalOutcome } from '../../app/checkPlans';
import { checkPlanSheet, checkPlanSheetAgainst, planSheetsAmong } from '../pipeline';
import { Busy, NoticeBar, Section, type BusyState, type Notice } from '../ui';
import { fixUndo } from '../undo';
import { useUndo } from '../undoContext';
import { AcceptDialog } from './AcceptDialog';
import { AcceptedList } from './AcceptedList';
import { FixDialog } from './FixDialog';
import { IssueList } from './IssueList';
import { NotAPlan, PlanFacts } from './PlanSummary';
import { PlanIndicatorsAction } from './PlanIndicatorsAction';
import { RegionalPick } from './RegionalPick';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const HEAD_ROWS = 30;

export interface PlanCheckViewProps {
  host: PaneHost;
  settings: Settings;
  today: string;
  check: SheetCheck | null;
  onChecked: (check: SheetCheck | null) => void;
  /** Check the active sheet as soon as the view opens (the ribbon's «Проверить план»). */
  autoRun?: boolean;
  /** Changes when the sheet was changed from outside the view (an undone fix): check again. */
  recheck?: number;
}

export function PlanCheckView({
  host,
  settings,
  today,
  check,
  onChecked,
  autoRun = false,
  recheck = 0,
}: PlanCheckViewProps) {
  const styles = useStyles();
  const jobs = useJobs();
  const undo = useUndo();
  const [grid, setGrid] = useState<Grid | null>(null);
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<PlanFix[] | null>(null);
  const [plansElsewhere, setPlansElsewhere] = useState<string[]>([]);
  const [accepting, setAccepting] = useState<Issue | null>(null);
  /** The workbook's accepted remarks as last read (null until read). */
  const [acceptances, setAcceptances] = useState<Acceptance[] | null>(null);
  /** The sheet holding the regional plan the check compares with ("" for none). */
  const [regionalSheet, setRegionalSheet] = useState('');
  const [regionalChoices, setRegionalChoices] = useState<string[] | null>(null);
  const [regional, setRegional] = useState<RegionalOutcome>(null);
  const features = host.features();
  const open = useMemo(() => check?.issues.filter((i) => !i.accepted) ?? [], [check]);
  const accepted = useMemo(() => check?.issues.filter((i) => i.accepted) ?? [], [check]);
  const stale = useMemo(
    () => (check && acceptances ? staleOf(check, acceptances) : []),
    [check, acceptances],
  );
  const fixes = useMemo(
    () => (grid && check?.isPlan ? planFixes(grid, check, open) : []),
    [grid, check, open],
  );
  const fixMap = useMemo(() => new Map(fixes.map((f) => [issueKey(f.issue), f])), [fixes]);
  // With Excel's own undo a fix needs no copy (copying a sheet would empty Excel's undo list).
  const keepsCopy = !features.undoGroup;
  const canFix = features.undoGroup || features.copySheet;
  const locked = jobs.current !== null;

  async function doCheck(after?: Notice, sheet?: string, against = regionalSheet): Promise<void> {
    setNotice(null);
    setBusy({ label: 'Читаю лист…' });
    try {
      if (sheet) await host.activateSheet(sheet);
      const g = await host.readActiveSheet();
      const list = parseAcceptances(await host.loadAcceptances());
      setBusy({ label: 'Проверяю план…', detail: g.sheet });
      let outcome: RegionalOutcome = null;
      let checked: SheetCheck;
      if (against && against !== g.sheet) {
        setBusy({ label: 'Читаю региональный план…', detail: against });
        const regionalGrid = await host.readSheet(against);
        setBusy({ label: 'Проверяю план и сверяю с региональным…', detail: g.sheet });
        ({ check: checked, regional: outcome } = checkPlanSheetAgainst(
          g,
          regionalGrid,
          settings,
          today,
        ));
      } else checked = checkPlanSheet(g, settings, today);
      const result = applyToCheck(checked, list);
      let elsewhere: string[] = [];
      if (!result.isPlan && !isEmptySheet(g)) {
        setBusy({ label: 'Ищу план на других листах…' });
        const heads = await host.readSheetHeads(HEAD_ROWS);
        elsewhere = planSheetsAmong(heads.filter((h) => h.sheet !== g.sheet));
      }
      setGrid(g);
      setAcceptances(list);
      setRegional(outcome);
      setPlansElsewhere(elsewhere);
      onChecked(result);
      setNotice(after ?? null);
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Не удалось проверить лист') });
    } finally {
      setBusy(null);
    }
  }

  const runCheck = (sheet?: string) =>
    jobs.run({ title: 'проверка плана', view: 'check' }, () => doCheck(undefined, sheet));

  // The ribbon asked for a check; an undone fix changed the sheet.
  const started = useRef(false);
  useEffect(() => {
    if (autoRun && !started.current) {
      started.current = true;
      void runCheck();
    }
  }, [autoRun]);
  useEffect(() => {
    if (recheck > 0) void runCheck();
  }, [recheck]);

  // The view opened over an earlier check: the stale acceptances need the stored list.
  useEffect(() => {
    if (!check?.isPlan || acceptances) return;
    host.loadAcceptances().then(
      (v) => setAcceptances(parseAcceptances(v)),
      () => setAcceptances([]),
    );
  }, [check]);

  /** Saves a changed list of accepted remarks in the workbook and checks the sheet again. */
  async function changeAcceptances(
    title: string,
    change: (list: Acceptance[]) => Acceptance[],
    done: string,
  ): Promise<void> {
    if (!check) return;
    const sheet = check.sheet;
    await jobs.run({ title, view: 'check' }, async () => {
      setBusy({ label: 'Сохраняю в книге…' });
      try {
        const list = parseAcceptances(await host.loadAcceptances());
        await host.saveAcceptances(storedAcceptances(change(list)));
        await doCheck({ intent: 'success', text: `${done} Проверка повторена.` }, sheet);
      } catch (error) {
        setNotice({ intent: 'error', text: russianError(error, 'Не удалось сохранить в книге') });
        setBusy(null);
      }
    });
  }

  const accept = (issue: Issue, justification: string): void => {
    setAccepting(null);
    void changeAcceptances(
      'принятие замечания',
      (list) => withAccepted(list, issue, justification),
      'Замечание принято; отметка сохранена в книге.',
    );
  };

  const revoke = (target: { id: string; sheet: string }): void =>
    void changeAcceptances(
      'отмена принятия',
      (list) => withoutAcceptance(list, target),
      'Принятие отменено.',
    );

  const openRegional = (): Promise<void> =>
    jobs.run({ title: 'выбор регионального плана', view: 'check' }, async () => {
      setBusy({ label: 'Читаю список листов…' });
      try {
        const heads = await host.readSheetHeads(1);
        setRegionalChoices(heads.map((h) => h.sheet).filter((n) => n !== check?.sheet));
      } catch (error) {
        setNotice({ intent: 'error', text: russianError(error, 'Не удалось прочитать листы') });
      } finally {
        setBusy(null);
      }
    });

  const pickRegional = (sheet: string): void => {
    setRegionalSheet(sheet);
    void jobs.run({ title: 'сверка с региональным планом', view: 'check' }, () =>
      doCheck(undefined, check?.sheet, sheet),
    );
  };

  async function insertTemplate(): Promise<void> {
    await jobs.run({ title: 'вставка шаблона плана', view: 'check' }, async () => {
      setBusy({ label: 'Вставляю шаблон плана…' });
      try {
        const name = await host.insertTemplate();
        await doCheck({
          intent: 'success',
          text: `Шаблон плана вставлен на новый лист «${name}». Заполните таблицу и проверьте лист снова.`,
        });
      } catch (error) {
        setNotice({ intent: 'error', text: russianError(error, 'Шаблон не вставлен') });
        setBusy(null);
      }
    });
  }

  async function select(issue: Issue): Promise<void> {
    try {
      await host.selectCell(issue.sheet, issue.cell);
    } catch (error) {
      setNotice({
        intent: 'error',
        text: russianError(error, `Не удалось перейти к ячейке ${issue.cell}`),
      });
    }
  }

  async function applyFixes(list: PlanFix[]): Promise<void> {
    if (!check) return;
    setPending(null);
    await jobs.run({ title: 'исправление плана', view: 'check' }, async () => {
      try {
        await undo.prepare();
        let copy: string | null = null;
        if (keepsCopy) {
          setBusy({ label: 'Сохраняю копию листа…' });
          copy = await host.copySheet(check.sheet);
        }
        setBusy({ label: 'Исправляю…' });
        const edits = list.flatMap((f) => f.edits);
        const written = await host.writeCells(check.sheet, edits, { undoGroup: true });
        await undo.record(fixUndo(check.sheet, edits, written.before, copy, written.excelUndo));
        const kept = copy ? `Копия листа до исправлений сохранена на листе «${copy}». ` : '';
        const how = written.excelUndo
          ? 'Отменить: Ctrl+Z в Excel или «Отменить последнее действие надстройки».'
          : 'Отменить: «Отменить последнее действие надстройки».';
        await doCheck(
          {
            intent: 'success',
            title: `Исправлено: ${list.length}`,
            text: `${kept}${how} Проверка повторена.`,
          },
          check.sheet,
        );
      } catch (error) {
        setNotice({ intent: 'error', text: russianError(error, 'Исправление не выполнено') });
        setBusy(null);
      }
    });
  }

  return (
    <div>
      <Section label="Действия">
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void runCheck()} disabled={locked}>
            Проверить активный лист
          </Button>
          {check && fixes.length > 0 && canFix ? (
            <Button onClick={() => setPending(fixes)} disabled={locked}>
              {`Исправить всё, что можно (${fixes.length})`}
            </Button>
          ) : null}
        </div>
        {busy ? <Busy {...busy} /> : null}
        <NoticeBar notice={notice} />
      </Section>
      <FixDialog
        fixes={pending}
        sheet={check?.sheet ?? ''}
        keepsCopy={keepsCopy}
        excelUndo={features.undoGroup}
        onConfirm={(list) => void applyFixes(list)}
        onCancel={() => setPending(null)}
      />
      <AcceptDialog issue={accepting} onConfirm={accept} onCancel={() => setAccepting(null)} />
      {check?.isPlan ? (
        <Section label="Результат проверки">
          <PlanFacts check={check} />
          <PlanIndicatorsAction host={host} settings={settings} today={today} check={check} />
          <RegionalPick
            choices={regionalChoices}
            sheet={regionalSheet}
            outcome={regional}
            onOpen={() => void openRegional()}
            onPick={pickRegional}
            disabled={locked}
          />
          {open.length === 0 ? (
            <NoticeBar
              notice={{
                intent: 'success',
                text:
                  accepted.length > 0
                    ? 'Других замечаний нет: остались только принятые.'
                    : 'Замечаний нет: план соответствует ожидаемой структуре.',
              }}
            />
          ) : (
            <IssueList
              issues={open}
              onSelect={(i) => void select(i)}
              fixes={canFix ? fixMap : undefined}
              onFix={(f) => setPending([f])}
              onAccept={setAccepting}
              disabled={locked}
            />
          )}
          <AcceptedList accepted={accepted} stale={stale} onRevoke={revoke} disabled={locked} />
        </Section>
      ) : check ? (
        <NotAPlan
          check={check}
          empty={grid !== null && isEmptySheet(grid)}
          plansElsewhere={plansElsewhere}
          disabled={locked}
          onInsertTemplate={() => void insertTemplate()}
          onCheckSheet={(sheet) => void runCheck(sheet)}
        />
      ) : (
        <p>
          Откройте лист с планом мероприятий и нажмите «Проверить активный лист». Найденные
          замечания появятся здесь; щелчок по замечанию выделит его ячейку.
        </p>
      )}
    </div>
  );
}
