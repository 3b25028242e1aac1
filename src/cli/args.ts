/**
 * Command-line parsing shared by every command: node:util parseArgs with Russian messages, and
 * validators for the option values the commands have in common.
 */
import { parseArgs } from 'util';
import { UsageError } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * Parses `args` strictly: an unknown option, a missing value or a value given to a flag becomes
 * a UsageError in Russian (main prints it with the command's usage and exits with 2).
 */
export function parseCommandArgs(args: string[], options: Record<string, OptionSpec>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new UsageError(translateParseError(e as Error & { code?: string }, options));
  }
}

function translateParseError(
  e: Error & { code?: string },
  options: Record<string, OptionSpec>,
): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const option = quoted.split(/[ ,]/)[0] ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const known = Object.keys(options)
        .map((o) => `--${o}`)
        .join(', ');
      return `Неизвестный параметр «${option}». Допустимые параметры: ${known}.`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([\w-]+)/.exec(e.message)?.[1];
      const spec = name ? options[name] : undefined;
      if (spec?.type === 'boolean') return `Параметр --${name} не принимает значения.`;
      return `Параметр ${name ? `--${name}` : option} требует значения.`;
    }
    default:
      return `Не удалось разобрать параметры: ${e.message}`;
  }
}

/** The last value of a string option (repeating an option keeps the last one, as most tools do). */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values[name];
  if (Array.isArray(v)) {
    const last = v[v.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return typeof v === 'string' ? v : undefined;
}

/** All values of a string option given several times. */
export function stringListOption(parsed: ParsedArgs, name: string): string[] {
  const v = parsed.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

/** Validates a calendar date written as YYYY-MM-DD and returns it unchanged. */
export function isoDateOption(name: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const bad = () =>
    new UsageError(`--${name} ожидает дату в виде ГГГГ-ММ-ДД, получено «${value}».`);
  if (!m) throw bad();
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    throw bad();
  return value.trim();
}

/** Validates a value against a fixed list. */
export function choiceOption<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `--${name} ожидает одно из значений: ${choices.join(', ')}; получено «${value}».`,
  );
}
