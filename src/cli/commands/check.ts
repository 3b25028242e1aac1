/**
 * `shnor-roadmap check`: checks plan workbooks (files or whole folders) and prints the issues as
 * text or JSON; --out writes a review workbook («Сводка», «Замечания», «Протокол»); --baseline
 * compares with an earlier check, --regional with the regional plan (the checkPlans use case).
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import {
  checkPlanFiles,
  planChecker,
  type CheckPlansInput,
  type CheckPlansOptions,
  type RegionalOutcome,
} from '../../app/checkPlans';
import { NEW_WORKBOOK, type SourceFile } from '../../app/types';
import type { Grid } from '../../core/grid';
import type { WorkbookPatch } from '../../core/patch';
import { parsePeriodSetting } from '../../core/plan/period';
import type { CheckedFile } from '../../core/plan/reviewPatch';
import type { OnProgress } from '../../core/progress';
import type { Baseline } from '../../core/review/baseline';
import { defaultSettings } from '../../core/settings';
import { REGISTRY_SHEET } from '../../core/workbook/sheetNames';
import { applyPatch, loadWorkbook, workbookState, workbookToBuffer } from '../../xlsx/write';
import { choiceOption, isoDateOption, parseCommandArgs, stringOption } from '../args';
import { readBaseline } from '../baseline';
import { readRegionalPlan, thresholdOption } from '../regional';
import { version } from '../version';
import {
  expandInputs,
  inputsWithoutOutput,
  loadInput,
  onlyGeneratedRu,
  userSheets,
} from '../files';
import { keepHeapTight } from '../heap';
import { progressLine } from '../progress';
import { checkJsonWriter, checkTextWriter } from '../format/checkStream';
import { EXIT, UsageError, type Io } from '../io';
import type { Command } from '../command';
import { Output } from '../output';

const USAGE = `Использование: shnor-roadmap check <файлы или папки…> [параметры]

Проверяет планы мероприятий («дорожные карты») в книгах Excel (.xlsx, .xlsm): находит таблицу
плана, разделы и мероприятия, разбирает сроки и исполнителей и сообщает о недочётах с адресом
ячейки и предложением, как исправить. Папки просматриваются со вложенными папками.

Параметры:
  --sheet ИМЯ          проверять только лист с этим именем
  --period ПЕРИОД      период плана, если его нет в заголовке: 2023, 2023-2024 или 2022/2023
                       (учебный год)
  --as-of ГГГГ-ММ-ДД   дата, на которую оцениваются сроки (по умолчанию сегодня)
  --format text|json   вид отчёта (по умолчанию text)
  --out ФАЙЛ.xlsx      записать книгу замечаний: листы «Сводка», «Замечания» и «Протокол»
                       (по одному на файл, для печати на A4 и подписи)
  --baseline ФАЙЛ      сравнить с прошлой проверкой: её книгой замечаний (.xlsx) или отчётом
                       JSON; замечания помечаются «новое» / «осталось», исправленные
                       перечисляются; замечания с отметкой «Принято» в книге не считаются
                       ошибками
  --regional ФАЙЛ.xlsx сверить планы с региональным планом: у каждого мероприятия, адресованного
                       муниципалитетам (МОУО, ОМСУ…), ищется соответствующее по смыслу
                       мероприятие со сроком не позже регионального; в книге замечаний —
                       лист «Сверка с региональным планом»
  --match-threshold Ч  порог сходства названий для --regional, от 0 до 1 (по умолчанию 0,5)
  --quiet              не показывать строку хода работы (она видна, только когда вывод
                       ошибок идёт в терминал)
  --help               эта справка

Коды завершения: 0 — ошибок нет; 1 — найдены ошибки или часть файлов не прочитана;
2 — параметры неверны или нет ни одного пригодного файла.

Пример: shnor-roadmap check планы/ --period 2023 --out замечания.xlsx
Повторная проверка: shnor-roadmap check планы/ --baseline замечания.xlsx --out замечания-2.xlsx`;

const OPTIONS = {
  sheet: { type: 'string' },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  baseline: { type: 'string' },
  regional: { type: 'string' },
  'match-threshold': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

export interface CheckRunOptions {
  sheet?: string;
  /** The --period setting as typed (already checked). */
  period?: string;
  asOf: string;
  /**
   * The review workbook being written: left out of the inputs when it is an earlier review lying
   * among the plans; a plan given as --out is refused (see inputsWithoutOutput).
   */
  out?: Output;
  /** Progress of the run (one event per file). */
  onProgress?: OnProgress;
  /** Files that are not plans to check (--baseline, --regional), even when among the inputs. */
  exclude?: string[];
  /** The earlier check (--baseline), read before anything is written. */
  baseline?: Baseline;
  /** The regional plan (--regional) and the match threshold. */
  regional?: { plan: SourceFile; threshold: number };
  /** The review workbook as it is now (--out that exists): what the patch replaces. */
  workbook?: ExcelJS.Workbook;
}

