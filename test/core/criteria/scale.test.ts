/**
 * Region scale: 100 000 result rows (2 000 schools × 5 years × 10 procedures) give every school its
 * criteria. How fast is the benchmark's business (npm run bench), not a test's.
 */
import { computeCriteria } from '../../../src/core/criteria/engine';
import { defaultSettings } from '../../../src/core/settings';
import { regionRows } from './fixtures';

test('100 000 rows: every school gets its criteria', () => {
  const rows = regionRows(2000);
  expect(rows).toHaveLength(100_000);
  const res = computeCriteria(rows, defaultSettings());
  expect(res.schools).toHaveLength(2000);
  expect(res.schools.every((s) => Object.keys(s.years).length > 0)).toBe(true);
});
