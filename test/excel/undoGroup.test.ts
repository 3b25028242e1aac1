/**
 * Excel puts a whole batch on its undo stack only when every call in it can be undone (deleting,
 * copying, renaming, moving or hiding a sheet cannot, on Windows and Mac). A run that only rewrites
 * the generated sheets must stay undoable: it may not touch the registry sheet's visibility again.
 */
import { gridFromValues } from '../../src/core/grid';
import { defaultSettings } from '../../src/core/settings';
import { applyPatch } from '../../src/excel/apply';
import { runCriteria } from '../../src/taskpane/pipeline';
import { FakeExcelContext } from '../fake-excel/context';
import { FakeUndoStack } from '../fake-excel/undo';
import {
  PLAN_SHEET,
  PLAN_VALUES,
  RESULTS_SHEET,
  paneWorkbook,
  resultValues,
} from '../taskpane/workbook';

it('rewrites generated sheets in one undo group, and Ctrl+Z takes the run back', async () => {
  const { model } = paneWorkbook('1.20');
  const stack = new FakeUndoStack(model);
  const grids = [
    gridFromValues(PLAN_SHEET, PLAN_VALUES),
    gridFromValues(RESULTS_SHEET, resultValues()),
  ];
  const first = new FakeExcelContext(model);
  stack.track(first, false);
  await applyPatch(first, runCriteria(grids, defaultSettings()).patch, {
    api: model.requirements(),
  });
  expect(model.sheet('Настройки').text('B3')).toBe('0.3');

  const second = new FakeExcelContext(model);
  const done = stack.track(second, true);
  await applyPatch(second, runCriteria(grids, { ...defaultSettings(), threshold: 0.35 }).patch, {
    api: model.requirements(),
  });
  done();
  expect(model.sheet('Настройки').text('B3')).toBe('0.35');
  expect(stack.undo()).toBe(true);
  expect(model.sheet('Настройки').text('B3')).toBe('0.3');
});