/** Keeps the sheets to check: drops our registry sheet, applies --sheet (case-insensitive). */
function sheetsToCheck(grids: Grid[], sheet: string | undefined): Grid[] | string {
  const own = grids.filter((g) => g.sheet !== REGISTRY_SHEET);
  if (sheet === undefined) return own;
  const wanted = sheet.trim().toLowerCase();
  const found = own.filter((g) => g.sheet.trim().toLowerCase() === wanted);
  if (found.length) return found;
  return `В файле нет листа «${sheet}». Листы файла: ${own.map((g) => `«${g.sheet}»`).join(', ') || 'нет'}.`;
}

/** One input as the use case takes it: its sheets to check, or why it is not checked. */
type PlanSource = CheckPlansInput['files'][number];

/**
 * The inputs to check, read one at a time as `files` is iterated: a file's sheets are let go
 * once it is checked. `ignored` lists, once `files` is done, the other files found in folders (not
 * workbooks, not plan-like, or workbooks this program generated), shown only as a count.
 */
async function planSources(
  inputs: string[],
  cwd: string,
  opts: CheckRunOptions,
): Promise<{ files: AsyncIterable<PlanSource>; ignored: () => string[] }> {
  const { files, skipped, ignored } = await expandInputs(inputs, cwd);
  const found = opts.out ? await inputsWithoutOutput(files, opts.out) : files;
  const todo = found.filter((f) => !opts.exclude?.includes(f.path));
  keepHeapTight(todo.length);
  const passedOver: string[] = [];
  async function* sources(): AsyncGenerator<PlanSource> {
    for (const s of skipped)
      yield { file: s.display, sheets: [], error: `Файл «${s.display}» не проверен: ${s.reason}.` };
    for (const [i, input] of todo.entries()) {
      opts.onProgress?.({
        phase: 'check',
        file: { n: i + 1, of: todo.length, name: input.display },
      });
      const loaded = await loadInput(input);
      if (loaded.error !== undefined) {
        yield { file: input.display, sheets: [], error: loaded.error };
        continue;
      }
      // a review workbook or report this program wrote, lying among the plans: not a plan
      const { sheets: user, generated } = userSheets(loaded.workbook);
      if (!user.length && generated.length) {
        if (input.explicit)
          yield { file: input.display, sheets: [], error: onlyGeneratedRu(input.display, 'plan') };
        else passedOver.push(input.display);
        continue;
      }
      const grids = sheetsToCheck(user, opts.sheet);
      if (typeof grids === 'string') yield { file: input.display, sheets: [], error: grids };
      else yield { file: input.display, sheets: grids };
    }
  }
  return { files: sources(), ignored: () => [...ignored.map((f) => f.display), ...passedOver] };
}

/** The use case's options for this run. */
function checkOptions(opts: CheckRunOptions): CheckPlansOptions {
  return {
    settings: defaultSettings(),
    asOf: opts.asOf,
    workbook: opts.workbook ? workbookState(opts.workbook) : NEW_WORKBOOK,
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    ...(opts.regional
      ? { regional: opts.regional.plan, matchThreshold: opts.regional.threshold }
      : {}),
    ...(opts.out ? { protocol: { tool: `shnor-roadmap ${version()}` } } : {}),
  };
}

/**
 * Reads and checks every input, keeping every file's summary and issues for the review workbook
 * (and the comparison with a baseline); unreadable or skipped files come back with `error`.
 */
