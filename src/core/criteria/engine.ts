/**
 * computeCriteria: the ШНОР rule, dynamics and region indicators of docs/domain.md §3.3–§3.5 over the
 * normalised results. One pass to group rows, one pass per school-year; linear in the row count
 * (plus sorting the schools).
 */
import type { NotHeld, ResultRow } from '../results/types';
import type { CriteriaSettings } from '../settings';
import { CriteriaAccumulator, type Acc, type Part, type SchoolAcc } from './accumulate';
import { regionIndicators } from './indicators';
import type {
  CriteriaResult,
  ProcedureResult,
  SchoolCriteria,
  SchoolYear,
  SubjectShare,
} from './types';

export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** The sums of every part pooled into the procedure. */
function totals(acc: Acc): Part {
  if (!acc.others) return acc;
  const t: Part = {
    ...acc,
    marks: acc.marks && { ...acc.marks },
    journal: acc.journal && { ...acc.journal },
  };
  for (const p of acc.others) {
    t.participants += p.participants;
    t.failed += p.failed;
    t.allMarks &&= p.allMarks;
    if (p.marks) {
      t.marks ??= { n3: 0, n4: 0, n5: 0 };
      t.marks.n3 += p.marks.n3;
      t.marks.n4 += p.marks.n4;
      t.marks.n5 += p.marks.n5;
    }
    if (p.journal) {
      t.journal ??= { lowered: 0, confirmed: 0, raised: 0 };
      t.journal.lowered += p.journal.lowered;
      t.journal.confirmed += p.journal.confirmed;
      t.journal.raised += p.journal.raised;
    }
  }
  return t;
}

function procedureResult(acc: Acc, settings: CriteriaSettings): ProcedureResult {
  const sums = totals(acc);
  const n = sums.participants;
  const share = n > 0 && n >= settings.minParticipants ? sums.failed / n : null;
  const marks = sums.allMarks ? sums.marks : null;
  const j = sums.journal;
  return {
    label: acc.id.label,
    type: acc.type,
    grade: acc.id.grade,
    subject: acc.subject,
    year: acc.year,
    participants: n,
    failed: sums.failed,
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
    avgMark: marks ? ratio(2 * sums.failed + 3 * marks.n3 + 4 * marks.n4 + 5 * marks.n5, n) : null,
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
  const acc = new CriteriaAccumulator(settings);
  acc.add(rows, notHeld);
  return finishCriteria(acc, settings);
}

/** The criteria of the rows added to `acc`; `notHeld` are every mark the reading found. */
export function finishCriteria(
  acc: CriteriaAccumulator,
  settings: CriteriaSettings,
  notHeld: readonly NotHeld[] = [],
): CriteriaResult {
  const grouped = acc.finish(notHeld);
  const issues = acc.issues;
  const schools: SchoolCriteria[] = [];
  const years = new Set<number>();
  for (const [key, s] of grouped) {
    // Each school's sums go once its results are built: the two never all live at once.
    grouped.delete(key);
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
