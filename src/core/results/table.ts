/**
 * Reads the body of one recognised table row by row into ResultRow[]: the canonical long table
 * (§3.1) and the pasted federal export (§3.2) share this reader; the export differs only in that
 * rows without a "(schNNNNNN)" login are summary rows whose name is the municipality below them.
 * The cells are found by tableCells.ts, each field is read by fieldReaders.ts, and what is said
 * about the rows is kept by tableReport.ts.
 */
import { type Grid, columnLetter } from '../grid';
import type { Collector } from './collector';
import type { TableContext } from './context';
import { FieldReaders } from './fieldReaders';
import { FIELD_RU, NUMERIC_FIELDS, type Field, type HeaderFound } from './headers';
import { quoteRu } from './issues';
import type { RecognisedTable } from './recognisedTable';
import { checkMarks } from './rowChecks';
import { isNumeric, TableCells } from './tableCells';
import { TableReport } from './tableReport';
import type { ResultRow } from './types';
import { saysNotHeld } from './vocabulary';

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

export type RowKind = 'data' | 'summary' | 'text';

export class TableReader {
  readonly table: RecognisedTable;
  /** The municipality of the rows below: a summary row, a heading, or the last one in its column. */
  private municipality = '';
  private readonly cells: TableCells;
  private readonly report: TableReport;
  private readonly read: FieldReaders;

  constructor(
    private readonly grid: Grid,
    private readonly header: HeaderFound,
    private readonly ctx: TableContext,
    private readonly collector: Collector,
    private readonly opts: { file?: string; schoolYear: 'spring' | 'autumn'; maxCount: number },
  ) {
    this.cells = new TableCells(grid, header);
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
    this.report = new TableReport(this.table, collector, this.cells, opts.file);
    this.read = new FieldReaders(this.cells, this.report, ctx, {
      headerRow: header.row,
      schoolYear: opts.schoolYear,
      maxCount: opts.maxCount,
    });
    this.reportMissingColumns();
  }

  /** The federal export: shares, no per-row year or procedure; title lines say the rest. */
  private isExport(): boolean {
    const c = this.header.columns;
    return !c.has('year') && !c.has('type') && (c.has('share2') || c.has('share3'));
  }

  private reportMissingColumns(): void {
    const has = (f: Field) => this.cells.has(f);
    const missing: string[] = [];
    if (!has('participants')) missing.push(FIELD_RU.participants);
    if (!has('failed') && !has('share2')) missing.push(`${FIELD_RU.failed} или ${FIELD_RU.share2}`);
    if (!has('year') && this.ctx.year === undefined) missing.push(FIELD_RU.year);
    if (!has('type') && !this.ctx.type) missing.push(FIELD_RU.type);
    if (!has('subject') && !this.ctx.subject) missing.push(FIELD_RU.subject);
    if (missing.length > 0) this.report.missingColumn(this.header.row, missing);
  }

  /** What a non-blank row is: a data row, a summary row, or text only (title, heading, footnote). */
  kindOf(r: number): RowKind {
    if (this.saysNotHeld(r)) return 'data';
    let numeric = false;
    for (const f of NUMERIC_FIELDS)
      if (isNumeric(this.cells.cell(r, f))) {
        numeric = true;
        break;
      }
    if (!numeric) return 'text';
    const name = this.cells.text(r, 'schoolName');
    if (!name) return 'data';
    if (this.table.kind === 'federal-export') return LOGIN_START.test(name) ? 'data' : 'summary';
    return TOTAL_ROW.test(name) ? 'summary' : 'data';
  }

  /** A text-only row with a name and a non-number where the count should be: a data row gone wrong. */
  looksLikeBadData(r: number): boolean {
    return this.cells.text(r, 'schoolName') !== '' && this.cells.text(r, 'participants') !== '';
  }

  /** A summary row: left out; in an export its name is the municipality of the schools below. */
  summary(r: number): void {
    const name = this.cells.text(r, 'schoolName');
    if (this.table.kind === 'federal-export' && !this.cells.has('municipality'))
      this.municipality = name;
    this.report.leaveOut(r, `итоговая строка ${quoteRu(name)}, не школа`);
    this.report.summaryRow(r);
  }

  /**
   * Text-only rows met between data rows: a name alone is a group heading (the municipality of the
   * rows below when the table has no such column); anything else is reported as skipped.
   */
  between(rows: number[], trailing: boolean): void {
    for (const r of rows) {
      const name = this.cells.text(r, 'schoolName');
      if (name && !trailing && !this.cells.has('municipality') && !LOGIN_START.test(name)) {
        this.municipality = name;
        this.report.leaveOut(r, `заголовок группы ${quoteRu(name)}, не школа`);
        this.report.summaryRow(r);
        continue;
      }
      const shown = this.cells.firstText(r);
      const reason = `строка без чисел ${quoteRu(shown.text)} пропущена`;
      this.report.leaveOut(r, reason);
      this.report.issue(
        'results-row-skipped',
        r,
        shown.c,
        `${reason}: это не строка результатов.`,
        'Если это данные школы, заполните число участников и число «2».',
      );
    }
  }

