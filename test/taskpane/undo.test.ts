import { emptySheetPatch, type WorkbookPatch } from '../../src/core/patch';
import type { CellSnapshot } from '../../src/taskpane/host';
import {
  SheetMemory,
  canRestore,
  fixUndo,
  planFixRestore,
  sheetsUndo,
} from '../../src/taskpane/undo';

const snap = (cell: string, value: string, formula: string | null = null): CellSnapshot => ({
  cell,
  value,
  formula,
  numberFormat: 'General',
});

describe('undo of a fix', () => {
  const entry = fixUndo(
    'План',
    [
      { cell: 'D5', value: 'ЦОКО (далее — ЦОКО)', asText: false },
      { cell: 'D6', value: '', asText: false },
      { cell: 'A7', value: '2.', asText: true },
    ],
    [snap('D5', 'ЦОКО'), snap('D6', '(далее — ЦОКО)'), snap('A7', '2')],
    null,
    false,
  );

  it('puts back only the cells that still hold what the fix wrote', () => {
    const plan = planFixRestore(entry, [
      snap('D5', 'ЦОКО (далее — ЦОКО)'),
      snap('D6', 'новый текст'),
      snap('A7', '2'),
    ]);
    expect(plan.restore.map((c) => c.cell)).toEqual(['D5']);
    expect(plan.changed).toEqual(['D6']);
    expect(plan.unchanged).toEqual(['A7']);
    expect(canRestore(entry)).toBe(true);
  });
});

describe('undo of generated sheets', () => {
  const sheet = (key: string, name: string, text: string) => ({
    ...emptySheetPatch(name, key, 0),
    values: [{ at: 'A1', values: [[text]] }],
  });
  const patch = (...sheets: ReturnType<typeof sheet>[]): WorkbookPatch => ({
    sheets,
    names: [],
    removeKeys: [],
  });

  it('writes back what the pane wrote before and removes what the action created', () => {
    const memory = new SheetMemory();
    const first = patch(sheet('criteria', 'Критерии', 'порог 30'));
    memory.remember(first);
    const second = patch(
      sheet('criteria', 'Критерии', 'порог 35'),
      sheet('index', 'Оглавление', ''),
    );
    const entry = sheetsUndo(
      'расчёт',
      second,
      [{ key: 'criteria', name: 'Критерии' }],
      memory,
      false,
    );
    expect(entry.restore.sheets).toEqual([first.sheets[0]]);
    expect(entry.restore.removeKeys).toEqual(['index']);
    expect(entry.created).toEqual(['Оглавление']);
    expect(entry.lost).toEqual([]);
  });

  it('names the replaced sheets whose previous content it never saw', () => {
    const entry = sheetsUndo(
      'расчёт',
      patch(sheet('criteria', 'Критерии', 'x')),
      [{ key: 'criteria', name: 'Критерии (мой)' }],
      new SheetMemory(),
      true,
    );
    expect(entry.lost).toEqual(['Критерии (мой)']);
    expect(canRestore(entry)).toBe(false);
  });
});
