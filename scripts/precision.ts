/**
 * Precision of the plan check against a methodologist's verdicts: for every NAME.labels.json in a
 * folder, checks NAME.xlsx (the careful paste, "clean") and NAME-pasted.xlsx (as it comes out of
 * the document) with the use case `check --as-of 2023-06-01` runs (checkPlans, default
 * settings), matches each reported issue with its label, and prints per plan and in total the
 * precision of errors and warnings (infos too), the TRUE issues no longer reported, every issue
 * without a label (to be judged), and which of the problems the labels say the check missed now
 * have an issue on their rows.
 *
 *   npm run precision [-- folder]
 *
 * A development measure, not a test: the labels are judgement and live outside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { checkPlans } from '../src/app/checkPlans';
import { NEW_WORKBOOK } from '../src/app/types';
import { sortIssues, type Issue, type Severity } from '../src/core/issue';
import { defaultSettings } from '../src/core/settings';
import { readWorkbook } from '../src/xlsx/read';

/** The day the labels were judged on (their "about" says `check --as-of 2023-06-01`). */
const AS_OF = '2023-06-01';

export interface Label {
  code: string;
  severity: Severity;
  /** A1 address, "—" for the whole sheet. */
  cell: string;
  verdict: 'TRUE' | 'NOISE';
  why: string;
  message: string;
}

/** A real problem the check did not report when the labels were made. */
export interface Missed {
  number: string;
  /** Rows in the labeller's words: "21 (pasted 23)", "17, 19, 20 (pasted 20, 22, 23)", "15–28". */
  row: string;
  what: string;
}

interface LabelFile {
  issues: Record<string, Label[]>;
  missed?: Missed[];
}

export interface Tally {
  /** Labelled TRUE and NOISE among the reported issues, and those without a label, by severity. */
  right: Record<Severity, number>;
  wrong: Record<Severity, number>;
  unlabelled: Record<Severity, number>;
}

export interface VariantResult {
  plan: string;
  variant: string;
  tally: Tally;
  /** TRUE labels no reported issue matches any more. */
  lost: Label[];
  /** Reported issues without a label. */
  unjudged: Issue[];
  /** Reported issues labelled NOISE, with the reason. */
  noise: Array<{ issue: Issue; why: string }>;
  /** Each missed problem of the labels with the unlabelled issues now reported on its rows. */
  missed: Array<{ missed: Missed; found: Issue[] }>;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
const emptyTally = (): Tally => ({ right: zero(), wrong: zero(), unlabelled: zero() });

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, a.size + b.size - n);
}

/**
 * Pairs reported issues with labels: same code, severity and cell; among several candidates (the
 * steps of the management cycle share code and cell) the label whose message shares most words.
 * Each label is used once.
 */
export function matchLabels(
  issues: Issue[],
  labels: Label[],
): { pairs: Array<{ issue: Issue; label: Label | null }>; lost: Label[] } {
  const free = new Set(labels);
  const pairs = issues.map((issue) => {
    const cell = issue.cell || '—';
    const candidates = [...free].filter(
      (l) => l.code === issue.code && l.severity === issue.severity && l.cell === cell,
    );
    const mine = words(issue.message);
    let best: Label | null = null;
    let bestScore = -1;
    for (const l of candidates) {
      const score = overlap(mine, words(l.message));
      if (score > bestScore) [best, bestScore] = [l, score];
    }
    if (best) free.delete(best);
    return { issue, label: best };
  });
  return { pairs, lost: [...free].filter((l) => l.verdict === 'TRUE') };
}

/**
 * The rows a missed problem names in one variant: the numbers before "(pasted …)" for the clean
 * workbook, those inside it for the pasted one (the same numbers when there is no "pasted" part);
 * "a–b" is a range.
 */
