/**
 * `shnor-roadmap criteria`: results workbooks → the list of ШНОР by year with reasons, the region
 * indicators, and (--out) a workbook whose formulas recompute them.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { computeCriteria, criteriaInputsReader } from '../../app/computeCriteria';
import type { ReadInputs } from '../../app/readResults';
import { NEW_WORKBOOK } from '../../app/types';
import type { CriteriaResult } from '../../core/criteria/types';
import type { Issue } from '../../core/issue';
import type { WorkbookPatch } from '../../core/patch';
import type { OnProgress } from '../../core/progress';
import { countBySeverity, SEVERITY_RU, sortIssues } from '../../core/issue';
import type { Settings } from '../../core/settings';
import type { WorkbookUpdate } from '../../xlsx/update/update';
import { criteriaToJson, type ResultsFileRead } from '../format/json';
import { printJson } from '../format/jsonStream';
import { readSettingsFile } from '../settingsFile';
import { choiceOption, parseCommandArgs, stringOption } from '../args';
import {
  expandInputs,
  inputsWithoutOutput,
  loadInput,
  onlyGeneratedRu,
  userSheets,
} from '../files';
import { EXIT, UsageError, type Io } from '../io';
import type { Command } from '../command';
import { Output } from '../output';
import { keepHeapTight } from '../heap';
import { progressLine } from '../progress';
import { checkOutExtension, openForUpdate, writeUpdate } from '../workbookUpdate';

const USAGE = `Использование: shnor-roadmap criteria <файлы или папки…> [параметры]

Читает результаты оценочных процедур (ВПР, ОГЭ, ЕГЭ) из книг Excel и определяет школы с низкими
образовательными результатами (ШНОР) по каждому году: триггер А — две и более процедуры с долей
«2» не ниже порога в одном году; триггер Б — одна и та же процедура с долей «2» не ниже порога
два года подряд. Считает стагнацию, выход из перечня, динамику и показатели региона.

Параметры:
  --sheet ИМЯ          читать результаты только с этого листа
  --settings ФАЙЛ      настройки в JSON (порог, предметы, процедуры…; см. README)
  --format text|json   вид отчёта (по умолчанию text)
  --out ФАЙЛ.xlsx      записать книгу с формулами: «Настройки», «Результаты», «Критерии»,
                       «Показатели» (порог можно менять прямо в книге)
  --quiet              не показывать строку хода работы (она видна, только когда вывод
                       ошибок идёт в терминал)
  --help               эта справка

Коды завершения: 0 — ошибок в данных нет; 1 — в данных есть ошибки; 2 — входные данные или
параметры непригодны (в том числе неверные настройки).

Пример: shnor-roadmap criteria результаты.xlsx --settings настройки.json --out критерии.xlsx`;

const OPTIONS = {
  sheet: { type: 'string' },
  settings: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

interface LoadedInputs {
  /** What was read from each usable file, one file at a time (its sheets let go after). */
  read: ReadInputs;
  /** Files that could not be used, in Russian. */
  problems: string[];
  /** Each input file in order: why it was not used, or null (it was read into `read`). */
  files: Array<{ file: string; error: string | null }>;
  /** Other files found in folders, passed over. */
  ignored: number;
}

