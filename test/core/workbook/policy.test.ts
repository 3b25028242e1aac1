import fc from 'fast-check';
import { gridFromValues } from '../../../src/core/grid';
import { emptySheetPatch, type SheetPatch, type WorkbookPatch } from '../../../src/core/patch';
import {
  fingerprintSheetPatch,
  seenFormula,
  seenValue,
} from '../../../src/core/workbook/fingerprint';
import {
  identifySheets,
  planApply,
  userSheetNames,
  type ExistingSheet,
  type WorkbookState,
} from '../../../src/core/workbook/policy';
import {
  GENERATOR_VERSION,
  MARKER_NAME,
  markerFormula,
  markerKey,
  readRegistryRows,
  registryRows,
  type RegistryEntry,
} from '../../../src/core/workbook/registry';
import { renameSheetsInFormula, resolvePatchNames } from '../../../src/core/workbook/references';
import { freeSheetName, sheetNameKey } from '../../../src/core/workbook/sheetNames';

function sheet(name: string, key: string, order: number): SheetPatch {
  const p = emptySheetPatch(name, key, order);
  p.values.push({ at: 'A1', values: [[name]] });
  return p;
}

function patchOf(sheets: SheetPatch[], extra: Partial<WorkbookPatch> = {}): WorkbookPatch {
  return { sheets, names: [], removeKeys: [], ...extra };
}

const user = (name: string): ExistingSheet => ({ name, visibility: 'visible' });

/** A generated sheet as written by `p` and its registry row. */
function written(p: SheetPatch, as = p.name): { sheet: ExistingSheet; entry: RegistryEntry } {
  const fingerprint = fingerprintSheetPatch(p);
  return {
    sheet: { name: as, visibility: 'visible', marker: p.key, fingerprint },
    entry: {
      key: p.key,
      sheet: p.name,
      fingerprint,
      version: GENERATOR_VERSION,
      definedName: MARKER_NAME,
    },
  };
}

const REGISTRY: ExistingSheet = { name: '_shnor', visibility: 'veryHidden' };

describe('registry and marker', () => {
  it('round-trips keys through the marker formula, quotes included', () => {
    for (const key of ['index', 'school:sch690001', 'a "quoted" key'])
      expect(markerKey(markerFormula(key))).toBe(key);
    expect(markerKey('"index"')).toBe('index'); // as the file stores it
    expect(markerKey("='Свод'!$A$1")).toBeNull();
    expect(markerKey(42)).toBeNull();
  });

  it('reads its own rows back; a visible or foreign "_shnor" is a user sheet', () => {
    const entries: RegistryEntry[] = [
      { key: 'k', sheet: 'Свод', fingerprint: 'f', version: '2', definedName: MARKER_NAME },
    ];
    expect(readRegistryRows(registryRows(entries), 'veryHidden')).toEqual(entries);
    // LibreOffice saves veryHidden as hidden
    expect(readRegistryRows(registryRows(entries), 'hidden')).toEqual(entries);
    expect(readRegistryRows(registryRows(entries), 'visible')).toBeNull();
    expect(readRegistryRows([['мои', 'данные']], 'veryHidden')).toBeNull();
  });
});

describe('freeSheetName', () => {
  it('is legal, unique ignoring case, within 31 characters and never reserved', () => {
    expect(freeSheetName('_SHNOR', new Set())).toBe('_SHNOR (2)');
    expect(freeSheetName('history', new Set())).toBe('history (2)');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 31 })), (w, t) => {
        const taken = new Set(t.map(sheetNameKey));
        const got = freeSheetName(w, taken);
        expect(got.length).toBeLessThanOrEqual(31);
        expect(got.length).toBeGreaterThan(0);
        expect(taken.has(sheetNameKey(got))).toBe(false);
        expect(/[\\/?*:[\]]/.test(got)).toBe(false);
      }),
    );
  });
});

