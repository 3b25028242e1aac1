/**
 * A municipal plan against the regional one: for each regional activity addressed to
 * municipalities, the municipal activity closest in meaning (the score shown, a threshold set by
 * the user) and whether its deadline is not later than the regional one. A missing counterpart
 * is a warning, a later deadline an error.
 */
import { a1 } from '../grid';
import { defineIssues, type Issue } from '../issue';
import type { ColumnRole, Deadline, Executor, PlanActivity } from '../plan/types';
import { formatDateRu } from '../text';
import { addressedToMunicipalities, municipalTerms } from './addressees';
import { StemWeights, titleStems } from './similarity';

/** What matching needs of a checked plan file. */
export interface PlanForMatching {
  file: string;
  sheets: ReadonlyArray<{
    sheet: string;
    isPlan: boolean;
    activities: readonly PlanActivity[];
    columns: Partial<Record<ColumnRole, { col: number }>>;
  }>;
}

export interface RegionalActivity {
  sheet: string;
  row: number;
  number: string;
  title: string;
  deadline: Deadline;
  responsible: readonly Executor[];
  stems: string[];
}

export type CounterpartStatus = 'ok' | 'late' | 'missing';

export interface MunicipalActivity {
  sheet: string;
  row: number;
  number: string;
  title: string;
  deadline: Deadline;
  /** A1 address of its deadline cell ("" when the plan has no deadline column). */
  deadlineCell: string;
}

export interface Counterpart {
  regional: RegionalActivity;
  status: CounterpartStatus;
  /** The closest activity's score, 0–1 (also when it is below the threshold). */
  score: number;
  /** The counterpart (status ok or late), or the closest activity below the threshold. */
  closest?: MunicipalActivity;
  /** A deadline of either side could not be read as dates: it was not compared. */
  unverified?: boolean;
}

export const REGIONAL_ISSUES = defineIssues('plan-regional', {
  'regional-deadline-later': {
    severity: 'error',
    title: 'Срок позже регионального',
    description:
      'Мероприятие муниципального плана, соответствующее мероприятию регионального плана, заканчивается позже, чем требует региональный план (сравниваются окончания сроков).',
    action: 'Установите срок не позднее регионального.',
  },
  'regional-activity-missing': {
    severity: 'warning',
    title: 'Нет мероприятия регионального плана',
    description:
      'Для мероприятия регионального плана, адресованного муниципалитетам (МОУО, ОМСУ, муниципальные координаторы…), в муниципальном плане не найдено мероприятие, близкое по смыслу названия (сходство ниже порога); называется ближайшее и его сходство.',
    action:
      'Добавьте мероприятие во исполнение регионального или назовите существующее так, чтобы связь была видна; порог сходства задаёт параметр --match-threshold.',
  },
});
declare module '../issue' {
  interface IssueRegistry {
    'regional/match': typeof REGIONAL_ISSUES;
  }
}

export interface MatchSettings {
  /** Score from which an activity counts as the counterpart (0–1). */
  threshold: number;
}

/** The activities of the regional plan addressed to municipalities, in plan order. */
export function regionalActivities(plan: PlanForMatching): RegionalActivity[] {
  const plans = plan.sheets.filter((s) => s.isPlan);
  const terms = municipalTerms(plans.flatMap((s) => s.activities.map((a) => a.responsibleText)));
  return plans.flatMap((s) =>
    s.activities
      .filter((a) => addressedToMunicipalities(a, terms))
      .map((a) => ({
        sheet: s.sheet,
        row: a.row,
        number: a.number,
        title: a.title,
        deadline: a.deadline,
        responsible: a.responsible,
        stems: titleStems(a.title),
      })),
  );
}

function municipalActivities(plan: PlanForMatching): MunicipalActivity[] {
  return plan.sheets
    .filter((s) => s.isPlan)
    .flatMap((s) => {
      const col = s.columns.deadline?.col;
      return s.activities.map((a) => ({
        sheet: s.sheet,
        row: a.row,
        number: a.number,
        title: a.title,
        deadline: a.deadline,
        deadlineCell: col === undefined ? '' : a1(a.row - 1, col),
      }));
    });
}