async function loadInputs(
  inputs: string[],
  cwd: string,
  sheet: string | undefined,
  output: Output | undefined,
  settings: Settings,
  onProgress: OnProgress,
): Promise<LoadedInputs> {
  const { files, skipped, ignored } = await expandInputs(inputs, cwd);
  const reader = criteriaInputsReader(settings, sheet);
  const out: Omit<LoadedInputs, 'read'> = { problems: [], files: [], ignored: ignored.length };
  const fail = (file: string, error: string) => {
    out.problems.push(error);
    out.files.push({ file, error });
  };
  for (const s of skipped) fail(s.display, `Файл «${s.display}» пропущен: ${s.reason}.`);
  const todo = output ? await inputsWithoutOutput(files, output) : files;
  keepHeapTight(todo.length);
  let rows = 0;
  for (const [i, input] of todo.entries()) {
    const file = { n: i + 1, of: todo.length, name: input.display };
    onProgress({ phase: 'read', file, rows });
    const loaded = await loadInput(input, settings.inputLimits, (n) =>
      onProgress({ phase: 'read', file, rows: rows + n }),
    );
    if (loaded.error !== undefined) {
      fail(input.display, loaded.error);
      continue;
    }
    const { sheets: grids, generated } = userSheets(loaded.workbook);
    if (!grids.length && generated.length) {
      // a report this program wrote, lying among the inputs: passed over like any other file
      if (input.explicit) fail(input.display, onlyGeneratedRu(input.display, 'results'));
      else out.ignored++;
      continue;
    }
    if (
      sheet !== undefined &&
      !grids.some((g) => g.sheet.trim().toLowerCase() === sheet.trim().toLowerCase())
    ) {
      fail(
        input.display,
        `В файле «${input.display}» нет листа «${sheet}». Листы файла: ${grids.map((g) => `«${g.sheet}»`).join(', ') || 'нет'}.`,
      );
      continue;
    }
    rows += grids.reduce((n, g) => n + g.rows.length, 0);
    reader.add({ file: input.display, sheets: grids });
    out.files.push({ file: input.display, error: null });
  }
  return { ...out, read: reader.finish() };
}