export function missedRows(row: string, variant: string): Set<number> {
  const m = /^(.*?)\(pasted\s+([^)]*)\)/.exec(row);
  const part = m ? (variant === 'clean' ? m[1]! : m[2]!) : row;
  const rows = new Set<number>();
  for (const [, a, b] of part.matchAll(/(\d+)(?:\s*[–-]\s*(\d+))?/g))
    for (let r = Number(a); r <= Number(b ?? a); r++) rows.add(r);
  return rows;
}

/** The activity numbers a missed problem names: "2.2, 2.6, 3.1–3.5" → 2.2, 2.6, 3.1 … 3.5. */
export function missedNumbers(number: string): Set<string> {
  const found = new Set<string>();
  for (const [, first, last] of number.matchAll(/(\d+(?:\.\d+)*)(?:\s*[–-]\s*(\d+(?:\.\d+)*))?/g)) {
    const a = first!.split('.');
    const b = last?.split('.');
    if (b && b.length === a.length && b.slice(0, -1).join('.') === a.slice(0, -1).join('.'))
      for (let k = Number(a.at(-1)); k <= Number(b.at(-1)); k++)
        found.add([...a.slice(0, -1), k].join('.'));
    else found.add(first!);
  }
  return found;
}

/** A sheet-wide remark that lists activity numbers names at least half of the problem's. */
function namesMost(issue: Issue, numbers: Set<string>): boolean {
  const named = new Set(issue.message.match(/\d+(?:\.\d+)+/g) ?? []);
  const hits = [...numbers].filter((n) => named.has(n)).length;
  return numbers.size > 1 && hits * 2 >= numbers.size;
}

export async function measureVariant(
  dir: string,
  plan: string,
  variant: string,
  labels: Label[],
  missed: Missed[] = [],
): Promise<VariantResult | null> {
  const file = path.join(dir, `${plan}${variant === 'clean' ? '' : variant}.xlsx`);
  if (!existsSync(file)) return null;
  const wb = await readWorkbook(path.basename(file), readFileSync(file));
  // The use case `check` runs, with default settings.
  const checked = checkPlans({
    files: [{ file: path.basename(file), sheets: wb.sheets }],
    settings: defaultSettings(),
    asOf: AS_OF,
    workbook: NEW_WORKBOOK,
  });
  const issues = checked.results.files.flatMap((f) =>
    f.sheets.flatMap((s) => sortIssues(s.issues)),
  );
  const { pairs, lost } = matchLabels(issues, labels);
  const tally = emptyTally();
  const unjudged: Issue[] = [];
  const noise: VariantResult['noise'] = [];
  for (const { issue, label } of pairs) {
    if (!label) {
      tally.unlabelled[issue.severity]++;
      unjudged.push(issue);
    } else if (label.verdict === 'TRUE') tally.right[issue.severity]++;
    else {
      tally.wrong[issue.severity]++;
      noise.push({ issue, why: label.why });
    }
  }
  // An issue counts for the most specific missed problem on its row ("15" before "15–28").
  const rowsOf = missed.map((m) => missedRows(m.row, variant));
  const found = missed.map((m) => ({ missed: m, found: [] as Issue[] }));
  for (const issue of unjudged) {
    let best = -1;
    rowsOf.forEach((rows, k) => {
      if (rows.has(issue.row) && (best < 0 || rows.size < rowsOf[best]!.size)) best = k;
    });
    if (best >= 0) found[best]!.found.push(issue);
  }
  // A problem no issue stands on may be named by a remark on the whole sheet that lists its rows.
  for (const f of found) {
    if (f.found.length) continue;
    const numbers = missedNumbers(f.missed.number);
    f.found.push(...unjudged.filter((i) => namesMost(i, numbers)));
  }
  return { plan, variant, tally, lost, unjudged, noise, missed: found };
}

export async function measureFolder(dir: string): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()) {
    const plan = name.replace(/\.labels\.json$/, '');
    const data = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as LabelFile;
    for (const [variant, labels] of Object.entries(data.issues)) {
      const r = await measureVariant(dir, plan, variant, labels, data.missed ?? []);
      if (r) results.push(r);
    }
  }
  return results;
}

