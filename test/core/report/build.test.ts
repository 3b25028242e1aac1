import { computeCriteria } from '../../../src/core/criteria/engine';
import { valueAt } from '../../../src/core/grid';
import type { Deadline, PlanActivity } from '../../../src/core/plan/types';
import { buildReportPatch, schoolKey } from '../../../src/core/report/build';
import { riskKey } from '../../../src/core/report/riskFactors';
import { isLegalSheetName, sheetNameKey } from '../../../src/core/workbook/sheetNames';
import { defaultSettings } from '../../../src/core/settings';
import { generateRegion } from '../../../src/core/synthetic/region';
import { patchToGrid, rowTexts } from './patchGrid';

const region = generateRegion({ schools: 40, seed: 11 });
const criteria = computeCriteria(region.rows, defaultSettings());
const risks = new Map(region.schools.map((s) => [riskKey(s.code, s.name), s.riskFactors]));

function activity(
  row: number,
  number: string,
  title: string,
  responsible: string,
  d: Partial<Deadline>,
  section = 0,
): PlanActivity {
  return {
    row,
    continuationRows: [],
    number,
    title,
    deadline: { kind: 'month', start: null, end: null, text: '', ...d },
    responsibleText: responsible,
    responsible: [],
    section,
    extra: {},
  };
}

const plan = {
  sheet: 'План',
  period: {
    start: '2024-09-01',
    end: '2025-08-31',
    source: 'title' as const,
    schoolYear: true,
    text: 'на 2024/2025 учебный год',
  },
  sections: [{ row: 5, number: 'I', value: 1, title: 'Методическое сопровождение' }],
  activities: [
    activity(6, '1.1', 'Семинар для руководителей школ', 'ЦНППМ, руководители школ', {
      kind: 'month',
      start: '2024-10-01',
      end: '2024-10-31',
      text: 'октябрь 2024',
    }),
    activity(7, '1.2', 'Совещание МОУО', 'МОУО', {
      kind: 'month',
      start: '2024-11-01',
      end: '2024-11-30',
      text: 'ноябрь 2024',
    }),
    activity(8, '1.3', 'Мониторинг ШНОР', 'ЦОКО, ОО', {
      kind: 'quarter',
      start: '2025-01-01',
      end: '2025-03-31',
      text: '1 квартал 2025',
    }),
  ],
};