describe('planApply', () => {
  it('creates into a new workbook with the registry last', () => {
    const plan = planApply(
      { sheets: [], registry: [] },
      patchOf([sheet('Свод', 'summary', 1), sheet('Оглавление', 'index', 0)], {
        activeSheet: 'Оглавление',
      }),
    );
    expect(plan.create).toEqual([
      { key: 'index', name: 'Оглавление' },
      { key: 'summary', name: 'Свод' },
    ]);
    expect(plan.order).toEqual(['Оглавление', 'Свод', '_shnor']);
    expect(plan.mark.map((m) => m.sheet)).toEqual(['Оглавление', 'Свод']);
    expect(plan.activeSheet).toBe('Оглавление');
    expect(plan.report.created).toEqual(['Оглавление', 'Свод']);
  });

  it("gives «Name (2)» when the user's sheet holds the name, and says so", () => {
    const plan = planApply(
      { sheets: [user('результаты')], registry: [] },
      patchOf([sheet('Результаты', 'criteria:results', 0)]),
    );
    expect(plan.names).toEqual({ 'criteria:results': 'Результаты (2)' });
    expect(plan.report.renamedToAvoidClash).toEqual([
      { key: 'criteria:results', wanted: 'Результаты', actual: 'Результаты (2)' },
    ]);
    expect(plan.order).toEqual(['результаты', 'Результаты (2)', '_shnor']);
  });

  it('replaces its sheets by marker, gives a renamed one its name back, keeps an edited one for the user', () => {
    const summary = sheet('Свод', 'summary', 0);
    const school = sheet('Школа', 'school:1', 1);
    const a = written(summary, 'Мой свод');
    const b = written(school);
    const state: WorkbookState = {
      sheets: [user('Данные'), { ...a.sheet, fingerprint: 'changed' }, b.sheet, REGISTRY],
      registry: [a.entry, b.entry],
    };
    const plan = planApply(state, patchOf([summary, school]));
    expect(plan.replace).toEqual([
      { key: 'summary', sheet: 'Мой свод', name: 'Свод' },
      { key: 'school:1', sheet: 'Школа', name: 'Школа' },
    ]);
    expect(plan.keep).toEqual([
      { key: 'summary', sheet: 'Мой свод', as: 'Мой свод (правки пользователя)' },
    ]);
    expect(plan.report.changedByUser).toEqual([
      {
        key: 'summary',
        name: 'Мой свод',
        renamed: true,
        edited: true,
        keptAs: 'Мой свод (правки пользователя)',
      },
    ]);
    expect(plan.order).toEqual([
      'Данные',
      'Мой свод (правки пользователя)',
      'Свод',
      'Школа',
      '_shnor',
    ]);
    // The kept version is new: it needs no marker; the replaced one is rewritten, so it does.
    expect(plan.mark).toEqual([{ key: 'summary', sheet: 'Свод' }]);
  });

  it('keeps no copy of an edited sheet whose new version carries the edits over itself', () => {
    const indicators = { ...sheet('Показатели плана', 'plan-indicators', 0), carriesEdits: true };
    const a = written(indicators);
    const plan = planApply(
      { sheets: [{ ...a.sheet, fingerprint: 'typed' }, REGISTRY], registry: [a.entry] },
      patchOf([indicators]),
    );
    expect(plan.replace).toEqual([
      { key: 'plan-indicators', sheet: 'Показатели плана', name: 'Показатели плана' },
    ]);
    expect(plan.keep).toEqual([]);
    // what was typed is carried over: nothing to warn about
    expect(plan.report.changedByUser).toEqual([]);
  });

  it("treats a copy of a generated sheet as the user's and takes its marker off", () => {
    const summary = sheet('Свод', 'summary', 0);
    const a = written(summary);
    const plan = planApply(
      {
        sheets: [a.sheet, { ...a.sheet, name: 'Свод (2)' }, REGISTRY],
        registry: [a.entry],
      },
      patchOf([summary]),
    );
    expect(plan.replace).toEqual([{ key: 'summary', sheet: 'Свод', name: 'Свод' }]);
    expect(plan.unmark).toEqual(['Свод (2)']);
    expect(plan.order).toEqual(['Свод (2)', 'Свод', '_shnor']);
  });

  it('never takes a sheet the user made under the name of a deleted generated one', () => {
    const summary = sheet('Свод', 'summary', 0);
    const a = written(summary);
    const mine: ExistingSheet = { name: 'Свод', visibility: 'visible', fingerprint: 'other' };
    const plan = planApply({ sheets: [mine, REGISTRY], registry: [a.entry] }, patchOf([summary]));
    expect(plan.create).toEqual([{ key: 'summary', name: 'Свод (2)' }]);
    // …but an untouched sheet that lost its marker to another tool is still ours
    const lost = planApply(
      {
        sheets: [{ ...a.sheet, marker: undefined } as ExistingSheet, REGISTRY],
        registry: [a.entry],
      },
      patchOf([summary]),
    );
    expect(lost.replace).toEqual([{ key: 'summary', sheet: 'Свод', name: 'Свод' }]);
    expect(lost.mark).toEqual([{ key: 'summary', sheet: 'Свод' }]);
  });

  it('removes by key only generated sheets, keeping an edited one for the user', () => {
    const a = written(sheet('Школа А', 'school:a', 0));
    const b = written(sheet('Школа Б', 'school:b', 1));
    const plan = planApply(
      {
        sheets: [user('Школа В'), a.sheet, { ...b.sheet, fingerprint: 'edited' }, REGISTRY],
        registry: [a.entry, b.entry],
      },
      patchOf([], { removeKeys: ['school:a', 'school:b', 'Школа В'] }),
    );
    expect(plan.remove).toEqual([{ key: 'school:a', sheet: 'Школа А' }]);
    expect(plan.keep).toEqual([
      { key: 'school:b', sheet: 'Школа Б', as: 'Школа Б (правки пользователя)' },
    ]);
    expect(plan.registry).toBe(false);
    expect(plan.order).toEqual(['Школа В', 'Школа Б (правки пользователя)']);
  });

  it('adopts sheets of old files: workbook-level names and the add-in settings registry', () => {
    const state: WorkbookState = {
      sheets: [
        user('Данные'),
        { name: 'Сводная таблица', visibility: 'visible' },
        { name: 'Школа 1', visibility: 'visible', legacyKey: 'school:1' },
        { name: 'Свод', visibility: 'visible' },
        REGISTRY,
      ],
      registry: [
        {
          key: 'index',
          sheet: 'Свод',
          fingerprint: 'f1',
          version: '1',
          definedName: '_shnor_aaaaaaaaaaaa',
        },
        {
          key: 'gone',
          sheet: 'Свод',
          fingerprint: 'f3',
          version: '1',
          definedName: '_shnor_cccccccccccc',
        },
      ],
      names: [
        { name: '_shnor_aaaaaaaaaaaa', formula: "='Сводная таблица'!$A$1" },
        { name: '_shnor_cccccccccccc', formula: '=#REF!$A$1' },
      ],
    };
    const found = identifySheets(state);
    expect([...found.generated.values()].map((g) => [g.key, g.name, g.renamed, g.edited])).toEqual([
      ['index', 'Сводная таблица', true, false],
      ['school:1', 'Школа 1', false, false],
    ]);
    expect(userSheetNames(state)).toEqual(['Данные', 'Свод']);
    const plan = planApply(state, patchOf([sheet('Оглавление', 'index', 0)]));
    expect(plan.replace).toEqual([{ key: 'index', sheet: 'Сводная таблица', name: 'Оглавление' }]);
    expect(plan.kept).toEqual([
      { key: 'school:1', sheet: 'Школа 1', fingerprint: '', version: '', definedName: MARKER_NAME },
    ]);
    expect(plan.mark).toEqual([
      { key: 'index', sheet: 'Оглавление' },
      { key: 'school:1', sheet: 'Школа 1' },
    ]);
    expect(plan.dropNames).toEqual(['_shnor_aaaaaaaaaaaa', '_shnor_cccccccccccc']);
  });

  it('leaves a visible user sheet called «_shnor» alone and writes no registry over it', () => {
    const plan = planApply(
      { sheets: [user('_shnor')], registry: [] },
      patchOf([sheet('Свод', 'summary', 0)]),
    );
    expect(plan.registry).toBe(false);
    expect(plan.order).toEqual(['_shnor', 'Свод']);
  });
});

