import {
  choiceOption,
  isoDateOption,
  parseCommandArgs,
  stringListOption,
  stringOption,
} from '../../src/cli/args';
import { UsageError } from '../../src/cli/io';

const OPTIONS = {
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  sheet: { type: 'string', multiple: true },
} as const;

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('no UsageError');
}

describe('parseCommandArgs', () => {
  it('returns options and positionals', () => {
    const p = parseCommandArgs(
      ['a.xlsx', '--as-of', '2024-01-31', '--sheet', 'X', '--sheet=Y', 'dir'],
      OPTIONS,
    );
    expect(p.positionals).toEqual(['a.xlsx', 'dir']);
    expect(stringOption(p, 'as-of')).toBe('2024-01-31');
    expect(stringListOption(p, 'sheet')).toEqual(['X', 'Y']);
    expect(stringOption(p, 'sheet')).toBe('Y');
    expect(stringOption(p, 'json')).toBeUndefined();
  });

  it('says in Russian what is wrong with the options', () => {
    expect(usageMessage(() => parseCommandArgs(['--foo'], OPTIONS))).toBe(
      'Неизвестный параметр «--foo». Допустимые параметры: --as-of, --json, --sheet.',
    );
    expect(usageMessage(() => parseCommandArgs(['--as-of'], OPTIONS))).toBe(
      'Параметр --as-of требует значения.',
    );
    expect(usageMessage(() => parseCommandArgs(['--json=да'], OPTIONS))).toBe(
      'Параметр --json не принимает значения.',
    );
  });
});

describe('option values', () => {
  it('accepts real calendar dates only', () => {
    expect(isoDateOption('as-of', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '31.01.2024', '2024-1-5', 'завтра'])
      expect(usageMessage(() => isoDateOption('as-of', bad))).toBe(
        `--as-of ожидает дату в виде ГГГГ-ММ-ДД, получено «${bad}».`,
      );
  });

  it('accepts one of the listed choices', () => {
    expect(choiceOption('format', 'json', ['text', 'json'])).toBe('json');
    expect(usageMessage(() => choiceOption('format', 'xml', ['text', 'json']))).toBe(
      '--format ожидает одно из значений: text, json; получено «xml».',
    );
  });
});
