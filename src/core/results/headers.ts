/**
 * Header recognition for results tables: which column holds what (docs/domain.md §3.1), for one-row
 * headers and for two-row ones where "Распределение групп баллов в %" sits over "2 | 3 | 4 | 5".
 */
import { type Grid, valueAt } from '../grid';
import { cellText, foldKey } from '../text';

export type Field =
  | 'municipality'
  | 'schoolCode'
  | 'schoolName'
  | 'year'
  | 'type'
  | 'grade'
  | 'subject'
  | 'participants'
  | 'failed'
  | 'n3'
  | 'n4'
  | 'n5'
  | 'share2'
  | 'share3'
  | 'share4'
  | 'share5'
  | 'lowered'
  | 'confirmed'
  | 'raised';

/** Russian names of the fields, for messages. */
export const FIELD_RU: Record<Field, string> = {
  municipality: 'муниципалитет',
  schoolCode: 'код ОО',
  schoolName: 'наименование ОО',
  year: 'год',
  type: 'процедура',
  grade: 'класс',
  subject: 'предмет',
  participants: 'кол-во участников',
  failed: 'кол-во «2»',
  n3: 'кол-во «3»',
  n4: 'кол-во «4»',
  n5: 'кол-во «5»',
  share2: '% «2»',
  share3: '% «3»',
  share4: '% «4»',
  share5: '% «5»',
  lowered: 'понизили',
  confirmed: 'подтвердили',
  raised: 'повысили',
};

const SYNONYMS: Record<Field, string[]> = {
  municipality: [
    'Муниципалитет',
    'Муниципальное образование',
    'МО',
    'Район',
    'АТЕ',
    'Муниципальный район',
    'Муниципальный район (городской округ)',
    'Городской округ',
    'МОУО',
  ],
  schoolCode: ['Код ОО', 'Логин ОО', 'Код', 'ИНН', 'Логин', 'Код школы', 'ИНН ОО'],
  schoolName: [
    'ОО',
    'Наименование ОО',
    'Образовательная организация',
    'Школа',
    'Наименование образовательной организации',
    'Название ОО',
    'Наименование школы',
    'Название школы',
  ],
  year: ['Год', 'Учебный год', 'Год проведения'],
  type: [
    'Процедура',
    'Оценочная процедура',
    'Вид',
    'Вид процедуры',
    'Вид оценочной процедуры',
    'Форма',
  ],
  grade: ['Класс', 'Параллель', 'Классы'],
  subject: ['Предмет', 'Учебный предмет'],
  participants: [
    'Кол-во участников',
    'Участников',
    'Кол-во уч.',
    'Писали',
    'N',
    'Количество участников',
    'Число участников',
    'Участники',
    'Всего участников',
    'Кол-во участников, чел.',
    'Выполняли работу',
  ],
  failed: [
    'Кол-во «2»',
    '«2»',
    '2',
    'Не преодолели минимальный порог',
    'Ниже минимального порога',
    'Количество «2»',
    'Число «2»',
    'Отметка «2»',
    'Кол-во не преодолевших минимальный порог',
    'Не преодолели порог',
  ],
  n3: ['Кол-во «3»', '«3»', '3', 'Количество «3»', 'Число «3»', 'Отметка «3»'],
  n4: ['Кол-во «4»', '«4»', '4', 'Количество «4»', 'Число «4»', 'Отметка «4»'],
  n5: ['Кол-во «5»', '«5»', '5', 'Количество «5»', 'Число «5»', 'Отметка «5»'],
  share2: [
    '% «2»',
    'Доля «2»',
    'Доля «2», %',
    '«2», %',
    'Процент «2»',
    '% не преодолевших минимальный порог',
    'Доля не преодолевших минимальный порог',
  ],
  share3: ['% «3»', 'Доля «3»', 'Доля «3», %', '«3», %', 'Процент «3»'],
  share4: ['% «4»', 'Доля «4»', 'Доля «4», %', '«4», %', 'Процент «4»'],
  share5: ['% «5»', 'Доля «5»', 'Доля «5», %', '«5», %', 'Процент «5»'],
  lowered: ['Понизили'],
  confirmed: ['Подтвердили'],
  raised: ['Повысили'],
};