describe('resolvePatchNames', () => {
  it('rewrites formulas, links, names and the active sheet, never text in string literals', () => {
    expect(
      renameSheetsInFormula(
        `=COUNTIF('Результаты'!A:A,"Результаты!")+Результаты!B2+'Другой'!C3`,
        new Map([['результаты', 'Результаты (2)']]),
      ),
    ).toBe(`=COUNTIF('Результаты (2)'!A:A,"Результаты!")+'Результаты (2)'!B2+'Другой'!C3`);
    const results = sheet('Результаты', 'r', 0);
    const index = sheet('Оглавление', 'i', 1);
    index.hyperlinks.push({ cell: 'A2', sheet: 'Результаты', target: 'A1', text: 'Результаты' });
    index.formulas.push({
      at: 'B2',
      formulas: [["=COUNT('Результаты'!A{r})"]],
      cached: [[1], [2]],
      fillDown: true,
    });
    const resolved = resolvePatchNames(
      patchOf([results, index], {
        names: [{ name: 'Порог', sheet: 'Результаты', range: 'B2' }],
        activeSheet: 'Результаты',
      }),
      { r: 'Результаты (2)', i: 'Оглавление' },
    );
    expect(resolved.sheets.map((s) => s.name)).toEqual(['Результаты (2)', 'Оглавление']);
    expect(resolved.sheets[1]!.hyperlinks[0]!.sheet).toBe('Результаты (2)');
    expect(resolved.sheets[1]!.formulas[0]!.formulas).toEqual([["=COUNT('Результаты (2)'!A{r})"]]);
    expect(resolved.names[0]!.sheet).toBe('Результаты (2)');
    expect(resolved.activeSheet).toBe('Результаты (2)');
  });
});

