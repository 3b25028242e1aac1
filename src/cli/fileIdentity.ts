/** Which file a path really names: device and inode, symbolic links followed. */
import { lstat, readlink, realpath, stat } from 'fs/promises';
import * as path from 'path';
import { errnoCode, FileError, fsErrorRu } from './fsErrors';

export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

/** Device and inode of a file (links followed), or null when there is no such file. */
export async function fileIdentity(file: string): Promise<FileIdentity | null> {
  try {
    const s = await stat(file, { bigint: true });
    return { dev: s.dev, ino: s.ino };
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return null;
    throw e;
  }
}

export function sameIdentity(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

export /** The file a path names once symbolic links are followed (it may not exist yet). */
async function resolveTarget(full: string, shown: string): Promise<string> {
  try {
    return await realpath(full);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw new FileError(fsErrorRu(e, shown, 'write'));
  }
  // A link to a file not there yet: the new file goes where the link points.
  try {
    if ((await lstat(full)).isSymbolicLink())
      return path.resolve(path.dirname(full), await readlink(full));
  } catch {
    // no such file: a new one
  }
  try {
    return path.join(await realpath(path.dirname(full)), path.basename(full));
  } catch (e) {
    throw new FileError(fsErrorRu(e, shown, 'write'));
  }
}
