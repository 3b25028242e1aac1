/**
 * What the reader of one results table says: rows left out with the reason, issues at their
 * cells, and the summaries (unknown procedures and subjects, summary rows) said once per table.
 */
import type { Collector } from './collector';
import type { Field } from './headers';
import { quoteRu, resultsIssue, type ResultsIssueCode } from './issues';
import type { RecognisedTable } from './recognisedTable';
import type { TableCells } from './tableCells';

interface Tally {
  count: number;
  r: number;
  c: number;
}

/** "1 строка", "3 строки", "5 строк". */
function rowsRu(n: number): string {
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

export class TableReport {
  private readonly summaryRows: Tally = { count: 0, r: -1, c: 0 };
  private readonly unknownProcedures = new Map<string, Tally>();
  private readonly unknownSubjects = new Map<string, Tally>();

  constructor(
    private readonly table: RecognisedTable,
    private readonly collector: Collector,
    private readonly cells: TableCells,
    private readonly file: string | undefined,
  ) {}

  /** An issue at a cell (0-based); the message gets the place in front of it. */
  issue(code: ResultsIssueCode, r: number, c: number, text: string, fix?: string): void {
    this.collector.issues.push(
      resultsIssue(code, { file: this.file, sheet: this.cells.grid.sheet, r, c }, text, fix),
    );
  }

  leaveOut(r: number, reason: string): void {
    this.table.rowsLeftOut.push({ row: r + 1, reason });
  }

  /** Leaves the row out and says why at the cell. */
  reject(code: ResultsIssueCode, r: number, field: Field | null, text: string, fix?: string): void {
    const col = this.cells.col;
    const c = field ? (col[field] ?? 0) : (col.schoolName ?? 0);
    this.leaveOut(r, text);
    this.issue(code, r, c, `${text}; строка не учитывается.`, fix);
  }

  /**
   * A required value is absent: with no column for it the table-wide error has said so already;
   * with an empty cell the row gets its own error.
   */
  absent(r: number, field: Field, what: string): void {
    if (!this.cells.has(field)) this.leaveOut(r, `не указан${what}`);
    else this.reject('results-bad-value', r, field, `не указан${what}`);
  }

  /** One error per table for columns it lacks; the rows that need them are left out quietly. */
  missingColumn(headerRow: number, names: string[]): void {
    const list = names.map((m) => `«${m}»`).join(', ');
    this.issue(
      'results-missing-column',
      headerRow,
      0,
      `в таблице с заголовком в строке ${headerRow + 1} нет столбца ${list}, и его значение не следует из строк над таблицей, имени листа или настроек; строки без него не учитываются.`,
      'Добавьте столбец или укажите значение в настройках чтения результатов (год, процедура, класс, предмет).',
    );
  }

  summaryRow(r: number): void {
    if (this.summaryRows.count === 0) this.summaryRows.r = r;
    this.summaryRows.count++;
  }

  unknownProcedure(value: string, r: number): void {
    tally(this.unknownProcedures, value, r, this.cells.col.type ?? 0);
  }

  unknownSubject(value: string, r: number, c: number): void {
    tally(this.unknownSubjects, value, r, c);
  }

  /** The summaries of the whole table, once it is read. */
  finish(): void {
    for (const [value, t] of this.unknownProcedures)
      this.issue(
        'results-unknown-procedure',
        t.r,
        t.c,
        `процедура ${quoteRu(value)} не распознана (${rowsRu(t.count)}, первая здесь); эти строки не учитываются.`,
        'Укажите ВПР, ОГЭ или ЕГЭ (ГИА-9 = ОГЭ, ГИА-11 = ЕГЭ).',
      );
    for (const [value, t] of this.unknownSubjects)
      this.issue(
        'results-unknown-subject',
        t.r,
        t.c,
        `предмет ${quoteRu(value)} не распознан (${rowsRu(t.count)}, первая здесь); строки сохранены, но в правило ШНОР не входят.`,
        'Если это русский язык или математика, напишите предмет полностью: «Русский язык», «Математика», «Математика (базовая)», «Математика (профильная)».',
      );
    if (this.summaryRows.count > 0)
      this.issue(
        'results-summary-rows',
        this.summaryRows.r,
        this.cells.col.schoolName ?? 0,
        `${rowsRu(this.summaryRows.count)} итогов и заголовков групп (первая здесь) не считаются школами и не учитываются.`,
      );
  }
}

function tally(map: Map<string, Tally>, value: string, r: number, c: number): void {
  const t = map.get(value);
  if (t) t.count++;
  else map.set(value, { count: 1, r, c });
}
