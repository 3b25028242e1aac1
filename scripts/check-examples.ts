/**
 * Compares the plan reader with hand-made keys: for every example plan (.xlsx) in a folder, the
 * activities, sections and period checkWorkbook finds against <name>.key.json, and every issue it
 * reports. A development aid for tuning the reader on real plans; not part of the test suite.
 *
 *   npm run build:cli && node dist/scripts/check-examples.js [folder]
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { countBySeverity, SEVERITY_RU, sortIssues } from '../src/core/issue';
import { checkWorkbook } from '../src/core/plan/check';
import { foldKey, squash } from '../src/core/text';
import { readWorkbook } from '../src/xlsx/read';

interface KeyActivity {
  number: string;
  title: string;
  deadline: string;
  responsible: string;
}

interface PlanKey {
  name: string;
  period: [string, string];
  activities: KeyActivity[];
  sections: string[];
}

export interface ExampleResult {
  file: string;
  activities: { found: number; expected: number };
  sections: { found: number; expected: number };
  period: { found: string; expected: string };
  mismatches: string[];
  issues: string[];
  counts: { error: number; warning: number; info: number };
}

const same = (a: string, b: string) => squash(a) === squash(b);
const short = (s: string) => {
  const t = squash(s);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

export async function checkExample(file: string, key: PlanKey): Promise<ExampleResult> {
  const wb = await readWorkbook(path.basename(file), readFileSync(file));
  const sheets = checkWorkbook(wb.sheets, {
    fileName: path.basename(file),
    asOf: new Date().toISOString().slice(0, 10),
  });
  const plan = sheets.find((s) => s.isPlan) ?? sheets[0];
  const mismatches: string[] = [];
  const acts = plan?.activities ?? [];
  const n = Math.max(acts.length, key.activities.length);
  for (let i = 0; i < n; i++) {
    const got = acts[i];
    const want = key.activities[i];
    if (!got) {
      mismatches.push(`мероприятие ${want!.number} «${short(want!.title)}» не найдено`);
      continue;
    }
    const where = `строка ${got.row}`;
    if (!want) {
      mismatches.push(`${where}: лишнее мероприятие ${got.number} «${short(got.title)}»`);
      continue;
    }
    if (!same(got.number, want.number))
      mismatches.push(`${where}: номер «${got.number}», ожидался «${want.number}»`);
    if (foldKey(got.title) !== foldKey(want.title))
      mismatches.push(`${where}: название «${short(got.title)}», ожидалось «${short(want.title)}»`);
    if (!same(got.deadline.text, want.deadline))
      mismatches.push(
        `${where}: срок «${short(got.deadline.text)}», ожидался «${short(want.deadline)}»`,
      );
    if (!same(got.responsibleText, want.responsible))
      mismatches.push(
        `${where}: исполнители «${short(got.responsibleText)}», ожидались «${short(want.responsible)}»`,
      );
    if (got.deadline.kind === 'unparsed')
      mismatches.push(`${where}: срок «${short(got.deadline.text)}» не разобран`);
  }
  const sections = plan?.sections ?? [];
  for (const want of key.sections) {
    const hit = sections.some(
      (s) =>
        foldKey(`${s.number} ${s.title}`) === foldKey(want) || foldKey(s.title) === foldKey(want),
    );
    if (!hit) mismatches.push(`раздел «${short(want)}» не найден`);
  }
  for (const s of sections) {
    const hit = key.sections.some(
      (want) =>
        foldKey(`${s.number} ${s.title}`) === foldKey(want) || foldKey(s.title) === foldKey(want),
    );
    if (!hit)
      mismatches.push(`строка ${s.row}: лишний раздел «${short(`${s.number} ${s.title}`)}»`);
  }
  const period = plan?.period
    ? `${plan.period.start}…${plan.period.end} (${plan.period.source})`
    : 'нет';
  const expectedPeriod = `${key.period[0]}…${key.period[1]}`;
  if (!plan?.period || plan.period.start !== key.period[0] || plan.period.end !== key.period[1])
    mismatches.push(`период ${period}, ожидался ${expectedPeriod}`);
  const all = sheets.flatMap((s) => sortIssues(s.issues));
  return {
    file: path.basename(file),
    activities: { found: acts.length, expected: key.activities.length },
    sections: { found: sections.length, expected: key.sections.length },
    period: { found: period, expected: expectedPeriod },
    mismatches,
    issues: all.map(
      (i) =>
        `${i.sheet}!${i.cell || '—'} ${SEVERITY_RU[i.severity]} ${i.code}: ${i.message}${i.fix ? ` → ${i.fix}` : ''}`,
    ),
    counts: countBySeverity(all),
  };
}

export async function checkExamples(dir: string): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()) {
    const base = name.replace(/\.xlsx$/, '').replace(/-pasted$/, '');
    const key = JSON.parse(readFileSync(path.join(dir, `${base}.key.json`), 'utf8')) as PlanKey;
    results.push(await checkExample(path.join(dir, name), key));
  }
  return results;
}

function printTable(results: ExampleResult[]): void {
  const rows = [
    ['файл', 'мероприятия', 'разделы', 'расхождений', 'ошибок', 'предупр.', 'сведений'],
    ...results.map((r) => [
      r.file,
      `${r.activities.found}/${r.activities.expected}`,
      `${r.sections.found}/${r.sections.expected}`,
      String(r.mismatches.length),
      String(r.counts.error),
      String(r.counts.warning),
      String(r.counts.info),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(
      r.map((cell, c) => (c ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '),
    );
  for (const r of results) {
    console.log(`\n== ${r.file}: период ${r.period.found} (ожидался ${r.period.expected})`);
    for (const m of r.mismatches) console.log(`  расхождение: ${m}`);
    for (const i of r.issues) console.log(`  ${i}`);
  }
}

if (require.main === module) {
  checkExamples(process.argv[2] ?? '/work/shared/examples/plans').then(printTable, (e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  });
}
