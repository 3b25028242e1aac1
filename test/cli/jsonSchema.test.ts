import { readFileSync } from 'fs';
import * as path from 'path';
import type { z } from 'zod';
import {
  checkReportJson,
  criteriaReportJson,
  indicatorJson,
  schoolJson,
} from '../../src/cli/format/jsonSchema';
import type { Indicator, SchoolCriteria } from '../../src/core/criteria/types';

/** true only when each type is assignable to the other: the schema says what the engine returns. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

it('describes exactly what the criteria engine returns (checked by the compiler)', () => {
  const school: Same<z.infer<typeof schoolJson>, SchoolCriteria> = true;
  const indicator: Same<z.infer<typeof indicatorJson>, Indicator> = true;
  expect([school, indicator]).toEqual([true, true]);
});

it('accepts the examples README.md gives', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('## Вывод в JSON');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
  expect(blocks).toHaveLength(2);
  expect(checkReportJson.safeParse(blocks[0]).error).toBeUndefined();
  expect(criteriaReportJson.safeParse(blocks[1]).error).toBeUndefined();
});

it('rejects a report whose issue has a code the catalogue does not know', () => {
  const report = {
    version: 1,
    command: 'check',
    valid: true,
    stats: { files: 0, filesFailed: 0, filesIgnored: 0, errors: 0, warnings: 0, infos: 0 },
    files: [],
    issues: [],
  };
  expect(
    checkReportJson.safeParse({
      ...report,
      stats: { ...report.stats, plans: 0, activities: 0, accepted: 0 },
    }).success,
  ).toBe(true);
  const issue = {
    file: 'a.xlsx',
    sheet: 'П',
    cell: 'A1',
    row: 1,
    severity: 'error',
    title: 'т',
    message: 'м',
  };
  expect(
    checkReportJson.safeParse({
      ...report,
      stats: { ...report.stats, plans: 0, activities: 0, accepted: 0 },
      issues: [{ ...issue, code: 'no-such-code' }],
    }).success,
  ).toBe(false);
});
