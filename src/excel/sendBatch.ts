/**
 * One write batch in one request, with the progress record that says it is in. A client that
 * refuses the request as too large (its limit lower than the adapter's budget assumes) gets it in
 * halves, the progress record with the second half: a retry would otherwise be refused the same
 * way for ever.
 */
import type { XlContext, XlWorksheet } from './api';
import { executeWrite } from './execute';
import { PROGRESS_SETTING, type Progress } from './progress';
import type { PlannedOp } from './writeBatches';

function isTooLarge(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e?.code === 'RequestPayloadSizeLimitExceeded' ||
    /^RequestPayloadSizeLimitExceeded\b/.test(String(e?.message ?? ''))
  );
}

export async function sendBatch(
  context: XlContext,
  ops: PlannedOp[],
  options: { suspendCalculation: boolean; progress: Progress | null },
): Promise<void> {
  if (options.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
  // Fresh proxies each time: those of a refused request are not used again.
  const sheets = new Map<string, XlWorksheet>();
  for (const { op } of ops) {
    let ws = sheets.get(op.sheet);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(op.sheet);
      sheets.set(op.sheet, ws);
    }
    executeWrite(ws, op);
  }
  if (options.progress)
    context.workbook.settings.add(PROGRESS_SETTING, JSON.stringify(options.progress));
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error) || ops.length < 2) throw error;
    const half = Math.ceil(ops.length / 2);
    await sendBatch(context, ops.slice(0, half), { ...options, progress: null });
    await sendBatch(context, ops.slice(half), options);
  }
}
