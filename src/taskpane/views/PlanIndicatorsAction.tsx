/**
 * On the plan tab: builds «Показатели плана» from the checked plan alone (no report), over the
 * «Показатели» an earlier report left in the workbook; values typed into an earlier version of
 * the sheet carry over.
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
import { PLAN_INDICATORS_SHEET } from '../../core/planIndicators/columns';
import type { Settings } from '../../core/settings';
import { russianError } from '../errors';
import type { PaneHost } from '../host';
import { Busy, NoticeBar, type Notice } from '../ui';

export interface PlanIndicatorsActionProps {
  host: PaneHost;
  settings: Settings;
  today: string;
  check: SheetCheck;
}

export function PlanIndicatorsAction({ host, settings, today, check }: PlanIndicatorsActionProps) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function build(): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      const plan = reportPlan([check]);
      if (!plan) return;
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
      const report = await host.applyPatch(out.patch, {});
      const name =
        report.renamedToAvoidClash.find((r) => r.wanted === PLAN_INDICATORS_SHEET)?.actual ??
        out.patch.sheets[0]!.name;
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
      setBusy(false);
    }
  }

  return (
    <div>
      <Button onClick={() => void build()} disabled={busy}>
        Лист «Показатели плана»
      </Button>
      {busy ? <Busy label="Строю «Показатели плана»…" /> : null}
      <NoticeBar notice={notice} />
    </div>
  );
}
