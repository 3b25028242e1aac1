/**
 * `shnor-roadmap check`: checks plan workbooks (files or whole folders) and prints the issues as
 * text or JSON; --out writes a review workbook («Сводка», «Замечания»).
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkPlanFiles, type CheckPlansInput } from '../../app/checkPlans';
import { NEW_WORKBOOK } from '../../app/types';
import type { Grid } from '../../core/grid';
import type { WorkbookPatch } from '../../core/patch';
import { parsePeriodSetting } from '../../core/plan/period';
import type { CheckedFile } from '../../core/plan/reviewPatch';
import type { OnProgress } from '../../core/progress';
import { defaultSettings } from '../../core/settings';
import { REGISTRY_SHEET } from '../../core/workbook/sheetNames';
import { applyPatch, loadWorkbook, workbookToBuffer } from '../../xlsx/write';
import { choiceOption, isoDateOption, parseCommandArgs, stringOption } from '../args';
import { expandInputs, inputsWithoutOutput, loadInput } from '../files';
import { progressLine } from '../progress';
import { checkToJson } from '../format/json';
import { printJson } from '../format/jsonStream';
import { formatCheckText } from '../format/text';
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
  --out ФАЙЛ.xlsx      записать книгу замечаний: листы «Сводка» и «Замечания»
  --quiet              не показывать строку хода работы (она видна, только когда вывод
                       ошибок идёт в терминал)
  --help               эта справка

Коды завершения: 0 — ошибок нет; 1 — найдены ошибки или часть файлов не прочитана;
2 — параметры неверны или нет ни одного пригодного файла.

Пример: shnor-roadmap check планы/ --period 2023 --out замечания.xlsx`;

const OPTIONS = {
  sheet: { type: 'string' },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
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

/**
 * Reads and checks every input; unreadable or skipped files come back with `error`. `ignored`
 * lists the other files found in folders (not workbooks, not plan-like), shown only as a count.
 */
export async function checkInputs(
  inputs: string[],
  cwd: string,
  opts: CheckRunOptions,
): Promise<{ checked: CheckedFile[]; ignored: string[]; review: WorkbookPatch }> {
  const { files, skipped, ignored } = await expandInputs(inputs, cwd);
  const todo = opts.out ? await inputsWithoutOutput(files, opts.out) : files;
  // Read one file at a time: the use case checks it and lets its sheets go before the next.
  async function* sources(): AsyncGenerator<CheckPlansInput['files'][number]> {
    for (const s of skipped)
      yield { file: s.display, sheets: [], error: `Файл «${s.display}» не проверен: ${s.reason}.` };
    for (const [i, input] of todo.entries()) {
      opts.onProgress?.({
        phase: 'check',
        file: { n: i + 1, of: todo.length, name: input.display },
      });
      const loaded = await loadInput(input);
      const grids =
        loaded.error === undefined
          ? sheetsToCheck(loaded.workbook.sheets, opts.sheet)
          : loaded.error;
      if (typeof grids === 'string') yield { file: input.display, sheets: [], error: grids };
      else yield { file: input.display, sheets: grids };
    }
  }
  const out = await checkPlanFiles(sources(), {
    settings: defaultSettings(),
    asOf: opts.asOf,
    workbook: NEW_WORKBOOK,
    ...(opts.period !== undefined ? { period: opts.period } : {}),
  });
  return {
    checked: out.results.files,
    ignored: ignored.map((f) => f.display),
    review: out.patch,
  };
}

async function writeReview(out: Output, review: WorkbookPatch): Promise<string[]> {
  // An existing review workbook is updated: its earlier «Сводка»/«Замечания» are replaced, the
  // user's own sheets in it stay as they are.
  const wb = (await out.exists()) ? await loadWorkbook(await out.read()) : new ExcelJS.Workbook();
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

  if (outPath !== undefined && parsed.positionals.some((p) => path.resolve(io.cwd, p) === outPath))
    throw new UsageError(
      '--out не должен совпадать с проверяемым файлом: укажите отдельный файл для замечаний.',
    );

  // The review workbook is locked before anything is read, so two runs never interleave on it.
  const output =
    outPath === undefined
      ? undefined
      : await Output.open(outPath, { shown: out!, onWait: (m) => io.err(m) });
  const progress = progressLine(io, parsed.values.quiet === true);
  try {
    return await checkAndReport(parsed.positionals, io, format, output, progress.stop, {
      asOf,
      onProgress: progress.update,
      ...(sheet !== undefined ? { sheet } : {}),
      ...(periodRaw !== undefined ? { period: periodRaw } : {}),
    });
  } finally {
    progress.stop();
    await output?.release();
  }
}

async function checkAndReport(
  inputs: string[],
  io: Io,
  format: 'text' | 'json',
  output: Output | undefined,
  stopProgress: () => void,
  opts: CheckRunOptions,
): Promise<number> {
  const { checked, ignored, review } = await checkInputs(inputs, io.cwd, {
    ...opts,
    ...(output ? { out: output } : {}),
  }).finally(stopProgress);

  const notice = format === 'json' ? io.err.bind(io) : io.out.bind(io);
  if (format === 'json') await printJson(io, checkToJson(checked, ignored));
  else io.out(formatCheckText(checked, ignored));

  const usable = checked.filter((f) => f.error === undefined);
  const unreadable = checked.length - usable.length;
  if (!usable.length) {
    io.err(
      checked.length
        ? 'Ни один файл не удалось проверить.'
        : 'Не найдено ни одного файла для проверки.',
    );
    return EXIT.badInput;
  }
  if (output !== undefined) {
    for (const line of await writeReview(output, review)) notice(line);
    notice(`Книга замечаний записана: ${output.shown} (листы «Сводка» и «Замечания»).`);
  }
  if (unreadable) notice(`Внимание: не проверено файлов — ${unreadable}; причины указаны выше.`);
  const errors = usable.some((f) =>
    f.sheets.some((s) => s.issues.some((i) => i.severity === 'error')),
  );
  return errors || unreadable ? EXIT.errorsFound : EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'проверить планы мероприятий (дорожные карты) в файлах или папках',
  usage: USAGE,
  run,
};