const FIELD_BY_KEY: ReadonlyMap<string, Field> = (() => {
  const m = new Map<string, Field>();
  for (const [field, words] of Object.entries(SYNONYMS) as Array<[Field, string[]]>)
    for (const w of words) m.set(foldKey(w), field);
  return m;
})();

/** Journal comparison headers come with long tails ("Понизили (Отм. < Отм. по журналу) %"). */
const COMPARISON_PREFIXES: ReadonlyArray<[string, Field]> = [
  ['понизил', 'lowered'],
  ['подтвердил', 'confirmed'],
  ['повысил', 'raised'],
];

const MARK_FIELDS: Record<'count' | 'share', Record<string, Field>> = {
  count: { '2': 'failed', '3': 'n3', '4': 'n4', '5': 'n5' },
  share: { '2': 'share2', '3': 'share3', '4': 'share4', '5': 'share5' },
};

/** "Распределение групп баллов в %" → share; "Количество отметок" → count; else null. */
function groupKind(key: string): 'count' | 'share' | null {
  if (
    key.includes('%') ||
    key.includes('распредел') ||
    key.includes('доля') ||
    key.includes('процент')
  )
    return 'share';
  if (key.includes('кол') || key.includes('отметк') || key.includes('число')) return 'count';
  return null;
}

/** A mark sub-header: "2", 2, "«2»". */
function markOf(text: string): string | null {
  const key = foldKey(text);
  return key === '2' || key === '3' || key === '4' || key === '5' ? key : null;
}

const GROUP_AND_MARK = /^(.*\D)([2-5])$/;
const SHARE_OF_COUNT: Partial<Record<Field, Field>> = {
  failed: 'share2',
  n3: 'share3',
  n4: 'share4',
  n5: 'share5',
};

/** The field one header label names, with the kind of group it sits under when it is a bare mark. */
export function fieldOf(label: string, group: 'count' | 'share' | null = null): Field | null {
  const key = foldKey(label);
  if (!key) return null;
  const mark = markOf(label);
  if (mark && group) return MARK_FIELDS[group][mark] ?? null;
  const direct = FIELD_BY_KEY.get(key);
  if (direct) return direct;
  // A unit after the label: "Кол-во участников, чел."; "Кол-во «2», %" is then a share.
  if (key.endsWith('чел')) {
    const f = FIELD_BY_KEY.get(key.slice(0, -3));
    if (f) return f;
  }
  if (key.endsWith('%')) {
    const f = FIELD_BY_KEY.get(key.slice(0, -1));
    if (f) return SHARE_OF_COUNT[f] ?? f;
  }
  for (const [prefix, field] of COMPARISON_PREFIXES) if (key.startsWith(prefix)) return field;
  // One-cell form of a group header: "Распределение групп баллов в %: 2".
  const m = GROUP_AND_MARK.exec(key);
  if (m) {
    const kind = groupKind(m[1]!);
    if (kind) return MARK_FIELDS[kind][m[2]!] ?? null;
  }
  return null;
}

export interface HeaderColumn {
  field: Field;
  col: number;
  /** The header text as shown (both rows joined for a two-row header). */
  header: string;
  /** The header speaks of percentages (comparison columns given in %). */
  percent: boolean;
}

export interface HeaderFound {
  /** 0-based first header row. */
  row: number;
  height: 1 | 2;
  columns: Map<Field, HeaderColumn>;
}

/** The columns that hold numbers: participants, counts and shares of marks. */
export const NUMERIC_FIELDS: readonly Field[] = [
  'participants',
  'failed',
  'share2',
  'n3',
  'n4',
  'n5',
  'share3',
  'share4',
  'share5',
];

