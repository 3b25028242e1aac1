import fc from 'fast-check';
import { checkToJson } from '../../src/cli/format/json';
import { checkReportJson } from '../../src/cli/format/jsonSchema';
import { formatCheckText, plural, wrap } from '../../src/cli/format/text';
import type { CheckedFile } from '../../src/core/plan/reviewPatch';
import type { PlanActivity } from '../../src/core/plan/types';

const activity: PlanActivity = {
  row: 9,
  continuationRows: [],
  number: '1.',
  title: 'Анализ результатов',
  deadline: { kind: 'month', start: '2023-01-01', end: '2023-01-31', text: 'январь 2023' },
  responsibleText: 'ЦОКО, МОУО',
  responsible: [
    { text: 'ЦОКО', kind: 'abbreviation' },
    { text: 'МОУО', kind: 'abbreviation' },
  ],
  section: 0,
  extra: {},
};

const files: CheckedFile[] = [
  {
    file: 'планы/тверь.xlsx',
    sheets: [
      {
        sheet: 'План',
        isPlan: true,
        period: {
          start: '2023-01-01',
          end: '2023-12-31',
          source: 'title',
          schoolYear: false,
          text: 'на 2023 год',
        },
        sections: [{ row: 8, number: 'I', title: 'Организационные меры' }],
        activities: [activity],
        issues: [
          {
            severity: 'warning',
            code: 'undefined-abbreviation',
            message: 'Сокращение «ТОИУУ» нигде не расшифровано. '.repeat(4),
            sheet: 'План',
            cell: 'D21',
            row: 21,
          },
          {
            severity: 'error',
            code: 'deadline-outside-period',
            message: 'Срок вне периода плана.',
            sheet: 'План',
            cell: 'C12',
            row: 12,
            fix: 'Проверьте год.',
          },
        ],
      },
      { sheet: 'Лист2', isPlan: false, period: null, sections: [], activities: [], issues: [] },
    ],
  },
  {
    file: 'старый.xls',
    sheets: [],
    error: 'Файл «старый.xls» в старом формате Excel 97–2003 (.xls).',
  },
];

describe('plural', () => {
  it('follows Russian number agreement', () => {
    expect(
      [1, 2, 5, 11, 12, 21, 22, 25, 111, 104].map((n) =>
        plural(n, 'раздел', 'раздела', 'разделов'),
      ),
    ).toEqual([
      '1 раздел',
      '2 раздела',
      '5 разделов',
      '11 разделов',
      '12 разделов',
      '21 раздел',
      '22 раздела',
      '25 разделов',
      '111 разделов',
      '104 раздела',
    ]);
  });
});

describe('wrap', () => {
  it('keeps every word and every line within the width (words shorter than it)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[а-я]{1,20}$/), { maxLength: 60 }),
        fc.integer({ min: 0, max: 10 }),
        (words, indent) => {
          const out = wrap(`  ${words.join('  ')}`, indent, 40);
          expect(out.split(/\s+/).filter(Boolean)).toEqual(words);
          if (words.length) expect(out.startsWith(`  ${words[0]}`)).toBe(true);
          for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
        },
      ),
    );
  });
});

describe('formatCheckText', () => {
  const text = formatCheckText(files);
  const lines = text.split('\n');

  it('gives a summary per plan sheet, issues by row with the fix, and a total', () => {
    expect(lines[0]).toBe('Файл планы/тверь.xlsx');
    expect(lines[1]).toBe(
      '  Лист «План»: 1 мероприятие, 1 раздел; ошибок 1, предупреждений 1, сведений 0',
    );
    expect(lines[2]).toBe('    Период: 01.01.2023 – 31.12.2023 (из заголовка)');
    expect(lines[3]).toBe(
      '    C12    ошибка         deadline-outside-period  Срок вне периода плана. → Проверьте год.',
    );
    expect(lines[4]).toMatch(/^ {4}D21 {4}предупреждение undefined-abbreviation {2}Сокращение/);
    expect(text).toContain(
      'Файл старый.xls\n  не проверен. Файл «старый.xls» в старом формате Excel 97–2003 (.xls).',
    );
    // a reason that already says «не проверен» is not prefixed with it again
    const missing = {
      file: 'нет',
      sheets: [],
      error: 'Файл «нет» не проверен: файл или папка не найдены.',
    };
    expect(formatCheckText([missing])).toMatch(
      /^Файл нет\n {2}Файл «нет» не проверен: файл или папка не найдены\.\n/,
    );
    expect(formatCheckText(files, ['a/b.json', 'c.TXT', 'd.json'])).toMatch(
      /\nНе книги Excel, пропущены: 3 \(\.json, \.txt\)\.$/,
    );
    // the file not checked counts as an error, as in the JSON's stats
    expect(lines[lines.length - 1]).toBe(
      'Итого: 2 файла (проверено 1, не проверено 1), 1 план, 1 мероприятие; ошибок 2, предупреждений 1, сведений 0.',
    );
    expect(text).not.toContain('Лист2');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110);
  });
});

describe('checkToJson', () => {
  it('keeps only the agreed fields, in the envelope every command shares', () => {
    const report = checkToJson(files, ['notes.txt']);
    expect(checkReportJson.parse(report)).toEqual(report);
    expect(report).toEqual({
      version: 1,
      command: 'check',
      valid: false,
      stats: {
        files: 2,
        filesFailed: 1,
        filesIgnored: 1,
        errors: 2,
        warnings: 1,
        infos: 0,
        plans: 1,
        activities: 1,
        accepted: 0,
      },
      files: [
        {
          file: 'планы/тверь.xlsx',
          valid: false,
          stats: { errors: 1, warnings: 1, infos: 0, plans: 1, activities: 1, accepted: 0 },
          sheets: [
            {
              sheet: 'План',
              title: '',
              period: { start: '2023-01-01', end: '2023-12-31' },
              sections: [{ row: 8, number: 'I', title: 'Организационные меры' }],
              activities: [
                {
                  row: 9,
                  number: '1.',
                  title: 'Анализ результатов',
                  deadline: {
                    text: 'январь 2023',
                    kind: 'month',
                    start: '2023-01-01',
                    end: '2023-01-31',
                  },
                  responsible: ['ЦОКО', 'МОУО'],
                },
              ],
              stats: { errors: 1, warnings: 1, infos: 0 },
            },
          ],
        },
        {
          file: 'старый.xls',
          valid: false,
          error: 'Файл «старый.xls» в старом формате Excel 97–2003 (.xls).',
          stats: { errors: 1, warnings: 0, infos: 0, plans: 0, activities: 0, accepted: 0 },
          sheets: [],
        },
      ],
      issues: [
        {
          file: 'планы/тверь.xlsx',
          sheet: 'План',
          severity: 'error',
          code: 'deadline-outside-period',
          title: 'Срок вне периода плана',
          message: 'Срок вне периода плана.',
          cell: 'C12',
          row: 12,
          fix: 'Проверьте год.',
        },
        {
          file: 'планы/тверь.xlsx',
          sheet: 'План',
          severity: 'warning',
          code: 'undefined-abbreviation',
          title: 'Сокращение не расшифровано',
          message: files[0]!.sheets[0]!.issues[0]!.message,
          cell: 'D21',
          row: 21,
        },
        {
          file: 'старый.xls',
          sheet: '',
          severity: 'error',
          code: 'unreadable-file',
          title: 'Файл не прочитан',
          message: 'Файл «старый.xls» в старом формате Excel 97–2003 (.xls).',
          cell: '',
          row: 0,
        },
      ],
    });
  });
});
