import { emptySheetPatch, type WorkbookPatch } from '../../src/core/patch';
import { applyPatch } from '../../src/excel/apply';
import { insertTemplate } from '../../src/excel/insertTemplate';
import { readSheetGrid, SheetTooLargeError } from '../../src/excel/read';
import { PROGRESS_SETTING } from '../../src/excel/progress';
import { LEGACY_SETTING as GENERATED_SETTING } from '../../src/core/workbook/registry';
import { ExcelSupportError } from '../../src/excel/support';
import { TEMPLATE_COLUMNS } from '../../src/excel/template';
import { FakeExcelContext } from '../fake-excel/context';
import { FakeWorkbookModel, type FakeSheet } from '../fake-excel/model';
import { schoolTabsPatch } from '../fake-excel/synthetic';

const MB = 1024 * 1024;

function workbook(apiVersion = '1.17'): { model: FakeWorkbookModel; user: FakeSheet } {
  const model = new FakeWorkbookModel(apiVersion);
  const user = model.addSheet('Данные');
  model.fill(user, [
    ['Школа', 'Участников'],
    ['=это текст пользователя', 25],
  ]);
  return { model, user };
}

function run<T>(
  model: FakeWorkbookModel,
  job: (ctx: FakeExcelContext) => Promise<T>,
  options = {},
): Promise<T> {
  return job(new FakeExcelContext(model, options));
}

/** Names of the sheets a user sees (the registry «_shnor» is veryHidden). */
function visibleNames(model: FakeWorkbookModel): string[] {
  return model.sheets.filter((s) => s.visibility !== 'VeryHidden').map((s) => s.name);
}

/** Everything a sheet holds, for comparing two workbooks. */
function snapshot(model: FakeWorkbookModel): unknown {
  return model.sheets.map((s) => ({
    name: s.name,
    cells: [...s.entries()].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    merges: s.merges,
    cf: s.conditionalFormats,
    freeze: s.freeze,
    widths: [...s.columnWidths],
  }));
}

function smallPatch(): WorkbookPatch {
  const index = emptySheetPatch('Свод', 'index', 0);
  index.values.push({
    at: 'A1',
    values: [
      ['Школа', 'Код', 'Дата', 'Доля «2»'],
      ['=СУММ(A1)', '0012', new Date(Date.UTC(2024, 2, 15)), 0.35],
      ['+7 900 000-00-00', '1.1', null, 0.1],
      ['-мероприятие', '01.02.2023', true, 12],
      ['@школа', "'кавычка", 'обычный текст', -5],
    ],
  });
  index.formulas.push({
    at: 'E2',
    formulas: [['=IF(D2>=0.3,1,0)'], ['=IF(D3>=0.3,1,0)']],
    cached: [[1], [0]],
  });
  index.formats.push(
    { range: 'A1:E1', style: { bold: true, fill: 'D9E2F3', border: 'thin' } },
    { range: 'D2:D5', style: { numFmt: '0.0%' } },
  );
  index.merges.push('F1:G1');
  index.hyperlinks.push({
    cell: 'H1',
    sheet: 'Школа 1',
    target: 'A1',
    text: 'Школа 1',
    tooltip: 'Перейти',
  });
  index.conditionalFormats.push({
    range: 'D2:D5',
    operator: 'greaterThanOrEqual',
    value: '0.3',
    style: { fill: 'F8CBAD', bold: true },
  });
  index.freeze = { rows: 1, cols: 1 };
  index.autoFilter = 'A1:E5';
  index.print = { orientation: 'landscape', fitToWidth: true, titleRows: '1:1' };
  index.columnWidths = [{ col: 'A', width: 30 }];
  index.rowHeights = [
    { row: 2, height: 30 },
    { row: 3, height: 30 },
    { row: 5, height: 45 },
  ];
  index.tabColor = '2F5597';
  const school = emptySheetPatch('Школа 1', 'school:1', 1);
  school.values.push({ at: 'A1', values: [['МБОУ СОШ № 1'], ['Старая строка']] });
  return {
    sheets: [index, school],
    names: [{ name: 'Порог', sheet: 'Свод', range: 'D2' }],
    removeKeys: [],
    activeSheet: 'Свод',
  };
}

