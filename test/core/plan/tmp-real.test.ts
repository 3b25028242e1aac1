import { readFileSync } from 'fs';
import fc from 'fast-check';
import { readWorkbook } from '../../../src/xlsx/read';
import { checkSheet } from '../../../src/core/plan/check';
import { findHeader } from '../../../src/core/plan/header';
import { readPlan } from '../../../src/core/plan/read';
import { squash } from '../../../src/core/text';
import type { Grid } from '../../../src/core/grid';
import { applySteps, gridOf, pasteSheetOf, type Step } from '../../support/planPaste';

function readingOf(grid: Grid) {
  const header = findHeader(grid)!;
  const read = readPlan(grid, header, {});
  return {
    sections: read.sections.map((s) => [s.number, s.value, squash(s.title).replace(/^[\dIVXLCDMУІХСМ.]+\)?\s+/, ''), !!s.subheading, squash(s.tasks ?? '')]),
    activities: read.activities.map((a) => ({ n: a.number, t: a.title, d: { ...a.deadline, text: squash(a.deadline.text) }, r: squash(a.responsibleText), e: a.responsible.map((e) => `${e.kind}: ${squash(e.text)}`), s: a.section, x: Object.fromEntries(Object.entries(a.extra).map(([k, v]) => [k, squash(v ?? '')])) })),
  };
}
const errs = (g: Grid) => checkSheet(g, { asOf: '2023-06-01' }).issues.filter((i) => i.severity === 'error').map((i) => i.code).sort();
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), columns: fc.nat(), cut: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('repeat-header' as const), at: fc.nat(), numbering: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge-section' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move-heading' as const), pick: fc.nat(), into: fc.constantFrom('number' as const, 'title' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dot' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('line-break' as const), pick: fc.nat(), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blank' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('signatures' as const) }) },
);
describe.each(['amur-2023-24', 'tambov-2021-23', 'tver-2023', 'amur-2023-24-pasted', 'tambov-2021-23-pasted', 'tver-2023-pasted'])('%s', (name) => {
  it('pastes', async () => {
    const f = `/work/shared/examples/plans/${name}.xlsx`;
    const wb = await readWorkbook(f, readFileSync(f));
    const clean = pasteSheetOf(wb.sheets[0]!);
    const g0 = gridOf(clean);
    const want = readingOf(g0);
    const e0 = errs(g0);
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
      const g = gridOf(applySteps(clean, steps));
      expect(readingOf(g)).toEqual(want);
      expect(errs(g)).toEqual(e0);
    }), { numRuns: Number(process.env.RUNS ?? 200) });
  });
});
