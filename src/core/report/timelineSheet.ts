/**
 * «График»: the plan's activities against the months of the plan period. A deadline's interval is
 * filled, checkpoints are marked with ●, recurring activities are shaded over the period, and an
 * activity whose deadline passed before the as-of date without being marked done is red.
 * Sections are group rows.
 */
import type { Period, PlanActivity, PlanSection } from '../plan/types';
import { classifyStatus } from '../plan/status';
import { formatDateRu } from '../text';
import type { SheetPatch } from '../patch';
import {
  MONTHS_SHORT_RU,
  monthBounds,
  monthsBetween,
  yearMonthOf,
  type YearMonth,
} from './calendar';
import { SheetBuilder } from './sheetBuilder';
import { COLORS, HEADER_STYLE, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE } from './style';

export interface TimelinePlan {
  sheet: string;
  file?: string;
  period: Period | null;
  sections: PlanSection[];
  activities: PlanActivity[];
}

export type MonthMark = 'bar' | 'checkpoint' | 'recurring' | 'none';

export interface ActivityTimeline {
  marks: MonthMark[];
  overdue: boolean;
}

function overlaps(ym: YearMonth, start: string, end: string): boolean {
  const m = monthBounds(ym);
  return m.start <= end && m.end >= start;
}

function holds(ym: YearMonth, iso: string): boolean {
  const d = yearMonthOf(iso);
  return d.year === ym.year && d.month === ym.month;
}

/** What each month column shows for one activity, and whether it is overdue as of `asOf`. */
export function activityTimeline(
  a: PlanActivity,
  months: YearMonth[],
  asOf: string,
): ActivityTimeline {
  const d = a.deadline;
  const marks: MonthMark[] = months.map(() => 'none');
  if (d.kind === 'recurring' && d.start && d.end) {
    months.forEach((ym, i) => {
      if (!overlaps(ym, d.start!, d.end!)) return;
      marks[i] = d.recurrence?.month === ym.month ? 'checkpoint' : 'recurring';
    });
  } else if (d.checkpoints?.length) {
    months.forEach((ym, i) => {
      if (d.checkpoints!.some((cp) => overlaps(ym, cp.start, cp.end))) marks[i] = 'checkpoint';
    });
  } else if (d.start && d.end && !d.vague && d.start <= d.end) {
    months.forEach((ym, i) => {
      if (!overlaps(ym, d.start!, d.end!)) return;
      // A single day or "until" ends with a checkpoint in the month it falls in.
      marks[i] =
        (d.kind === 'date' || d.kind === 'until') && holds(ym, d.end!) ? 'checkpoint' : 'bar';
    });
  }
  const status = classifyStatus(a.status ?? '');
  const checkable = d.kind !== 'recurring' && d.kind !== 'period' && !d.vague && d.end !== null;
  const overdue = checkable && d.end! < asOf && status !== 'done' && status !== 'cancelled';
  return { marks, overdue };
}

const FIRST_MONTH_COL = 4;

export function buildTimelineSheet(
  name: string,
  order: number,
  plan: TimelinePlan,
  asOf: string,
  indexSheet: string,
): SheetPatch | null {
  const period = plan.period;
  if (!period) return null;
  const months = monthsBetween(period.start, period.end);
  const b = new SheetBuilder(name, 'timeline', order);
  const right = FIRST_MONTH_COL + months.length - 1;
  b.set(
    0,
    0,
    `График мероприятий: ${plan.file ? `${plan.file}, ` : ''}лист «${plan.sheet}»`,
  ).format(0, 0, 0, 0, TITLE_STYLE);
  b.set(
    1,
    0,
    `Период плана: ${formatDateRu(new Date(period.start))} – ${formatDateRu(new Date(period.end))}. Просрочка — на ${formatDateRu(new Date(asOf))}.`,
  );
  b.link(1, right > 8 ? 8 : right, indexSheet, '← Оглавление');
  // Legend.
  b.setRow(2, 1, ['Обозначения:']);
  b.set(2, 2, 'срок').format(2, 2, 2, 2, { fill: COLORS.bar, fontColor: 'FFFFFF' });
  b.set(2, 3, '● контрольная точка').format(2, 3, 2, 3, { fontColor: COLORS.checkpoint });
  // three month columns each: two are narrower than the words
  b.set(2, 4, 'повторяется').merge(2, 4, 2, 6).format(2, 4, 2, 6, { fill: COLORS.recurring });
  b.set(2, 7, 'просрочено')
    .merge(2, 7, 2, 9)
    .format(2, 7, 2, 9, { fill: COLORS.overdue, fontColor: 'FFFFFF' });

  const h1 = 4;
  const h2 = 5;
  b.setRow(h1, 0, ['№', 'Мероприятие', 'Срок', 'Ответственные']);
  for (let c = 0; c < FIRST_MONTH_COL; c++) b.merge(h1, c, h2, c);
  let c0 = FIRST_MONTH_COL;
  months.forEach((ym, i) => {
    const next = months[i + 1];
    if (!next || next.year !== ym.year) {
      b.set(h1, c0, ym.year).merge(h1, c0, h1, FIRST_MONTH_COL + i);
      c0 = FIRST_MONTH_COL + i + 1;
    }
    b.set(h2, FIRST_MONTH_COL + i, MONTHS_SHORT_RU[ym.month - 1]!);
  });
  b.format(h1, 0, h2, right, HEADER_STYLE);

  let r = h2 + 1;
  const top = r;
  let section = -2;
  for (const a of plan.activities) {
    if (a.section !== section) {
      section = a.section;
      const s = plan.sections[section];
      if (s) {
        // The reader keeps the numeral in the title ("I Методика"); the number has its own column here.
        const title =
          s.number && s.title.startsWith(s.number)
            ? s.title.slice(s.number.length).replace(/^[.\s]+/, '')
            : s.title;
        b.setRow(r, 0, [s.number || null, title])
          .merge(r, 1, r, right)
          .format(r, 0, r, right, SECTION_STYLE);
        r++;
      }
    }
    const t = activityTimeline(a, months, asOf);
    b.setRow(r, 0, [a.number || null, a.title, a.deadline.text, a.responsibleText]);
    b.format(r, 0, r, right, TABLE_STYLE);
    if (t.overdue) b.format(r, 1, r, 2, { fontColor: COLORS.overdueFont });
    // One format block per run of equal marks keeps the patch small.
    let runStart = 0;
    for (let i = 1; i <= months.length; i++) {
      const mark = t.marks[runStart]!;
      if (i < months.length && t.marks[i] === mark) continue;
      if (mark !== 'none') {
        const fill = t.overdue
          ? COLORS.overdue
          : mark === 'recurring'
            ? COLORS.recurring
            : COLORS.bar;
        b.format(r, FIRST_MONTH_COL + runStart, r, FIRST_MONTH_COL + i - 1, {
          fill,
          hAlign: 'center',
          fontColor: 'FFFFFF',
        });
        if (mark === 'checkpoint')
          for (let j = runStart; j < i; j++) b.set(r, FIRST_MONTH_COL + j, '●');
      }
      runStart = i;
    }
    r++;
  }
  if (r === top) b.set(r, 1, 'В плане не найдено мероприятий.');
  b.widths([7, 50, 18, 24, ...months.map(() => 5)]);
  b.freeze(h2 + 1, FIRST_MONTH_COL);
  b.print({ orientation: 'landscape', fitToWidth: true, titleRows: `${h1 + 1}:${h2 + 1}` });
  b.tab(COLORS.tab);
  return b.build();
}
