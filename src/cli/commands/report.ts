/**
 * `shnor-roadmap report`: results workbooks (+ a plan, settings, risk factors) → one report
 * workbook: «Оглавление», «Свод», «График», the criteria sheets and a tab per school.
 * Input files are only read. An existing --out workbook is opened and updated: the sheets this
 * program generated are replaced, the user's own sheets are left exactly as they are.
 */
import { REGISTRY_SHEET } from '../../core/workbook/sheetNames';
import { existsSync } from 'fs';
import { readFile } from 'fs/promises';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { computeCriteria } from '../../core/criteria/engine';
import type { CriteriaResult } from '../../core/criteria/types';
import { buildCriteriaPatch } from '../../core/criteria/workbookPatch';
import type { Grid } from '../../core/grid';
import { unreadableFileIssue } from '../../core/fileIssues';
import type { Issue } from '../../core/issue';
import { checkWorkbook } from '../../core/plan/check';
import { parsePeriodSetting } from '../../core/plan/period';
import { buildReportPatch } from '../../core/report/build';
import { readRiskFactors } from '../../core/report/riskFactors';
import type { TimelinePlan } from '../../core/report/timelineSheet';
import { readResults } from '../../core/results/read';
import type { NotHeld, ResultRow } from '../../core/results/types';
import type { Settings } from '../../core/settings';
import {
  applyPatch,
  listGeneratedSheets,
  loadWorkbook,
  userSheetNames,
  writeNewWorkbookFile,
  writeWorkbookFile,
} from '../../xlsx/write';
import type { ApplyReport } from '../../core/workbook/policy';
import { isoDateOption, parseCommandArgs, stringOption } from '../args';
import { displayPath, expandInputs, loadInput } from '../files';
import { EXIT, UsageError, type Io } from '../io';
import { readSettingsFile } from '../settingsFile';
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
  --help               эта справка

Факторы риска читаются из листа входных файлов с колонками «Код ОО» и «Фактор риска …».

Коды завершения: 0 — отчёт записан; 2 — параметры неверны или результатов не найдено.

Пример: shnor-roadmap report результаты.xlsx --plan план.xlsx --out отчёт.xlsx`;

const OPTIONS = {
  out: { type: 'string' },
  plan: { type: 'string' },
  settings: { type: 'string' },
  'as-of': { type: 'string' },
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

async function loadGrids(inputs: string[], cwd: string, exclude: string): Promise<LoadedGrids> {
  const { files, skipped } = await expandInputs(inputs, cwd);
  const out: LoadedGrids = {
    grids: [],
    problems: skipped.map((s) => `Файл «${s.display}» пропущен: ${s.reason}.`),
  };
  for (const f of files) {
    if (path.resolve(f.path) === exclude) continue;
    const loaded = await loadInput(f);
    if (loaded.error !== undefined) out.problems.push(loaded.error);
    else
      out.grids.push({
        file: f.display,
        sheets: loaded.workbook.sheets.filter((g) => g.sheet !== REGISTRY_SHEET),
      });
  }
  return out;
}

async function loadPlan(
  file: string,
  cwd: string,
  asOf: string,
  settings: Settings,
): Promise<TimelinePlan> {
  const full = path.resolve(cwd, file);
  const loaded = await loadInput({ path: full, display: displayPath(cwd, full) });
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

async function openExisting(file: string, shown: string): Promise<ExcelJS.Workbook> {
  try {
    const wb = await loadWorkbook(await readFile(file));
    // exceljs loads a sheet saved without <sheetViews> with views = null, which the writer's
    // active-sheet step does not expect; an empty list writes the same file.
    for (const ws of wb.worksheets) if (!ws.views) ws.views = [];
    return wb;
  } catch (e) {
    throw new UsageError(
      `Файл отчёта «${shown}» уже есть, но не открывается как книга Excel (${(e as Error).message}). Укажите другой --out.`,
    );
  }
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
}): Promise<ReportRun> {
  const out = path.resolve(opts.cwd, opts.out);
  const loaded = await loadGrids(opts.inputs, opts.cwd, out);
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
    const read = readResults(resultSheets, { file: g.file });
    rows.push(...read.rows);
    notHeld.push(...read.notHeld);
    issues.push(...read.issues);
  }
  for (const p of loaded.problems) issues.push(unreadableFileIssue(p));
  if (!rows.length)
    throw new UsageError(
      `Во входных файлах не найдено результатов оценочных процедур.${loaded.problems.length ? `\n${loaded.problems.join('\n')}` : ''}`,
    );
  const plan = opts.plan
    ? await loadPlan(opts.plan, opts.cwd, opts.asOf, opts.settings)
    : undefined;

  const criteria = computeCriteria(rows, opts.settings, notHeld);
  // An existing report is updated in place; a new one is streamed to the file.
  const existing = existsSync(out) ? await openExisting(out, opts.out) : null;
  const generated = existing ? listGeneratedSheets(existing) : [];
  const takenNames = existing ? userSheetNames(existing) : [];
  const criteriaPatch = buildCriteriaPatch(rows, criteria, opts.settings, { takenNames });
  const changed = generated.filter((g) => g.renamed || g.edited);
  if (changed.length && opts.onChangedByUser)
    opts.onChangedByUser(
      changed.map((g) => {
        const what = [g.renamed ? 'переименован' : '', g.edited ? 'изменено содержимое' : '']
          .filter(Boolean)
          .join(', ');
        return `«${g.name}» (${what})`;
      }),
    );
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
  let apply: ApplyReport;
  if (existing) {
    apply = applyPatch(existing, patch);
    await writeWorkbookFile(existing, out);
  } else apply = await writeNewWorkbookFile(patch, out);
  return {
    criteria,
    apply,
    out,
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
  if (!/\.xlsx$/i.test(out))
    throw new UsageError(`Файл отчёта должен иметь расширение .xlsx, получено «${out}».`);
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
  const result = await runReport({
    inputs: parsed.positionals,
    out,
    ...(plan ? { plan } : {}),
    settings,
    asOf,
    cwd: io.cwd,
    onChangedByUser: (lines) =>
      io.out(
        `Будут заменены созданные программой листы, которые вы изменили (ваши правки сохраняются на отдельном листе «… (правки пользователя)»):\n  ${lines.join('\n  ')}`,
      ),
  });
  io.out(describeRun(result, io.cwd));
  return EXIT.ok;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'книга-отчёт: оглавление, свод, график плана, критерии и лист на каждую школу',
  usage: USAGE,
  run,
};
