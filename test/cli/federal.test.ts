/**
 * Federal scale, small: `criteria folder/` over several regional files streams them one by one
 * and computes over all of them as over one table (the benchmark runs 85 regions, 40 000 schools).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { computeCriteria } from '../../src/core/criteria/engine';
import type { CriteriaResult } from '../../src/core/criteria/types';
import { defaultSettings } from '../../src/core/settings';
import { generateRegion } from '../../src/core/synthetic/region';
import { regionWorkbook } from '../support/plainWorkbook';

it('criteria over a folder of regional files equals the criteria of all their rows', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shnor-federal-'));
  try {
    mkdirSync(path.join(dir, 'регионы'));
    const regions = [1, 2, 3, 4].map((k) => generateRegion({ schools: 15 + k, seed: 40 + k }));
    regions.forEach((region, i) =>
      writeFileSync(
        path.join(dir, 'регионы', `регион-${i + 1}.xlsx`),
        regionWorkbook(region, i % 2 ? 'inline' : 'shared', i + 1),
      ),
    );
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: () => undefined, cwd: dir, today: '2024-09-01' };
    expect(await main(['criteria', 'регионы', '--format', 'json'], io)).toBe(0);
    const got = JSON.parse(out.join('')) as CriteriaResult;
    const allRows = regions.flatMap((r, i) =>
      r.rows.map((row) => ({
        ...row,
        schoolCode: row.schoolCode.replace(/^sch69/, `sch0${i + 1}`),
      })),
    );
    const expected = computeCriteria(allRows, defaultSettings());
    expect(got.schools).toHaveLength(regions.reduce((n, r) => n + r.schools.length, 0));
    const shnor = (r: CriteriaResult) =>
      r.schools
        .flatMap((s) =>
          Object.entries(s.years)
            .filter(([, y]) => y.shnor)
            .map(([y]) => `${s.code}:${y}`),
        )
        .sort();
    expect(shnor(got).length).toBeGreaterThan(3);
    expect(shnor(got)).toEqual(shnor(expected));
    expect(got.indicators.map((i) => [i.id, i.year, i.numerator, i.denominator])).toEqual(
      expected.indicators.map((i) => [i.id, i.year, i.numerator, i.denominator]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