describe('buildReportPatch', () => {
  const patch = buildReportPatch({
    criteria,
    riskFactors: risks,
    plan,
    asOf: '2025-02-15',
    title: region.name,
  });
  const byKey = new Map(patch.sheets.map((s) => [s.key, s]));

  it('has an index, a summary, a timeline and one legal, unique tab per school', () => {
    expect(byKey.get('index')!.name).toBe('Оглавление');
    expect(byKey.get('summary')!.name).toBe('Свод');
    expect(byKey.get('timeline')!.name).toBe('График');
    const schoolSheets = patch.sheets.filter((s) => s.key.startsWith('school:'));
    expect(schoolSheets).toHaveLength(40);
    const names = patch.sheets.map((s) => s.name);
    expect(new Set(names.map(sheetNameKey)).size).toBe(names.length);
    for (const n of names) expect(isLegalSheetName(n)).toBe(true);
    expect(patch.activeSheet).toBe('Оглавление');
    expect(byKey.get('school:sch690001')).toBeDefined();
  });

  it('links every school from the index and back', () => {
    const index = byKey.get('index')!;
    for (const s of criteria.schools) {
      const tab = byKey.get(schoolKey(s))!;
      expect(index.hyperlinks.some((h) => h.sheet === tab.name)).toBe(true);
      expect(tab.hyperlinks[0]).toMatchObject({ cell: 'A1', sheet: 'Оглавление' });
    }
    expect(index.autoFilter).toMatch(/^A5:H45$/);
    const g = patchToGrid(index);
    expect(rowTexts(g)[4]).toBe(
      '№ | Лист школы | Муниципалитет | Полное наименование | Код ОО | ШНОР 2022 | ШНОР 2023 | ШНОР 2024',
    );
    const shnor2024 = criteria.schools.filter((s) => s.years['2024']?.shnor).length;
    const col = g.rows.slice(5).filter((r) => r?.[7]?.v === 'ШНОР').length;
    expect(col).toBe(shnor2024);
  });

  it('writes a school tab with identity, status in words, risk factors and a matrix with share formulas', () => {
    const school = criteria.schools.find(
      (s) => s.years['2023']?.shnor && s.years['2023'].triggerA,
    )!;
    const tab = byKey.get(schoolKey(school))!;
    const g = patchToGrid(tab);
    const text = rowTexts(g).join('\n');
    expect(valueAt(g, 1, 0)).toBe(school.name);
    expect(text).toContain(`Код ОО: ${school.code} · ${school.municipality}`);
    expect(text).toMatch(/2023 \| В перечне ШНОР.*Триггер А/);
    const factors = region.schools.find((s) => s.code === school.code)!.riskFactors;
    for (const f of factors) expect(text).toContain(f);
    // Every share is a formula over the two cells to its left, with the engine's value cached.
    const formulas = tab.formulas[0]!;
    let checked = 0;
    formulas.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (!f) return;
        const cached = formulas.cached[r]![c] as number;
        const n = valueAt(g, r, c - 2) as number;
        const failed = valueAt(g, r, c - 1) as number;
        expect(f).toMatch(/^=[A-Z]+\d+\/[A-Z]+\d+$/);
        expect(cached).toBeCloseTo(failed / n, 12);
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(20);
    // The highlight compares with the threshold cell, which holds the setting.
    const cf = tab.conditionalFormats[0]!;
    expect(cf.operator).toBe('greaterThanOrEqual');
    const ref = /^=\$([A-Z]+)\$(\d+)$/.exec(cf.value)!;
    expect(g.rows[Number(ref[2]) - 1]![2]!.v).toBe(0.3);
    expect(tab.conditionalFormats).toHaveLength(3);
    expect(tab.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
  });

  it('pre-fills the school roadmap with the plan activities addressed to schools only', () => {
    const tab = byKey.get('school:sch690001')!;
    const text = rowTexts(patchToGrid(tab)).join('\n');
    expect(text).toContain('План мероприятий («дорожная карта»)');
    expect(text).toContain('на 2024/2025 учебный год');
    expect(text).toContain('Семинар для руководителей школ (п. 1.1 региональной дорожной карты)');
    expect(text).toContain('Мониторинг ШНОР (п. 1.3');
    expect(text).not.toContain('Совещание МОУО');
  });

  it('counts schools and ШНОР per municipality in the summary, with share formulas', () => {
    const g = patchToGrid(byKey.get('summary')!);
    const texts = rowTexts(g);
    const totalRow = texts.findIndex((t) => t.startsWith('Итого по региону'));
    expect(totalRow).toBeGreaterThan(4);
    const shnor = (y: string) => criteria.schools.filter((s) => s.years[y]?.shnor).length;
    // 2022 block: B schools, C ШНОР, D share
    expect(g.rows[totalRow]![1]!.v).toBe(40);
    expect(g.rows[totalRow]![2]!.v).toBe(shnor('2022'));
    expect(g.rows[totalRow]![3]!.f).toBe(
      `IF(B${totalRow + 1}>0,C${totalRow + 1}/B${totalRow + 1},"")`,
    );
    expect(g.rows[totalRow]![3]!.v).toBeCloseTo(shnor('2022') / 40, 12);
    expect(g.rows[totalRow]![2]!.f).toBe(`SUM(C6:C${totalRow})`);
    expect(texts.some((t) => t.startsWith('Доля ШНОР | 2024'))).toBe(true);
  });

  it('removes tabs of schools gone since the previous run, never other keys', () => {
    const again = buildReportPatch({
      criteria,
      asOf: '2025-02-15',
      previousKeys: ['index', 'school:sch699999', 'timeline', 'user-thing', 'school:sch690001'],
    });
    expect(again.removeKeys).toEqual(['school:sch699999', 'timeline']);
  });

  it('names tabs the same way on every run and avoids the user’s sheet names', () => {
    const a = buildReportPatch({ criteria, asOf: '2025-02-15', takenNames: ['Свод'] });
    const b = buildReportPatch({ criteria, asOf: '2025-02-15', takenNames: ['Свод'] });
    expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
    expect(a.sheets.find((s) => s.key === 'summary')!.name).toBe('Свод (2)');
    expect(a.sheets.some((s) => s.key === 'timeline')).toBe(false);
  });
});
