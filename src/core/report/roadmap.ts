/**
 * The school roadmap skeleton on each school's tab: the standard structure of docs/domain.md §2.1,
 * pre-filled with what the school must do (analysis of its low procedures, measures for its risk
 * factors, the regional plan's activities addressed to schools), for the school to complete.
 * The skeleton is itself a plan the checker reads without errors.
 */
import type { PlanActivity } from '../plan/types';
import { toRoman } from '../text';
import { monthsBetween, monthText } from './calendar';

export const ROADMAP_HEADER = [
  '№',
  'Мероприятие',
  'Срок',
  'Ответственные',
  'Ожидаемый результат',
  'Показатель',
  'Целевое значение',
  'Отметка о выполнении',
] as const;

export interface RoadmapPeriod {
  start: string;
  end: string;
  schoolYear: boolean;
}

/** "на 2024/2025 учебный год", "на 2023 год", "на 2023 – 2024 годы": read back by the checker. */
export function periodPhrase(p: RoadmapPeriod): string {
  const y1 = Number(p.start.slice(0, 4));
  const y2 = Number(p.end.slice(0, 4));
  if (p.schoolYear)
    return y2 - y1 <= 1
      ? `на ${y1}/${y1 + 1} учебный год`
      : `на ${y1}/${y1 + 1} – ${y2 - 1}/${y2} учебные годы`;
  return y1 === y2 ? `на ${y1} год` : `на ${y1} – ${y2} годы`;
}

/** The school year after the last results: results of spring 2024 → plan for 2024/2025. */
export function schoolYearAfter(year: number): RoadmapPeriod {
  return { start: `${year}-09-01`, end: `${year + 1}-08-31`, schoolYear: true };
}

const SCHOOL_WORDS =
  /ШНОР|ШНСУ|руководител[иья]\s+(школ|ОО|образовательн)|образовательн(ые|ых)\s+организаци|(^|[^а-яё])школ/i;
// "ОО" as a word of its own (not inside ГБОУ, МОУО): checked case-sensitively.
const OO = /(^|[^А-ЯЁа-яё])ОО([^А-ЯЁа-яё]|$)/;

/** True for a plan activity the schools themselves carry out or take part in. */
export function addressedToSchools(a: PlanActivity): boolean {
  const who = [a.responsibleText, a.extra.audience ?? ''].join(' ');
  return (
    OO.test(who) ||
    SCHOOL_WORDS.test(who) ||
    a.responsible.some((e) => e.text === 'ОО' || e.text === 'ШНОР')
  );
}

/** A copied deadline must mean something inside the school's period; else it is left out. */
function deadlineFits(a: PlanActivity, p: RoadmapPeriod): boolean {
  const d = a.deadline;
  if (d.kind === 'unparsed' || d.kind === 'empty') return false;
  if (d.kind === 'by-reference') return true;
  if (!d.start || !d.end) return false;
  return d.start <= d.end && d.start >= p.start && d.end <= p.end;
}

export interface RoadmapInput {
  /** Short school name for the title. */
  schoolName: string;
  period: RoadmapPeriod;
  /** Low procedures of the last year with results, with that year. */
  lowProcedures: string[];
  lastYear: number | null;
  riskFactors: string[];
  /** Activities of the regional plan (all of them; those addressed to schools are picked here). */
  planActivities: PlanActivity[];
}

export type RoadmapRowKind = 'title' | 'header' | 'section' | 'activity' | 'footer';

export interface RoadmapRow {
  kind: RoadmapRowKind;
  values: Array<string | null>;
}

const RESPONSIBLE = 'Руководитель ОО';

/** The skeleton as rows of the eight standard columns, title and footer included. */
export function roadmapRows(input: RoadmapInput): RoadmapRow[] {
  const months = monthsBetween(input.period.start, input.period.end);
  const first = monthText(months[0]!);
  const last = monthText(months[months.length - 1]!);
  const sections: Array<{ title: string; activities: Array<[string, string, string, string]> }> =
    [];

  const analysis: Array<[string, string, string, string]> = input.lowProcedures.map((label) => [
    `Анализ результатов: ${label} (${input.lastYear}); корректировка рабочей программы по предмету`,
    first,
    RESPONSIBLE,
    'Выявлены дефициты обучающихся, рабочая программа скорректирована',
  ]);
  if (!analysis.length)
    analysis.push([
      `Анализ результатов оценочных процедур${input.lastYear ? ` ${input.lastYear} года` : ''}`,
      first,
      RESPONSIBLE,
      'Выявлены дефициты обучающихся',
    ]);
  analysis.push([
    'Адресные меры по результатам анализа: индивидуальные образовательные маршруты, консультации',
    'в течение года',
    RESPONSIBLE,
    'Снижена доля обучающихся с отметкой «2»',
  ]);
  sections.push({ title: 'Анализ результатов и адресные меры', activities: analysis });

  if (input.riskFactors.length)
    sections.push({
      title: 'Меры по факторам риска',
      activities: input.riskFactors.map((f) => [
        `Меры по снижению риска «${f}»`,
        'в течение года',
        RESPONSIBLE,
        '',
      ]),
    });

  const fromPlan = input.planActivities.filter(
    (a) => addressedToSchools(a) && deadlineFits(a, input.period),
  );
  if (fromPlan.length)
    sections.push({
      title: 'Участие в мероприятиях региональной дорожной карты',
      activities: fromPlan.map((a) => [
        a.number
          ? `${a.title} (п. ${a.number.replace(/\.$/, '')} региональной дорожной карты)`
          : a.title,
        a.deadline.text,
        RESPONSIBLE,
        a.extra.result ?? '',
      ]),
    });

  sections.push({
    title: 'Оценка эффективности',
    activities: [
      [
        'Анализ эффективности принятых мер и корректировка дорожной карты школы',
        last,
        RESPONSIBLE,
        'Дорожная карта скорректирована',
      ],
    ],
  });

  const rows: RoadmapRow[] = [
    {
      kind: 'title',
      values: [
        `План мероприятий («дорожная карта») ${input.schoolName} ${periodPhrase(input.period)}`,
      ],
    },
    { kind: 'header', values: [...ROADMAP_HEADER] },
  ];
  sections.forEach((s, i) => {
    rows.push({ kind: 'section', values: [toRoman(i + 1), s.title] });
    s.activities.forEach(([title, deadline, who, result], j) =>
      rows.push({
        kind: 'activity',
        values: [`${i + 1}.${j + 1}`, title, deadline, who, result || null, null, null, null],
      }),
    );
  });
  rows.push({
    kind: 'footer',
    values: [
      'Примечание: дорожную карту заполняет школа: уточните мероприятия, укажите показатели, целевые значения и отметки о выполнении.',
    ],
  });
  return rows;
}
