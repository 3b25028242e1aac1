/**
 * The busy line of a write: the adapter's progress in the words of its phase, counted in sheets
 * (the bar follows the requests, which is what takes the time).
 */
import type { ApplyProgress } from '../excel/apply';
import { ofForm } from './format';
import type { BusyState } from './ui';

const PHASE: Record<ApplyProgress['phase'], string> = {
  prepare: 'Готовлю листы',
  content: 'Записываю данные листов',
  format: 'Оформляю листы',
};

export function writeBusy(
  what: string,
  p: ApplyProgress,
  step?: { n: number; of: number },
  onCancel?: () => void,
): BusyState {
  return {
    label: `${what}. ${PHASE[p.phase]}`,
    ...(step ? { step } : {}),
    ...(p.phase === 'prepare'
      ? {}
      : { done: p.sheet, total: p.sheets, unit: ofForm(p.sheets, 'листа', 'листов') }),
    ...(p.total > 0 ? { fraction: p.done / p.total } : {}),
    ...(onCancel ? { onCancel } : {}),
  };
}
