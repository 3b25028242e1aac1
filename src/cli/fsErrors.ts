/**
 * File-system failures in Russian: what went wrong with which file and what to do about it.
 * Every command reports an error of the file system through here, never Node's English text.
 */
import * as path from 'path';

/** What the program was doing with the file when it failed. */
export type FileAction = 'read' | 'write' | 'list' | 'create-folder';

const ACTION_RU: Record<FileAction, string> = {
  read: 'прочитать файл',
  write: 'записать файл',
  list: 'просмотреть папку',
  'create-folder': 'создать папку',
};

/** A Node error with an errno code ("EACCES"), or null. */
export function errnoCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** Why, in Russian, with the advice that fits: one sentence for each errno the CLI can meet. */
function reasonRu(code: string, action: FileAction, shown: string): string {
  const folder = path.dirname(shown) === '.' ? 'текущую папку' : `папку «${path.dirname(shown)}»`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return action === 'read' || action === 'list'
        ? 'нет прав на чтение. Попросите доступ у владельца файла или скопируйте файл в свою папку'
        : `нет прав на запись в ${folder}. Выберите папку, куда вам разрешено записывать, или попросите доступ`;
    case 'ENOSPC':
    case 'EDQUOT':
      return 'на диске не хватает места. Освободите место или укажите файл на другом диске';
    case 'EROFS':
      return 'диск или папка доступны только для чтения. Укажите файл в другой папке';
    case 'EISDIR':
      return 'это папка, а не файл. Укажите имя файла, например «отчёт.xlsx»';
    case 'ENOTDIR':
      return 'часть пути — файл, а не папка. Проверьте путь';
    case 'ENOENT':
      return action === 'write' || action === 'create-folder'
        ? `${path.dirname(shown) === '.' ? 'текущей папки' : `папки «${path.dirname(shown)}»`} нет. Создайте папку или укажите другой путь`
        : 'файл или папка не найдены. Проверьте путь';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'файл занят другой программой (возможно, открыт в Excel). Закройте его и повторите';
    case 'EMFILE':
    case 'ENFILE':
      return 'открыто слишком много файлов сразу. Закройте лишние программы и повторите';
    case 'ENAMETOOLONG':
      return 'слишком длинное имя файла или путь. Укажите путь короче';
    case 'ELOOP':
      return 'символьные ссылки в пути ссылаются друг на друга по кругу. Проверьте путь';
    case 'EIO':
      return 'ошибка чтения или записи на носителе. Проверьте диск или флешку и повторите';
    case 'EAGAIN':
    case 'ETIMEDOUT':
    case 'ESTALE':
    case 'EHOSTDOWN':
      return 'сетевая папка не ответила. Проверьте подключение и повторите';
    default:
      return `система сообщила об ошибке ${code}. Проверьте путь и права доступа и повторите`;
  }
}

/** Only the reason and the advice: «нет прав на чтение. Попросите доступ…» (no final full stop). */
export function fsReasonRu(e: unknown, shown: string, action: FileAction): string {
  return reasonRu(errnoCode(e) ?? 'EIO', action, shown);
}

/**
 * «Не удалось записать файл «отчёт.xlsx»: на диске не хватает места. Освободите место…»
 * `shown` is the path as the user wrote it (or as the program displays it).
 */
export function fsErrorRu(e: unknown, shown: string, action: FileAction): string {
  return `Не удалось ${ACTION_RU[action]} «${shown}»: ${fsReasonRu(e, shown, action)}.`;
}

/** An error of the file system already put into Russian; main prints it and exits with 2. */
export class FileError extends Error {
  override name = 'FileError';
}
