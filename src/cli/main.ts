/**
 * shnor-roadmap: the command line over the same engine as the Excel add-in.
 * Each command lives in its own module and registers itself in LOADERS below.
 */
import type { Command } from './command';
import { errnoCode, FileError, fsErrorRu } from './fsErrors';
import { EXIT, processIo, UsageError, type Io } from './io';
import { version } from './version';

/*
 * Commands are loaded when they run: `criteria` need not load exceljs (the writer) or the plan
 * checker, which was a large part of a short run's start-up. The help loads them all.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const LOADERS: Record<string, () => Command> = {
  check: () => (require('./commands/check') as typeof import('./commands/check')).checkCommand,
  criteria: () =>
    (require('./commands/criteria') as typeof import('./commands/criteria')).criteriaCommand,
  report: () => (require('./commands/report') as typeof import('./commands/report')).reportCommand,
  demo: () => (require('./commands/demo') as typeof import('./commands/demo')).demoCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function findCommand(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}

function commandList(): string {
  const commands = Object.values(LOADERS).map((load) => load());
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
}

export const GENERAL_HELP =
  () => `shnor-roadmap — дорожные карты ШНОР/ШНСУ: проверка планов, критерии ШНОР, отчёт по школам

Использование: shnor-roadmap <команда> [параметры]

Команды:
${commandList()}

Подробно о команде: shnor-roadmap help <команда> или shnor-roadmap <команда> --help
Версия: shnor-roadmap --version. Подробности внутренней ошибки: добавьте --debug.
Коды завершения: 0 — ошибок нет, 1 — в данных найдены ошибки, 2 — входные данные или параметры непригодны.`;

/**
 * Runs a command and returns its exit code. Every failure becomes a Russian message: a usage error
 * with the command's usage, a file-system error naming the file and what to do, and anything
 * unexpected as an internal error whose stack is shown only with --debug.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const cmd = topic ? findCommand(topic) : undefined;
    if (topic && !cmd) {
      io.err(`Неизвестная команда «${topic}».\n\n${GENERAL_HELP()}`);
      return EXIT.badInput;
    }
    io.out(cmd ? cmd.usage : GENERAL_HELP());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(version());
    return EXIT.ok;
  }
  const cmd = findCommand(name);
  if (!cmd) {
    io.err(`Неизвестная команда «${name}».\n\n${GENERAL_HELP()}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage);
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    io.err(failureMessage(e, cmd, debug));
    return EXIT.badInput;
  }
}

/** What the user reads when a command fails. */
export function failureMessage(e: unknown, cmd: Command | undefined, debug: boolean): string {
  const stack = debug && e instanceof Error && e.stack ? `\n\n${e.stack}` : '';
  if (e instanceof UsageError) return cmd ? `${e.message}\n\n${cmd.usage}` : e.message;
  if (e instanceof FileError) return `${e.message}${stack}`;
  const errno = e as NodeJS.ErrnoException;
  if (errnoCode(e) && typeof errno.path === 'string')
    return `${fsErrorRu(e, errno.path, errno.syscall === 'open' || errno.syscall === 'read' ? 'read' : errno.syscall === 'scandir' ? 'list' : 'write')}${stack}`;
  const what = e instanceof Error ? e.message : String(e);
  return (
    `Внутренняя ошибка программы: ${what}. Ваши файлы не изменены. ` +
    `Это ошибка shnor-roadmap, а не ваших данных: повторите запуск с параметром --debug и ` +
    `передайте разработчикам его вывод.${stack}`
  );
}
