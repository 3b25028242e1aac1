/**
 * The settings JSON file the commands take with --settings (the same fields as the add-in's
 * settings; see README). A file that cannot be read or does not validate is a UsageError whose
 * Russian message names the file and every wrong field.
 */
import { readFile } from 'fs/promises';
import * as path from 'path';
import { defaultSettings, parseSettings, type Settings } from '../core/settings';
import { UsageError } from './io';

/** Reads a settings JSON file; an unreadable or invalid file is a UsageError naming the fields. */
export async function readSettingsFile(file: string | undefined, cwd: string): Promise<Settings> {
  if (file === undefined) return defaultSettings();
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'файл не найден'
        : err instanceof SyntaxError
          ? `это не JSON (${err.message})`
          : err.message;
    throw new UsageError(`Файл настроек «${file}» не прочитан: ${why}.`);
  }
  const parsed = parseSettings(json);
  if (!parsed.ok)
    throw new UsageError(
      `Файл настроек «${file}» содержит ошибки:\n  ${parsed.errors.join('\n  ')}`,
    );
  return parsed.settings;
}