  /** A repeated header row: left out, nothing else to say. */
  repeatedHeader(r: number): void {
    this.report.leaveOut(r, 'повтор строки заголовка');
  }

  /** A municipality cell left empty under a filled one belongs to the same municipality (filled down). */
  private municipalityOf(r: number): string {
    const own = this.cells.text(r, 'municipality');
    if (own) this.municipality = own;
    return this.municipality;
  }

  /** Reads one data row; the row is kept, recorded as not held, or left out with the reason. */
  data(r: number): void {
    const { cells, report, read } = this;
    const nameCol = cells.col.schoolName ?? 0;
    const rawName = cells.text(r, 'schoolName');
    if (!rawName) {
      report.reject(
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
    const schoolCode = cells.text(r, 'schoolCode') || (prefixed ? prefixed[1]!.toLowerCase() : '');
    if (this.table.kind === 'federal-export' && !prefixed && !this.saysNotHeld(r)) {
      report.reject(
        'results-row-skipped',
        r,
        'schoolName',
        `у строки ${quoteRu(rawName)} нет логина школы «(schNNNNNN)»`,
      );
      return;
    }

    const type = read.procedure(r);
    if (type === 'unknown') return;
    const year = read.year(r);
    if (year === 'bad') return;
    if (!type) return report.absent(r, 'type', 'а процедура');
    if (year === null) return report.absent(r, 'year', ' год');
    const grade = read.grade(r, type);
    if (grade === 'bad') return;
    if (grade === null) return report.absent(r, 'grade', ` класс для ${type}`);
    const subject = read.subject(r);
    if (!subject) return report.absent(r, 'subject', ' предмет');

    if (this.saysNotHeld(r)) {
      this.collector.addNotHeld({ type, year, grade, subject: subject.subject });
      report.leaveOut(r, `${type} ${grade} класс, ${subject.subject}, ${year} год не проводилась`);
      return;
    }

    const participants = read.count(r, 'participants');
    if (participants === 'bad') return;
    if (participants === undefined) return report.absent(r, 'participants', 'о число участников');
    read.shares.length = 0;
    const failed = read.countOrShare(r, 'failed', 'share2', participants);
    if (failed === 'bad') return;
    const failedField = cells.has('failed') ? 'failed' : 'share2';
    if (failed === undefined) return report.absent(r, failedField, 'о число (или доля) «2»');
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
      const v = read.countOrShare(r, m.count, m.share, participants);
      if (v === 'bad') return;
      if (v !== undefined) row[m.key] = v;
    }
    const marksShares = read.shares.length;
    for (const f of COMPARISON) {
      const percent = this.header.columns.get(f)?.percent;
      const v = percent ? read.fromShare(r, f, participants) : read.count(r, f);
      if (v === 'bad') return;
      if (v !== undefined) row[f] = v;
    }

    if (failed > participants) {
      report.reject(
        'results-failed-exceeds',
        r,
        failedField,
        `«2» получили ${failed}, а участников ${participants}: «2» не может быть больше числа участников`,
        'Проверьте, не перепутаны ли столбцы, и исправьте числа.',
      );
      return;
    }
    checkMarks(r, row, read.shares, marksShares, cells, report);
    if (FORMULA_LIKE.test(schoolName))
      report.issue(
        'results-formula-like-name',
        r,
        nameCol,
        `наименование ${quoteRu(schoolName)} начинается со знака формулы; оно сохранено как текст.`,
      );

    const kept = this.collector.keep(row);
    if (kept.duplicateOf) {
      report.reject(
        'results-duplicate',
        r,
        'schoolName',
        `школа ${quoteRu(schoolName)}${schoolCode ? ` (${schoolCode})` : ''}, ${type} ${grade} класс, ${subject.subject}, ${year} год уже есть в ${this.placeOf(kept.duplicateOf)} (учтена она)`,
        'Удалите лишнюю строку или исправьте год, процедуру или школу.',
      );
      return;
    }
    if (kept.sameNameAs)
      report.issue(
        'results-same-name',
        r,
        nameCol,
        `школа ${quoteRu(schoolName)} с кодом ${schoolCode} называется так же, как школа с кодом ${kept.sameNameAs.schoolCode} в ${this.placeOf(kept.sameNameAs)}, но код у них разный: школы учтены раздельно.`,
      );
    if (!subject.known) report.unknownSubject(subject.subject, r, cells.col.subject ?? nameCol);
    this.table.rowsRead++;
  }

  /** "не проводилась" in a row whose participants are not a number (a row with numbers is data). */
  private saysNotHeld(r: number): boolean {
    if (isNumeric(this.cells.cell(r, 'participants'))) return false;
    for (const cell of this.grid.rows[r] ?? []) if (cell && saysNotHeld(cell.v)) return true;
    return false;
  }

  /** "строке 7", or "строке 7 листа «ВПР»" for a row of another sheet. */
  private placeOf(row: ResultRow): string {
    const { sheet, row: n } = row.source;
    return sheet === this.grid.sheet ? `строке ${n}` : `строке ${n} листа «${sheet}»`;
  }

  /** Closes the table: the summaries of unknown procedures, subjects and summary rows. */
  finish(): RecognisedTable {
    this.report.finish();
    return this.table;
  }
}