function add(into: Tally, t: Tally): void {
  for (const s of SEVERITIES) {
    into.right[s] += t.right[s];
    into.wrong[s] += t.wrong[s];
    into.unlabelled[s] += t.unlabelled[s];
  }
}

/** "7/7 100 %", "—" when nothing of that severity was reported; "+2?" for unlabelled ones. */
function precision(t: Tally, s: Severity): string {
  const judged = t.right[s] + t.wrong[s];
  const p = judged ? `${t.right[s]}/${judged} ${Math.round((100 * t.right[s]) / judged)} %` : '—';
  return t.unlabelled[s] ? `${p} +${t.unlabelled[s]}?` : p;
}

const where = (i: Issue): string => `${i.sheet}!${i.cell || '—'}`;
const short = (s: string, n = 110): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function printResults(dir: string, results: VariantResult[]): void {
  console.log(`Точность проверки планов по разметке (${dir}), сроки на ${AS_OF}`);
  console.log('«+N?» — замечания без разметки, в точность не входят.');
  console.log('«пропущенные»: найдено / всего проблем, которые разметка называет пропущенными.\n');
  const rows: string[][] = [
    ['план', 'ошибки', 'предупреждения', 'сведения', 'верных пропало', 'пропущенные'],
  ];
  const total = emptyTally();
  let lost = 0;
  let found = 0;
  let missed = 0;
  const foundOf = (r: VariantResult): number => r.missed.filter((m) => m.found.length).length;
  for (const r of results) {
    add(total, r.tally);
    lost += r.lost.length;
    found += foundOf(r);
    missed += r.missed.length;
    rows.push([
      `${r.plan} ${r.variant}`,
      ...SEVERITIES.map((s) => precision(r.tally, s)),
      String(r.lost.length),
      r.missed.length ? `${foundOf(r)}/${r.missed.length}` : '—',
    ]);
  }
  rows.push([
    'всего',
    ...SEVERITIES.map((s) => precision(total, s)),
    String(lost),
    `${found}/${missed}`,
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows)
    console.log(
      row.map((cell, c) => (c ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '),
    );

  for (const r of results) {
    if (!r.lost.length && !r.unjudged.length && !r.noise.length && !r.missed.length) continue;
    console.log(`\n== ${r.plan} ${r.variant}`);
    for (const l of r.lost)
      console.log(`  пропало верное: ${l.severity} ${l.code} ${l.cell}: ${short(l.message)}`);
    for (const n of r.noise)
      console.log(
        `  шум: ${n.issue.severity} ${n.issue.code} ${where(n.issue)}: ${short(n.issue.message)}\n        (${short(n.why)})`,
      );
    for (const i of r.unjudged)
      console.log(`  без разметки: ${i.severity} ${i.code} ${where(i)}: ${short(i.message, 160)}`);
    for (const m of r.missed)
      console.log(
        `  пропущенное ${m.missed.number} (строки ${m.missed.row}): ${
          m.found.length
            ? `найдено — ${[...new Set(m.found.map((i) => `${i.code} ${i.cell || '—'}`))].join(', ')}`
            : 'не найдено'
        }\n        (${short(m.missed.what)})`,
      );
  }
}

/** The examples live beside the project: ../shared from the main checkout, /work/shared always. */
function defaultFolder(): string {
  const near = path.resolve(__dirname, '..', '..', '..', 'shared', 'examples', 'plans');
  return existsSync(near) ? near : '/work/shared/examples/plans';
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? defaultFolder());
  measureFolder(dir).then(
    (results) => {
      if (!results.length) {
        console.error(`В папке ${dir} нет разметки (*.labels.json) с книгами планов рядом.`);
        process.exitCode = 2;
      } else printResults(dir, results);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
