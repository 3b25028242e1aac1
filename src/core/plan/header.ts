/**
 * Finding the header row of a plan table (docs/domain.md §2.1): the row, anywhere in the first rows of
 * the sheet, whose cells name the columns. Also a header split over two rows (a group cell merged
 * over two sub-columns) and headers repeated further down where the source table broke a page.
 */
import type { Grid } from '../grid';
import { valueAt } from '../grid';
import { cellText, fixLookalikes, foldKey } from '../text';
import type { ColumnRole } from './types';

/** Header texts seen in real plans, per role (compared through foldKey). */
export const HEADER_SYNONYMS: Record<ColumnRole, string[]> = {
  number: ['№', '№ п/п', '№ пп', '№п.п', 'No', 'N', 'Номер', 'N п/п', 'No п/п'],
  title: [
    'Наименование мероприятия',
    'Наименование мероприятий',
    'Мероприятие',
    'Мероприятия',
    'Мероприятие/направление',
    'Описание действия',
    'Содержание мероприятия',
    'Содержание мероприятий',
    'Наименование',
  ],
  deadline: [
    'Срок',
    'Сроки',
    'Срок исполнения',
    'Сроки исполнения',
    'Сроки реализации',
    'Срок реализации',
    'Сроки проведения',
    'Срок проведения',
    'Дата',
  ],
  responsible: [
    'Ответственный',
    'Ответственные',
    'Ответственные исполнители',
    'Исполнители',
    'Исполнитель',
    'Ответственный исполнитель',
  ],
  result: [
    'Ожидаемый результат',
    'Прогнозируемый результат',
    'Предполагаемый результат',
    'Результат',
    'Ожидаемые результаты',
  ],
  indicator: [
    'Показатель',
    'Региональный показатель реализации',
    'Целевой показатель',
    'Индикатор',
    'Показатели',
  ],
  target: ['Целевое значение', 'Целевое значение показателя', 'Плановое значение'],
  audience: ['Целевая аудитория', 'Описание специфики (целевая аудитория)', 'Участники'],
  evidence: [
    'Форма отчётности',
    'Информационное сопровождение',
    'Информационное сопровождение (проекта)',
    'Подтверждающий документ',
    'Форма представления результата',
  ],
  status: ['Отметка о выполнении', 'Статус', 'Исполнение', 'Выполнено', 'Отметка об исполнении'],
  task: ['Задача', 'Задачи'],
};

export const REQUIRED_ROLES: ColumnRole[] = ['number', 'title', 'deadline', 'responsible'];

/** Russian names of the roles, for messages. */
export const ROLE_RU: Record<ColumnRole, string> = {
  number: '№',
  title: 'Мероприятие',
  deadline: 'Срок',
  responsible: 'Ответственные',
  result: 'Ожидаемый результат',
  indicator: 'Показатель',
  target: 'Целевое значение',
  audience: 'Целевая аудитория',
  evidence: 'Форма отчётности',
  status: 'Отметка о выполнении',
  task: 'Задача',
};

/** Longer texts are data, not headers (the longest synonym has 38 characters). */
const MAX_HEADER_LENGTH = 80;

const EXACT = new Map<string, ColumnRole>();
/** Synonyms long enough to be recognised as the start of a longer header, longest first. */
const PREFIXES: Array<{ key: string; role: ColumnRole }> = [];
for (const [role, texts] of Object.entries(HEADER_SYNONYMS) as Array<[ColumnRole, string[]]>) {
  for (const t of texts) {
    const key = foldKey(t);
    EXACT.set(key, role);
    if (key.length >= 4) PREFIXES.push({ key, role });
  }
}
PREFIXES.sort((a, b) => b.key.length - a.key.length);

/** The role a header text names, or null. "Срок исполнения (дата)" → deadline. */
export function matchHeaderText(text: string): ColumnRole | null {
  if (text.length > MAX_HEADER_LENGTH) return null;
  const key = foldKey(fixLookalikes(text));
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  // "№ п/п" written "№п/п", "№ п.п." and the like: anything that starts with the number sign.
  if (key.startsWith('№') && key.length <= 6) return 'number';
  for (const p of PREFIXES) if (key.startsWith(p.key)) return p.role;
  return null;
}

export interface HeaderColumn {
  col: number;
  header: string;
}

