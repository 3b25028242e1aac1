/**
 * The work of `report` (and of `demo`, which shows it on a fictional region): read the inputs
 * under the report's lock, call the use case prepareReport (src/app), and write its patch into the
 * --out workbook at the zip level; plus the short Russian account of a run.
 */
import * as path from 'path';
import { planIndicatorsToRead } from '../app/planIndicators';
import { prepareReport } from '../app/prepareReport';
import type { SourceFile } from '../app/types';
import type { CriteriaResult } from '../core/criteria/types';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import type { PlanIndicatorsOutcome } from '../core/planIndicators/build';
import type { OnProgress } from '../core/progress';
import type { Settings } from '../core/settings';
import type { ApplyReport, ChangedByUser } from '../core/workbook/policy';
import { openWorkbook } from '../xlsx/read';
import {
  displayPath,
  expandInputs,
  inputsWithoutOutput,
  loadInput,
  onlyGeneratedRu,
  userSheets,
} from './files';
import { UsageError } from './io';
import { withOutput, type Output } from './output';
import { openForUpdate, writeUpdate } from './workbookUpdate';

export interface ReportRun {
  criteria: CriteriaResult;
  apply: ApplyReport;
  out: string;
  issues: Issue[];
  rows: number;
  planActivities: number | null;
  /** «Показатели плана»: its summary line and how many rows of typed values were carried over. */
  planIndicators: PlanIndicatorsOutcome | null;
}

interface LoadedGrids {
  grids: SourceFile[];
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
      const { sheets, generated } = userSheets(loaded.workbook);
      if (!sheets.length && generated.length) {
        if (f.explicit) result.problems.push(onlyGeneratedRu(f.display, 'results'));
        continue;
      }
      rows += sheets.reduce((n, g) => n + g.rows.length, 0);
      result.grids.push({ file: f.display, sheets });
    }
  }
  return result;
}

/** The --plan file's sheets, named by its base name (the timeline cites it so). */
async function loadPlan(
  file: string,
  cwd: string,
  settings: Settings,
): Promise<SourceFile & { display: string }> {
  const full = path.resolve(cwd, file);
  const loaded = await loadInput(
    { path: full, display: displayPath(cwd, full) },
    settings.inputLimits,
  );
  if (loaded.error !== undefined) throw new UsageError(loaded.error);
  return { file: path.basename(full), sheets: loaded.workbook.sheets, display: loaded.display };
}

/** A generated sheet the user changed, as the command reports it. */
function changedLine(c: ChangedByUser): string {
  const what = [c.renamed ? 'переименован' : '', c.edited ? 'изменено содержимое' : '']
    .filter(Boolean)
    .join(', ');
  return `«${c.name}» (${what})${c.keptAs ? `: ваш вариант сохранён как «${c.keptAs}»` : ''}`;
}

/** A sheet of the --out workbook read back (null: no such sheet). */
async function readSheet(
  out: Output,
  name: string | null,
  settings: Settings,
): Promise<Grid | null> {
  if (name === null) return null;
  const book = await openWorkbook(out.shown, await out.read(), { limits: settings.inputLimits });
  const entry = book.sheets.find((s) => s.name === name);
  return entry ? book.readSheet(entry) : null;
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
  const plan = opts.plan ? await loadPlan(opts.plan, opts.cwd, opts.settings) : undefined;
  // An existing report is updated at the zip level (the user's sheets copied as they are, ours
  // replaced); a new one is written the same way from an empty workbook.
  const book = await openForUpdate(out);
  // what the user typed into «Показатели плана» is carried into the new sheet
  const previousPlanIndicators = plan
    ? await readSheet(out, planIndicatorsToRead(book.state()), opts.settings)
    : undefined;
  const prepared = prepareReport({
    files: loaded.grids,
    settings: opts.settings,
    asOf: opts.asOf,
    workbook: book.state(),
    ...(plan ? { planFile: { file: plan.file, sheets: plan.sheets } } : {}),
    ...(previousPlanIndicators !== undefined ? { previousPlanIndicators } : {}),
    onProgress,
  });
  if (!prepared.results.rows)
    throw new UsageError(
      `Во входных файлах не найдено результатов оценочных процедур.${loaded.problems.length ? `\n${loaded.problems.join('\n')}` : ''}`,
    );
  if (plan && prepared.results.planActivities === null)
    throw new UsageError(
      `В файле плана «${plan.display}» не найдена таблица плана. Проверьте его командой shnor-roadmap check.`,
    );
  const issues: Issue[] = [
    ...prepared.issues,
    ...loaded.problems.map((p): Issue => ({
      severity: 'error',
      code: 'unreadable-file',
      message: p,
      sheet: '',
      cell: '',
      row: 0,
    })),
  ];
  const result = await book.apply(prepared.patch, {
    onSheet: (done, of) => onProgress({ phase: 'write', sheets: { done, of } }),
  });
  const apply = result.report;
  if (apply.changedByUser.length && opts.onChangedByUser)
    opts.onChangedByUser(apply.changedByUser.map(changedLine));
  await writeUpdate(out, result);
  return {
    criteria: prepared.results.criteria,
    apply,
    out: path.resolve(opts.cwd, opts.out),
    issues,
    rows: prepared.results.rows,
    planActivities: prepared.results.planActivities,
    planIndicators: prepared.results.planIndicators,
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
  if (run.planIndicators)
    lines.push(
      `Показатели плана: ${run.planIndicators.summary}.` +
        (run.planIndicators.carried
          ? ` Введённые раньше значения перенесены (строк: ${run.planIndicators.carried}).`
          : ''),
    );
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
