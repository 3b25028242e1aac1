/**
 * Deterministic generator of plan sheets in the messy shapes real plans have (docs/domain.md §2.2):
 * a title block with the period and an abbreviation definition, Roman section rows (one typed
 * with the Cyrillic "У"), sub-headings, continuation rows, a header repeated at page breaks,
 * mixed numbering styles, every deadline kind, executors with abbreviations. Used by the
 * benchmark and the demo; the same seed always gives the same sheet.
 */
import { toRoman } from '../text';
import type { Area, CellValue, Grid } from '../grid';
import { gridFromValues } from '../grid';
import { createRandom, type Random } from './random';
import { MONTHS_RU } from '../report/calendar';

export interface PlanGenOptions {
  activities: number;
  seed: number;
  /** Calendar year of the plan ("… на 2023 год"). */
  year: number;
}

/** What the generator put where, so tests can compare a reader's result with it. */
export interface GeneratedPlanKey {
  period: { start: string; end: string };
  headerRow: number;
  sections: Array<{ row: number; number: string; title: string }>;
  activities: Array<{
    row: number;
    number: string;
    title: string;
    deadline: string;
    responsible: string;
  }>;
}

const HEADER = [
  '№ п/п',
  'Наименование мероприятия',
  'Срок исполнения',
  'Ответственные исполнители',
  'Ожидаемый результат',
];

const SECTION_TITLES = [
  'Организационно-управленческие механизмы',
  'Методическое сопровождение',
  'Мониторинг и анализ результатов',
  'Повышение квалификации педагогических работников',
  'Работа с обучающимися и родителями',
  'Информационное сопровождение',
  'Оценка эффективности принятых мер',
];

const SUBHEADINGS = [
  'Разработка учебно-методических материалов',
  'Работа с руководителями школ',
  'Сетевое взаимодействие',
];

const ACTIONS = [
  'Проведение семинара для руководителей ШНОР по теме',
  'Организация курсов повышения квалификации по направлению',
  'Мониторинг реализации программ по направлению',
  'Анализ результатов ВПР и ОГЭ по направлению',
  'Подготовка адресных рекомендаций по направлению',
  'Утверждение приказа о мерах по направлению',
  'Организация наставничества для педагогов по направлению',
  'Заседание координационного совета по вопросу',
  'Сбор информации об образовательных результатах по направлению',
];

const TOPICS = [
  'управление качеством образования',
  'формирующее оценивание',
  'преодоление учебной неуспешности',
  'читательская грамотность',
  'математическая грамотность',
  'работа с родителями',
  'объективность оценивания',
];

/** Who an activity is for: with ACTIONS and TOPICS it makes every title of a plan distinct. */
const AUDIENCES = [
  'для ШНОР',
  'для руководителей ШНОР',
  'для учителей математики',
  'для учителей русского языка',
  'для муниципальных координаторов',
  'для школ с рисками учебной неуспешности',
  'для кураторов ШНОР',
  'для школ сельской местности',
  'для молодых педагогов',
  'для заместителей директоров',
  'для педагогов-наставников',
  'для школ, вышедших из перечня',
];

const EXECUTORS = [
  'МО ТО',
  'ЦОКО',
  'ИРО',
  'МОУО',
  'ОО',
  'Руководители школ',
  'Региональный координатор',
  'Иванова А.А.',
  'ЦНППМ',
];

/** One deadline text of each kind, all inside the calendar year `y`. */
function deadlineTexts(y: number, rnd: Random): string[] {
  const m = rnd.int(0, 9); // so m + 2 is still a month of the year
  const d = String(rnd.int(1, 28)).padStart(2, '0');
  const mm = (k: number) => String(k + 1).padStart(2, '0');
  return [
    `${d}.${mm(m)}.${y}`,
    `${d}.${mm(m)}.${y}; ${d}.${mm(m + 2)}.${y}`,
    `${d}.${mm(m)}-${d}.${mm(m + 2)}.${y}`,
    `до ${d}.${mm(m + 1)}.${y}`,
    `${MONTHS_RU[m]} ${y}`,
    `${MONTHS_RU[m]}–${MONTHS_RU[m + 2]} ${y} г.`,
    `${MONTHS_RU[m]} ${y}\n${MONTHS_RU[m + 2]} ${y} года`,
    `${toRoman(rnd.int(1, 4))} квартал ${y}`,
    `${rnd.int(1, 2)} полугодие ${y}`,
    `в течение ${y} года`,
    'в течение года',
    'ежеквартально',
    'Ежегодно в сентябре',
    'не реже 1 раза в месяц',
    'по отдельному графику',
  ];
}

function executorsText(rnd: Random): string {
  const sep = rnd.chance(0.6) ? ', ' : rnd.chance(0.5) ? ';\n' : '\n';
  return rnd.sample(EXECUTORS, rnd.int(1, 3)).join(sep);
}

