/**
 * Child process of the criteria scaling benchmark: one region size per process, so the time of a
 * large region is not inflated by the heap the benchmark's earlier work left behind. Prints
 * `{ rows, ms }` (the median engine time) as JSON.
 */
import { computeCriteria } from '../src/core/criteria/engine';
import { defaultSettings } from '../src/core/settings';
import { generateRegion } from '../src/core/synthetic/region';
import { medianMs } from './harness';

async function run(schools: number): Promise<void> {
  // Two years keep the 40 000-school region within memory on a shared machine; both triggers occur.
  const region = generateRegion({ schools, seed: 5, years: [2023, 2024] });
  const settings = defaultSettings();
  const ms = await medianMs(
    () => computeCriteria(region.rows, settings),
    schools >= 10000 ? 3 : 5,
    1,
  );
  process.stdout.write(`${JSON.stringify({ rows: region.rows.length, ms })}\n`);
}

run(Number(process.argv[2])).catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
