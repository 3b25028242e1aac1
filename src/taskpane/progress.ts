/**
 * The busy line of a write: the adapter's progress in the words of the phase.
 */
import type { ApplyProgress } from '../excel/apply';
import type { BusyState } from './ui';

export function writeBusy(
  label: string,
  p: ApplyProgress,
  step?: { n: number; of: number },
  onCancel?: () => void,
): BusyState {
  return {
    label,
    ...(step ? { step } : {}),
    done: p.done,
    total: p.total,
    unit: 'порций записи',
    ...(onCancel ? { onCancel } : {}),
  };
}