describe('readSheetGrid', () => {
  function planModel(apiVersion = '1.17') {
    const model = new FakeWorkbookModel(apiVersion);
    const sheet = model.addSheet('План 2023');
    model.fill(
      sheet,
      [
        ['План мероприятий («дорожная карта») на 2023 год', null, null],
        ['№', 'Мероприятие', 'Срок'],
        ['1', 'Совещание с руководителями ОО', new Date(Date.UTC(2023, 8, 30))],
        [2, '=Текст, не формула', { error: '#N/A' }],
      ],
      1,
      1,
    );
    sheet.merges.push({ top: 1, left: 1, bottom: 1, right: 3 });
    const f = sheet.ensure(5, 1);
    f.formula = 'SUM(B5:B5)';
    f.value = 2;
    sheet.ensure(4, 2).numberFormat = '@';
    return { model, sheet };
  }

  it('reads values, dates, errors, formulas, formats and merges at the positions Excel shows', async () => {
    const { model } = planModel();
    const grid = await run(model, (ctx) =>
      readSheetGrid(ctx, 'План 2023', { api: model.requirements() }),
    );
    expect(grid.sheet).toBe('План 2023');
    expect(grid.rows[0]).toBeUndefined();
    expect(grid.rows[1]?.[1]?.v).toBe('План мероприятий («дорожная карта») на 2023 год');
    expect(grid.rows[3]?.[3]?.v).toEqual(new Date(Date.UTC(2023, 8, 30)));
    expect(grid.rows[3]?.[3]?.fmt).toBe('dd.mm.yyyy');
    expect(grid.rows[4]?.[1]?.v).toBe(2);
    expect(grid.rows[4]?.[2]).toEqual({ v: '=Текст, не формула', fmt: '@' });
    expect(grid.rows[4]?.[3]?.v).toEqual({ error: '#N/A' });
    expect(grid.rows[5]?.[1]).toEqual({ v: 2, f: 'SUM(B5:B5)' });
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  it('reads the active sheet in row chunks and gets the same grid', async () => {
    const { model } = planModel();
    const whole = await run(model, (ctx) =>
      readSheetGrid(ctx, undefined, { api: model.requirements() }),
    );
    const ctx = new FakeExcelContext(model);
    const chunked = await readSheetGrid(ctx, undefined, {
      api: model.requirements(),
      chunkCells: 3,
    });
    expect(chunked).toEqual(whole);
    expect(ctx.syncs.length).toBe(1 + 5);
  });

  it('returns an empty grid for an empty sheet', async () => {
    const model = new FakeWorkbookModel();
    model.addSheet('Пустой');
    const grid = await run(model, (ctx) =>
      readSheetGrid(ctx, 'Пустой', { api: model.requirements() }),
    );
    expect(grid).toEqual({ sheet: 'Пустой', rows: [], merges: [] });
  });

  it('refuses a used range over 5 million cells with a Russian explanation, before loading it', async () => {
    const model = new FakeWorkbookModel();
    const sheet = model.addSheet('Выгрузка');
    model.fill(sheet, [['Код']]);
    sheet.ensure(999_999, 9).value = 'x';
    const ctx = new FakeExcelContext(model);
    const read = readSheetGrid(ctx, 'Выгрузка', { api: model.requirements() });
    await expect(read).rejects.toThrow(SheetTooLargeError);
    await expect(read).rejects.toThrow(
      /Лист «Выгрузка» слишком большой для чтения: занятая область A1:J1000000/,
    );
    expect(ctx.syncs.length).toBe(1);
  });

  it('reads without merges on a client below ExcelApi 1.13 and refuses one below 1.7', async () => {
    const { model } = planModel('1.9');
    const grid = await run(model, (ctx) =>
      readSheetGrid(ctx, 'План 2023', { api: model.requirements() }),
    );
    expect(grid.merges).toEqual([]);
    expect(grid.rows[2]?.[2]?.v).toBe('Мероприятие');
    const old = planModel('1.6').model;
    await expect(
      run(old, (ctx) => readSheetGrid(ctx, 'План 2023', { api: old.requirements() })),
    ).rejects.toThrow(ExcelSupportError);
  });
});

describe('applyPatch', () => {
  it('writes a patch: text stays text, numbers and dates are typed, formulas in English, formats after values', async () => {
    const { model, user } = workbook();
    const ctx = new FakeExcelContext(model);
    const report = await applyPatch(ctx, smallPatch(), { api: model.requirements() });
    expect(report.status).toBe('done');
    expect(report.created).toEqual(['Свод', 'Школа 1']);
    expect(visibleNames(model)).toEqual(['Данные', 'Свод', 'Школа 1']);
    const s = model.sheet('Свод');
    // Strings Excel would turn into formulas, numbers or dates stay exactly as written.
    for (const [address, text] of [
      ['A2', '=СУММ(A1)'],
      ['B2', '0012'],
      ['A3', '+7 900 000-00-00'],
      ['B3', '1.1'],
      ['A4', '-мероприятие'],
      ['B4', '01.02.2023'],
      ['A5', '@школа'],
      ['B5', "'кавычка"],
    ] as const) {
      expect(s.at(address)?.value).toBe(text);
      expect(s.at(address)?.formula).toBeUndefined();
    }
    expect(s.at('C2')?.value).toBe(45366);
    expect(s.at('C2')?.numberFormat).toBe('dd.mm.yyyy');
    expect(s.at('D2')?.value).toBe(0.35);
    expect(s.at('D2')?.numberFormat).toBe('0.0%');
    expect(s.at('C4')?.value).toBe(true);
    expect(s.text('E2')).toBe('=IF(D2>=0.3,1,0)');
    expect(s.at('A1')?.style).toMatchObject({
      'font.bold': true,
      'fill.color': '#D9E2F3',
      'border.EdgeTop': 'Continuous',
    });
    expect(s.merges).toEqual([{ top: 0, left: 5, bottom: 0, right: 6 }]);
    expect(s.at('H1')?.hyperlink).toEqual({
      documentReference: "'Школа 1'!A1",
      textToDisplay: 'Школа 1',
      screenTip: 'Перейти',
    });
    expect(s.conditionalFormats).toEqual([
      {
        range: 'D2:D5',
        fill: '#F8CBAD',
        bold: true,
        formula1: '=0.3',
        operator: 'GreaterThanOrEqual',
      },
    ]);
    expect(s.freeze).toEqual({ rows: 1, cols: 1 });
    expect(s.autoFilter).toBe('A1:E5');
    expect(s.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      titleRows: '$1:$1',
    });
    expect(s.columnWidths.get(0)).toBeCloseTo(161.25);
    // rows 2 and 3 in one call, row 5 in another; 0-based in the fake
    expect([...s.rowHeights]).toEqual([
      [1, 30],
      [2, 30],
      [4, 45],
    ]);
    expect(s.tabColor).toBe('#2F5597');
    expect(model.names).toEqual([{ name: 'Порог', reference: "='Свод'!$D$2" }]);
    expect(model.activeSheetId).toBe(s.id);
    // Bookkeeping: generated sheets carry their marker and are listed in the veryHidden registry
    // (core/workbook/registry.ts), no progress left, calculation back to automatic.
    expect(model.setting(GENERATED_SETTING)).toBeUndefined();
    expect(s.names).toEqual([{ name: '_shnor_key', reference: '="index"', visible: false }]);
    expect(model.sheet('_shnor').visibility).toBe('VeryHidden');
    expect(model.sheet('_shnor').text('A3')).toBe('school:1');
    expect(model.settings.has(PROGRESS_SETTING)).toBe(false);
    expect(model.calculationMode).toBe('Automatic');
    expect(ctx.syncs.filter((x) => x.suspendedCalculation).length).toBe(report.totalBatches);
    expect(report.syncs).toBe(ctx.syncs.length);
    // The user's sheet is as it was.
    expect(user.text('A2')).toBe('=это текст пользователя');
    expect(user.at('B2')?.value).toBe(25);
  });

  it('regenerates in place: same sheets (same ids), old content gone, nothing duplicated', async () => {
    const { model } = workbook();
    await run(model, (ctx) => applyPatch(ctx, smallPatch(), { api: model.requirements() }));
    const ids = model.sheets.map((s) => s.id);
    const second = smallPatch();
    second.sheets[1]!.values = [{ at: 'A1', values: [['МБОУ СОШ № 1 (обновлено)']] }];
    const report = await run(model, (ctx) =>
      applyPatch(ctx, second, { api: model.requirements() }),
    );
    expect(report.created).toEqual([]);
    expect(report.replaced.map((r) => r.name)).toEqual(['Свод', 'Школа 1']);
    expect(model.sheets.map((s) => s.id)).toEqual(ids);
    expect(model.sheet('Школа 1').text('A1')).toBe('МБОУ СОШ № 1 (обновлено)');
    expect(model.sheet('Школа 1').text('A2')).toBe('');
    expect(model.sheet('Свод').conditionalFormats).toHaveLength(1);
    expect(model.names).toHaveLength(1);
  });

  it('finds its sheets by id after the user renames them, and gives them their names back', async () => {
    const { model } = workbook();
    await run(model, (ctx) => applyPatch(ctx, smallPatch(), { api: model.requirements() }));
    model.sheet('Свод').name = 'Мой свод';
    await run(model, (ctx) => applyPatch(ctx, smallPatch(), { api: model.requirements() }));
    expect(visibleNames(model)).toEqual(['Данные', 'Свод', 'Школа 1']);
  });

  it('never touches user sheets: a taken name gets a free variant, removal only hits generated sheets', async () => {
    const { model } = workbook();
    const mine = model.addSheet('свод');
    model.fill(mine, [['мои данные']]);
    const patch = smallPatch();
    patch.removeKeys = ['index-old'];
    const report = await run(model, (ctx) => applyPatch(ctx, patch, { api: model.requirements() }));
    expect(report.renamedToAvoidClash).toEqual([
      { key: 'index', wanted: 'Свод', actual: 'Свод (2)' },
    ]);
    expect(mine.text('A1')).toBe('мои данные');
    expect(model.sheet('Свод (2)').at('A1')?.value).toBe('Школа');
    expect(model.sheet('Свод (2)').at('H1')?.hyperlink?.documentReference).toBe("'Школа 1'!A1");
    expect(model.names[0]?.reference).toBe("='Свод (2)'!$D$2");

    const removal: WorkbookPatch = {
      sheets: [],
      names: [],
      removeKeys: ['school:1', 'Данные', 'свод'],
      activeSheet: undefined,
    };
    const after = await run(model, (ctx) =>
      applyPatch(ctx, removal, { api: model.requirements() }),
    );
    expect(after.removed).toEqual(['Школа 1']);
    expect(visibleNames(model)).toEqual(['Данные', 'свод', 'Свод (2)']);
  });

  it('recognises sheets the command line generated into the file (registry sheet and defined names)', async () => {
    const { model } = workbook();
    const registry = model.addSheet('_shnor');
    registry.visibility = 'VeryHidden';
    model.fill(registry, [
      ['key', 'sheet', 'fingerprint', 'version', 'definedName'],
      ['index', 'Свод', 'f1', '1', '_shnor_aaaa'],
      ['school:1', 'Школа 1', 'f2', '1', '_shnor_bbbb'],
    ]);
    const renamed = model.addSheet('Сводная таблица');
    model.fill(renamed, [['старый свод']]);
    const school = model.addSheet('Школа 1');
    model.names.push(
      { name: '_shnor_aaaa', reference: "='Сводная таблица'!$A$1" },
      { name: '_shnor_bbbb', reference: "='Школа 1'!$A$1" },
    );
    const report = await run(model, (ctx) =>
      applyPatch(ctx, smallPatch(), { api: model.requirements() }),
    );
    expect(report.created).toEqual([]);
    expect(report.replaced.map((r) => r.name)).toEqual(['Свод', 'Школа 1']);
    expect(visibleNames(model)).toEqual(['Данные', 'Свод', 'Школа 1']);
    // The registry stays, now last, as the command line keeps it.
    expect(model.sheets.at(-1)).toBe(registry);
    expect(model.sheet('Свод').id).toBe(renamed.id);
    expect(model.sheet('Школа 1').id).toBe(school.id);
    expect(registry.text('B2')).toBe('Свод');
  });

  it('adopts the sheets of a run that died while creating them instead of duplicating them', async () => {
    const { model } = workbook();
    // Syncs 1–2 read the workbook, sync 3 is the structure request; failing sync 4 leaves the
    // sheets created but their content not written.
    await expect(
      run(model, (ctx) => applyPatch(ctx, smallPatch(), { api: model.requirements() }), {
        failAtSync: 4,
      }),
    ).rejects.toThrow(/connection/);
    expect(visibleNames(model)).toEqual(['Данные', 'Свод', 'Школа 1']);
    expect(model.setting(GENERATED_SETTING)).toBeUndefined();
    await run(model, (ctx) => applyPatch(ctx, smallPatch(), { api: model.requirements() }));
    expect(visibleNames(model)).toEqual(['Данные', 'Свод', 'Школа 1']);
  });

  it('can be cancelled between batches and resumed to the same result', async () => {
    const patch = schoolTabsPatch(60, 30);
    const reference = workbook().model;
    await run(reference, (ctx) =>
      applyPatch(ctx, patch, { api: reference.requirements(), budgetBytes: 64 * 1024 }),
    );

    const { model } = workbook();
    const abort = new AbortController();
    const seen: number[] = [];
    const first = await run(model, (ctx) =>
      applyPatch(ctx, patch, {
        api: model.requirements(),
        budgetBytes: 64 * 1024,
        signal: abort.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 3) abort.abort();
        },
      }),
    );
    expect(first.status).toBe('cancelled');
    expect(first.totalBatches).toBeGreaterThan(5);
    // The first report (0) names the setup phase before any batch is written.
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(model.calculationMode).toBe('Automatic');
    expect(JSON.parse(model.setting(PROGRESS_SETTING) as string)).toMatchObject({
      stage: 'content',
      done: 3,
    });

    const second = await run(model, (ctx) =>
      applyPatch(ctx, patch, { api: model.requirements(), budgetBytes: 64 * 1024 }),
    );
    expect(second.status).toBe('done');
    expect(second.startedAt).toBe(3);
    expect(second.created).toEqual([]);
    expect(snapshot(model)).toEqual(snapshot(reference));
    expect(model.settings.has(PROGRESS_SETTING)).toBe(false);
  });

  it.each([
    ['deleted', (m: FakeWorkbookModel) => m.deleteSheet(m.sheet('Школа 5'))],
    ['renamed', (m: FakeWorkbookModel) => (m.sheet('Школа 5').name = 'Моё имя')],
  ])(
    'redoes a generated sheet %s while the run was stopped instead of failing on resume',
    async (_, change) => {
      const patch = schoolTabsPatch(20, 30);
      const reference = workbook().model;
      await run(reference, (ctx) =>
        applyPatch(ctx, patch, { api: reference.requirements(), budgetBytes: 32 * 1024 }),
      );
      const { model } = workbook();
      const abort = new AbortController();
      await run(model, (ctx) =>
        applyPatch(ctx, patch, {
          api: model.requirements(),
          budgetBytes: 32 * 1024,
          signal: abort.signal,
          onProgress: (p) => (p.done === 2 ? abort.abort() : undefined),
        }),
      );
      change(model);
      const again = await run(model, (ctx) =>
        applyPatch(ctx, patch, { api: model.requirements(), budgetBytes: 32 * 1024 }),
      );
      expect(again.status).toBe('done');
      expect(again.startedAt).toBe(0); // started over: the saved progress no longer fits
      expect(snapshot(model)).toEqual(snapshot(reference));
      expect(model.settings.has(PROGRESS_SETTING)).toBe(false);
    },
  );

  it('keeps a generated sheet the user edited as their own before rewriting it, and sets row heights', async () => {
    const { model } = workbook();
    const patch = smallPatch();
    patch.sheets[1]!.rowHeights = [
      { row: 1, height: 30 },
      { row: 2, height: 30 },
    ];
    await run(model, (ctx) => applyPatch(ctx, patch, { api: model.requirements() }));
    expect(model.sheet('Школа 1').rowHeights.get(0)).toBe(30);
    expect(model.sheet('Школа 1').rowHeights.get(1)).toBe(30);
    model.sheet('Школа 1').ensure(5, 0).value = 'моя заметка';
    const report = await run(model, (ctx) => applyPatch(ctx, patch, { api: model.requirements() }));
    expect(report.changedByUser).toEqual([
      {
        key: 'school:1',
        name: 'Школа 1',
        renamed: false,
        edited: true,
        keptAs: 'Школа 1 (правки пользователя)',
      },
    ]);
    const kept = model.sheet('Школа 1 (правки пользователя)');
    expect(kept.text('A6')).toBe('моя заметка');
    expect(kept.names).toEqual([]);
    expect(model.sheet('Школа 1').text('A6')).toBe('');
    expect(visibleNames(model)).toEqual([
      'Данные',
      'Школа 1 (правки пользователя)',
      'Свод',
      'Школа 1',
    ]);
  });

  it('restores the calculation mode after a failure and resumes after it', async () => {
    const patch = schoolTabsPatch(20, 30);
    const { model } = workbook();
    model.calculationMode = 'AutomaticExceptTables';
    await expect(
      run(
        model,
        (ctx) => applyPatch(ctx, patch, { api: model.requirements(), budgetBytes: 32 * 1024 }),
        { failAtSync: 6 },
      ),
    ).rejects.toThrow(/connection/);
    expect(model.calculationMode).toBe('AutomaticExceptTables');
    const resumed = await run(model, (ctx) =>
      applyPatch(ctx, patch, { api: model.requirements(), budgetBytes: 32 * 1024 }),
    );
    expect(resumed.startedAt).toBeGreaterThan(0);
    expect(model.calculationMode).toBe('AutomaticExceptTables');
    expect(visibleNames(model)).toHaveLength(22);
  });

  it('brings back the user calculation mode a killed run left on manual', async () => {
    const patch = schoolTabsPatch(10, 30);
    const { model } = workbook();
    const ctx = new FakeExcelContext(model, { failAtSync: 5 });
    const killed = applyPatch(ctx, patch, { api: model.requirements(), budgetBytes: 16 * 1024 });
    await expect(killed).rejects.toThrow();
    // Simulate the process dying before its finally block could run: mode stuck on manual.
    model.calculationMode = 'Manual';
    await run(model, (c) =>
      applyPatch(c, patch, { api: model.requirements(), budgetBytes: 16 * 1024 }),
    );
    expect(model.calculationMode).toBe('Automatic');
  });

  it('degrades on ExcelApi 1.7: no calculation suspension, no filter or print setup, Russian warnings', async () => {
    const { model } = workbook('1.7');
    const ctx = new FakeExcelContext(model);
    const report = await applyPatch(ctx, smallPatch(), { api: model.requirements() });
    expect(report.status).toBe('done');
    expect(ctx.syncs.some((s) => s.suspendedCalculation)).toBe(false);
    expect(model.sheet('Свод').autoFilter).toBeNull();
    expect(report.warnings.join(' ')).toMatch(/Автофильтр и параметры печати/);
    const old = workbook('1.6').model;
    await expect(
      run(old, (c) => applyPatch(c, smallPatch(), { api: old.requirements() })),
    ).rejects.toThrow(/ExcelApi 1\.7/);
  });

  it('writes 2 000 school tabs in requests under 5 MB, a handful of syncs per MB', async () => {
    const { model } = workbook();
    const ctx = new FakeExcelContext(model);
    const report = await applyPatch(ctx, schoolTabsPatch(2000), { api: model.requirements() });
    expect(report.status).toBe('done');
    expect(visibleNames(model)).toHaveLength(2002);
    const total = ctx.totalBytes() / MB;
    expect(ctx.largestRequest()).toBeLessThan(5 * MB);
    // The adapter's own estimate holds: requests stay near its 1.5 MB budget.
    expect(ctx.largestRequest()).toBeLessThan(1.6 * MB);
    expect(ctx.largestRequest()).toBeGreaterThan(0.5 * MB);
    expect(ctx.syncs.length / total).toBeLessThan(2);
    expect(model.sheet('Школа 2000').text('H11')).toBe('=не формула: доля «2» ≥ 30 %');
    expect(model.sheet('Школа 2000').text('I40')).toBe('=IF(E40>0,F40/E40,"")');
    expect(visibleNames(model).at(-1)).toBe('Школа 2000');
  }, 120_000);
});

describe('insertTemplate', () => {
  it('adds the standard plan sheet under a free name and leaves the other sheets alone', async () => {
    const { model, user } = workbook();
    const first = await run(model, (ctx) => insertTemplate(ctx, model.requirements()));
    const second = await run(model, (ctx) => insertTemplate(ctx, model.requirements()));
    expect([first, second]).toEqual(['План мероприятий', 'План мероприятий (2)']);
    const sheet = model.sheet(second);
    expect(TEMPLATE_COLUMNS.map((_, c) => sheet.cell(2, c)?.value)).toEqual([...TEMPLATE_COLUMNS]);
    expect(sheet.text('A5')).toBe('1.1');
    expect(sheet.at('A6')?.numberFormat).toBe('@');
    expect(sheet.freeze).toEqual({ rows: 3, cols: 0 });
    expect(model.activeSheetId).toBe(sheet.id);
    expect(user.text('A2')).toBe('=это текст пользователя');
    expect(model.setting(GENERATED_SETTING)).toBeUndefined();
  });
});
