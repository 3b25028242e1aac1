import type { Issue } from '../../../src/core/issue';
import { buildProtocolSheet, type ProtocolInput } from '../../../src/core/review/protocolSheet';

const issue = (severity: Issue['severity'], cell: string, extra: Partial<Issue> = {}): Issue =>
  ({
    severity,
    code: 'some-code',
    message: `Сообщение ${cell}`,
    sheet: 'План',
    cell,
    row: Number(cell.slice(1)) || 0,
    fix: `Исправьте ${cell}`,
    ...extra,
  }) as Issue;

const input: ProtocolInput = {
  file: 'планы/Ишим.xlsx',
  sheets: [
    {
      sheet: 'План',
      isPlan: true,
      title: 'План мероприятий на 2024 год',
      period: {
        start: '2024-01-01',
        end: '2024-12-31',
        source: 'title',
        schoolYear: false,
        text: '',
      },
      activities: [1, 2, 3],
      issues: [
        issue('warning', 'D8', { accepted: { justification: 'Расшифровано в приказе' } }),
        issue('error', 'C10', { state: 'new' }),
        issue('info', ''),
      ],
    },
  ],
  comparison: { baselineFile: 'Ишим.xlsx', fixed: 2, unchanged: 7, new: 1, accepted: 1, stale: 0 },
};

const texts = (p: ReturnType<typeof buildProtocolSheet>): string[] =>
  p.values.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');

describe('buildProtocolSheet', () => {
  const p = buildProtocolSheet(
    input,
    { date: '2024-03-01', tool: 'shnor-roadmap 0.1.0', baseline: 'замечания.xlsx' },
    { name: 'Протокол', key: 'check:protocol:1', order: 3 },
  );
  const all = texts(p);

  it('says what was checked, when, with what, and against which earlier check', () => {
    expect(all).toEqual(
      expect.arrayContaining([
        'планы/Ишим.xlsx',
        '01.03.2024',
        'shnor-roadmap 0.1.0',
        'План мероприятий на 2024 год',
        '01.01.2024 – 31.12.2024',
        'ошибок 1, предупреждений 0, сведений 1; принятых замечаний 1',
        'с прошлой проверкой («замечания.xlsx»): исправлено 2, осталось 7, новых 1, принято 1',
      ]),
    );
  });

  it('lists the open remarks in order, the accepted ones apart with their justification', () => {
    expect(all).toContain('Ошибка (новое). Сообщение C10');
    expect(all).toContain('Принятые замечания (не считаются ошибками): 1');
    expect(all).toContain('Расшифровано в приказе');
    const open = all.indexOf('Сведения. Сообщение ');
    expect(open).toBeGreaterThan(-1);
    expect(open).toBeLessThan(all.indexOf('Ошибка (новое). Сообщение C10'));
  });

  it('ends with the conclusion and the line to sign, laid out for A4 portrait', () => {
    expect(all).toContain('Вывод: ошибок, которые нужно исправить, — 1.');
    expect(all).toContain('Проверил:');
    expect(p.print).toMatchObject({ orientation: 'portrait', fitToWidth: true });
    expect(p.columnWidths?.map((c) => c.col)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('says «ошибок не обнаружено» for a clean plan, and why a file was not checked', () => {
    const clean = buildProtocolSheet(
      { ...input, sheets: [{ ...input.sheets[0]!, issues: [] }] },
      { date: '2024-03-01', tool: 't' },
      { name: 'Протокол', key: 'k', order: 0 },
    );
    expect(texts(clean)).toContain('Вывод: ошибок не обнаружено.');
    const unread = buildProtocolSheet(
      { file: 'старый.xls', sheets: [], error: 'Файл в старом формате.' },
      { date: '2024-03-01', tool: 't' },
      { name: 'Протокол', key: 'k', order: 0 },
    );
    expect(texts(unread)).toContain('Вывод: файл не проверен; план нужно прислать заново.');
  });
});
