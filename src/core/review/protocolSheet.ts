/**
 * «Протокол проверки»: one sheet per checked file, laid out for A4 portrait, that a clerk prints
 * and signs. The file, each plan sheet with its title, period and counts by severity, the date of
 * the check and the tool's version; the remarks in reading order (cell, text, what to do), the
 * accepted ones apart with their justification; the conclusion and a line «Проверил: ____».
 */
import { type Scalar } from '../grid';
import { countBySeverity, sortIssues, type Issue, type Severity } from '../issue';
import { emptySheetPatch, type SheetPatch } from '../patch';
import type { Period } from '../plan/types';
import { formatDateRu } from '../text';
import type { FileComparison } from './compare';

/** What the protocol needs of a checked sheet. */
export interface ProtocolSheetInput {
  sheet: string;
  isPlan: boolean;
  title?: string;
  period: Period | null;
  activities: readonly unknown[];
  issues: readonly Issue[];
}

export interface ProtocolInput {
  file: string;
  sheets: readonly ProtocolSheetInput[];
  error?: string;
  comparison?: FileComparison;
}

export interface ProtocolContext {
  /** The day of the check, ISO. */
  date: string;
  /** "shnor-roadmap 0.1.0". */
  tool: string;
  /** The baseline's file name, when the check compared with one. */
  baseline?: string;
}

export const PROTOCOL_SHEET = 'Протокол';
export const PROTOCOL_KEY_PREFIX = 'check:protocol:';

const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Ошибка',
  warning: 'Предупреждение',
  info: 'Сведения',
};
const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'E2EFDA',
};
/** Four columns that fill an A4 portrait page: №, cell, remark, what to do. */
const WIDTHS = [7, 11, 44, 28];
const TABLE_HEADER = {
  bold: true,
  fill: 'DDEBF7',
  wrap: true,
  vAlign: 'middle',
  border: 'thin',
} as const;
const TABLE_CELL = { wrap: true, vAlign: 'top', border: 'thin' } as const;

const dateRu = (iso: string): string => formatDateRu(new Date(`${iso}T00:00:00Z`));

function periodLine(p: Period | null): string {
  return p ? `${dateRu(p.start)} – ${dateRu(p.end)}` : 'не определён';
}

/** "ошибок 2, предупреждений 5, сведений 1". */
function countsLine(issues: readonly Issue[]): string {
  const n = countBySeverity(issues.filter((i) => !i.accepted));
  const accepted = issues.filter((i) => i.accepted).length;
  return (
    `ошибок ${n.error}, предупреждений ${n.warning}, сведений ${n.info}` +
    (accepted ? `; принятых замечаний ${accepted}` : '')
  );
}

function remarkText(i: Issue): string {
  const state = i.state === 'new' ? ' (новое)' : '';
  return `${SEVERITY_WORD[i.severity]}${state}. ${i.message}`;
}

/** Points per line of 11-point text, and the room a character takes, in column-width units. */
const LINE_PT = 15;
const CHAR_UNITS = 1;

/**
 * Lines a text takes wrapped in `width` column-width units (words kept whole). An estimate on the
 * wide side: neither Excel nor LibreOffice fits the height of a row of a file it opens, nor ever
 * of a merged cell, so the protocol sets its rows' heights itself.
 */
