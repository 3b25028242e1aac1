/**
 * Benchmark rows: each measured figure with its target, so the table says whether it is met.
 * Every area contributes rows through a function returning BenchRow[]; bench/run.ts prints them.
 */
export interface BenchRow {
  /** What was measured, e.g. "Проверка плана, 500 мероприятий (движок)". */
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'count' | 'ratio';
  /** Human target, e.g. "< 50 ms"; undefined when the row is informational. */
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  met?: boolean;
  note?: string;
}

/** Median wall time in ms of `runs` runs after `warmup` unmeasured ones. */
export async function medianMs(fn: () => unknown, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A timing row against an upper bound in the same unit. */
export function timeRow(name: string, ms: number, limitMs?: number, note?: string): BenchRow {
  const row: BenchRow = { name, value: Math.round(ms * 10) / 10, unit: 'ms' };
  if (limitMs !== undefined) {
    row.target = `< ${limitMs >= 1000 ? `${limitMs / 1000} s` : `${limitMs} ms`}`;
    row.met = ms < limitMs;
  }
  if (note) row.note = note;
  return row;
}
