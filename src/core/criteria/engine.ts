/**
 * computeCriteria: the ШНОР rule, dynamics and region indicators of docs/domain.md §3.3–§3.5 over the
 * normalised results. One pass to group rows, one pass per school-year; linear in the row count
 * (plus sorting the schools).
 */
import type { Issue } from '../issue';
import type { NotHeld, ResultRow } from '../results/types';
import type { CriteriaSettings } from '../settings';
import { foldKey, squash } from '../text';
import { isNotHeld, procedureOf, type ProcedureIdentity } from './procedures';
import { regionIndicators } from './indicators';
import type {
  CriteriaResult,
  ProcedureResult,
  SchoolCriteria,
  SchoolYear,
  SubjectShare,
} from './types';

interface Acc {
  id: ProcedureIdentity;
  type: ResultRow['type'];
  subject: string;
  year: number;
  participants: number;
  failed: number;
  marks: { n3: number; n4: number; n5: number } | null;
  /** Every row had marks: otherwise the mark shares are unknown. */
  allMarks: boolean;
  journal: { lowered: number; confirmed: number; raised: number } | null;
  /** Source row of each type|grade|subject pooled here (a second one is a duplicate). */
  firstKey: string;
  firstSource: ResultRow['source'];
  /** Further type|grade|subject pooled here (type+subject identity), made only when needed. */
  others: Array<{ key: string; source: ResultRow['source'] }> | null;
}

interface SchoolAcc {
  id: string;
  code: string;
  name: string;
  municipality: string;
  /** year → procedure key → accumulated result */
  years: Map<number, Map<string, Acc>>;
}

/** Code when there is one, else the folded name and municipality. */
export function schoolId(
  row: Pick<ResultRow, 'schoolCode' | 'schoolName' | 'municipality'>,
): string {
  const code = squash(row.schoolCode);
  return code ? `code:${code}` : `name:${foldKey(row.schoolName)}|${foldKey(row.municipality)}`;
}

function cachedSchoolId(
  row: ResultRow,
  byCode: Map<string, string>,
  byName: Map<string, Map<string, string>>,
): string {
  if (row.schoolCode) {
    let id = byCode.get(row.schoolCode);
    if (id === undefined) byCode.set(row.schoolCode, (id = schoolId(row)));
    return id;
  }
  let byMunicipality = byName.get(row.schoolName);
  if (!byMunicipality) byName.set(row.schoolName, (byMunicipality = new Map()));
  let id = byMunicipality.get(row.municipality);
  if (id === undefined) byMunicipality.set(row.municipality, (id = schoolId(row)));
  return id;
}

function cachedProcedure(
  row: ResultRow,
  settings: CriteriaSettings,
  cache: Map<string, Map<number, Map<string, ProcedureIdentity>>>,
): ProcedureIdentity {
  let byGrade = cache.get(row.subject);
  if (!byGrade) cache.set(row.subject, (byGrade = new Map()));
  let byType = byGrade.get(row.grade);
  if (!byType) byGrade.set(row.grade, (byType = new Map()));
  let proc = byType.get(row.type);
  if (!proc) byType.set(row.type, (proc = procedureOf(row, settings)));
  return proc;
}

export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

function where(source: ResultRow['source']): string {
  return `${source.file ? `файл «${source.file}», ` : ''}лист «${source.sheet}», строка ${source.row}`;
}

/** The earlier source of the same type|grade|subject in this accumulator, after noting this one. */
function seenSource(
  acc: Acc,
  key: string,
  source: ResultRow['source'],
): ResultRow['source'] | null {
  if (acc.firstKey === key) return acc.firstSource;
  const other = acc.others?.find((o) => o.key === key);
  if (other) return other.source;
  (acc.others ??= []).push({ key, source });
  return null;
}

function duplicate(
  row: ResultRow,
  earlier: ResultRow['source'],
  schoolName: string,
  issues: Issue[],
): void {
  issues.push({
    severity: 'warning',
    code: 'duplicate-result',
    message: `${where(row.source)}: результат ${row.type} ${row.grade} ${row.subject} за ${row.year} г. для «${schoolName}» уже есть (${where(earlier)}); числа сложены.`,
    sheet: row.source.sheet,
    cell: '',
    row: row.source.row,
    fix: 'Удалите повторную строку или исправьте год, класс или предмет.',
    ...(row.source.file ? { file: row.source.file } : {}),
  });
}