/** "1.2", or "строка 14" for an activity without a number. */
export function activityLabel(a: { number: string; row: number }): string {
  return a.number || `строка ${a.row}`;
}

/** 0.8234 → "0,82". */
export function scoreText(score: number): string {
  return score.toFixed(2).replace('.', ',');
}

const dateRu = (iso: string): string => formatDateRu(new Date(`${iso}T00:00:00Z`));

function quoteTitle(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}

function deadlineStatus(
  regional: Deadline,
  municipal: Deadline,
): { status: 'ok' | 'late'; unverified?: boolean } {
  if (!regional.end || !municipal.end) return { status: 'ok', unverified: true };
  return { status: municipal.end > regional.end ? 'late' : 'ok' };
}

/** Finds each regional activity's counterpart in one municipal plan. */
export function matchPlan(
  regional: readonly RegionalActivity[],
  municipal: PlanForMatching,
  settings: MatchSettings,
): Counterpart[] {
  const candidates = municipalActivities(municipal).map((m) => ({
    activity: m,
    stems: titleStems(m.title),
  }));
  const weights = new StemWeights([
    ...regional.map((r) => r.stems),
    ...candidates.map((c) => c.stems),
  ]);
  return regional.map((r) => {
    let best: { activity: MunicipalActivity; score: number } | undefined;
    for (const c of candidates) {
      const score = weights.similarity(r.stems, c.stems);
      if (!best || score > best.score) best = { activity: c.activity, score };
    }
    if (!best || best.score < settings.threshold)
      return {
        regional: r,
        status: 'missing',
        score: best?.score ?? 0,
        ...(best && best.score > 0 ? { closest: best.activity } : {}),
      };
    return {
      regional: r,
      ...deadlineStatus(r.deadline, best.activity.deadline),
      score: best.score,
      closest: best.activity,
    };
  });
}

/**
 * The issues of one municipal plan: a warning per regional activity without a counterpart (on
 * the plan's first sheet, as a whole), an error at the deadline of each counterpart that is late.
 */
export function regionalIssues(
  counterparts: readonly Counterpart[],
  planSheet: string,
  settings: MatchSettings,
): Issue[] {
  const issues: Issue[] = [];
  for (const c of counterparts) {
    const r = c.regional;
    const what = `${quoteTitle(r.title)} (пункт ${activityLabel(r)}, срок «${r.deadline.text || 'не указан'}»)`;
    if (c.status === 'missing') {
      const closest = c.closest
        ? ` Ближе всего по смыслу — ${activityLabel(c.closest)} ${quoteTitle(c.closest.title, 60)}: сходство ${scoreText(c.score)} при пороге ${scoreText(settings.threshold)}.`
        : '';
      issues.push({
        severity: 'warning',
        code: 'regional-activity-missing',
        message: `В плане нет мероприятия, соответствующего мероприятию регионального плана ${what}.${closest}`,
        sheet: planSheet,
        cell: '',
        row: 0,
        fix: `Добавьте мероприятие во исполнение пункта ${activityLabel(r)} регионального плана или назовите существующее так, чтобы связь была видна.`,
      });
    } else if (c.status === 'late' && c.closest) {
      const m = c.closest;
      issues.push({
        severity: 'error',
        code: 'regional-deadline-later',
        message: `Мероприятие регионального плана ${what}: срок соответствующего мероприятия ${activityLabel(m)} «${m.deadline.text}» заканчивается ${dateRu(m.deadline.end!)}, позже регионального ${dateRu(r.deadline.end!)} (сходство ${scoreText(c.score)}).`,
        sheet: m.sheet,
        cell: m.deadlineCell,
        row: m.deadlineCell ? m.row : 0,
        fix: `Установите срок не позднее ${dateRu(r.deadline.end!)}.`,
      });
    }
  }
  return issues;
}
