/**
 * «Отменить последнее действие надстройки»: shown under the tabs while the pane remembers an
 * action it can take back, with what Ctrl+Z can do about it in this Excel. The undo itself is a
 * workbook job like any other.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { russianError } from './errors';
import { plural } from './format';
import type { PaneHost } from './host';
import { useJobs } from './jobs';
import { NoticeBar, type Notice } from './ui';
import { canRestore, planFixRestore, type FixUndo, type SheetsUndo } from './undo';
import { useUndo } from './undoContext';
import type { ViewId } from './views';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function quoted(names: string[]): string {
  return names.map((n) => `«${n}»`).join(', ');
}

export interface UndoPanelProps {
  host: PaneHost;
  /** Called after a fix was undone on this sheet (the plan view checks it again). */
  onFixUndone: (sheet: string) => void;
  view: ViewId;
}

export function UndoPanel({ host, onFixUndone, view }: UndoPanelProps) {
  const styles = useStyles();
  const undo = useUndo();
  const jobs = useJobs();
  const [notice, setNotice] = useState<Notice>(null);
  const entry = undo.entry;

  async function undoFix(e: FixUndo): Promise<Notice> {
    const current = await host.readCells(
      e.sheet,
      e.before.map((b) => b.cell),
    );
    const plan = planFixRestore(e, current);
    if (plan.restore.length > 0) await host.restoreCells(e.sheet, plan.restore);
    undo.consume();
    const parts = [
      plan.restore.length > 0
        ? `На листе «${e.sheet}» возвращено ${plural(plan.restore.length, 'ячейка', 'ячейки', 'ячеек')}.`
        : `Ячейки на листе «${e.sheet}» уже были в прежнем виде.`,
    ];
    if (plan.changed.length > 0)
      parts.push(
        `Ячейки ${plan.changed.join(', ')} изменены после исправления и оставлены как есть.`,
      );
    if (e.copy) parts.push(`Копия листа «${e.copy}» осталась; удалите её, если она не нужна.`);
    return { intent: 'success', title: 'Исправление отменено', text: parts.join(' ') };
  }

  async function undoSheets(e: SheetsUndo): Promise<Notice> {
    await host.applyPatch(e.restore, {});
    undo.consume(e.restore);
    const parts: string[] = [];
    if (e.restore.sheets.length > 0)
      parts.push(`Возвращены прежние листы: ${quoted(e.restore.sheets.map((s) => s.name))}.`);
    if (e.created.length > 0) parts.push(`Удалены созданные: ${quoted(e.created)}.`);
    if (e.lost.length > 0)
      parts.push(
        `Прежний вид листов ${quoted(e.lost)} неизвестен (они созданы до открытия панели) — они остались в новом виде.`,
      );
    return { intent: 'success', title: 'Действие отменено', text: parts.join(' ') };
  }

  const run = async () => {
    const undone = await jobs.run({ title: 'отмена последнего действия', view }, async () => {
      if (!entry) return null;
      setNotice(null);
      try {
        setNotice(entry.kind === 'fix' ? await undoFix(entry) : await undoSheets(entry));
        return entry;
      } catch (error) {
        setNotice({ intent: 'error', text: russianError(error, 'Отменить не удалось') });
        return null;
      }
    });
    // After the job, so the plan view can check the sheet again (one job at a time).
    if (undone?.kind === 'fix') onFixUndone(undone.sheet);
  };

  if (!entry) return notice ? <NoticeBar notice={notice} /> : null;
  const restorable = canRestore(entry);
  return (
    <div className={styles.root} role="region" aria-label="Отмена последнего действия">
      <div className={styles.row}>
        {restorable ? (
          <Button size="small" onClick={() => void run()} disabled={jobs.current !== null}>
            Отменить последнее действие надстройки
          </Button>
        ) : null}
        <Caption1>
          {`Последнее действие: ${entry.title}.${entry.excelUndo ? ' Его можно отменить и клавишами Ctrl+Z в Excel (одним шагом).' : ''}${restorable ? '' : ' Надстройке нечего вернуть: прежний вид листов ей неизвестен.'}`}
        </Caption1>
      </div>
      <NoticeBar notice={notice} />
    </div>
  );
}
