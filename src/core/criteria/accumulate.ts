/**
 * The first pass of the criteria (docs/domain.md §3.3): result rows summed by school, year and
 * procedure. Rows may come in several batches (one per file), so a host reading a federal folder
 * never holds every row at once: only these sums stay.
 */
import type { Issue } from '../issue';
import type { NotHeld, ResultRow } from '../results/types';
import type { CriteriaSettings } from '../settings';
import { foldKey, squash } from '../text';
import { isNotHeld, procedureOf, type ProcedureIdentity } from './procedures';

type Source = ResultRow['source'];

/** The sums of one type|grade|subject pooled into a procedure (a duplicate row adds up here). */
export interface Part {
  /** type|grade|subject (ProcedureIdentity.fullKey). */
  key: string;
  source: Source;
  participants: number;
  failed: number;
  marks: { n3: number; n4: number; n5: number } | null;
  /** Every row had marks: otherwise the mark shares are unknown. */
  allMarks: boolean;
  journal: { lowered: number; confirmed: number; raised: number } | null;
}

/** One procedure of one school in one year: its first part, and the others pooled into it. */
export interface Acc extends Part {
  id: ProcedureIdentity;
  type: ResultRow['type'];
  subject: string;
  year: number;
  /** Further type|grade|subject pooled here (type+subject identity), made only when needed. */
  others: Part[] | null;
}

export interface SchoolAcc {
  id: string;
  code: string;
  name: string;
  municipality: string;
  /** year → procedure key → accumulated result */
  years: Map<number, Map<string, Acc>>;
}

/** Code when there is one, else the folded name and municipality. */
function schoolId(row: Pick<ResultRow, 'schoolCode' | 'schoolName' | 'municipality'>): string {
  const code = squash(row.schoolCode);
  return code ? `code:${code}` : `name:${foldKey(row.schoolName)}|${foldKey(row.municipality)}`;
}

function where(source: Source): string {
  return `${source.file ? `файл «${source.file}», ` : ''}лист «${source.sheet}», строка ${source.row}`;
}

function notHeldIssue(
  source: Source,
  what: { type: string; grade: number; subject: string; year: number },
): Issue {
  return {
    severity: 'info',
    code: 'not-held-with-data',
    message: `${where(source)}: ${what.type} ${what.grade} ${what.subject} в ${what.year} г. отмечена как не проводившаяся; строка не учитывается (процедура отсутствует, а не равна нулю).`,
    sheet: source.sheet,
    cell: '',
    row: source.row,
    fix: 'Если процедура проводилась, уберите её из списка непроводившихся (настройка yearsNotHeld).',
    ...(source.file ? { file: source.file } : {}),
  };
}

function newPart(key: string, source: Source): Part {
  return {
    key,
    source,
    participants: 0,
    failed: 0,
    marks: null,
    allMarks: true,
    journal: null,
  };
}

function addRow(part: Part, row: ResultRow): void {
  part.participants += row.participants;
  part.failed += row.failed;
  if (row.n3 === undefined && row.n4 === undefined && row.n5 === undefined) part.allMarks = false;
  else {
    part.marks ??= { n3: 0, n4: 0, n5: 0 };
    part.marks.n3 += row.n3 ?? 0;
    part.marks.n4 += row.n4 ?? 0;
    part.marks.n5 += row.n5 ?? 0;
  }
  if (row.lowered !== undefined || row.confirmed !== undefined || row.raised !== undefined) {
    part.journal ??= { lowered: 0, confirmed: 0, raised: 0 };
    part.journal.lowered += row.lowered ?? 0;
    part.journal.confirmed += row.confirmed ?? 0;
    part.journal.raised += row.raised ?? 0;
  }
}

/** The parts of an accumulated procedure: the first, then the others. */
function partsOf(acc: Acc): Part[] {
  return acc.others ? [acc, ...acc.others] : [acc];
}

export class CriteriaAccumulator {
  /** Duplicates and rows of procedures not held, in the order met. */
  readonly issues: Issue[] = [];
  private readonly schools = new Map<string, SchoolAcc>();
  // A region repeats a few thousand schools and a dozen procedures: normalise each distinct text
  // once, and look rows up without building a new string per row (garbage dominates otherwise).
  private readonly idByCode = new Map<string, string>();
  private readonly idByName = new Map<string, Map<string, string>>();
  private readonly procedures = new Map<string, Map<number, Map<string, ProcedureIdentity>>>();

  constructor(private readonly settings: CriteriaSettings) {}