export async function checkInputs(
  inputs: string[],
  cwd: string,
  opts: CheckRunOptions,
): Promise<{
  checked: CheckedFile[];
  ignored: string[];
  review: WorkbookPatch;
  regional: RegionalOutcome;
}> {
  const { files, ignored } = await planSources(inputs, cwd, opts);
  const out = await checkPlanFiles(files, checkOptions(opts));
  return {
    checked: out.results.files,
    ignored: ignored(),
    review: out.patch,
    regional: out.results.regional,
  };
}

/** Refuses a regional plan without a plan table (before anything is printed). */
function requirePlanFound(opts: CheckRunOptions, regional: RegionalOutcome): void {
  if (opts.regional && !regional?.planFound)
    throw new UsageError(
      `В книге «${opts.regional.plan.file}» (--regional) не найдена таблица плана: нужны столбцы мероприятия, срока и ответственных.`,
    );
}

async function writeReview(
  out: Output,
  wb: ExcelJS.Workbook,
  review: WorkbookPatch,
): Promise<string[]> {
  // An existing review workbook is updated: its earlier «Сводка»/«Замечания» are replaced, the
  // user's own sheets in it stay as they are.
  const report = applyPatch(wb, review);
  await out.replaceWith(await workbookToBuffer(wb));
  return [
    ...report.changedByUser.map(
      (c) =>
        `Лист «${c.name}» из прошлой проверки был ${[c.renamed ? 'переименован' : '', c.edited ? 'изменён' : ''].filter(Boolean).join(' и ')} вручную; он заменён новым.` +
        (c.keptAs ? ` Ваша версия сохранена на листе «${c.keptAs}».` : ''),
    ),
    ...report.renamedToAvoidClash.map(
      (r) => `Лист «${r.wanted}» уже есть в книге, замечания записаны на лист «${r.actual}».`,
    ),
  ];
}

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, OPTIONS);
  if (!parsed.positionals.length)
    throw new UsageError('Укажите хотя бы один файл .xlsx или папку с планами.');
  const format = choiceOption('format', stringOption(parsed, 'format') ?? 'text', [
    'text',
    'json',
  ] as const);
  const asOfRaw = stringOption(parsed, 'as-of');
  const asOf = asOfRaw === undefined ? io.today : isoDateOption('as-of', asOfRaw);
  const periodRaw = stringOption(parsed, 'period');
  const period = periodRaw === undefined ? undefined : parsePeriodSetting(periodRaw);
  if (period === null)
    throw new UsageError(
      `--period ожидает год (2023), годы (2023-2024) или учебный год (2022/2023), получено «${periodRaw}».`,
    );
  const out = stringOption(parsed, 'out');
  const outPath = out === undefined ? undefined : path.resolve(io.cwd, out);
  if (outPath !== undefined && !/\.xlsx$/i.test(outPath))
    throw new UsageError(`--out ожидает имя файла .xlsx, получено «${out}».`);
  const sheet = stringOption(parsed, 'sheet');
  const baselineArg = stringOption(parsed, 'baseline');
  const baselinePath = baselineArg === undefined ? undefined : path.resolve(io.cwd, baselineArg);
  const regionalArg = stringOption(parsed, 'regional');
  const regionalPath = regionalArg === undefined ? undefined : path.resolve(io.cwd, regionalArg);
  const threshold = thresholdOption(stringOption(parsed, 'match-threshold'));

  if (outPath !== undefined && parsed.positionals.some((p) => path.resolve(io.cwd, p) === outPath))
    throw new UsageError(
      '--out не должен совпадать с проверяемым файлом: укажите отдельный файл для замечаний.',
    );

  // The review workbook is locked before anything is read, so two runs never interleave on it.
  const output =
    outPath === undefined
      ? undefined
      : await Output.open(outPath, { shown: out!, onWait: (m) => io.err(m) });
  // Without --out and --baseline the text report is printed file by file (checkAndReport): a
  // progress line on the terminal it goes to would be torn by it.
  const streamedToTerminal =
    format === 'text' && io.outIsTerminal === true && !outPath && !baselinePath;
  const progress = progressLine(io, parsed.values.quiet === true || streamedToTerminal);
  try {
    // read before anything is written: the baseline may be the --out workbook itself
    const baseline =
      baselinePath === undefined ? undefined : await readBaseline(baselinePath, baselineArg!);
    const regional =
      regionalPath === undefined
        ? undefined
        : { plan: await readRegionalPlan(regionalPath, regionalArg!), threshold };
    const workbook =
      output && (await output.exists()) ? await loadWorkbook(await output.read()) : undefined;
    return await checkAndReport(parsed.positionals, io, format, output, progress.stop, {
      asOf,
      onProgress: progress.update,
      ...(sheet !== undefined ? { sheet } : {}),
      ...(periodRaw !== undefined ? { period: periodRaw } : {}),
      exclude: [baselinePath, regionalPath].filter((p): p is string => p !== undefined),
      ...(baseline ? { baseline } : {}),
      ...(regional ? { regional } : {}),
      ...(workbook ? { workbook } : {}),
    });
  } finally {
    progress.stop();
    await output?.release();
  }
}

