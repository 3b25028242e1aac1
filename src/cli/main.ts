/**
 * shnor-roadmap: the command line over the same engine as the Excel add-in.
 * Each command lives in its own module and registers itself in COMMANDS below.
 */
import type { Command } from './command';
import { EXIT, processIo, UsageError, type Io } from './io';
import { checkCommand } from './commands/check';
import { reportCommand } from './commands/report';
import { demoCommand } from './commands/demo';
import { criteriaCommand } from './commands/criteria';

const COMMANDS: Command[] = [checkCommand, criteriaCommand, reportCommand, demoCommand];

function commandList(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  return COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
}

export const GENERAL_HELP =
  () => `shnor-roadmap — дорожные карты ШНОР/ШНСУ: проверка планов, критерии ШНОР, отчёт по школам

Использование: shnor-roadmap <команда> [параметры]

Команды:
${commandList()}

Подробно о команде: shnor-roadmap help <команда> или shnor-roadmap <команда> --help
Коды завершения: 0 — ошибок нет, 1 — в данных найдены ошибки, 2 — входные данные или параметры непригодны.`;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const cmd = topic ? COMMANDS.find((c) => c.name === topic) : undefined;
    if (topic && !cmd) {
      io.err(`Неизвестная команда «${topic}».\n\n${GENERAL_HELP()}`);
      return EXIT.badInput;
    }
    io.out(cmd ? cmd.usage : GENERAL_HELP());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    io.out(String(require('../../package.json').version));
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
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
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${cmd.usage}`);
      return EXIT.badInput;
    }
    throw e;
  }
}
