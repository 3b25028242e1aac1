/**
 * Every file the command line writes goes through here, so that a kill, a crash or a full disk
 * never leaves a half-written file where a good one was, and two runs never write one file at once.
 *
 * - The new content goes to a temporary file in the target's own folder, is flushed to the disk
 *   (fsync), and replaces the target by one rename; the folder is flushed after the rename.
 * - An advisory lock file beside the target (`.NAME.shnor-lock`, holding the process id, host and
 *   start time) makes a second writer of the same file wait, then stop with a Russian message.
 *   A lock whose process is gone (killed) is taken over at once; one from another computer (a
 *   shared folder) once it has not been refreshed for LOCK_STALE_MS.
 * - Temporary files are named `.NAME.shnor-PID-RANDOM.tmp`: the next writer of the same target,
 *   holding the lock, removes those whose process is gone. Nothing else is ever removed.
 * - The target is resolved through symbolic links (the link stays, the file it points at is
 *   replaced); `sameFileAs` compares device and inode, so commands can refuse to write onto an input.
 *
 * Why not proper-lockfile: its lock is a directory without a process id, so a lock left by a killed
 * run is only recognised as stale after its timeout (10 s by default), and a message cannot say who
 * holds the file. Here a dead process id frees the lock immediately; the timeout is kept only for
 * locks from another computer. Why not write-file-atomic: it takes the whole content in memory,
 * while a large new workbook is streamed to its file.
 */
