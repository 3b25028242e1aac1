/**
 * The readers of the fields of a results row: procedure, year, grade, subject and the counts
 * (given directly or as shares). Each says at the cell why a value cannot be used; texts repeat
 * row after row in a large table, so each distinct text is parsed once.
 */
import { cellText } from '../text';
import type { TableContext } from './context';
import { FIELD_RU, type Field } from './headers';
import { quoteRu } from './issues';
import { countFromShare, readCount, readShare, type CountRead } from './numbers';
import type { TableCells } from './tableCells';
import type { TableReport } from './tableReport';
import type { ProcedureType } from './types';
import {
  canonicalSubject,
  impliedGrade,
  parseGrade,
  parseProcedure,
  parseYear,
} from './vocabulary';

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

/** A value read, absent (null or undefined, as each reader says), or 'bad': rejected at its cell. */
export class FieldReaders {
  /** Shares read in the current row, for the sum check (reused: this runs on every row). */
  readonly shares: number[] = [];
  private gradeMissingSaid = false;
  private readonly procedureCache = new Map<string, ProcedureType | null>();
  private readonly subjectCache = new Map<string, { subject: string; known: boolean } | null>();
  private readonly yearCache = new Map<string, number | null>();
  private readonly gradeCache = new Map<string, number | null>();

  constructor(
    private readonly cells: TableCells,
    private readonly report: TableReport,
    private readonly ctx: TableContext,
    private readonly opts: { headerRow: number; schoolYear: 'spring' | 'autumn'; maxCount: number },
  ) {}

  /**
   * What the title lines, sheet name or options say, for a table without a column for it. An empty
   * cell in a column the table does have is an error at that cell, never filled in by a guess.
   */
  fromContext<K extends keyof TableContext>(field: K): NonNullable<TableContext[K]> | null {
    if (this.cells.has(field)) return null;
    return (this.ctx[field] ?? null) as NonNullable<TableContext[K]> | null;
  }

  procedure(r: number): ProcedureType | null | 'unknown' {
    const raw = this.cells.text(r, 'type');
    if (!raw) return this.fromContext('type');
    let type = this.procedureCache.get(raw);
    if (type === undefined) this.procedureCache.set(raw, (type = parseProcedure(raw)));
    if (type) return type;
    this.report.unknownProcedure(raw, r);
    this.report.leaveOut(r, `процедура ${quoteRu(raw)} не распознана`);
    return 'unknown';
  }

  year(r: number): number | null | 'bad' {
    const cell = this.cells.cell(r, 'year');
    const raw = cellText(cell?.v ?? null);
    if (!raw) return this.fromContext('year');
    let year = this.yearCache.get(raw);
    if (year === undefined) {
      year = parseYear(cell?.v ?? null, this.opts.schoolYear);
      if (!(cell?.v instanceof Date)) this.yearCache.set(raw, year);
    }
    if (year !== null) return year;
    this.report.reject(
      'results-bad-value',
      r,
      'year',
      `год ${quoteRu(raw)} не распознан`,
      'Укажите год как 2023 или учебный год как 2022/2023.',
    );
    return 'bad';
  }

  /** ОГЭ is always grade 9 and ЕГЭ grade 11, whatever a title line says about other rows. */
  grade(r: number, type: ProcedureType): number | null | 'bad' {
    const gradeText = this.cells.text(r, 'grade');
    let grade = gradeText
      ? this.gradeCache.get(gradeText)
      : (impliedGrade(type) ?? this.fromContext('grade'));
    if (grade === undefined)
      this.gradeCache.set(gradeText, (grade = parseGrade(this.cells.cell(r, 'grade')?.v ?? null)));
    if (grade !== null) return grade;
    if (gradeText) {
      this.report.reject(
        'results-bad-value',
        r,
        'grade',
        `класс ${quoteRu(gradeText)} не распознан`,
        'Укажите класс числом от 1 до 11.',
      );
      return 'bad';
    }
    // Only ВПР needs a grade column; say so once, at the first row that needs it.
    if (!this.cells.has('grade') && !this.gradeMissingSaid) {
      this.gradeMissingSaid = true;
      this.report.missingColumn(this.opts.headerRow, [`${FIELD_RU.grade} (нужен для ВПР)`]);
    }
    return null;
  }

  subject(r: number): { subject: string; known: boolean } | null {
    const raw = this.cells.text(r, 'subject');
    if (!raw) {
      const subject = this.fromContext('subject');
      return subject ? { subject, known: true } : null;
    }
    let s = this.subjectCache.get(raw);
    if (s === undefined) this.subjectCache.set(raw, (s = canonicalSubject(raw)));
    return s;
  }

  count(r: number, field: Field): number | 'bad' | undefined {
    const cell = this.cells.cell(r, field);
    const v = cell?.v;
    const read: CountRead =
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && !cell?.fmt
        ? { ok: true, value: v }
        : readCount(cell);
    if (read.ok)
      return read.value <= this.opts.maxCount ? read.value : this.implausible(r, field, read.value);
    if (read.problem === 'empty') return undefined;
    if (read.problem === 'percent') {
      this.report.reject(
        'results-share-in-count',
        r,
        field,
        `в столбце «${FIELD_RU[field]}» записана ${problemRu(read)}, а нужно число учеников`,
        'Впишите количество учеников. Если во всём столбце доли, добавьте в его заголовок знак «%» (например, «% «2»»): доли будут пересчитаны в количества от числа участников.',
      );
      return 'bad';
    }
    this.report.reject(
      'results-bad-count',
      r,
      field,
      `в столбце «${FIELD_RU[field]}» ${problemRu(read)}, а нужно целое неотрицательное число`,
      'Исправьте число: количество учеников — целое число не меньше нуля.',
    );
    return 'bad';
  }

  private implausible(r: number, field: Field, value: number): 'bad' {
    this.report.reject(
      'results-implausible-count',
      r,
      field,
      `в столбце «${FIELD_RU[field]}» число ${grouped(value)} больше правдоподобного предела ${grouped(this.opts.maxCount)} на школу и процедуру`,
      'Проверьте число (нет ли лишних цифр или склеенных ячеек); если оно верно, увеличьте настройку maxParticipants.',
    );
    return 'bad';
  }

  /** A share column read as a count of `participants`; the share is noted for the sum check. */
  fromShare(r: number, field: Field, participants: number): number | 'bad' | undefined {
    const read = readShare(this.cells.cell(r, field));
    if (typeof read === 'number') {
      this.shares.push(read);
      return countFromShare(read, participants);
    }
    if (read.empty) return undefined;
    this.report.reject(
      'results-bad-count',
      r,
      field,
      `в столбце «${FIELD_RU[field]}» ${quoteRu(read.shown)} — не доля в процентах от 0 до 100`,
      'Укажите долю числом, например 12,5 или 12,5 %.',
    );
    return 'bad';
  }

  /** A count given directly or as a share; a count column wins over a share column. */
  countOrShare(
    r: number,
    count: Field,
    share: Field,
    participants: number,
  ): number | 'bad' | undefined {
    const direct = this.cells.has(count) ? this.count(r, count) : undefined;
    if (direct !== undefined) return direct;
    return this.cells.has(share) ? this.fromShare(r, share, participants) : undefined;
  }
}
