/**
 * «Проверка плана»: checks the active sheet, lists the issues, moves Excel's selection to an
 * issue's cell, and applies the fixes it can make only when asked, after keeping a copy of the sheet.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Grid } from '../../core/grid';
import type { Issue } from '../../core/issue';
import type { SheetCheck } from '../../core/plan/check';
import { periodText } from '../../core/plan/reviewPatch';
import type { Settings } from '../../core/settings';
import { russianError } from '../errors';
import { issueKey, planFixes, type PlanFix } from '../fixes';
import type { PaneHost } from '../host';
import { checkPlanSheet } from '../pipeline';
import { Busy, NoticeBar, Section, plural, type Notice } from '../ui';
import { IssueList } from './IssueList';
import { PlanIndicatorsAction } from './PlanIndicatorsAction';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '2px',
  },
  confirm: {
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

export interface PlanCheckViewProps {
  host: PaneHost;
  settings: Settings;
  today: string;
  check: SheetCheck | null;
  onChecked: (check: SheetCheck | null) => void;
}

export function PlanCheckView({ host, settings, today, check, onChecked }: PlanCheckViewProps) {
  const styles = useStyles();
  const [grid, setGrid] = useState<Grid | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<PlanFix[] | null>(null);
  const fixes = useMemo(
    () => (grid && check ? planFixes(grid, check, check.issues) : []),
    [grid, check],
  );
  const fixMap = useMemo(() => new Map(fixes.map((f) => [issueKey(f.issue), f])), [fixes]);
  const canFix = host.features().copySheet;

  async function runCheck(after?: Notice): Promise<void> {
    setBusy('Читаю активный лист…');
    setNotice(null);
    try {
      const g = await host.readActiveSheet();
      setBusy('Проверяю план…');
      const result = checkPlanSheet(g, settings, today);
      setGrid(g);
      onChecked(result);
      setNotice(after ?? null);
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Не удалось проверить лист') });
    } finally {
      setBusy(null);
    }
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
    setBusy('Сохраняю копию листа…');
    try {
      const copy = await host.copySheet(check.sheet);
      setBusy('Исправляю…');
      await host.writeCells(
        check.sheet,
        list.flatMap((f) => f.edits),
      );
      await runCheck({
        intent: 'success',
        title: `Исправлено: ${list.length}`,
        text: `Копия листа до исправлений сохранена на листе «${copy}». Проверка повторена.`,
      });
    } catch (error) {
      setNotice({ intent: 'error', text: russianError(error, 'Исправление не выполнено') });
      setBusy(null);
    }
  }

  return (
    <div>
      <Section>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void runCheck()} disabled={busy !== null}>
            Проверить активный лист
          </Button>
          {check && fixes.length > 0 && canFix ? (
            <Button onClick={() => setPending(fixes)} disabled={busy !== null}>
              {`Исправить всё, что можно (${fixes.length})`}
            </Button>
          ) : null}
        </div>
        {busy ? <Busy label={busy} /> : null}
        <NoticeBar notice={notice} />
        {pending ? (
          <div className={styles.confirm} role="alertdialog" aria-label="Подтверждение исправления">
            <strong>{`Перед исправлением будет сохранена копия листа «${check?.sheet ?? ''} (копия)». Отменить исправление в Excel кнопкой «Отменить» будет нельзя.`}</strong>
            <ul>
              {pending.slice(0, 8).map((f) => (
                <li key={issueKey(f.issue)}>{f.description}</li>
              ))}
              {pending.length > 8 ? <li>{`и ещё ${pending.length - 8}`}</li> : null}
            </ul>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void applyFixes(pending)}>
                Сохранить копию и исправить
              </Button>
              <Button onClick={() => setPending(null)}>Отмена</Button>
            </div>
          </div>
        ) : null}
        {check && fixes.length > 0 && !canFix ? (
          <Caption1>
            Исправления недоступны: эта версия Excel не умеет копировать лист (нужен ExcelApi 1.10),
            а без копии лист не меняется.
          </Caption1>
        ) : null}
      </Section>
      {check ? (
        <Section>
          <dl className={styles.facts} aria-label="Сведения о плане">
            <dt>Лист</dt>
            <dd>{check.sheet}</dd>
            {check.isPlan ? (
              <>
                <dt>Шапка</dt>
                <dd>{`строка ${check.headerRow ?? '—'}`}</dd>
                <dt>Период</dt>
                <dd>{periodText(check.period)}</dd>
                <dt>Содержание</dt>
                <dd>{`${plural(check.sections.length, 'раздел', 'раздела', 'разделов')}, ${plural(check.activities.length, 'мероприятие', 'мероприятия', 'мероприятий')}`}</dd>
              </>
            ) : null}
          </dl>
          {check.isPlan ? (
            <PlanIndicatorsAction host={host} settings={settings} today={today} check={check} />
          ) : null}
          {check.issues.length === 0 ? (
            <NoticeBar
              notice={{
                intent: 'success',
                text: 'Замечаний нет: план соответствует ожидаемой структуре.',
              }}
            />
          ) : (
            <IssueList
              issues={check.issues}
              onSelect={(i) => void select(i)}
              fixes={canFix ? fixMap : undefined}
              onFix={(f) => setPending([f])}
              disabled={busy !== null}
            />
          )}
        </Section>
      ) : (
        <p>
          Откройте лист с планом мероприятий и нажмите «Проверить активный лист». Найденные
          замечания появятся здесь; щелчок по замечанию выделит его ячейку.
        </p>
      )}
    </div>
  );
}
