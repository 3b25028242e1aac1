/**
 * The command line's side of updating an existing --out workbook at the zip level
 * (src/xlsx/update): opening it under the output's lock with Russian messages, and writing the
 * result through the output's atomic replace. `report` and `criteria` both use it.
 */
import { open } from 'fs/promises';
import * as path from 'path';
import { UpdateRefused } from '../xlsx/update/package';
import { WorkbookUpdate, type UpdateResult } from '../xlsx/update/update';
import { XmlError } from '../xlsx/xmlScanner';
import { PackageError } from '../xlsx/zipPackage';
import { UsageError } from './io';
import type { Output } from './output';

/** Extensions an --out workbook may have: a new one is .xlsx; an existing .xlsm stays .xlsm. */
export function checkOutExtension(file: string, shown: string, exists: boolean): void {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || (ext === '.xlsm' && exists)) return;
  if (ext === '.xlsm')
    throw new UsageError(
      `Файла «${shown}» нет, а новая книга записывается только как .xlsx (без макросов). Укажите имя с расширением .xlsx.`,
    );
  throw new UsageError(`--out ожидает книгу .xlsx (или существующую .xlsm), получено «${shown}».`);
}

/**
 * The workbook behind `out` to apply a patch to: the existing one (unreadable or refused →
 * UsageError), or a new one without sheets when there is no file yet.
 */
export async function openForUpdate(out: Output): Promise<WorkbookUpdate> {
  if (!(await out.exists())) return WorkbookUpdate.create(out.shown);
  const data = await out.read();
  try {
    return await WorkbookUpdate.open(data, out.shown);
  } catch (e) {
    if (e instanceof UpdateRefused || e instanceof PackageError)
      throw new UsageError(`${e.message} Файл не изменён.`);
    if (e instanceof XmlError)
      throw new UsageError(
        `Файл «${out.shown}» уже есть, но не открывается как книга Excel (${e.message}). Файл не изменён; укажите другой --out.`,
      );
    throw e;
  }
}

/** Replaces the workbook with the update's result, atomically (see output.ts). */
export async function writeUpdate(out: Output, result: UpdateResult): Promise<void> {
  await out.replace(async (temp) => {
    const file = await open(temp, 'w');
    try {
      for (const chunk of result.chunks) await file.write(chunk);
    } finally {
      await file.close();
    }
  });
}
