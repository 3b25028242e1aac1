import type { Issue } from '../../../src/core/issue';
import {
  buildReviewPatch,
  periodText,
  summariseSheets,
  type CheckedFile,
  type CheckedSheet,
} from '../../../src/core/plan/reviewPatch';
import { checkWorkbook } from '../../../src/core/plan/check';
import { generatePlanGrid } from '../../../src/core/synthetic/plan';
import type { Period } from '../../../src/core/plan/types';

const period: Period = {
  start: '2023-01-01',
  end: '2023-12-31',
  source: 'title',
  schoolYear: false,
  text: 'на 2023 год',
};

function issue(severity: Issue['severity'], row: number, cell: string, code = 'some-code'): Issue {
  return {
    severity,
    code,
    message: `Сообщение ${cell}`,
    sheet: 'План',
    cell,
    row,
    fix: severity === 'error' ? 'Исправьте' : undefined,
  } as Issue;
}

function sheet(issues: Issue[], extra: Partial<CheckedSheet> = {}): CheckedSheet {
  return { sheet: 'План', isPlan: true, period, sections: [], activities: [], issues, ...extra };
}

const files: CheckedFile[] = [
  {
    file: 'a.xlsx',
    sheets: [
      sheet([issue('warning', 12, 'D12'), issue('error', 5, 'C5'), issue('info', 0, '')]),
      sheet([], { sheet: 'Лист2', isPlan: false }),
    ],
  },
  { file: 'old.xls', sheets: [], error: 'Файл «old.xls» в старом формате' },
];

describe('buildReviewPatch', () => {
  const patch = buildReviewPatch(files);
  const [summary, issues] = patch.sheets;

  it('makes «Сводка» with one row per plan sheet and per unreadable file', () => {
    expect(summary!.name).toBe('Сводка');
    const rows = summary!.values[0]!.values;
    expect(rows[0]).toEqual([
      'Файл',
      'Лист',
      'Название плана',
      'Период',
      'Мероприятий',
      'Ошибок',
      'Предупреждений',
      'Сведений',
      'Принято',
    ]);
    expect(rows.slice(1)).toEqual([
      ['a.xlsx', 'План', null, '01.01.2023 – 31.12.2023 (из заголовка)', 0, 1, 1, 1, 0],
      ['old.xls', '(файл не прочитан)', null, null, null, 1, 0, 0, 0],
    ]);
    expect(summary!.autoFilter).toBe('A1:I3');
    expect(summary!.freeze).toEqual({ rows: 1, cols: 0 });
    expect(patch.activeSheet).toBe('Сводка');
  });

  it('lists issues sorted by row, with the unreadable file as an error', () => {
    const rows = issues!.values[0]!.values;
    expect(rows[0]).toEqual([
      'Файл',
      'Лист',
      'Ячейка',
      'Важность',
      'Сообщение',
      'Предложение',
      'Принято',
      'Обоснование',
      'Код',
      'Идентификатор',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['a.xlsx', null, 'сведения'],
      ['a.xlsx', 'C5', 'ошибка'],
      ['a.xlsx', 'D12', 'предупреждение'],
      ['old.xls', null, 'ошибка'],
    ]);
    expect(rows[2]![5]).toBe('Исправьте');
    expect(rows[4]![8]).toBe('unreadable-file');
    expect(issues!.autoFilter).toBe('A1:J5');
    // Severity fills: one block per run of equal severities in column D.
    const fills = issues!.formats.filter((f) => f.range.startsWith('D'));
    expect(fills.map((f) => f.range)).toEqual(['D2:D2', 'D3:D3', 'D4:D4', 'D5:D5']);
  });

  it('still has headers, filter and widths when there is nothing to report', () => {
    const empty = buildReviewPatch([]);
    expect(empty.sheets.map((s) => s.values[0]!.values.length)).toEqual([1, 1]);
    expect(empty.sheets.map((s) => [s.autoFilter, s.columnWidths?.length])).toEqual([
      ['A1:I2', 9],
      ['A1:J2', 10],
    ]);
  });
});

describe('periodText', () => {
  it('says where the period came from, or that there is none', () => {
    expect(periodText({ ...period, source: 'inferred' })).toBe(
      '01.01.2023 – 31.12.2023 (выведен из сроков)',
    );
    expect(periodText(null)).toBe('не определён');
  });
});

describe('summariseSheets', () => {
  it('keeps the reported sheets with what the reports show, and the same reports come of it', () => {
    const plan = { ...generatePlanGrid({ activities: 12, seed: 3, year: 2024 }), sheet: 'План' };
    const blank = { sheet: 'Пусто', rows: [], merges: [] };
    const full = checkWorkbook([plan, blank], { fileName: 'план.xlsx', asOf: '2024-06-01' });
    const kept = summariseSheets(full);
    expect(kept.map((s) => s.sheet)).toEqual(
      full.filter((s) => s.isPlan || s.issues.length).map((s) => s.sheet),
    );
    const [s] = kept;
    expect(s!.activities).toHaveLength(full[0]!.activities.length);
    expect(Object.keys(s!.activities[0]!).sort()).toEqual(
      ['deadline', 'number', 'responsible', 'row', 'title'].sort(),
    );
    expect(s!.issues).toBe(full[0]!.issues);
    const patch = (sheets: CheckedSheet[]) => buildReviewPatch([{ file: 'план.xlsx', sheets }]);
    expect(patch(kept)).toEqual(patch(full));
  });
});
