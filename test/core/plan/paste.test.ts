/**
 * Metamorphic tests (issue #10): any paste of a plan reads like the clean plan. Each clean fixture
 * goes through a random sequence of what a copy from Word or PDF does (test/support/planPaste.ts);
 * the reading (sections, activities, numbers, titles, deadlines, executors) must stay the same, and
 * no error may appear that the clean plan does not have.
 *
 * The seed is fixed so that CI runs the same cases every time; PLAN_PASTE_SEED=<n> (or "random")
 * and PLAN_PASTE_RUNS=<n> explore more. A failure prints the seed and the shrunk steps.
 */
import fc from 'fast-check';
import type { Grid } from '../../../src/core/grid';
import { checkSheet } from '../../../src/core/plan/check';
import { findHeader } from '../../../src/core/plan/header';
import { readPlan } from '../../../src/core/plan/read';
import { squash } from '../../../src/core/text';
import { amurPlan } from '../../fixtures/plans/amur';
import {
  cleanPlan,
  defectsPlan,
  footerPlan,
  messyPlan,
  schoolYearPlan,
  statusPlan,
  twoRowHeaderPlan,
  verticalMergePlan,
} from '../../fixtures/plans/handmade';
import { tambovPlan } from '../../fixtures/plans/tambov';
import { tverPlan } from '../../fixtures/plans/tver';
import {
  applySteps,
  gridOf,
  pasteSheetOf,
  type PasteSheet,
  type Step,
} from '../../support/planPaste';

const FIXTURES: Record<string, () => Grid> = {
  tver: tverPlan,
  amur: amurPlan,
  tambov: tambovPlan,
  clean: cleanPlan,
  defects: defectsPlan,
  status: statusPlan,
  schoolYear: schoolYearPlan,
  twoRowHeader: twoRowHeaderPlan,
  footer: footerPlan,
  verticalMerge: verticalMergePlan,
  messy: messyPlan,
};

const AS_OF = '2023-06-15';

/** What a reading says, without where it says it (rows move when a paste adds rows). */
function readingOf(grid: Grid) {
  const header = findHeader(grid);
  if (!header) return null;
  const read = readPlan(grid, header, {});
  return {
    period: read.period && [read.period.start, read.period.end, read.period.schoolYear],
    sections: read.sections.map((s) => ({
      number: s.number,
      value: s.value,
      // The numeral as typed ("1." or "1") is compared as number and value.
      title: squash(s.title).replace(/^[\dIVXLCDMУІХСМ.]+\)?\s+/, ''),
      subheading: s.subheading ?? false,
      tasks: squash(s.tasks ?? ''),
    })),
    activities: read.activities.map((a) => ({
      number: a.number,
      title: a.title,
      deadline: { ...a.deadline, text: squash(a.deadline.text) },
      responsible: squash(a.responsibleText),
      executors: a.responsible.map((e) => `${e.kind}: ${squash(e.text)}`),
      section: a.section,
      extra: Object.fromEntries(Object.entries(a.extra).map(([k, v]) => [k, squash(v ?? '')])),
      target: a.target ?? null,
      status: a.status === undefined ? null : squash(a.status),
    })),
  };
}

/** Errors by code. */
function errorsOf(grid: Grid): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of checkSheet(grid, { asOf: AS_OF }).issues)
    if (i.severity === 'error') counts[i.code] = (counts[i.code] ?? 0) + 1;
  return counts;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      pick: fc.nat(),
      columns: fc.nat(),
      cut: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('repeat-header' as const),
      at: fc.nat(),
      numbering: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('merge-section' as const), pick: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('unmerge-section' as const), pick: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move-heading' as const),
      pick: fc.nat(),
      into: fc.constantFrom('number' as const, 'title' as const, 'deadline' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dot' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('line-break' as const),
      pick: fc.nat(),
      at: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blank' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('title-block' as const), lines: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('signatures' as const) }) },
);

function seedOf(): number {
  const env = process.env.PLAN_PASTE_SEED;
  if (env === 'random') return Date.now() % 2_147_483_647;
  return env ? Number(env) : 20_231_010;
}

const SEED = seedOf();
const RUNS = Number(process.env.PLAN_PASTE_RUNS ?? 80);

describe.each(Object.keys(FIXTURES))('a paste of the %s plan', (name) => {
  const clean = pasteSheetOf(FIXTURES[name]!());
  const cleanGrid = gridOf(clean);
  const expected = readingOf(cleanGrid);
  const cleanErrors = errorsOf(cleanGrid);

  it('is read like the clean plan, with no error the clean plan does not have', () => {
    const check = (steps: Step[]): void => {
      const pasted: PasteSheet = applySteps(clean, steps);
      const grid = gridOf(pasted);
      expect(readingOf(grid)).toEqual(expected);
      const errors = errorsOf(grid);
      for (const [code, n] of Object.entries(errors))
        expect({ code, n: Math.min(n, cleanErrors[code] ?? 0) }).toEqual({ code, n });
    };
    try {
      fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), check), {
        seed: SEED,
        numRuns: RUNS,
      });
    } catch (e) {
      // fast-check names the seed and the shrunk steps; say how to replay them here.
      const cause = (e as Error).cause;
      throw new Error(
        `${(e as Error).message}\nReplay: PLAN_PASTE_SEED=${SEED} npx jest test/core/plan/paste -t '${name}'${cause instanceof Error ? `\n\n${cause.message}` : ''}`,
        { cause: e },
      );
    }
  });
});
