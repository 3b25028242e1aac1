import type { Deadline, PlanActivity } from '../../../src/core/plan/types';
import { monthsBetween } from '../../../src/core/report/calendar';
import { activityTimeline, buildTimelineSheet } from '../../../src/core/report/timelineSheet';
import { patchToGrid, rowTexts } from './patchGrid';

const months = monthsBetween('2024-01-01', '2024-12-31');

function act(d: Partial<Deadline>, status?: string, section = 0, number = '1.1'): PlanActivity {
  return {
    row: 1,
    continuationRows: [],
    number,
    title: `Мероприятие ${number}`,
    deadline: { kind: 'month', start: null, end: null, text: 'срок', ...d },
    responsibleText: 'ОО',
    responsible: [],
    section,
    extra: {},
    ...(status ? { status } : {}),
  };
}

const marks = (t: ReturnType<typeof activityTimeline>) =>
  t.marks.map((m) => ({ bar: '=', checkpoint: '●', recurring: '~', none: '.' })[m]).join('');

describe('activityTimeline', () => {
  it('fills an interval, marks checkpoints and a single date', () => {
    expect(
      marks(
        activityTimeline(
          act({ kind: 'month-range', start: '2024-02-01', end: '2024-04-30' }),
          months,
          '2024-01-01',
        ),
      ),
    ).toBe('.===........');
    expect(
      marks(
        activityTimeline(
          act({
            kind: 'dates',
            start: '2024-03-01',
            end: '2024-09-01',
            checkpoints: [
              { start: '2024-03-01', end: '2024-03-01' },
              { start: '2024-09-01', end: '2024-09-01' },
            ],
          }),
          months,
          '2024-01-01',
        ),
      ),
    ).toBe('..●.....●...');
    expect(
      marks(
        activityTimeline(
          act({ kind: 'date', start: '2024-06-15', end: '2024-06-15' }),
          months,
          '2024-01-01',
        ),
      ),
    ).toBe('.....●......');
    expect(
      marks(
        activityTimeline(
          act({ kind: 'until', start: '2024-01-01', end: '2024-03-15' }),
          months,
          '2024-01-01',
        ),
      ),
    ).toBe('==●.........');
  });

  it('shades recurring activities and marks their month', () => {
    const t = activityTimeline(
      act({
        kind: 'recurring',
        start: '2024-01-01',
        end: '2024-12-31',
        recurrence: { every: 'year', times: 1, month: 9 },
      }),
      months,
      '2024-12-31',
    );
    expect(marks(t)).toBe('~~~~~~~~●~~~');
    expect(t.overdue).toBe(false);
  });

  it('leaves vague and by-reference deadlines blank', () => {
    expect(marks(activityTimeline(act({ kind: 'by-reference' }), months, '2024-01-01'))).toBe(
      '............',
    );
    expect(
      marks(
        activityTimeline(
          act({ kind: 'period', start: '2024-01-01', end: '2024-12-31', vague: true }),
          months,
          '2024-01-01',
        ),
      ),
    ).toBe('............');
  });

  it('is overdue when the end passed and the activity is not done', () => {
    const d = { kind: 'month' as const, start: '2024-03-01', end: '2024-03-31' };
    expect(activityTimeline(act(d), months, '2024-04-01').overdue).toBe(true);
    expect(activityTimeline(act(d), months, '2024-03-31').overdue).toBe(false);
    expect(activityTimeline(act(d, 'Выполнено'), months, '2024-04-01').overdue).toBe(false);
    expect(activityTimeline(act(d, 'не выполнено'), months, '2024-04-01').overdue).toBe(true);
  });
});

describe('buildTimelineSheet', () => {
  const plan = {
    sheet: 'План',
    period: {
      start: '2024-01-01',
      end: '2024-12-31',
      schoolYear: false,
      source: 'title' as const,
      text: 'на 2024 год',
    },
    sections: [
      { row: 3, number: 'I', value: 1, title: 'Методика' },
      { row: 6, number: 'II', value: 2, title: 'Мониторинг' },
    ],
    activities: [
      act(
        { kind: 'month', start: '2024-02-01', end: '2024-02-29', text: 'февраль 2024' },
        undefined,
        0,
        '1.1',
      ),
      act(
        { kind: 'month', start: '2024-10-01', end: '2024-10-31', text: 'октябрь 2024' },
        undefined,
        0,
        '1.2',
      ),
      act(
        { kind: 'quarter', start: '2024-04-01', end: '2024-06-30', text: 'II квартал 2024' },
        undefined,
        1,
        '2.1',
      ),
    ],
  };

  it('lays out months, section group rows, bars and overdue red', () => {
    const sheet = buildTimelineSheet('График', 2, plan, '2024-05-01', 'Оглавление')!;
    const g = patchToGrid(sheet);
    const texts = rowTexts(g);
    expect(texts[4]).toMatch(/^№ \| Мероприятие \| Срок \| Ответственные \| 2024/);
    expect(texts[5]).toContain(
      'янв | фев | мар | апр | май | июн | июл | авг | сен | окт | ноя | дек',
    );
    expect(texts[6]).toMatch(/^I \| Методика/);
    expect(texts[9]).toMatch(/^II \| Мониторинг/);
    // 1.1 (February) is overdue on 1 May: its bar is red; 1.2 (October) is blue.
    expect(sheet.formats).toContainEqual({
      range: 'F8',
      style: expect.objectContaining({ fill: 'FF0000' }),
    });
    expect(sheet.formats).toContainEqual({
      range: 'N9',
      style: expect.objectContaining({ fill: '5B9BD5' }),
    });
    expect(sheet.formats).toContainEqual({
      range: 'H11:J11',
      style: expect.objectContaining({ fill: '5B9BD5' }),
    });
    expect(sheet.freeze).toEqual({ rows: 6, cols: 4 });
  });

  it('is not built without a period', () => {
    expect(
      buildTimelineSheet('График', 2, { ...plan, period: null }, '2024-05-01', 'Оглавление'),
    ).toBeNull();
  });
});