export function wrappedLineCount(text: string, width: number, scale = 1): number {
  const room = Math.max(1, Math.floor(width / (CHAR_UNITS * scale)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) used = len;
      else if (used + 1 + len <= room) used += 1 + len;
      else {
        lines++;
        used = len;
      }
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return lines;
}

/** Width of columns `from`..`to` (0-based) together. */
const span = (from: number, to: number): number =>
  WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** Rows are written one block per row: the builder tracks where it is. */
class Writer {
  readonly sheet: SheetPatch;
  row = 1;
  private readonly heights = new Map<number, number>();

  constructor(name: string, key: string, order: number) {
    this.sheet = emptySheetPatch(name, key, order);
  }

  /** The row needs this many points at least. */
  private need(row: number, pt: number): void {
    if (pt > LINE_PT) this.heights.set(row, Math.max(this.heights.get(row) ?? 0, pt));
  }

  /** The sheet, with the row heights its texts need. */
  finish(): SheetPatch {
    this.sheet.rowHeights = [...this.heights]
      .sort((a, b) => a[0] - b[0])
      .map(([row, height]) => ({ row, height: Math.min(409, Math.ceil(height)) }));
    return this.sheet;
  }

  /** A line across the page. */
  line(text: string, style: SheetPatch['formats'][number]['style'] = {}): void {
    const size = style.fontSize ?? 11;
    const scale = (size / 11) * (style.bold ? 1.25 : 1);
    this.need(this.row, wrappedLineCount(text, span(0, 3), scale) * LINE_PT * (size / 11) + 2);
    this.sheet.values.push({ at: `A${this.row}`, values: [[text]] });
    this.sheet.merges.push(`A${this.row}:D${this.row}`);
    this.sheet.formats.push({
      range: `A${this.row}`,
      style: { wrap: true, vAlign: 'top', ...style },
    });
    this.row++;
  }

  /** A label and its value. */
  field(label: string, value: string): void {
    this.need(this.row, wrappedLineCount(value, span(2, 3)) * LINE_PT + 2);
    this.sheet.values.push({ at: `A${this.row}`, values: [[label, null, value]] });
    this.sheet.merges.push(`A${this.row}:B${this.row}`, `C${this.row}:D${this.row}`);
    this.sheet.formats.push(
      { range: `A${this.row}`, style: { bold: true, vAlign: 'top' } },
      { range: `C${this.row}`, style: { wrap: true, vAlign: 'top' } },
    );
    this.row++;
  }

  blank(): void {
    this.row++;
  }

  /** «Проверил: ____ ____», the captions under the lines, and the date to fill in. */
  signature(): void {
    const r = this.row;
    this.sheet.values.push({
      at: `A${r}`,
      values: [
        ['Проверил:', null, '_'.repeat(40), '_'.repeat(22)],
        [null, null, '(должность, фамилия, инициалы)', '(подпись)'],
        ['Дата:', null, '«____» ________________ 20____ г.'],
      ],
    });
    this.sheet.merges.push(`A${r}:B${r}`, `A${r + 2}:B${r + 2}`);
    this.sheet.formats.push(
      { range: `A${r}:A${r + 2}`, style: { bold: true, vAlign: 'bottom' } },
      { range: `C${r}:D${r}`, style: { hAlign: 'center', vAlign: 'bottom' } },
      {
        range: `C${r + 1}:D${r + 1}`,
        style: { hAlign: 'center', vAlign: 'top', fontSize: 8, italic: true },
      },
    );
    this.need(r, 30);
    this.row = r + 3;
  }

  /** A table of remarks: №, cell, remark, and the last column (what to do, or the justification). */
  table(last: string, issues: readonly Issue[], lastOf: (i: Issue) => string | null): void {
    const top = this.row;
    const rows: Scalar[][] = [
      ['№', 'Ячейка', 'Замечание', last],
      ...issues.map((i, k) => [k + 1, i.cell || null, remarkText(i), lastOf(i)]),
    ];
    this.sheet.values.push({ at: `A${top}`, values: rows });
    rows.forEach((row, k) => {
      const lines = Math.max(
        ...row.map((v, c) =>
          typeof v === 'string' ? wrappedLineCount(v, WIDTHS[c]! - 1, k === 0 ? 1.25 : 1) : 1,
        ),
      );
      this.need(top + k, lines * LINE_PT + 3);
    });
    this.sheet.formats.push({ range: `A${top}:D${top}`, style: TABLE_HEADER });
    if (issues.length)
      this.sheet.formats.push({ range: `A${top + 1}:D${top + issues.length}`, style: TABLE_CELL });
    issues.forEach((i, k) => {
      if (i.severity === 'error' && !i.accepted)
        this.sheet.formats.push({ range: `A${top + 1 + k}`, style: { fill: SEVERITY_FILL.error } });
    });
    this.row = top + rows.length;
  }
}

function comparisonLine(c: FileComparison, baseline: string | undefined): string {
  if (c.baselineFile === null)
    return `файла не было в прошлой проверке${baseline ? ` («${baseline}»)` : ''}: все замечания новые`;
  return (
    `с прошлой проверкой${baseline ? ` («${baseline}»)` : ''}: исправлено ${c.fixed}, осталось ${c.unchanged}, новых ${c.new}` +
    (c.accepted ? `, принято ${c.accepted}` : '')
  );
}

/** One file's protocol sheet. */
export function buildProtocolSheet(
  f: ProtocolInput,
  ctx: ProtocolContext,
  place: { name: string; key: string; order: number },
): SheetPatch {
  const w = new Writer(place.name, place.key, place.order);
  w.line('Протокол проверки плана мероприятий («дорожной карты»)', { bold: true, fontSize: 13 });
  w.blank();
  w.field('Файл', f.file);
  w.field('Проверено', dateRu(ctx.date));
  w.field('Программа', ctx.tool);
  if (f.comparison) w.field('Сравнение', comparisonLine(f.comparison, ctx.baseline));

  if (f.error !== undefined) {
    w.blank();
    w.line(`Файл не проверен. ${f.error}`);
    w.blank();
    w.line('Вывод: файл не проверен; план нужно прислать заново.', { bold: true });
  } else {
    const sheets = f.sheets.filter((s) => s.isPlan || s.issues.length > 0);
    let errors = 0;
    for (const s of sheets) {
      const issues = sortIssues([...s.issues]);
      const open = issues.filter((i) => !i.accepted);
      const accepted = issues.filter((i) => i.accepted);
      errors += open.filter((i) => i.severity === 'error').length;
      w.blank();
      w.field('Лист', s.sheet);
      if (s.isPlan) {
        w.field('План', s.title || 'название не найдено');
        w.field('Период', periodLine(s.period));
        w.field('Мероприятий', String(s.activities.length));
      }
      w.field('Итог', countsLine(issues));
      w.blank();
      if (open.length) {
        w.line('Замечания', { bold: true });
        w.table('Что сделать', open, (i) => i.fix ?? null);
      } else w.line('Замечаний нет.');
      if (accepted.length) {
        w.blank();
        w.line(`Принятые замечания (не считаются ошибками): ${accepted.length}`, { bold: true });
        w.table('Обоснование', accepted, (i) => i.accepted?.justification || 'не указано');
      }
    }
    w.blank();
    w.line(
      errors === 0
        ? 'Вывод: ошибок не обнаружено.'
        : `Вывод: ошибок, которые нужно исправить, — ${errors}.`,
      { bold: true },
    );
  }
  w.blank();
  w.signature();

  const p = w.finish();
  p.columnWidths = WIDTHS.map((width, i) => ({ col: String.fromCharCode(65 + i), width }));
  p.print = { orientation: 'portrait', fitToWidth: true };
  return p;
}