  /** Adds rows; `notHeld` are the marks known so far (the settings' own always apply). */
  add(rows: readonly ResultRow[], notHeld: readonly NotHeld[] = []): void {
    const allNotHeld = [...notHeld, ...this.settings.yearsNotHeld];
    for (const row of rows) {
      if (allNotHeld.length > 0 && isNotHeld(row, allNotHeld)) {
        this.issues.push(notHeldIssue(row.source, row));
        continue;
      }
      const proc = this.procedure(row);
      const school = this.school(row);
      let byProc = school.years.get(row.year);
      if (!byProc) school.years.set(row.year, (byProc = new Map()));
      let acc = byProc.get(proc.key);
      if (!acc) {
        // one literal of every field: objects built by spreading get a hidden class each
        acc = {
          key: proc.fullKey,
          source: row.source,
          participants: 0,
          failed: 0,
          marks: null,
          allMarks: true,
          journal: null,
          id: proc,
          type: row.type,
          subject: proc.subject,
          year: row.year,
          others: null,
        };
        byProc.set(proc.key, acc);
        addRow(acc, row);
      } else addRow(this.part(acc, proc.fullKey, row, school.name), row);
    }
  }

  /**
   * The sums by school. Marks met after some rows were added (in a later file) leave out the
   * parts they cover, as if they had been known from the start.
   */
  finish(notHeld: readonly NotHeld[] = []): Map<string, SchoolAcc> {
    if (notHeld.length > 0) this.dropNotHeld(notHeld);
    return this.schools;
  }

  private dropNotHeld(notHeld: readonly NotHeld[]): void {
    for (const school of this.schools.values())
      for (const [year, byProc] of school.years) {
        for (const [key, acc] of byProc) {
          const kept: Part[] = [];
          for (const part of partsOf(acc)) {
            const [, grade = '', subject = ''] = part.key.split('|');
            const what = { type: acc.type, grade: Number(grade), subject, year };
            if (isNotHeld(what, notHeld)) this.issues.push(notHeldIssue(part.source, what));
            else kept.push(part);
          }
          if (kept.length === 0) byProc.delete(key);
          else if (kept[0] !== acc) byProc.set(key, { ...acc, ...kept[0]!, others: kept.slice(1) });
          else acc.others = kept.length > 1 ? kept.slice(1) : null;
        }
        if (byProc.size === 0) school.years.delete(year);
      }
    for (const [id, school] of this.schools) if (school.years.size === 0) this.schools.delete(id);
  }

  /** The part of `acc` for this type|grade|subject; a second row of it is a duplicate. */
  private part(acc: Acc, key: string, row: ResultRow, schoolName: string): Part {
    const parts = acc.key === key ? acc : acc.others?.find((o) => o.key === key);
    if (!parts) {
      const part = newPart(key, row.source);
      (acc.others ??= []).push(part);
      return part;
    }
    this.issues.push({
      severity: 'warning',
      code: 'duplicate-result',
      message: `${where(row.source)}: результат ${row.type} ${row.grade} ${row.subject} за ${row.year} г. для «${schoolName}» уже есть (${where(parts.source)}); числа сложены.`,
      sheet: row.source.sheet,
      cell: '',
      row: row.source.row,
      fix: 'Удалите повторную строку или исправьте год, класс или предмет.',
      ...(row.source.file ? { file: row.source.file } : {}),
    });
    return parts;
  }

  private school(row: ResultRow): SchoolAcc {
    const id = this.schoolIdOf(row);
    let school = this.schools.get(id);
    if (!school) {
      school = {
        id,
        code: squash(row.schoolCode),
        name: squash(row.schoolName),
        municipality: squash(row.municipality),
        years: new Map(),
      };
      this.schools.set(id, school);
    }
    return school;
  }

  private schoolIdOf(row: ResultRow): string {
    if (row.schoolCode) {
      let id = this.idByCode.get(row.schoolCode);
      if (id === undefined) this.idByCode.set(row.schoolCode, (id = schoolId(row)));
      return id;
    }
    let byMunicipality = this.idByName.get(row.schoolName);
    if (!byMunicipality) this.idByName.set(row.schoolName, (byMunicipality = new Map()));
    let id = byMunicipality.get(row.municipality);
    if (id === undefined) byMunicipality.set(row.municipality, (id = schoolId(row)));
    return id;
  }

  private procedure(row: ResultRow): ProcedureIdentity {
    let byGrade = this.procedures.get(row.subject);
    if (!byGrade) this.procedures.set(row.subject, (byGrade = new Map()));
    let byType = byGrade.get(row.grade);
    if (!byType) byGrade.set(row.grade, (byType = new Map()));
    let proc = byType.get(row.type);
    if (!proc) byType.set(row.type, (proc = procedureOf(row, this.settings)));
    return proc;
  }
}
