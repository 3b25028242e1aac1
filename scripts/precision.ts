/**
 * Precision of the plan check against a methodologist's verdicts: for every NAME.labels.json in a
 * folder, checks NAME.xlsx (the careful paste, "clean") and NAME-pasted.xlsx (as it comes out of
 * the document) the way `check --as-of 2023-06-01` does, matches each reported issue with its
 * label, and prints per plan and in total the precision of errors and warnings (infos too), the
 * TRUE issues no longer reported, and every issue without a label (to be judged).
 *
 *   npm run precision [-- folder]
 *
 * A development measure, not a test: the labels are judgement and live outside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { sortIssues, type Issue, type Severity } from '../src/core/issue';
import { checkWorkbook } from '../src/core/plan/check';
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

interface LabelFile {
  issues: Record<string, Label[]>;
  missed?: Array<{ number: string; row: string; what: string }>;
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

export async function measureVariant(
  dir: string,
  plan: string,
  variant: string,
  labels: Label[],
): Promise<VariantResult | null> {
  const file = path.join(dir, `${plan}${variant === 'clean' ? '' : variant}.xlsx`);
  if (!existsSync(file)) return null;
  const wb = await readWorkbook(path.basename(file), readFileSync(file));
  const sheets = checkWorkbook(wb.sheets, { fileName: path.basename(file), asOf: AS_OF });
  const issues = sheets.flatMap((s) => sortIssues(s.issues));
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
  return { plan, variant, tally, lost, unjudged, noise };
}

export async function measureFolder(dir: string): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()) {
    const plan = name.replace(/\.labels\.json$/, '');
    const data = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as LabelFile;
    for (const [variant, labels] of Object.entries(data.issues)) {
      const r = await measureVariant(dir, plan, variant, labels);
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
  console.log('«+N?» — замечания без разметки, в точность не входят.\n');
  const rows: string[][] = [['план', 'ошибки', 'предупреждения', 'сведения', 'верных пропало']];
  const total = emptyTally();
  let lost = 0;
  for (const r of results) {
    add(total, r.tally);
    lost += r.lost.length;
    rows.push([
      `${r.plan} ${r.variant}`,
      ...SEVERITIES.map((s) => precision(r.tally, s)),
      String(r.lost.length),
    ]);
  }
  rows.push(['всего', ...SEVERITIES.map((s) => precision(total, s)), String(lost)]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows)
    console.log(
      row.map((cell, c) => (c ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '),
    );

  for (const r of results) {
    if (!r.lost.length && !r.unjudged.length && !r.noise.length) continue;
    console.log(`\n== ${r.plan} ${r.variant}`);
    for (const l of r.lost)
      console.log(`  пропало верное: ${l.severity} ${l.code} ${l.cell}: ${short(l.message)}`);
    for (const n of r.noise)
      console.log(
        `  шум: ${n.issue.severity} ${n.issue.code} ${where(n.issue)}: ${short(n.issue.message)}\n        (${short(n.why)})`,
      );
    for (const i of r.unjudged)
      console.log(`  без разметки: ${i.severity} ${i.code} ${where(i)}: ${short(i.message, 160)}`);
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
