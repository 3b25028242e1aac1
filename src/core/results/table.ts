/**
 * Reads the body of one recognised table row by row into ResultRow[]: the canonical long table
 * (§3.1) and the pasted federal export (§3.2) share this reader; the export differs only in that
 * rows without a "(schNNNNNN)" login are summary rows whose name is the municipality below them.
 */
import { type Cell, type Grid, columnLetter, MAX_COLUMNS } from '../grid';
import { cellText } from '../text';
import type { Collector } from './collector';
import type { TableContext } from './context';
import { FIELD_RU, NUMERIC_FIELDS, type Field, type HeaderFound } from './headers';
import { quoteRu, resultsIssue } from './issues';
import { countFromShare, readCount, readNumber, readShare, type CountRead } from './numbers';
import type { RecognisedTable } from './read';
import type { ProcedureType, ResultRow } from './types';
import {
  canonicalSubject,
  impliedGrade,
  parseGrade,
  parseProcedure,
  parseYear,
  saysNotHeld,
} from './vocabulary';

/** "(sch690001) МБОУ СОШ № 1" → code and name; the brackets may be missing. */
const SCH_PREFIX = /^\(?\s*(sch\d{4,})\s*\)?\s*(.*)$/is;
/** The start of SCH_PREFIX, to test a name without taking it apart. */
const LOGIN_START = /^\(?\s*sch\d{4}/i;
const FORMULA_LIKE = /^[=+\-@]/;
/** Summary rows of a long table: "Итого", "Всего по району", "Вся выборка". */
const TOTAL_ROW = /^(итого|всего|вся\s+выборка)/i;

const MARKS = [
  { count: 'n3', share: 'share3', key: 'n3' },
  { count: 'n4', share: 'share4', key: 'n4' },
  { count: 'n5', share: 'share5', key: 'n5' },
] as const;
const COMPARISON = ['lowered', 'confirmed', 'raised'] as const;
const SHARES_TOLERANCE = 1.5;
/** Anything cleanText would change, and runs of white space (one regular expression test). */
const NEEDS_CLEANING =
  /[\u00A0\u2000-\u200F\u202F\u205F\u3000\t\f\v\r\n\u00AD\u2060\uFEFF\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]| {2}/;

export type RowKind = 'data' | 'summary' | 'text';

/** A number or a text that reads as one; real numbers skip the parser (this runs on every row). */
function isNumeric(cell: Cell | undefined): boolean {
  const v = cell?.v;
  if (typeof v === 'number') return true;
  return typeof v === 'string' && readNumber(cell).kind === 'number';
}

interface Tally {
  count: number;
  r: number;
  c: number;
}

function problemRu(read: Extract<CountRead, { ok: false }>): string {
  switch (read.problem) {
    case 'empty':
      return 'пусто';
    case 'text':
      return `${quoteRu(read.shown)} — не число`;
    case 'negative':
      return `отрицательное число ${read.shown}`;
    case 'fractional':
      return `дробное число ${read.shown}`;
    case 'percent':
      return `доля ${quoteRu(read.shown)}`;
  }
}

/** 100000 → «100 000» (non-breaking spaces between thousands, whatever the locale data). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0');
}

export class TableReader {
  readonly table: RecognisedTable;
  /** The municipality of the rows below: a summary row, a heading, or the last one in its column. */
  private municipality = '';
  private readonly mergedFrom = new Map<number, Cell | undefined>();
  /** Shares read in the current row (reused: this runs on every row). */
  private readonly shares: number[] = [];
  private gradeMissingSaid = false;
  private readonly col: Partial<Record<Field, number>> = {};
  private readonly summaryRows: Tally = { count: 0, r: -1, c: 0 };
  private readonly unknownProcedures = new Map<string, Tally>();
  private readonly unknownSubjects = new Map<string, Tally>();
  // Caches: the same few texts repeat in every row of a large table.
  private readonly procedureCache = new Map<string, ProcedureType | null>();
  private readonly subjectCache = new Map<string, { subject: string; known: boolean } | null>();
  private readonly yearCache = new Map<string, number | null>();
  private readonly gradeCache = new Map<string, number | null>();

  constructor(
    private readonly grid: Grid,
    private readonly header: HeaderFound,
    private readonly ctx: TableContext,
    private readonly collector: Collector,
    private readonly opts: { file?: string; schoolYear: 'spring' | 'autumn'; maxCount: number },
  ) {
    for (const [field, column] of header.columns) this.col[field] = column.col;
    // Vertical merges below the header ("Муниципалитет" merged over its schools, say).
    for (const m of grid.merges) {
      if (m.bottom <= m.top || m.top < header.row + header.height) continue;
      const top = grid.rows[m.top]?.[m.left];
      for (let r = m.top + 1; r <= m.bottom; r++)
        this.mergedFrom.set(r * MAX_COLUMNS + m.left, top);
    }
    this.table = {
      sheet: grid.sheet,
      kind: this.isExport() ? 'federal-export' : 'long',
      headerRow: header.row + 1,
      columns: [...header.columns.values()].map((c) => ({
        field: c.field,
        col: columnLetter(c.col),
        header: c.header,
      })),
      rowsRead: 0,
      rowsLeftOut: [],
    };
    if (ctx.year !== undefined || ctx.type || ctx.grade !== undefined || ctx.subject)
      this.table.context = { ...ctx };
    this.reportMissingColumns();
  }

  /** The federal export: shares, no per-row year or procedure; title lines say the rest. */
  private isExport(): boolean {
    const c = this.header.columns;
    return !c.has('year') && !c.has('type') && (c.has('share2') || c.has('share3'));
  }

  private where(r: number, c: number) {
    return { file: this.opts.file, sheet: this.grid.sheet, r, c };
  }

  /** The cell of a field; an empty cell under a vertical merge gives the merge's value. */
  private cell(r: number, field: Field): Cell | undefined {
    const c = this.col[field];
    if (c === undefined) return undefined;
    const cell = this.grid.rows[r]?.[c];
    if (this.mergedFrom.size > 0 && (cell === undefined || cell.v === null))
      return this.mergedFrom.get(r * MAX_COLUMNS + c) ?? cell;
    return cell;
  }

  /** Cell text as shown, on one line; text that needs no cleaning skips the cleaner. */
  private text(r: number, field: Field): string {
    const v = this.cell(r, field)?.v ?? null;
    if (typeof v !== 'string') return cellText(v);
    return NEEDS_CLEANING.test(v) ? cellText(v).replace(/\s+/g, ' ') : v.trim();
  }

  private reportMissingColumns(): void {
    const has = (f: Field) => this.col[f] !== undefined;
    const missing: string[] = [];
    if (!has('participants')) missing.push(FIELD_RU.participants);
    if (!has('failed') && !has('share2')) missing.push(`${FIELD_RU.failed} или ${FIELD_RU.share2}`);
    if (!has('year') && this.ctx.year === undefined) missing.push(FIELD_RU.year);
    if (!has('type') && !this.ctx.type) missing.push(FIELD_RU.type);
    if (!has('subject') && !this.ctx.subject) missing.push(FIELD_RU.subject);
    if (missing.length > 0) this.missingColumn(missing);
  }

  /** One error per table for columns it lacks; the rows that need them are left out quietly. */
  private missingColumn(names: string[]): void {
    const list = names.map((m) => `«${m}»`).join(', ');
    this.collector.issues.push(
      resultsIssue(
        'results-missing-column',
        this.where(this.header.row, 0),
        `в таблице с заголовком в строке ${this.header.row + 1} нет столбца ${list}, и его значение не следует из строк над таблицей, имени листа или настроек; строки без него не учитываются.`,
        'Добавьте столбец или укажите значение в настройках чтения результатов (год, процедура, класс, предмет).',
      ),
    );
  }

  /**
   * A required value is absent: with no column for it the table-wide error has said so already;
   * with an empty cell the row gets its own error.
   */
  private absent(r: number, field: Field, what: string): void {
    if (this.col[field] === undefined) this.leaveOut(r, `не указан${what}`);
    else this.reject('results-bad-value', r, field, `не указан${what}`);
  }

  /** What a non-blank row is: a data row, a summary row, or text only (title, heading, footnote). */
  kindOf(r: number): RowKind {
    if (this.saysNotHeld(r)) return 'data';
    let numeric = false;
    for (const f of NUMERIC_FIELDS)
      if (isNumeric(this.cell(r, f))) {
        numeric = true;
        break;
      }
    if (!numeric) return 'text';
    const name = this.text(r, 'schoolName');
    if (!name) return 'data';
    if (this.table.kind === 'federal-export') return LOGIN_START.test(name) ? 'data' : 'summary';
    return TOTAL_ROW.test(name) ? 'summary' : 'data';
  }

  /** A text-only row with a name and a non-number where the count should be: a data row gone wrong. */
  looksLikeBadData(r: number): boolean {
    return this.text(r, 'schoolName') !== '' && this.text(r, 'participants') !== '';
  }

  /** A summary row: left out; in an export its name is the municipality of the schools below. */
  summary(r: number): void {
    const name = this.text(r, 'schoolName');
    if (this.table.kind === 'federal-export' && this.col.municipality === undefined)
      this.municipality = name;
    this.leaveOut(r, `итоговая строка ${quoteRu(name)}, не школа`);
    this.tallySummary(r);
  }

  /**
   * Text-only rows met between data rows: a name alone is a group heading (the municipality of the
   * rows below when the table has no such column); anything else is reported as skipped.
   */
  between(rows: number[], trailing: boolean): void {
    for (const r of rows) {
      const name = this.text(r, 'schoolName');
      if (name && !trailing && this.col.municipality === undefined && !LOGIN_START.test(name)) {
        this.municipality = name;
        this.leaveOut(r, `заголовок группы ${quoteRu(name)}, не школа`);
        this.tallySummary(r);
        continue;
      }
      const shown = this.firstText(r);
      const reason = `строка без чисел ${quoteRu(shown.text)} пропущена`;
      this.leaveOut(r, reason);
      this.collector.issues.push(
        resultsIssue(
          'results-row-skipped',
          this.where(r, shown.c),
          `${reason}: это не строка результатов.`,
          'Если это данные школы, заполните число участников и число «2».',
        ),
      );
    }
  }

  private firstText(r: number): { text: string; c: number } {
    const row = this.grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]?.v ?? null);
      if (t) return { text: t, c };
    }
    return { text: '', c: 0 };
  }

  private tallySummary(r: number): void {
    if (this.summaryRows.count === 0) this.summaryRows.r = r;
    this.summaryRows.count++;
  }

  /** A repeated header row: left out, nothing else to say. */
  repeatedHeader(r: number): void {
    this.leaveOut(r, 'повтор строки заголовка');
  }

  private leaveOut(r: number, reason: string): void {
    this.table.rowsLeftOut.push({ row: r + 1, reason });
  }

  /** Leaves the row out and says why at the cell. */
  private reject(code: string, r: number, field: Field | null, text: string, fix?: string): void {
    const c = field ? (this.col[field] ?? 0) : (this.col.schoolName ?? 0);
    this.leaveOut(r, text);
    this.collector.issues.push(
      resultsIssue(code, this.where(r, c), `${text}; строка не учитывается.`, fix),
    );
  }

  private tally(map: Map<string, Tally>, value: string, r: number, c: number): void {
    const t = map.get(value);
    if (t) t.count++;
    else map.set(value, { count: 1, r, c });
  }

  private procedure(r: number): ProcedureType | null | 'unknown' {
    const raw = this.text(r, 'type');
    if (!raw) return this.fromContext('type');
    let type = this.procedureCache.get(raw);
    if (type === undefined) this.procedureCache.set(raw, (type = parseProcedure(raw)));
    if (type) return type;
    this.tally(this.unknownProcedures, raw, r, this.col.type ?? 0);
    this.leaveOut(r, `процедура ${quoteRu(raw)} не распознана`);
    return 'unknown';
  }

  private year(r: number): number | null | 'bad' {
    const cell = this.cell(r, 'year');
    const raw = cellText(cell?.v ?? null);
    if (!raw) return this.fromContext('year');
    let year = this.yearCache.get(raw);
    if (year === undefined) {
      year = parseYear(cell?.v ?? null, this.opts.schoolYear);
      if (!(cell?.v instanceof Date)) this.yearCache.set(raw, year);
    }
    if (year !== null) return year;
    this.reject(
      'results-bad-value',
      r,
      'year',
      `год ${quoteRu(raw)} не распознан`,
      'Укажите год как 2023 или учебный год как 2022/2023.',
    );
    return 'bad';
  }

  private subject(r: number): { subject: string; known: boolean } | null {
    const raw = this.text(r, 'subject');
    if (!raw) {
      const subject = this.fromContext('subject');
      return subject ? { subject, known: true } : null;
    }
    let s = this.subjectCache.get(raw);
    if (s === undefined) this.subjectCache.set(raw, (s = canonicalSubject(raw)));
    return s;
  }

  private count(r: number, field: Field): number | 'bad' | undefined {
    const cell = this.cell(r, field);
    const v = cell?.v;
    const read: CountRead =
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && !cell?.fmt
        ? { ok: true, value: v }
        : readCount(cell);
    if (read.ok)
      return read.value <= this.opts.maxCount ? read.value : this.implausible(r, field, read.value);
    if (read.problem === 'empty') return undefined;
    if (read.problem === 'percent') {
      this.reject(
        'results-share-in-count',
        r,
        field,
        `в столбце «${FIELD_RU[field]}» записана ${problemRu(read)}, а нужно число учеников`,
        'Впишите количество учеников. Если во всём столбце доли, добавьте в его заголовок знак «%» (например, «% «2»»): доли будут пересчитаны в количества от числа участников.',
      );
      return 'bad';
    }
    this.reject(
      'results-bad-count',
      r,
      field,
      `в столбце «${FIELD_RU[field]}» ${problemRu(read)}, а нужно целое неотрицательное число`,
      'Исправьте число: количество учеников — целое число не меньше нуля.',
    );
    return 'bad';
  }

  private implausible(r: number, field: Field, value: number): 'bad' {
    this.reject(
      'results-implausible-count',
      r,
      field,
      `в столбце «${FIELD_RU[field]}» число ${grouped(value)} больше правдоподобного предела ${grouped(this.opts.maxCount)} на школу и процедуру`,
      'Проверьте число (нет ли лишних цифр или склеенных ячеек); если оно верно, увеличьте настройку maxParticipants.',
    );
    return 'bad';
  }

  /** A share column read as a count of `participants`; the share is noted for the sum check. */
  private fromShare(r: number, field: Field, participants: number): number | 'bad' | undefined {
    const read = readShare(this.cell(r, field));
    if (typeof read === 'number') {
      this.shares.push(read);
      return countFromShare(read, participants);
    }
    if (read.empty) return undefined;
    this.reject(
      'results-bad-count',
      r,
      field,
      `в столбце «${FIELD_RU[field]}» ${quoteRu(read.shown)} — не доля в процентах от 0 до 100`,
      'Укажите долю числом, например 12,5 или 12,5 %.',
    );
    return 'bad';
  }

  /** A count given directly or as a share; a count column wins over a share column. */
  private countOrShare(
    r: number,
    count: Field,
    share: Field,
    participants: number,
  ): number | 'bad' | undefined {
    const direct = this.col[count] !== undefined ? this.count(r, count) : undefined;
    if (direct !== undefined) return direct;
    return this.col[share] === undefined ? undefined : this.fromShare(r, share, participants);
  }

  /**
   * What the title lines, sheet name or options say, for a table without a column for it. An empty
   * cell in a column the table does have is an error at that cell, never filled in by a guess.
   */
  private fromContext<K extends keyof TableContext>(field: K): NonNullable<TableContext[K]> | null {
    if (this.col[field] !== undefined) return null;
    return (this.ctx[field] ?? null) as NonNullable<TableContext[K]> | null;
  }

  /** A municipality cell left empty under a filled one belongs to the same municipality (filled down). */
  private municipalityOf(r: number): string {
    const own = this.text(r, 'municipality');
    if (own) this.municipality = own;
    return this.municipality;
  }

  /** Reads one data row; the row is kept, recorded as not held, or left out with the reason. */
  data(r: number): void {
    const nameCol = this.col.schoolName ?? 0;
    const rawName = this.text(r, 'schoolName');
    if (!rawName) {
      this.reject(
        'results-row-skipped',
        r,
        'schoolName',
        'в строке есть числа, но нет наименования ОО',
        'Впишите наименование школы или удалите строку.',
      );
      return;
    }
    const municipality = this.municipalityOf(r);
    const prefixed = SCH_PREFIX.exec(rawName);
    const schoolName = prefixed ? prefixed[2]!.trim() : rawName;
    const schoolCode = this.text(r, 'schoolCode') || (prefixed ? prefixed[1]!.toLowerCase() : '');
    if (this.table.kind === 'federal-export' && !prefixed && !this.saysNotHeld(r)) {
      this.reject(
        'results-row-skipped',
        r,
        'schoolName',
        `у строки ${quoteRu(rawName)} нет логина школы «(schNNNNNN)»`,
      );
      return;
    }

    const type = this.procedure(r);
    if (type === 'unknown') return;
    const year = this.year(r);
    if (year === 'bad') return;
    if (!type) return this.absent(r, 'type', 'а процедура');
    if (year === null) return this.absent(r, 'year', ' год');
    const gradeText = this.text(r, 'grade');
    // ОГЭ is always grade 9 and ЕГЭ grade 11, whatever a title line says about other rows.
    let grade = gradeText
      ? this.gradeCache.get(gradeText)
      : (impliedGrade(type) ?? this.fromContext('grade'));
    if (grade === undefined)
      this.gradeCache.set(gradeText, (grade = parseGrade(this.cell(r, 'grade')?.v ?? null)));
    if (grade === null) {
      if (gradeText) {
        this.reject(
          'results-bad-value',
          r,
          'grade',
          `класс ${quoteRu(gradeText)} не распознан`,
          'Укажите класс числом от 1 до 11.',
        );
        return;
      }
      // Only ВПР needs a grade column; say so once, at the first row that needs it.
      if (this.col.grade === undefined && !this.gradeMissingSaid) {
        this.gradeMissingSaid = true;
        this.missingColumn([`${FIELD_RU.grade} (нужен для ВПР)`]);
      }
      return this.absent(r, 'grade', ` класс для ${type}`);
    }
    const subject = this.subject(r);
    if (!subject) return this.absent(r, 'subject', ' предмет');

    if (this.saysNotHeld(r)) {
      this.collector.addNotHeld({ type, year, grade, subject: subject.subject });
      this.leaveOut(r, `${type} ${grade} класс, ${subject.subject}, ${year} год не проводилась`);
      return;
    }

    const participants = this.count(r, 'participants');
    if (participants === 'bad') return;
    if (participants === undefined) return this.absent(r, 'participants', 'о число участников');
    this.shares.length = 0;
    const failed = this.countOrShare(r, 'failed', 'share2', participants);
    if (failed === 'bad') return;
    const failedField = this.col.failed !== undefined ? 'failed' : 'share2';
    if (failed === undefined) return this.absent(r, failedField, 'о число (или доля) «2»');
    const row: ResultRow = {
      municipality,
      schoolCode,
      schoolName,
      year,
      type,
      grade,
      subject: subject.subject,
      participants,
      failed,
      source: this.opts.file
        ? { file: this.opts.file, sheet: this.grid.sheet, row: r + 1 }
        : { sheet: this.grid.sheet, row: r + 1 },
    };
    for (const m of MARKS) {
      const v = this.countOrShare(r, m.count, m.share, participants);
      if (v === 'bad') return;
      if (v !== undefined) row[m.key] = v;
    }
    const marksShares = this.shares.length;
    for (const f of COMPARISON) {
      const percent = this.header.columns.get(f)?.percent;
      const v = percent ? this.fromShare(r, f, participants) : this.count(r, f);
      if (v === 'bad') return;
      if (v !== undefined) row[f] = v;
    }

    if (failed > participants) {
      this.reject(
        'results-failed-exceeds',
        r,
        failedField,
        `«2» получили ${failed}, а участников ${participants}: «2» не может быть больше числа участников`,
        'Проверьте, не перепутаны ли столбцы, и исправьте числа.',
      );
      return;
    }
    this.checkMarks(r, row, marksShares);
    if (FORMULA_LIKE.test(schoolName))
      this.collector.issues.push(
        resultsIssue(
          'results-formula-like-name',
          this.where(r, nameCol),
          `наименование ${quoteRu(schoolName)} начинается со знака формулы; оно сохранено как текст.`,
        ),
      );

    const kept = this.collector.keep(row);
    if (kept.duplicateOf) {
      this.reject(
        'results-duplicate',
        r,
        'schoolName',
        `школа ${quoteRu(schoolName)}${schoolCode ? ` (${schoolCode})` : ''}, ${type} ${grade} класс, ${subject.subject}, ${year} год уже есть в ${this.placeOf(kept.duplicateOf)} (учтена она)`,
        'Удалите лишнюю строку или исправьте год, процедуру или школу.',
      );
      return;
    }
    if (kept.sameNameAs)
      this.collector.issues.push(
        resultsIssue(
          'results-same-name',
          this.where(r, nameCol),
          `школа ${quoteRu(schoolName)} с кодом ${schoolCode} называется так же, как школа с кодом ${kept.sameNameAs.schoolCode} в ${this.placeOf(kept.sameNameAs)}, но код у них разный: школы учтены раздельно.`,
        ),
      );
    if (!subject.known)
      this.tally(this.unknownSubjects, subject.subject, r, this.col.subject ?? nameCol);
    this.table.rowsRead++;
  }

  /** "не проводилась" in a row whose participants are not a number (a row with numbers is data). */
  private saysNotHeld(r: number): boolean {
    if (isNumeric(this.cell(r, 'participants'))) return false;
    for (const cell of this.grid.rows[r] ?? []) if (cell && saysNotHeld(cell.v)) return true;
    return false;
  }

  /** Shares of «2»–«5» that do not add up to 100, or counts that add up to more than N. */
  private checkMarks(r: number, row: ResultRow, marksShares: number): void {
    const nameCol = this.col.schoolName ?? 0;
    if (marksShares === 4) {
      const sum = this.shares[0]! + this.shares[1]! + this.shares[2]! + this.shares[3]!;
      if (Math.abs(sum - 100) > SHARES_TOLERANCE)
        this.collector.issues.push(
          resultsIssue(
            'results-shares-sum',
            this.where(r, this.col.share2 ?? nameCol),
            `доли отметок «2»–«5» в сумме дают ${String(Math.round(sum * 10) / 10).replace('.', ',')} %, а не 100 %; числа отметок посчитаны из долей как есть.`,
            'Сверьте строку с исходной выгрузкой.',
          ),
        );
      return;
    }
    // Counts rounded from shares may overshoot N by rounding: only typed counts are checked.
    if (marksShares > 0 || row.n3 === undefined || row.n4 === undefined || row.n5 === undefined)
      return;
    const total = row.failed + row.n3 + row.n4 + row.n5;
    if (total > row.participants)
      this.collector.issues.push(
        resultsIssue(
          'results-marks-exceed',
          this.where(r, this.col.participants ?? nameCol),
          `сумма отметок «2»–«5» (${total}) больше числа участников (${row.participants}).`,
          'Проверьте числа отметок и участников.',
        ),
      );
  }

  /** "строке 7", or "строке 7 листа «ВПР»" for a row of another sheet. */
  private placeOf(row: ResultRow): string {
    const { sheet, row: n } = row.source;
    return sheet === this.grid.sheet ? `строке ${n}` : `строке ${n} листа «${sheet}»`;
  }

  /** Closes the table: the summaries of unknown procedures, subjects and summary rows. */
  finish(): RecognisedTable {
    for (const [value, t] of this.unknownProcedures)
      this.collector.issues.push(
        resultsIssue(
          'results-unknown-procedure',
          this.where(t.r, t.c),
          `процедура ${quoteRu(value)} не распознана (${rowsRu(t.count)}, первая здесь); эти строки не учитываются.`,
          'Укажите ВПР, ОГЭ или ЕГЭ (ГИА-9 = ОГЭ, ГИА-11 = ЕГЭ).',
        ),
      );
    for (const [value, t] of this.unknownSubjects)
      this.collector.issues.push(
        resultsIssue(
          'results-unknown-subject',
          this.where(t.r, t.c),
          `предмет ${quoteRu(value)} не распознан (${rowsRu(t.count)}, первая здесь); строки сохранены, но в правило ШНОР не входят.`,
          'Если это русский язык или математика, напишите предмет полностью: «Русский язык», «Математика», «Математика (базовая)», «Математика (профильная)».',
        ),
      );
    if (this.summaryRows.count > 0)
      this.collector.issues.push(
        resultsIssue(
          'results-summary-rows',
          this.where(this.summaryRows.r, this.col.schoolName ?? 0),
          `${rowsRu(this.summaryRows.count)} итогов и заголовков групп (первая здесь) не считаются школами и не учитываются.`,
        ),
      );
    return this.table;
  }
}

/** "1 строка", "3 строки", "5 строк". */
export function rowsRu(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? 'строка'
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? 'строки'
        : 'строк';
  return `${n} ${word}`;
}