/** A plan sheet and the key of what it contains. */
export function generatePlan(opts: PlanGenOptions): { grid: Grid; key: GeneratedPlanKey } {
  const rnd = createRandom(opts.seed);
  const y = opts.year;
  const rows: CellValue[][] = [];
  const merges: Area[] = [];
  const key: GeneratedPlanKey = {
    period: { start: `${y}-01-01`, end: `${y}-12-31` },
    headerRow: 0,
    sections: [],
    activities: [],
  };
  const width = HEADER.length;
  const push = (r: CellValue[]) =>
    rows.push([...r, ...Array<CellValue>(width - r.length).fill(null)]);

  // Title block: approval, order, title with the period, and the definition of an abbreviation.
  push([null, null, null, 'Утверждаю']);
  push([
    null,
    null,
    null,
    `Приказ Министерства образования Тверской области № ${rnd.int(100, 899)} от 15.01.${y}`,
  ]);
  push([
    null,
    `План мероприятий («дорожная карта») по поддержке школ с низкими образовательными результатами на ${y} год`,
  ]);
  merges.push({ top: rows.length - 1, left: 1, bottom: rows.length - 1, right: width - 1 });
  push([
    null,
    'Министерство образования Тверской области (далее — МО ТО) утверждает план в составе:',
  ]);
  push([]);
  push(HEADER);
  key.headerRow = rows.length;

  const sectionCount = Math.max(1, Math.min(SECTION_TITLES.length, Math.ceil(opts.activities / 6)));
  const perSection = Math.ceil(opts.activities / sectionCount);
  let made = 0;
  let flat = 0;
  let definedIro = false;
  for (let s = 0; s < sectionCount && made < opts.activities; s++) {
    // Section 5 is typed with the Cyrillic "У" for V, as in real plans.
    const numeral = s === 4 ? 'У' : toRoman(s + 1);
    const title = `${SECTION_TITLES[s]}`;
    // The numeral in its own cell and the heading merged across the rest of the table.
    push([numeral, title]);
    merges.push({ top: rows.length - 1, left: 1, bottom: rows.length - 1, right: width - 1 });
    key.sections.push({ row: rows.length, number: numeral, title });
    // Hierarchical numbers in odd sections, the plan-wide flat count in even ones ("9." then "10").
    const hierarchical = s % 2 === 0;
    for (let k = 0; k < perSection && made < opts.activities; k++) {
      if (k > 0 && k % 5 === 0 && rnd.chance(0.5)) push([null, rnd.pick(SUBHEADINGS)]);
      // A header repeated where the source table broke across pages.
      if (made > 0 && made % 40 === 0) push(HEADER);
      flat++;
      const number = hierarchical
        ? `${s + 1}.${k + 1}${k % 3 === 2 ? '.' : ''}`
        : `${flat}${k % 2 ? '' : '.'}`;
      // Distinct titles (a real plan has few repeats; the duplicate rule should stay quiet).
      const a = made % ACTIONS.length;
      const t = Math.floor(made / ACTIONS.length) % TOPICS.length;
      const g = Math.floor(made / (ACTIONS.length * TOPICS.length));
      const stage = Math.floor(g / AUDIENCES.length);
      const actTitle = `${ACTIONS[a]} «${TOPICS[t]}» ${AUDIENCES[g % AUDIENCES.length]}${stage ? `, этап ${stage + 1}` : ''}`;
      const kinds = deadlineTexts(y, rnd);
      const deadline = kinds[made % kinds.length]!;
      let responsible = executorsText(rnd);
      const result =
        made % 7 === 3 ? targetText(made / 7, rnd.int(5, 9) * 10) : 'Аналитическая справка';
      push([number, actTitle, deadline, responsible, result]);
      const row = rows.length;
      // The first use of ИРО: its definition continues on the next row, alone in its column.
      if (!definedIro && responsible.includes('ИРО')) {
        const r = rows[rows.length - 1]!;
        responsible = responsible.replace(
          'ИРО',
          'Государственное автономное учреждение «Институт развития образования»',
        );
        r[3] = responsible;
        push([null, null, null, '(далее — ИРО)']);
        responsible += ' (далее — ИРО)';
        definedIro = true;
      }
      key.activities.push({ row, number, title: actTitle, deadline, responsible });
      made++;
    }
  }
  push([]);
  push([null, 'Начальник управления', null, 'И.И. Петров']);
  return { grid: gridFromValues('План', rows, merges), key };
}

/**
 * Targets in the result column, as plans state them: shares the results compute (the
 * «Показатели плана» sheet links them), shares and counts a person reports.
 */
function targetText(i: number, share: number): string {
  const texts = [
    `Доля ШНОР, охваченных мероприятием, не менее ${share}%`,
    'Доля ШНОР, вышедших из перечня, — не менее 30 %',
    'Доля обучающихся, подтвердивших отметку, — не ниже 70%',
    'Проведено не менее 5 семинаров',
    'Доля ШНОР с положительной динамикой — не менее 50%',
  ];
  return texts[Math.floor(i) % texts.length]!;
}

/** A plan sheet of `activities` activities for `year`; the same seed gives the same sheet. */
export function generatePlanGrid(opts: PlanGenOptions): Grid {
  return generatePlan(opts).grid;
}
