/**
 * `shnor-roadmap report`: results workbooks (+ a plan, settings, risk factors) → one report
 * workbook: «Оглавление», «Свод», «График», the criteria sheets and a tab per school.
 * Input files are only read. An existing --out workbook is opened and updated: the sheets this
 * program generated are replaced, the user's own sheets are left exactly as they are.
 */
import { REGISTRY_SHEET } from '../../core/workbook/sheetNames';
import { existsSync } from 'fs';
import * as path from 'path';
import { computeCriteria } from '../../core/criteria/engine';
import type { CriteriaResult } from '../../core/criteria/types';
import { buildCriteriaPatch } from '../../core/criteria/workbookPatch';
import type { Grid } from '../../core/grid';
import type { Issue } from '../../core/issue';
import type { OnProgress } from '../../core/progress';
import { checkWorkbook } from '../../core/plan/check';
import { parsePeriodSetting } from '../../core/plan/period';
import { buildReportPatch } from '../../core/report/build';
import { readRiskFactors } from '../../core/report/riskFactors';
import type { TimelinePlan } from '../../core/report/timelineSheet';
import { schoolIdentityIssues } from '../../core/results/identity';
import { readResults } from '../../core/results/read';
import type { NotHeld, ResultRow } from '../../core/results/types';
import type { Settings } from '../../core/settings';
import type { ApplyReport, ChangedByUser } from '../../core/workbook/policy';
import { isoDateOption, parseCommandArgs, stringOption } from '../args';
import { displayPath, expandInputs, inputsWithoutOutput, loadInput } from '../files';
import { EXIT, UsageError, type Io } from '../io';
import { withOutput, type Output } from '../output';
import { checkOutExtension, openForUpdate, writeUpdate } from '../workbookUpdate';
import { readSettingsFile } from '../settingsFile';
import { progressLine } from '../progress';
import type { Command } from '../main';

const USAGE = `Использование: shnor-roadmap report <файлы или папки с результатами…> --out ОТЧЁТ.xlsx [параметры]

Строит книгу-отчёт: «Оглавление» со ссылками на листы школ, «Свод» по муниципалитетам,
«График» мероприятий плана (если указан --plan), листы критериев ШНОР и по листу на каждую
школу: статус по годам, результаты процедур (доля «2» — формулой, доля не ниже порога выделена),
факторы риска и заготовка дорожной карты школы.

Исходные файлы не изменяются. Если файл --out уже есть, он открывается и обновляется: листы,
созданные программой раньше, заменяются (сначала сообщается, какие из них вы переименовали или
правили), ваши собственные листы остаются как есть.

Параметры:
  --out ФАЙЛ.xlsx      книга отчёта (обязательно)
  --plan ФАЙЛ.xlsx     региональный план: для «Графика» и заготовок дорожных карт школ
  --settings ФАЙЛ.json настройки (порог, процедуры, годы без проведения, факторы риска…)
  --as-of ГГГГ-ММ-ДД   дата, на которую отмечаются просроченные мероприятия (по умолчанию сегодня)
  --quiet              не показывать строку хода работы (она видна, только когда вывод
                       ошибок идёт в терминал)
  --help               эта справка

Факторы риска читаются из листа входных файлов с колонками «Код ОО» и «Фактор риска …».

Коды завершения: 0 — отчёт записан, ошибок в данных нет; 1 — отчёт записан, но в данных есть
ошибки или часть файлов не прочитана (они перечислены); 2 — параметры неверны, результатов не
найдено или отчёт записать не удалось.

Пример: shnor-roadmap report результаты.xlsx --plan план.xlsx --out отчёт.xlsx`;

