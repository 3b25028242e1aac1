/**
 * On the plan tab: builds «Показатели плана» from the checked plan alone (no report), over the
 * «Показатели» an earlier report left in the workbook; values typed into an earlier version of
 * the sheet carry over. A workbook job like any other: it runs under the job lock, writes through
 * the pane's write path (one Excel undo step where the host has it) and leaves an undo entry.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import {
  computedIndicatorsToRead,
  planIndicatorsToRead,
  preparePlanIndicators,
} from '../../app/planIndicators';
import { reportPlan } from '../../app/prepareReport';
import type { SheetCheck } from '../../core/plan/check';
import { PLAN_INDICATORS_KEY } from '../../core/planIndicators/columns';
import type { Settings } from '../../core/settings';
import { russianError } from '../errors';
import type { PaneHost } from '../host';
import { useJobs } from '../jobs';
import { writtenBy } from '../pipeline';
import { writeBusy } from '../progress';
import { Busy, NoticeBar, type BusyState, type Notice } from '../ui';
import { sheetsUndo } from '../undo';
import { useUndo } from '../undoContext';

export interface PlanIndicatorsActionProps {
  host: PaneHost;
  settings: Settings;
  today: string;
  check: SheetCheck;
}

const WHAT = 'Лист «Показатели плана»';

export function PlanIndicatorsAction({ host, settings, today, check }: PlanIndicatorsActionProps) {
  const jobs = useJobs();
  const undo = useUndo();
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const build = () =>
    jobs.run({ title: 'построение листа «Показатели плана»', view: 'check' }, async () => {
      setNotice(null);
      try {
        const plan = reportPlan([check]);
        if (!plan) return;
        await undo.prepare();
        setBusy({ label: 'Читаю книгу', step: { n: 1, of: 2 } });
        const workbook = await host.readWorkbookState();
        const read = async (name: string | null) => (name ? host.readSheet(name) : null);
        const out = preparePlanIndicators({
          plan,
          settings,
          asOf: today,
          workbook,
          computed: await read(computedIndicatorsToRead(workbook)),
          previous: await read(planIndicatorsToRead(workbook)),
        });
        const before = await host.generatedSheets();
        setBusy({ label: WHAT, step: { n: 2, of: 2 } });
        const report = await host.applyPatch(out.patch, {
          undoGroup: true,
          onProgress: (p) => setBusy(writeBusy(WHAT, p, { n: 2, of: 2 })),
        });
        const written = writtenBy(report);
        const entry = sheetsUndo(
          'построение листа «Показатели плана»',
          out.patch,
          before,
          undo.memory,
          report.excelUndo,
        );
        await undo.record({ ...entry, created: written.created }, out.patch);
        const name = written.names[PLAN_INDICATORS_KEY] ?? out.patch.sheets[0]!.name;
        await host.activateSheet(name);
        const carried = out.results.carried
          ? ` Введённые раньше значения перенесены (строк: ${out.results.carried}).`
          : '';
        setNotice({
          intent: 'success',
          title: `Лист «${name}» готов`,
          text: `${out.results.summary}.${carried}`,
        });
      } catch (error) {
        setNotice({
          intent: 'error',
          text: russianError(error, 'Не удалось построить «Показатели плана»'),
        });
      } finally {
        setBusy(null);
      }
    });

  return (
    <div>
      <Button onClick={() => void build()} disabled={jobs.current !== null}>
        {WHAT}
      </Button>
      {busy ? <Busy {...busy} /> : null}
      <NoticeBar notice={notice} />
    </div>
  );
}