function groupRows(
  rows: readonly ResultRow[],
  settings: CriteriaSettings,
  notHeld: readonly NotHeld[],
  issues: Issue[],
): Map<string, SchoolAcc> {
  const schools = new Map<string, SchoolAcc>();
  // A region repeats a few thousand schools and a dozen procedures: normalise each distinct text
  // once, and look rows up without building a new string per row (garbage dominates otherwise).
  const idByCode = new Map<string, string>();
  const idByName = new Map<string, Map<string, string>>();
  const procedures = new Map<string, Map<number, Map<string, ProcedureIdentity>>>();
  const allNotHeld = [...notHeld, ...settings.yearsNotHeld];
  for (const row of rows) {
    if (allNotHeld.length > 0 && isNotHeld(row, allNotHeld)) {
      issues.push({
        severity: 'info',
        code: 'not-held-with-data',
        message: `${where(row.source)}: ${row.type} ${row.grade} ${row.subject} в ${row.year} г. отмечена как не проводившаяся; строка не учитывается (процедура отсутствует, а не равна нулю).`,
        sheet: row.source.sheet,
        cell: '',
        row: row.source.row,
        fix: 'Если процедура проводилась, уберите её из списка непроводившихся (настройка yearsNotHeld).',
        ...(row.source.file ? { file: row.source.file } : {}),
      });
      continue;
    }
    const id = cachedSchoolId(row, idByCode, idByName);
    const proc = cachedProcedure(row, settings, procedures);
    let school = schools.get(id);
    if (!school) {
      school = {
        id,
        code: squash(row.schoolCode),
        name: squash(row.schoolName),
        municipality: squash(row.municipality),
        years: new Map(),
      };
      schools.set(id, school);
    }
    let byProc = school.years.get(row.year);
    if (!byProc) {
      byProc = new Map();
      school.years.set(row.year, byProc);
    }
    let acc = byProc.get(proc.key);
    if (!acc) {
      acc = {
        id: proc,
        type: row.type,
        subject: proc.subject,
        year: row.year,
        participants: 0,
        failed: 0,
        marks: null,
        allMarks: true,
        journal: null,
        firstKey: proc.fullKey,
        firstSource: row.source,
        others: null,
      };
      byProc.set(proc.key, acc);
    } else {
      const earlier = seenSource(acc, proc.fullKey, row.source);
      if (earlier) duplicate(row, earlier, school.name, issues);
    }
    acc.participants += row.participants;
    acc.failed += row.failed;
    if (row.n3 === undefined && row.n4 === undefined && row.n5 === undefined) acc.allMarks = false;
    else {
      acc.marks ??= { n3: 0, n4: 0, n5: 0 };
      acc.marks.n3 += row.n3 ?? 0;
      acc.marks.n4 += row.n4 ?? 0;
      acc.marks.n5 += row.n5 ?? 0;
    }
    if (row.lowered !== undefined || row.confirmed !== undefined || row.raised !== undefined) {
      acc.journal ??= { lowered: 0, confirmed: 0, raised: 0 };
      acc.journal.lowered += row.lowered ?? 0;
      acc.journal.confirmed += row.confirmed ?? 0;
      acc.journal.raised += row.raised ?? 0;
    }
  }
  return schools;
}

function procedureResult(acc: Acc, settings: CriteriaSettings): ProcedureResult {
  const n = acc.participants;
  const share = n > 0 && n >= settings.minParticipants ? acc.failed / n : null;
  const marks = acc.allMarks ? acc.marks : null;
  const j = acc.journal;
  return {
    label: acc.id.label,
    type: acc.type,
    grade: acc.id.grade,
    subject: acc.subject,
    year: acc.year,
    participants: n,
    failed: acc.failed,
    share,
    low: share !== null && share >= settings.threshold,
    small: share !== null && n < settings.smallSample,
    counted: acc.id.counted,
    subjectGroup: acc.id.group,
    n3: marks ? marks.n3 : null,
    n4: marks ? marks.n4 : null,
    n5: marks ? marks.n5 : null,
    quality: marks ? ratio(marks.n4 + marks.n5, n) : null,
    successRate: marks ? ratio(marks.n3 + marks.n4 + marks.n5, n) : null,
    avgMark: marks ? ratio(2 * acc.failed + 3 * marks.n3 + 4 * marks.n4 + 5 * marks.n5, n) : null,
    confirmedShare: j ? ratio(j.confirmed, j.lowered + j.confirmed + j.raised) : null,
    lowered: j ? j.lowered : null,
    confirmed: j ? j.confirmed : null,
    raised: j ? j.raised : null,
  };
}

