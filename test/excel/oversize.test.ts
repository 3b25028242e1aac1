/**
 * A client whose request limit is lower than the adapter's budget assumes refuses a batch whole;
 * the adapter sends it in halves instead of failing the same way on every retry.
 */
import { emptySheetPatch, type WorkbookPatch } from '../../src/core/patch';
import { applyPatch, type ApplyProgress } from '../../src/excel/apply';
import { FakeExcelContext } from '../fake-excel/context';
import { FakeWorkbookModel } from '../fake-excel/model';

function bigPatch(): WorkbookPatch {
  const sheets = [1, 2, 3].map((n) => ({
    ...emptySheetPatch(`Лист ${n}`, `k${n}`, n),
    values: [
      {
        at: 'A1',
        values: Array.from({ length: 600 }, (_, r) => [`строка ${r} листа ${n}`, r * n]),
      },
    ],
  }));
  return { sheets, names: [], removeKeys: [] };
}

it('sends a batch the client refuses as too large in halves, and reports progress in sheets', async () => {
  const model = new FakeWorkbookModel();
  model.addSheet('Мой лист');
  const ctx = new FakeExcelContext(model, { requestLimitBytes: 20_000 });
  const progress: ApplyProgress[] = [];
  const report = await applyPatch(ctx, bigPatch(), {
    api: model.requirements(),
    budgetBytes: 30_000,
    onProgress: (p) => progress.push(p),
  });
  expect(report.status).toBe('done');
  expect(model.sheet('Лист 3').text('A600')).toBe('строка 599 листа 3');
  expect(ctx.syncs.some((s) => s.bytes > 20_000)).toBe(true);
  expect(ctx.largestRequest()).toBeGreaterThan(20_000);
  expect(progress[0]).toMatchObject({ phase: 'prepare', sheet: 0, sheets: 3 });
  const last = progress[progress.length - 1]!;
  expect(last).toMatchObject({ sheet: 3, sheets: 3, done: last.total });
  expect(progress.some((p) => p.phase === 'content')).toBe(true);
});
