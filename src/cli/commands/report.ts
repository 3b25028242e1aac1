/**
 * `shnor-roadmap report`: results workbooks (+ a plan, settings, risk factors) → one report
 * workbook: «Оглавление», «Свод», «График», the criteria sheets and a tab per school.
 * Input files are only read. An existing --out workbook is opened and updated: the sheets this
 * program generated are replaced, the user's own sheets are left exactly as they are.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { isoDateOption, parseCommandArgs, stringOption } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { progressLine } from '../progress';
import { describeRun, runReport } from '../reportRun';
import { readSettingsFile } from '../settingsFile';
import { checkOutExtension } from '../workbookUpdate';

const USAGE = `Использование: shnor-roadmap report <файлы или папки с результатами…> --out ОТЧЁТ.xlsx [параметры]

Строит книгу-отчёт: «Оглавление» со ссылками на листы школ, «Свод» по муниципалитетам,
«График» мероприятий и «Показатели плана» (если указан --plan), листы критериев ШНОР и по
листу на каждую школу: статус по годам, результаты процедур (доля «2» — формулой, доля не ниже
порога выделена), факторы риска и заготовка дорожной карты школы.

«Показатели плана» — каждый показатель плана с целевым значением, значением и отметкой
«Достигнуто»: доли, которые считаются по результатам, берутся с листа «Показатели», остальные
вводятся в жёлтые ячейки. При повторном построении введённые значения сохраняются.

Исходные файлы не изменяются. Если файл --out уже есть, он открывается и обновляется: листы,
созданные программой раньше, заменяются (сначала сообщается, какие из них вы переименовали или
правили), ваши собственные листы остаются как есть.

Параметры:
  --out ФАЙЛ.xlsx      книга отчёта (обязательно)
  --plan ФАЙЛ.xlsx     региональный план: «График», «Показатели плана», заготовки карт школ
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