const percent = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1).replace('.', ',')} %`;

function reasonText(y: SchoolYear, settings: CriteriaSettings): string {
  const parts: string[] = [];
  const describe = (label: string) => {
    const p = y.shares[label];
    return p && p.share !== null ? `${label} (${percent(p.share)}, N = ${p.participants})` : label;
  };
  if (y.triggerA) {
    parts.push(
      `Триггер А: доля «2» не ниже ${percent(settings.threshold)} в ${y.lowProcedures.length} процедурах ${y.year} г.: ${y.lowProcedures.map(describe).join('; ')}.`,
    );
  }
  if (y.triggerB) {
    parts.push(
      `Триггер Б: доля «2» не ниже ${percent(settings.threshold)} в ${y.year - 1} и ${y.year} гг. в одной процедуре: ${y.repeatedProcedures.map(describe).join('; ')}.`,
    );
  }
  return parts.join(' ');
}

function subjectShares(
  procs: readonly ProcedureResult[],
  settings: CriteriaSettings,
): Record<string, SubjectShare> {
  const out: Record<string, SubjectShare> = {};
  for (const s of settings.subjects)
    out[s] = { participants: 0, failed: 0, share: null, dynamics: null };
  for (const p of procs) {
    if (!p.counted || p.share === null || !p.subjectGroup) continue;
    const s = out[p.subjectGroup];
    if (!s) continue;
    s.participants += p.participants;
    s.failed += p.failed;
  }
  for (const s of Object.values(out)) s.share = ratio(s.failed, s.participants);
  return out;
}

/** 1 improved by more than Δ percentage points, −1 worse by more than Δ, 0 neither. */
export function subjectDynamics(
  prev: number | null,
  cur: number | null,
  deltaPp: number,
): 1 | 0 | -1 | null {
  if (prev === null || cur === null) return null;
  if ((prev - cur) * 100 > deltaPp) return 1;
  if ((cur - prev) * 100 > deltaPp) return -1;
  return 0;
}

function schoolYears(school: SchoolAcc, settings: CriteriaSettings): Record<string, SchoolYear> {
  const out: Record<string, SchoolYear> = {};
  const years = [...school.years.keys()].sort((a, b) => a - b);
  for (const year of years) {
    const accs = [...school.years.get(year)!.values()];
    const procs = accs
      .map((a) => procedureResult(a, settings))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const shares: Record<string, ProcedureResult> = {};
    for (const p of procs) shares[p.label] = p;
    const prev = out[String(year - 1)];
    const lowProcedures = procs.filter((p) => p.counted && p.low).map((p) => p.label);
    const repeatedProcedures = prev
      ? lowProcedures.filter((l) => prev.shares[l]?.low === true)
      : [];
    const triggerA = lowProcedures.length >= 2;
    const triggerB = repeatedProcedures.length >= 1;
    const shnor = triggerA || triggerB;
    const consecutiveYears = shnor ? (prev ? prev.consecutiveYears : 0) + 1 : 0;
    const subjects = subjectShares(procs, settings);
    let positiveDynamics: boolean | null = null;
    if (prev) {
      const changes: Array<1 | 0 | -1> = [];
      for (const [name, s] of Object.entries(subjects)) {
        s.dynamics = subjectDynamics(
          prev.subjects[name]?.share ?? null,
          s.share,
          settings.dynamicsDelta,
        );
        if (s.dynamics !== null) changes.push(s.dynamics);
      }
      if (changes.length > 0) positiveDynamics = changes.includes(1) && !changes.includes(-1);
    }
    const y: SchoolYear = {
      year,
      hasResults: procs.some((p) => p.counted && p.share !== null),
      shnor,
      triggerA,
      triggerB,
      lowProcedures,
      repeatedProcedures,
      consecutiveYears,
      stagnation: consecutiveYears >= settings.stagnationYears,
      previousShnor: prev?.shnor ?? false,
      leftList: (prev?.shnor ?? false) && !shnor,
      positiveDynamics,
      reason: '',
      shares,
      subjects,
    };
    y.reason = reasonText(y, settings);
    out[String(year)] = y;
  }
  return out;
}

export function computeCriteria(
  rows: readonly ResultRow[],
  settings: CriteriaSettings,
  notHeld: readonly NotHeld[] = [],
): CriteriaResult {
  const issues: Issue[] = [];
  const grouped = groupRows(rows, settings, notHeld, issues);
  const schools: SchoolCriteria[] = [];
  const years = new Set<number>();
  for (const s of grouped.values()) {
    for (const y of s.years.keys()) years.add(y);
    schools.push({
      id: s.id,
      code: s.code,
      name: s.name,
      municipality: s.municipality,
      years: schoolYears(s, settings),
    });
  }
  const ru = new Intl.Collator('ru');
  schools.sort(
    (a, b) =>
      ru.compare(a.municipality, b.municipality) ||
      ru.compare(a.name, b.name) ||
      ru.compare(a.id, b.id),
  );
  const sortedYears = [...years].sort((a, b) => a - b);
  return {
    settings,
    years: sortedYears,
    schools,
    indicators: regionIndicators(schools, sortedYears, settings),
    issues,
  };
}