import { randomBytes } from 'crypto';
import {
  chmod,
  link,
  open,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'fs/promises';
import { hostname } from 'os';
import * as path from 'path';
import { errnoCode, FileError, fsErrorRu } from './fsErrors';
import { fileIdentity, resolveTarget, type FileIdentity } from './fileIdentity';
import { removeQuietly, trackCleanup } from './signalCleanup';

/** How long a second writer waits for the first one by default (SHNOR_ROADMAP_LOCK_WAIT seconds). */
export const LOCK_WAIT_MS = 30_000;
/** A lock from another computer not refreshed for this long is stale. */
export const LOCK_STALE_MS = 120_000;
const LOCK_REFRESH_MS = 20_000;
/** A lock file without readable content (a writer on a file system without hard links was killed). */
const UNREADABLE_LOCK_STALE_MS = 10_000;
const POLL_MS = 150;

export interface OutputOptions {
  /** The path as the user wrote it, for messages. */
  shown: string;
  /** How long to wait for another writer of the same file; default LOCK_WAIT_MS. */
  waitMs?: number;
  /** Called once when the file is busy and the command starts to wait. */
  onWait?: (message: string) => void;
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

/**
 * One target file, locked for this run. Read the current content (if any) after opening, write the
 * new content with `replace` or `replaceWith`, and `release` in a finally block.
 */
export class Output {
  /** Temporary files made by this run, removed on failure or Ctrl+C. */
  private readonly temps = new Set<string>();
  private refresh: NodeJS.Timeout | undefined;
  private untrack: () => void = () => undefined;

  private constructor(
    /** The absolute path asked for (perhaps a symbolic link). */
    readonly requested: string,
    /** The file that is replaced (symbolic links followed). */
    readonly path: string,
    readonly shown: string,
    private readonly lockPath: string,
    private readonly holder: LockHolder,
  ) {}

  /** Locks the target (waiting for another writer if need be) and cleans up after killed runs. */
  static async open(file: string, opts: OutputOptions): Promise<Output> {
    const requested = path.resolve(file);
    const target = await resolveTarget(requested, opts.shown);
    const dir = path.dirname(target);
    const base = path.basename(target);
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
    };
    if ((await stat(target).catch(() => null))?.isDirectory())
      throw new FileError(fsErrorRu({ code: 'EISDIR' }, opts.shown, 'write'));
    const out = new Output(
      requested,
      target,
      opts.shown,
      path.join(dir, `.${base}.shnor-lock`),
      holder,
    );
    await out.lock(opts);
    out.untrack = trackCleanup(() => out.cleanupSync());
    out.refresh = setInterval(() => {
      const now = new Date();
      utimes(out.lockPath, now, now).catch(() => undefined);
    }, LOCK_REFRESH_MS);
    out.refresh.unref();
    await out.removeStaleTemps();
    return out;
  }

  /** The target's identity now (null when it does not exist yet). */
  identity(): Promise<FileIdentity | null> {
    return fileIdentity(this.path);
  }

  async exists(): Promise<boolean> {
    return (await this.identity()) !== null;
  }

  /** The current content of the target. */
  async read(): Promise<Buffer> {
    try {
      return await readFile(this.path);
    } catch (e) {
      throw new FileError(fsErrorRu(e, this.shown, 'read'));
    }
  }

  /**
   * Replaces the target with what `write` puts into the temporary path it is given. Until `write`
   * has finished and the file is on the disk, the target stays as it was.
   */
  async replace(write: (tempPath: string) => Promise<void>): Promise<void> {
    const temp = this.tempPath('tmp');
    this.temps.add(temp);
    try {
      const previous = await stat(this.path).catch(() => null);
      await write(temp);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (previous) await chmod(temp, previous.mode & 0o7777).catch(() => undefined);
      await this.assertStillLocked();
      await rename(temp, this.path);
      this.temps.delete(temp);
      await syncFolder(path.dirname(this.path));
    } catch (e) {
      removeQuietly(temp);
      this.temps.delete(temp);
      if (e instanceof FileError) throw e;
      if (errnoCode(e))
        throw new FileError(`${fsErrorRu(e, this.shown, 'write')}${await this.unchanged()}`);
      throw e;
    }
  }

  /** Replaces the target with `data`. */
  replaceWith(data: Buffer | string): Promise<void> {
    return this.replace((temp) => writeFile(temp, data));
  }

  /** Gives up the lock (and any temporary file left by a failure). */
  async release(): Promise<void> {
    if (this.refresh) clearInterval(this.refresh);
    this.refresh = undefined;
    for (const t of this.temps) removeQuietly(t);
    this.temps.clear();
    if ((await this.readHolder(this.lockPath))?.token === this.holder.token)
      await unlink(this.lockPath).catch(() => undefined);
    this.untrack();
  }

  private async unchanged(): Promise<string> {
    return (await this.exists()) ? ' Прежний файл не изменён.' : '';
  }

  private cleanupSync(): void {
    for (const t of this.temps) removeQuietly(t);
    removeQuietly(this.lockPath);
  }

  private tempPath(kind: 'tmp' | 'lock-tmp' | 'stale'): string {
    const name = `.${path.basename(this.path)}.shnor-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`;
    return path.join(path.dirname(this.path), name);
  }

  private async lock(opts: OutputOptions): Promise<void> {
    const wait = opts.waitMs ?? lockWaitFromEnvironment();
    const started = Date.now();
    let told = false;
    for (;;) {
      if (await this.tryLock()) return;
      const current = await this.readHolder(this.lockPath);
      if (await this.isStale(current)) {
        await this.breakLock(current);
        continue;
      }
      const busy = busyMessage(this.shown, current);
      if (Date.now() - started >= wait)
        throw new FileError(
          `${busy} Дождитесь окончания того запуска и повторите или укажите другой файл. ` +
            `Если такого запуска нет, удалите файл «${path.basename(this.lockPath)}» в папке «${path.dirname(this.path)}».`,
        );
      if (!told) opts.onWait?.(`${busy} Жду окончания записи…`);
      told = true;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /**
   * Creates the lock file with its content in one step: written to a private file, then hard
   * linked under the lock's name (which fails if the lock exists). File systems without hard links
   * (FAT flash drives) get an exclusive create instead.
   */
  private async tryLock(): Promise<boolean> {
    const content = JSON.stringify(this.holder);
    const temp = this.tempPath('lock-tmp');
    try {
      await writeFile(temp, content, { flag: 'wx' });
    } catch (e) {
      throw new FileError(fsErrorRu(e, this.shown, 'write'));
    }
    try {
      await link(temp, this.lockPath);
      return true;
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP')
        throw new FileError(fsErrorRu(e, this.shown, 'write'));
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    try {
      await writeFile(this.lockPath, content, { flag: 'wx' });
      return true;
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') return false;
      throw new FileError(fsErrorRu(e, this.shown, 'write'));
    }
  }

  private async readHolder(file: string): Promise<LockHolder | null> {
    try {
      const h = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
      return typeof h.pid === 'number' && typeof h.token === 'string' ? h : null;
    } catch {
      return null;
    }
  }

  private async isStale(holder: LockHolder | null): Promise<boolean> {
    const age = await lockAge(this.lockPath);
    if (age === null) return false; // released meanwhile: try again
    if (!holder) return age > UNREADABLE_LOCK_STALE_MS;
    if (holder.host === this.holder.host) return !isAlive(holder.pid);
    return age > LOCK_STALE_MS;
  }

  /**
   * Takes a stale lock away by renaming it to a private name (only one contender can), then checks
   * that what it took is the stale lock it judged; a live lock taken by mistake is put back.
   */
  private async breakLock(judged: LockHolder | null): Promise<void> {
    const aside = this.tempPath('stale');
    try {
      await rename(this.lockPath, aside);
    } catch {
      return; // someone else broke it first
    }
    const taken = await this.readHolder(aside);
    if (taken?.token !== judged?.token) await link(aside, this.lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
  }

  private async assertStillLocked(): Promise<void> {
    if ((await this.readHolder(this.lockPath))?.token !== this.holder.token)
      throw new FileError(
        `Файл «${this.shown}» не записан: пока шла запись, его блокировку снял другой запуск программы. Повторите запуск.`,
      );
  }

  /** Temporary files of this target left by runs that were killed (their process is gone). */
  private async removeStaleTemps(): Promise<void> {
    const dir = path.dirname(this.path);
    const ours = new RegExp(
      `^\\.${escapeRegExp(path.basename(this.path))}\\.shnor-(\\d+)-[0-9a-f]{8}\\.(tmp|lock-tmp|stale)$`,
    );
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const m = ours.exec(name);
      if (m && !isAlive(Number(m[1]))) await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

async function lockAge(file: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

function busyMessage(shown: string, holder: LockHolder | null): string {
  if (!holder) return `Файл «${shown}» сейчас записывает другой запуск shnor-roadmap.`;
  const since = new Date(holder.since);
  const time = Number.isNaN(since.getTime())
    ? ''
    : `, начат в ${since.toLocaleTimeString('ru-RU')}`;
  const where = holder.host === hostname() ? '' : ` на компьютере «${holder.host}»`;
  return `Файл «${shown}» сейчас записывает другой запуск shnor-roadmap (процесс ${holder.pid}${where}${time}).`;
}

function lockWaitFromEnvironment(): number {
  const seconds = Number(process.env.SHNOR_ROADMAP_LOCK_WAIT);
  return process.env.SHNOR_ROADMAP_LOCK_WAIT !== undefined &&
    Number.isFinite(seconds) &&
    seconds >= 0
    ? seconds * 1000
    : LOCK_WAIT_MS;
}

/** Flushes a folder's entries (the rename) to the disk; not every system can, and that is fine. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some network file systems cannot open or sync a folder.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Locks `file`, runs `fn` with it, and always releases the lock. */
export async function withOutput<T>(
  file: string,
  opts: OutputOptions,
  fn: (out: Output) => Promise<T>,
): Promise<T> {
  const out = await Output.open(file, opts);
  try {
    return await fn(out);
  } finally {
    await out.release();
  }
}
