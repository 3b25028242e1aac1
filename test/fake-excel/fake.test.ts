/**
 * The fake itself must behave like Excel where the adapter could go wrong, or the adapter tests
 * prove nothing: queued calls, loading, limits, name rules, type coercion of typed-in text.
 */
import { FakeExcelContext } from './context';
import { FakeWorkbookModel } from './model';

function setup(apiVersion?: string) {
  const model = new FakeWorkbookModel(apiVersion);
  const sheet = model.addSheet('Лист1');
  return { model, sheet, ctx: new FakeExcelContext(model) };
}

describe('fake Excel', () => {
  it('queues calls until sync and refuses unloaded properties', async () => {
    const { model, ctx } = setup();
    const ws = ctx.workbook.worksheets.getItem('лист1');
    ws.getRange('A1:B1').values = [['x', 1]];
    expect(model.sheet('Лист1').text('A1')).toBe('');
    expect(() => ws.name).toThrow(/PropertyNotLoaded/);
    ws.load('name');
    await ctx.sync();
    expect(ws.name).toBe('Лист1');
    expect(model.sheet('Лист1').text('B1')).toBe('1');
    expect(ctx.syncs[0]).toMatchObject({ calls: 3 });
  });

  it('refuses a request over 5 MB whole and applies nothing', async () => {
    const { model, ctx } = setup();
    const big = Array.from({ length: 3000 }, () =>
      Array.from({ length: 10 }, () => 'Ш'.repeat(100)),
    );
    ctx.workbook.worksheets.getItem('Лист1').getRange('A1:J3000').values = big;
    await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(ctx.syncs[0]!.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(model.sheet('Лист1').text('A1')).toBe('');
  });

  it('keeps Excel’s sheet name rules: unique ignoring case, 31 characters, no forbidden characters', async () => {
    const { ctx } = setup();
    for (const [name, code] of [
      ['ЛИСТ1', 'ItemAlreadyExists'],
      ['a'.repeat(32), 'InvalidArgument'],
      ['Свод/2023', 'InvalidArgument'],
      ["'Свод", 'InvalidArgument'],
      ['History', 'InvalidArgument'],
    ]) {
      ctx.workbook.worksheets.add(name);
      await expect(ctx.sync()).rejects.toThrow(code);
    }
  });

  it('turns typed-in text into formulas, numbers and dates unless the cell is text', async () => {
    const { model, ctx } = setup();
    const ws = ctx.workbook.worksheets.getItem('Лист1');
    ws.getRange('A2:D2').numberFormat = [['@', '@', null, null]];
    ws.getRange('A1:D2').values = [
      ['=A2', '1,5', '01.02.2023', "'=A2"],
      ['=A2', '1,5', '+7', 'текст'],
    ];
    await ctx.sync();
    const s = model.sheet('Лист1');
    expect(s.at('A1')).toMatchObject({ formula: 'A2', value: null });
    expect(s.at('B1')?.value).toBe(1.5);
    expect(s.at('C1')).toMatchObject({ value: 44958, numberFormat: 'dd.mm.yyyy' });
    expect(s.at('D1')?.value).toBe('=A2');
    expect(s.at('A2')?.value).toBe('=A2');
    expect(s.at('B2')?.value).toBe('1,5');
    expect(s.at('C2')?.formula).toBe('7');
  });

  it('refuses arrays that do not match the range, deleting the last sheet, and APIs above its version', async () => {
    const { ctx } = setup('1.7');
    ctx.workbook.worksheets.getItem('Лист1').getRange('A1:B2').values = [[1, 2]];
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
    ctx.workbook.worksheets.getItem('Лист1').delete();
    await expect(ctx.sync()).rejects.toThrow(/InvalidOperation/);
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    await expect(ctx.sync()).rejects.toThrow(/ApiNotFound/);
  });

  it('refuses a response over 5 MB', async () => {
    const { model, ctx } = setup();
    const s = model.sheet('Лист1');
    for (let r = 0; r < 2000; r++)
      for (let c = 0; c < 10; c++) s.ensure(r, c).value = 'Ж'.repeat(150);
    const range = ctx.workbook.worksheets.getItem('Лист1').getRange('A1:J2000');
    range.load('values,formulas');
    await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });
});
