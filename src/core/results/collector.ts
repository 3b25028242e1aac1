/**
 * What all the tables of one reading share: the rows kept so far and the checks that look across
 * rows — duplicates, same-named schools, years a school lacks. Each costs O(1) per row: schools
 * get a number once, and the per-row keys are small numbers, not strings.
 */
import type { Issue } from '../issue';
import type { NotHeld, ResultRow } from './types';

/** A light key for names the reader has put on one line: case and ё do not matter. */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

/** A kept row's source tells where it was: sheet and Excel row. */
export interface KeepOutcome {
  duplicateOf?: ResultRow;
  sameNameAs?: ResultRow;
}
const KEPT: KeepOutcome = {};

const TYPE_INDEX = { ВПР: 0, ОГЭ: 1, ЕГЭ: 2 } as const;

export interface MissingYears {
  /** How many schools lack a year that other schools have. */
  count: number;
  /** The first few of them, with the years they lack. */
  examples: Array<{ row: ResultRow; missing: number[] }>;
}

export class Collector {
  readonly rows: ResultRow[] = [];
  readonly issues: Issue[] = [];
  readonly allYears = new Set<number>();
  private readonly notHeldByKey = new Map<string, NotHeld>();
  /** School key (code in lower case, or municipality and name) → school number. */
  private readonly schoolNumbers = new Map<string, number>();
  /** The first row kept for each school number (names the school in messages). */
  private readonly firstRows: ResultRow[] = [];
  /** Procedure-year number → school number → the row kept (a holey array: schools come in order). */
  private readonly kept: Array<Array<ResultRow | undefined>> = [];
  private readonly yearOfProcedureYear: number[] = [];
  /** subject → type and grade → year → procedure-year number. */
  private readonly procedureYearNumbers = new Map<string, Map<number, Map<number, number>>>();
  /** municipality → name → the first row of the first school with a code and that name. */
  private readonly codeByName = new Map<string, Map<string, ResultRow>>();
  /** The last municipality looked up (rows of one municipality come together). */
  private lastMunicipality: { text: string; names: Map<string, ResultRow> } | null = null;

  private procedureYear(row: ResultRow): number {
    let bySubject = this.procedureYearNumbers.get(row.subject);
    if (!bySubject) this.procedureYearNumbers.set(row.subject, (bySubject = new Map()));
    const typeGrade = row.grade * 3 + TYPE_INDEX[row.type];
    let byYear = bySubject.get(typeGrade);
    if (!byYear) bySubject.set(typeGrade, (byYear = new Map()));
    let n = byYear.get(row.year);
    if (n === undefined) {
      n = this.kept.length;
      byYear.set(row.year, n);
      this.kept.push([]);
      this.yearOfProcedureYear.push(row.year);
    }
    return n;
  }

  private schoolKey(row: ResultRow): string {
    if (!row.schoolCode) return `\u0000${nameKey(row.municipality)}|${nameKey(row.schoolName)}`;
    return row.schoolCode.toLowerCase();
  }

  /**
   * Keeps the row unless the same school, year and procedure was kept before; then returns where.
   * Also notes a new code under a name already kept with another code (returned as `sameNameAs`).
   */
  keep(row: ResultRow): KeepOutcome {
    const key = this.schoolKey(row);
    let school = this.schoolNumbers.get(key);
    const isNew = school === undefined;
    if (school === undefined) {
      school = this.firstRows.length;
      this.schoolNumbers.set(key, school);
      this.firstRows.push(row);
    }
    const bySchool = this.kept[this.procedureYear(row)]!;
    const first = bySchool[school];
    if (first) return { duplicateOf: first };
    bySchool[school] = row;
    this.rows.push(row);
    this.allYears.add(row.year);
    if (!isNew || !row.schoolCode) return KEPT;
    // A school seen for the first time: does another code already go by its name?
    const byName = this.namesIn(row.municipality);
    const name = nameKey(row.schoolName);
    const other = byName.get(name);
    if (other) return { sameNameAs: other };
    byName.set(name, row);
    return KEPT;
  }

  private namesIn(municipality: string): Map<string, ResultRow> {
    if (this.lastMunicipality?.text === municipality) return this.lastMunicipality.names;
    const key = nameKey(municipality);
    let names = this.codeByName.get(key);
    if (!names) this.codeByName.set(key, (names = new Map()));
    this.lastMunicipality = { text: municipality, names };
    return names;
  }

  addNotHeld(n: NotHeld): void {
    const key = `${n.type}|${n.year}|${n.grade ?? ''}|${n.subject ?? ''}`;
    if (!this.notHeldByKey.has(key)) this.notHeldByKey.set(key, n);
  }

  /**
   * Procedure-years said to be not held. One that some school has results for was held after
   * all (the note concerned only its own row), so it is not reported as not held.
   */
  notHeld(): NotHeld[] {
    return [...this.notHeldByKey.values()].filter((n) => !this.hasResults(n));
  }

  private hasResults(n: NotHeld): boolean {
    for (const row of this.rows)
      if (
        row.type === n.type &&
        row.year === n.year &&
        (n.grade === undefined || row.grade === n.grade) &&
        (n.subject === undefined || row.subject === n.subject)
      )
        return true;
    return false;
  }

  /** Schools that lack some of the years other schools have: how many, and the first few. */
  schoolsMissingYears(examples: number): MissingYears {
    const years = [...this.allYears].sort((a, b) => a - b);
    const schools = this.firstRows.length;
    // Distinct years per school, counted with a stamp per school instead of a set per school.
    const yearsSeen = new Uint16Array(schools);
    const stamp = new Int32Array(schools).fill(-1);
    years.forEach((year, yi) => {
      this.kept.forEach((bySchool, n) => {
        if (this.yearOfProcedureYear[n] !== year) return;
        bySchool.forEach((_row, s) => {
          if (stamp[s] === yi) return;
          stamp[s] = yi;
          yearsSeen[s]!++;
        });
      });
    });
    const out: MissingYears = { count: 0, examples: [] };
    for (let s = 0; s < schools; s++) {
      if (yearsSeen[s] === years.length) continue;
      out.count++;
      if (out.examples.length < examples)
        out.examples.push({
          row: this.firstRows[s]!,
          missing: years.filter((y) => !this.hasYear(s, y)),
        });
    }
    return out;
  }

  private hasYear(school: number, year: number): boolean {
    return this.kept.some(
      (bySchool, n) => this.yearOfProcedureYear[n] === year && bySchool[school] !== undefined,
    );
  }
}