const OPTIONS = {
  out: { type: 'string' },
  plan: { type: 'string' },
  settings: { type: 'string' },
  'as-of': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

export interface ReportRun {
  criteria: CriteriaResult;
  apply: ApplyReport;
  out: string;
  issues: Issue[];
  rows: number;
  planActivities: number | null;
}

interface LoadedGrids {
  grids: Array<{ file: string; sheets: Grid[] }>;
  problems: string[];
}

async function loadGrids(
  inputs: string[],
  cwd: string,
  out: Output,
  plan: string | undefined,
  limits: Settings['inputLimits'],
  onProgress: OnProgress,
): Promise<LoadedGrids> {
  const { files, skipped } = await expandInputs(inputs, cwd);
  const result: LoadedGrids = {
    grids: [],
    problems: skipped.map((s) => `Файл «${s.display}» пропущен: ${s.reason}.`),
  };
  const todo = await inputsWithoutOutput(files, out, plan ? [path.resolve(cwd, plan)] : []);
  let rows = 0;
  for (const [i, f] of todo.entries()) {
    const file = { n: i + 1, of: todo.length, name: f.display };
    onProgress({ phase: 'read', file, rows });
    const loaded = await loadInput(f, limits, (n) =>
      onProgress({ phase: 'read', file, rows: rows + n }),
    );
    if (loaded.error !== undefined) result.problems.push(loaded.error);
    else {
      rows += loaded.workbook.sheets.reduce((n, g) => n + g.rows.length, 0);
      result.grids.push({
        file: f.display,
        sheets: loaded.workbook.sheets.filter((g) => g.sheet !== REGISTRY_SHEET),
      });
    }
  }
  return result;
}

async function loadPlan(
  file: string,
  cwd: string,
  asOf: string,
  settings: Settings,
): Promise<TimelinePlan> {
  const full = path.resolve(cwd, file);
  const loaded = await loadInput(
    { path: full, display: displayPath(cwd, full) },
    settings.inputLimits,
  );
  if (loaded.error !== undefined) throw new UsageError(loaded.error);
  const period = settings.planPeriod ? parsePeriodSetting(settings.planPeriod) : null;
  const checks = checkWorkbook(loaded.workbook.sheets, {
    asOf,
    fileName: path.basename(full),
    glossaryExtra: settings.glossary,
    ...(period ? { period } : {}),
  });
  const plan = checks.find((c) => c.isPlan);
  if (!plan)
    throw new UsageError(
      `В файле плана «${loaded.display}» не найдена таблица плана. Проверьте его командой shnor-roadmap check.`,
    );
  return {
    sheet: plan.sheet,
    file: path.basename(full),
    period: plan.period,
    sections: plan.sections,
    activities: plan.activities,
  };
}

/** A generated sheet the user changed, as the command reports it. */
function changedLine(c: ChangedByUser): string {
  const what = [c.renamed ? 'переименован' : '', c.edited ? 'изменено содержимое' : '']
    .filter(Boolean)
    .join(', ');
  return `«${c.name}» (${what})${c.keptAs ? `: ваш вариант сохранён как «${c.keptAs}»` : ''}`;
}

/** Everything the command does, without printing: used by `report` and `demo`. */
export async function runReport(opts: {
  inputs: string[];
  out: string;
  plan?: string;
  settings: Settings;
  asOf: string;
  cwd: string;
  /** Called before anything is written, with what will be replaced although the user changed it. */
  onChangedByUser?: (lines: string[]) => void;
  /** Called when another run is writing the same report and this one waits. */
  onWait?: (message: string) => void;
  /** Progress of the run: files read, then computing, then sheets written. */
  onProgress?: OnProgress;
}): Promise<ReportRun> {
  const file = path.resolve(opts.cwd, opts.out);
  return withOutput(
    file,
    { shown: opts.out, ...(opts.onWait ? { onWait: opts.onWait } : {}) },
    (out) => buildAndWrite(opts, out),
  );
}

async function buildAndWrite(
  opts: Parameters<typeof runReport>[0],
  out: Output,
): Promise<ReportRun> {
  const onProgress = opts.onProgress ?? (() => undefined);
  const loaded = await loadGrids(
    opts.inputs,
    opts.cwd,
    out,
    opts.plan,
    opts.settings.inputLimits,
    onProgress,
  );
  const rows: ResultRow[] = [];
  const notHeld: NotHeld[] = [];
  const issues: Issue[] = [];
  const bySchool = new Map<string, string[]>();
  for (const g of loaded.grids) {
    // A risk-factor sheet is not a results table: read it as such and keep it from the results reader.
    const risks = readRiskFactors(g.sheets);
    for (const [k, v] of risks.bySchool) bySchool.set(k, v);
    issues.push(...risks.issues);
    const resultSheets = g.sheets.filter((s) => !risks.sheets.includes(s.sheet));
    if (!resultSheets.length) continue;
    const read = readResults(resultSheets, {
      file: g.file,
      maxParticipants: opts.settings.maxParticipants,
    });
    rows.push(...read.rows);
    notHeld.push(...read.notHeld);
    issues.push(...read.issues);
  }
  issues.push(...schoolIdentityIssues(rows, true));
  for (const p of loaded.problems)
    issues.push({
      severity: 'error',
      code: 'unreadable-file',
      message: p,
      sheet: '',
      cell: '',
      row: 0,
    });
  if (!rows.length)
    throw new UsageError(
      `Во входных файлах не найдено результатов оценочных процедур.${loaded.problems.length ? `\n${loaded.problems.join('\n')}` : ''}`,
    );
  const plan = opts.plan
    ? await loadPlan(opts.plan, opts.cwd, opts.asOf, opts.settings)
    : undefined;

  onProgress({ phase: 'compute', rows: rows.length });
  const criteria = computeCriteria(rows, opts.settings, notHeld);
  // An existing report is updated at the zip level (the user's sheets copied as they are, ours
  // replaced); a new one is written the same way from an empty workbook.
  const book = await openForUpdate(out);
  const generated = book.generatedSheets();
  const takenNames = book.userSheetNames();
  const criteriaPatch = buildCriteriaPatch(rows, criteria, opts.settings, { takenNames });
  const patch = buildReportPatch({
    criteria,
    riskFactors: bySchool,
    ...(plan ? { plan } : {}),
    asOf: opts.asOf,
    title: `Отчёт по школам: ${loaded.grids.map((g) => path.basename(g.file)).join(', ')}`,
    takenNames,
    criteriaPatch,
    previousKeys: generated.map((g) => g.key),
  });
  const result = await book.apply(patch, {
    onSheet: (done, of) => onProgress({ phase: 'write', sheets: { done, of } }),
  });
  const apply = result.report;
  if (apply.changedByUser.length && opts.onChangedByUser)
    opts.onChangedByUser(apply.changedByUser.map(changedLine));
  await writeUpdate(out, result);
  return {
    criteria,
    apply,
    out: path.resolve(opts.cwd, opts.out),
    issues,
    rows: rows.length,
    planActivities: plan ? plan.activities.length : null,
  };
}

/** A short Russian account of a run. */
export function describeRun(run: ReportRun, cwd: string): string {
  const lines: string[] = [];
  const c = run.criteria;
  lines.push(
    `Прочитано строк результатов: ${run.rows}; школ: ${c.schools.length}; годы: ${c.years.join(', ')}.`,
  );
  for (const y of c.years) {
    const sy = c.schools.map((s) => s.years[String(y)]).filter((x) => x?.hasResults);
    const shnor = sy.filter((x) => x!.shnor).length;
    const left = sy.filter((x) => x!.leftList).length;
    lines.push(`  ${y}: ШНОР ${shnor} из ${sy.length}${left ? `, вышли из перечня ${left}` : ''}.`);
  }
  if (run.planActivities !== null)
    lines.push(`План: мероприятий ${run.planActivities}, лист «График» построен.`);
  const a = run.apply;
  lines.push(
    `Листов создано: ${a.created.length}, заменено: ${a.replaced.length}, удалено: ${a.removed.length}.` +
      (a.renamedToAvoidClash.length
        ? ` Имена заняты вашими листами, использованы другие: ${a.renamedToAvoidClash.map((r) => `«${r.wanted}» → «${r.actual}»`).join(', ')}.`
        : ''),
  );
  const problems = run.issues.filter((i) => i.severity === 'error');
  if (problems.length)
    lines.push(
      `Замечания к входным данным (${problems.length}):`,
      ...problems.slice(0, 10).map((i) => `  ${i.message}`),
    );
  lines.push(`Отчёт: ${displayPath(cwd, run.out)}`);
  return lines.join('\n');
}

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, OPTIONS);
  const out = stringOption(parsed, 'out');
  if (!out) throw new UsageError('Укажите файл отчёта: --out ОТЧЁТ.xlsx.');
  checkOutExtension(out, out, existsSync(path.resolve(io.cwd, out)));
  if (!parsed.positionals.length)
    throw new UsageError('Укажите хотя бы один файл или папку с результатами.');
  const outFull = path.resolve(io.cwd, out);
  for (const p of [...parsed.positionals, stringOption(parsed, 'plan') ?? '']) {
    if (p && path.resolve(io.cwd, p) === outFull)
      throw new UsageError(
        `Файл отчёта «${out}» совпадает с входным файлом: входные файлы не изменяются, укажите другой --out.`,
      );
  }
  const asOfText = stringOption(parsed, 'as-of');
  const asOf = asOfText ? isoDateOption('as-of', asOfText) : io.today;
  const settings = await readSettingsFile(stringOption(parsed, 'settings'), io.cwd);
  const plan = stringOption(parsed, 'plan');
  const progress = progressLine(io, parsed.values.quiet === true);
  const result = await runReport({
    onProgress: progress.update,
    inputs: parsed.positionals,
    out,
    ...(plan ? { plan } : {}),
    settings,
    asOf,
    cwd: io.cwd,
    onChangedByUser: (lines) => {
      progress.stop();
      io.out(
        `Созданные программой листы, которые вы изменили, заменены новыми:\n  ${lines.join('\n  ')}`,
      );
    },
    onWait: (message) => io.err(message),
  }).finally(() => progress.stop());
  io.out(describeRun(result, io.cwd));
  // The report is written either way; errors in the data (unreadable files among them) make it 1.
  return result.issues.some((i) => i.severity === 'error') ? EXIT.errorsFound : EXIT.ok;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'книга-отчёт: оглавление, свод, график плана, критерии и лист на каждую школу',
  usage: USAGE,
  run,
};