describe('fingerprint', () => {
  it('sees what a person sees, the same from the patch and from the sheet read back', () => {
    const p = emptySheetPatch('Свод', 'k', 0);
    p.values.push({
      at: 'B2',
      values: [['текст', 0.1 + 0.2, new Date(Date.UTC(2024, 2, 15)), true]],
    });
    p.formulas.push({ at: 'A3', formulas: [['=SUM($B$2:B2)']], cached: [[1]] });
    p.hyperlinks.push({ cell: 'A5', sheet: 'Школа', target: 'A1', text: 'Школа' });
    p.merges.push('A6:B6');
    p.values.push({ at: 'A6', values: [['объединено', 'скрыто']] });
    const grid = gridFromValues('Свод', [
      [],
      [null, 'текст', 0.3, 45366, true],
      [null],
      [],
      ['Школа'],
      ['объединено'],
    ]);
    grid.rows[2] = [{ v: 1, f: '_xlfn.SUM(b2:  B2)' }];
    grid.merges.push({ top: 5, left: 0, bottom: 5, right: 1 });
    const { fingerprintGrid } = jest.requireActual<
      typeof import('../../../src/core/workbook/fingerprint')
    >('../../../src/core/workbook/fingerprint');
    expect(fingerprintGrid(grid)).toBe(fingerprintSheetPatch(p));
    // what LibreOffice writes for boolean constants and for FALSE inside formulas
    expect(seenFormula('=FALSE()')).toBe(seenValue(false));
    expect(seenFormula('IF(A1,"TRUE()",FALSE())')).toBe(seenFormula('=if(a1, "TRUE()", FALSE)'));
    grid.rows[1]![1] = { v: 'правка' };
    expect(fingerprintGrid(grid)).not.toBe(fingerprintSheetPatch(p));
  });
});