/** Enough to be a results header: the school and at least one number column. */
function isResultsHeader(columns: Map<Field, HeaderColumn>): boolean {
  if (!columns.has('schoolName') || columns.size < 2) return false;
  for (const f of NUMERIC_FIELDS) if (columns.has(f)) return true;
  return false;
}

function addColumn(
  columns: Map<Field, HeaderColumn>,
  field: Field,
  col: number,
  header: string,
): void {
  // The first column that names a field wins ("Код ОО" before a later "ИНН").
  if (columns.has(field)) return;
  columns.set(field, { field, col, header, percent: header.includes('%') });
}

function rowTexts(grid: Grid, r: number, width: number): string[] {
  const texts: string[] = [];
  for (let c = 0; c < width; c++) texts.push(cellText(valueAt(grid, r, c)).replace(/\s+/g, ' '));
  return texts;
}

function oneRowHeader(top: string[]): Map<Field, HeaderColumn> {
  const columns = new Map<Field, HeaderColumn>();
  // Bare marks "2 | 3 | 4 | 5" in the same row as "Распределение … в %" are shares.
  let group: 'count' | 'share' | null = null;
  for (const t of top) {
    // Only a label that names no column of its own can be a group label.
    const kind = t && fieldOf(t) === null ? groupKind(foldKey(t)) : null;
    if (kind) group = kind;
  }
  top.forEach((t, c) => {
    const field = fieldOf(t, markOf(t) ? group : null);
    if (field) addColumn(columns, field, c, t);
  });
  return columns;
}

function twoRowHeader(top: string[], sub: string[]): Map<Field, HeaderColumn> | null {
  const marks = sub.filter((t) => markOf(t) !== null).length;
  const subLabels = sub.filter((t) => t && fieldOf(t) !== null && !markOf(t)).length;
  if (marks < 2 && subLabels === 0) return null;
  const columns = new Map<Field, HeaderColumn>();
  let groupText = '';
  // The top row must take part (a label or a group over marks); else the header starts below it.
  let fromTopRow = 0;
  for (let c = 0; c < Math.max(top.length, sub.length); c++) {
    const t = top[c] ?? '';
    const s = sub[c] ?? '';
    const fromTop = t ? fieldOf(t) : null;
    if (fromTop) {
      // A label of its own (merged down over both rows): what is under it is not a sub-header.
      addColumn(columns, fromTop, c, t);
      fromTopRow++;
      groupText = '';
      continue;
    }
    // A group label spans its marks (merged, so the value sits in its first column only).
    if (t) groupText = t;
    if (s && markOf(s)) {
      const kind = groupKind(foldKey(groupText));
      const field = kind ? fieldOf(s, kind) : null;
      if (field) {
        addColumn(columns, field, c, `${groupText}: ${s}`);
        fromTopRow++;
      }
    } else if (s) {
      const fromSub = fieldOf(s);
      if (fromSub) addColumn(columns, fromSub, c, t ? `${t}: ${s}` : s);
    }
  }
  return fromTopRow > 0 ? columns : null;
}

/** The header starting at row r (0-based), one or two rows high, or null. */
export function headerAt(grid: Grid, r: number, width: number): HeaderFound | null {
  const top = rowTexts(grid, r, width);
  if (top.every((t) => !t)) return null;
  const sub = rowTexts(grid, r + 1, width);
  const two = twoRowHeader(top, sub);
  const one = oneRowHeader(top);
  const twoOk = two !== null && isResultsHeader(two);
  const oneOk = isResultsHeader(one);
  if (twoOk && (!oneOk || two.size > one.size)) return { row: r, height: 2, columns: two };
  if (oneOk) return { row: r, height: 1, columns: one };
  return null;
}

/** Rows the first header is looked for in (domain: "anywhere in the first 30 rows"). */
export const HEADER_SEARCH_ROWS = 30;

/** The first results header in the first 30 rows, or null. */
export function findHeader(grid: Grid, width: number): HeaderFound | null {
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const h = headerAt(grid, r, width);
    if (h) return h;
  }
  return null;
}
