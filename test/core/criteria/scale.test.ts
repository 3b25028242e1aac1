/**
 * computeCriteria is linear: 100 000 result rows (2 000 schools × 5 years × 10 procedures) take
 * a few hundred milliseconds; the bound here is loose for loaded CI boxes but still catches anything
 * quadratic (which would take minutes).
 */
import { computeCriteria } from '../../../src/core/criteria/engine';
import { defaultSettings } from '../../../src/core/settings';
import { regionRows } from './fixtures';

test('100 000 rows in linear time', () => {
  const rows = regionRows(2000);
  expect(rows).toHaveLength(100_000);
  const settings = defaultSettings();
  computeCriteria(rows.slice(0, 1000), settings); // warm-up
  const t0 = performance.now();
  const res = computeCriteria(rows, settings);
  const ms = performance.now() - t0;
  expect(res.schools).toHaveLength(2000);
  expect(ms).toBeLessThan(5000);
});