export interface HeaderMatch {
  /** 0-based row of the (first) header row. */
  row: number;
  /** 1, or 2 for a header split over two rows. */
  depth: 1 | 2;
  columns: Partial<Record<ColumnRole, HeaderColumn>>;
  /** Columns naming a role already taken by a column to their left. */
  duplicates: Array<{ role: ColumnRole; col: number; header: string; firstCol: number }>;
}

interface Labelled {
  col: number;
  header: string;
  role: ColumnRole;
}

function labelRow(grid: Grid, r: number, width: number): Array<Labelled | null> {
  const out: Array<Labelled | null> = [];
  for (let c = 0; c < width; c++) {
    const v = valueAt(grid, r, c);
    const text = typeof v === 'string' ? cellText(v) : '';
    const role = text ? matchHeaderText(text) : null;
    out.push(role ? { col: c, header: text.replace(/\s+/g, ' '), role } : null);
  }
  return out;
}

function assemble(labels: Array<Labelled | null>, r: number, depth: 1 | 2): HeaderMatch {
  const columns: Partial<Record<ColumnRole, HeaderColumn>> = {};
  const duplicates: HeaderMatch['duplicates'] = [];
  for (const l of labels) {
    if (!l) continue;
    const first = columns[l.role];
    if (first) duplicates.push({ role: l.role, col: l.col, header: l.header, firstCol: first.col });
    else columns[l.role] = { col: l.col, header: l.header };
  }
  return { row: r, depth, columns, duplicates };
}

/** A header needs at least three roles, one of them the title or the deadline. */
function isEnough(m: HeaderMatch): boolean {
  const roles = Object.keys(m.columns) as ColumnRole[];
  return roles.length >= 3 && (roles.includes('title') || roles.includes('deadline'));
}

/**
 * Looks for the header in the first `maxRows` rows. A single row wins; otherwise two adjacent
 * rows read together (the lower row's label fills the columns the upper row leaves unnamed).
 */
export function findHeader(grid: Grid, maxRows = 30): HeaderMatch | null {
  const last = Math.min(grid.rows.length, maxRows);
  let width = 0;
  for (let r = 0; r < last; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  let previous: Array<Labelled | null> | null = null;
  for (let r = 0; r < last; r++) {
    const labels = labelRow(grid, r, width);
    const single = assemble(labels, r, 1);
    if (previous) {
      const merged = previous.map((p, c) => p ?? labels[c] ?? null);
      const pair = assemble(merged, r - 1, 2);
      const addsRoles =
        Object.keys(pair.columns).length > Object.keys(assemble(previous, r - 1, 1).columns).length;
      if (
        addsRoles &&
        isEnough(pair) &&
        Object.keys(pair.columns).length > Object.keys(single.columns).length
      )
        return pair;
    }
    if (isEnough(single)) {
      // The row below may complete it (a group header over sub-columns).
      const below = r + 1 < grid.rows.length ? labelRow(grid, r + 1, width) : [];
      const merged = labels.map((l, c) => l ?? below[c] ?? null);
      const pair = assemble(merged, r, 2);
      return Object.keys(pair.columns).length > Object.keys(single.columns).length ? pair : single;
    }
    previous = labels.some((l) => l) ? labels : null;
  }
  return null;
}

/**
 * True when a table row repeats the header: two or more mapped columns hold their own header
 * text, or the number cell holds a number header ("№ п/п", "No").
 */
export function isRepeatedHeader(texts: Partial<Record<ColumnRole, string>>): boolean {
  // An activity number in the number cell settles it quickly (most rows of a plan).
  if (texts.number && /^\s*\d/.test(texts.number)) return false;
  let same = 0;
  for (const [role, text] of Object.entries(texts) as Array<[ColumnRole, string]>) {
    if (text && matchHeaderText(text) === role) same++;
  }
  if (same >= 2) return true;
  const number = texts.number ?? '';
  return number !== '' && matchHeaderText(number) === 'number';
}

/** The roles searched for, in Russian, for the header-not-found message. */
export function describeLookedFor(): string {
  return REQUIRED_ROLES.map(
    (role) => `«${ROLE_RU[role]}» (${HEADER_SYNONYMS[role].slice(0, 4).join(', ')}…)`,
  ).join('; ');
}