/** What decides the exit code, counted as the files go by. */
interface Tally {
  files: number;
  unreadable: number;
  /** Whether a file has an error that was not accepted (accepted remarks are not errors). */
  errors: boolean;
}

function count(t: Tally, f: CheckedFile): void {
  t.files++;
  if (f.error !== undefined) t.unreadable++;
  else if (f.sheets.some((s) => s.issues.some((i) => i.severity === 'error' && !i.accepted)))
    t.errors = true;
}

/**
 * Checks the inputs and prints the report. Without --out and --baseline nothing of a file is kept
 * once it is printed (text) or set aside (JSON): memory does not grow with the number of files.
 * The review workbook and the pairing with a baseline need every file at once, so with them the
 * summaries are kept (checkInputs) and printed at the end.
 */
async function checkAndReport(
  inputs: string[],
  io: Io,
  format: 'text' | 'json',
  output: Output | undefined,
  stopProgress: () => void,
  opts: CheckRunOptions,
): Promise<number> {
  const tally: Tally = { files: 0, unreadable: 0, errors: false };
  const report = format === 'json' ? await checkJsonWriter(io) : checkTextWriter(io);
  let review: WorkbookPatch | undefined;
  try {
    if (output === undefined && opts.baseline === undefined) {
      const checker = planChecker(checkOptions(opts));
      requirePlanFound(opts, checker.regional);
      const { files, ignored } = await planSources(inputs, io.cwd, opts);
      for await (const f of files) {
        const checked = checker.check(f);
        count(tally, checked);
        await report.file(checked);
      }
      stopProgress();
      await report.end(ignored());
    } else {
      const all = await checkInputs(inputs, io.cwd, {
        ...opts,
        ...(output ? { out: output } : {}),
      }).finally(stopProgress);
      requirePlanFound(opts, all.regional);
      for (const f of all.checked) {
        count(tally, f);
        await report.file(f);
      }
      await report.end(all.ignored);
      review = all.review;
    }
  } finally {
    await report.close();
  }

  const notice = format === 'json' ? io.err.bind(io) : io.out.bind(io);
  if (tally.files === tally.unreadable) {
    io.err(
      tally.files
        ? 'Ни один файл не удалось проверить.'
        : 'Не найдено ни одного файла для проверки.',
    );
    return EXIT.badInput;
  }
  if (output !== undefined && review !== undefined) {
    const wb = opts.workbook ?? new ExcelJS.Workbook();
    for (const line of await writeReview(output, wb, review)) notice(line);
    const sheets = review.sheets.map((s) => `«${s.name}»`);
    notice(
      `Книга замечаний записана: ${output.shown} (листы ${sheets.slice(0, -1).join(', ')} и ${sheets.at(-1)}).`,
    );
  }
  if (tally.unreadable)
    notice(`Внимание: не проверено файлов — ${tally.unreadable}; причины указаны выше.`);
  return tally.errors || tally.unreadable ? EXIT.errorsFound : EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'проверить планы мероприятий (дорожные карты) в файлах или папках',
  usage: USAGE,
  run,
};