const pct = (x: number | null) =>
  x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1).replace('.', ',')} %`;

/** Russian text report: per year the ШНОР with reasons, then indicators, then issues. */
export function criteriaText(result: CriteriaResult, issues: Issue[], problems: string[]): string {
  const lines: string[] = [];
  const t = result.settings;
  lines.push(
    `Школ: ${result.schools.length}; годы: ${result.years.join(', ') || 'нет'}. Порог доли «2»: ${pct(t.threshold)} (включительно); процедуры: ${t.procedureIdentity === 'type+subject' ? 'вид + предмет' : 'вид + класс + предмет'}.`,
  );
  for (const year of result.years) {
    const inYear = result.schools.flatMap((s) => {
      const y = s.years[String(year)];
      return y ? [{ s, y }] : [];
    });
    const shnor = inYear.filter((x) => x.y.shnor);
    const withResults = inYear.filter((x) => x.y.hasResults).length;
    lines.push('', `${year} год: ШНОР ${shnor.length} из ${withResults} школ с результатами.`);
    for (const { s, y } of shnor) {
      const status = [
        y.consecutiveYears > 1 ? `${y.consecutiveYears}-й год подряд` : '',
        y.stagnation ? 'стагнация' : '',
      ].filter(Boolean);
      lines.push(
        `  • ${s.name}${s.code ? ` (${s.code})` : ''}, ${s.municipality || 'муниципалитет не указан'}${status.length ? ` — ${status.join(', ')}` : ''}`,
      );
      lines.push(`      ${y.reason}`);
    }
    const left = inYear.filter((x) => x.y.leftList);
    if (left.length) lines.push(`  Вышли из перечня: ${left.map((x) => x.s.name).join('; ')}.`);
  }
  if (result.indicators.length) {
    lines.push('', 'Показатели:');
    for (const i of result.indicators)
      lines.push(`  ${i.year}  ${i.title}: ${pct(i.value)} (${i.numerator} из ${i.denominator})`);
  }
  const all = sortIssues(issues);
  if (problems.length || all.length) {
    lines.push('', 'Замечания:');
    for (const p of problems) lines.push(`  ошибка: ${p}`);
    for (const i of all)
      lines.push(`  ${SEVERITY_RU[i.severity]}: ${i.message}${i.fix ? ` ${i.fix}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * Writes the criteria workbook: the sheets of an earlier run are replaced, the user's own sheets
 * are copied as they are and keep their names, ours avoid them. An existing workbook is updated
 * at the zip level; a new one is written the same way from an empty workbook.
 */
async function writeOut(
  out: Output,
  book: WorkbookUpdate,
  patch: WorkbookPatch,
  onSheet: (done: number, of: number) => void,
): Promise<string[]> {
  const update = await book.apply(patch, { onSheet });
  await writeUpdate(out, update);
  const report = update.report;
  return [
    ...report.changedByUser.map(
      (c) =>
        `Лист «${c.name}» прошлого расчёта был изменён вручную; он заменён новым.` +
        (c.keptAs ? ` Ваша версия сохранена на листе «${c.keptAs}».` : ''),
    ),
    ...report.renamedToAvoidClash.map(
      (r) => `Лист «${r.wanted}» уже есть в книге, критерии записаны на лист «${r.actual}».`,
    ),
  ];
}

/** Each input in order: why it was not used, or what the use case read from it. */
function filesRead(loaded: LoadedInputs, read: ResultsFileRead[]): ResultsFileRead[] {
  let next = 0;
  return loaded.files.map((f) =>
    f.error !== null ? { file: f.file, error: f.error, rowCount: 0, issues: [] } : read[next++]!,
  );
}

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, OPTIONS);
  if (!parsed.positionals.length)
    throw new UsageError('Укажите хотя бы один файл .xlsx или папку с результатами.');
  const format = choiceOption('format', stringOption(parsed, 'format') ?? 'text', [
    'text',
    'json',
  ] as const);
  const out = stringOption(parsed, 'out');
  const outPath = out === undefined ? undefined : path.resolve(io.cwd, out);
  if (outPath !== undefined) checkOutExtension(outPath, out!, existsSync(outPath));
  if (outPath !== undefined && parsed.positionals.some((p) => path.resolve(io.cwd, p) === outPath))
    throw new UsageError(
      '--out не должен совпадать с входным файлом: укажите отдельный файл для критериев.',
    );
  const settings = await readSettingsFile(stringOption(parsed, 'settings'), io.cwd);

  // The workbook is locked before anything is read, so two runs never interleave on it.
  const output =
    outPath === undefined
      ? undefined
      : await Output.open(outPath, { shown: out!, onWait: (m) => io.err(m) });
  const progress = progressLine(io, parsed.values.quiet === true);
  try {
    return await compute(parsed.positionals, io, format, settings, {
      sheet: stringOption(parsed, 'sheet'),
      output,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
    await output?.release();
  }
}

async function compute(
  inputs: string[],
  io: Io,
  format: 'text' | 'json',
  settings: Settings,
  opts: { sheet: string | undefined; output: Output | undefined; onProgress: OnProgress },
): Promise<number> {
  const { sheet, output, onProgress } = opts;
  const input = await loadInputs(inputs, io.cwd, sheet, output, settings, onProgress);
  // The workbook the criteria land in: our sheets avoid the names of the user's own.
  const book = output ? await openForUpdate(output) : undefined;
  const computed = computeCriteria({
    files: [],
    read: input.read,
    settings,
    asOf: io.today,
    workbook: book ? book.state() : NEW_WORKBOOK,
    onProgress,
    reportOnly: output === undefined,
    ...(sheet !== undefined ? { sheet } : {}),
  });
  if (!computed.results.rows) {
    io.err(
      [
        'Во входных файлах не найдено ни одной строки результатов оценочных процедур.',
        ...input.problems,
        ...sortIssues(computed.issues)
          .filter((i) => i.severity === 'error')
          .map((i) => i.message),
      ].join('\n'),
    );
    return EXIT.badInput;
  }
  const result = computed.results.criteria;
  const issues = computed.issues;
  if (format === 'json')
    await printJson(
      io,
      criteriaToJson(filesRead(input, computed.results.files), input.ignored, result),
    );
  else io.out(criteriaText(result, issues, input.problems));
  if (output !== undefined && book !== undefined) {
    const notes = await writeOut(output, book, computed.patch, (done, of) =>
      onProgress({ phase: 'write', sheets: { done, of } }),
    );
    for (const n of notes) io.err(n);
    if (format === 'text') io.out(`\nКнига с формулами записана: ${output.shown}`);
  }
  return countBySeverity(issues).error > 0 || input.problems.length > 0
    ? EXIT.errorsFound
    : EXIT.ok;
}

export const criteriaCommand: Command = {
  name: 'criteria',
  summary: 'ШНОР по годам с причинами, показатели региона, книга с формулами',
  usage: USAGE,
  run,
};
