/**
 * The `check` report written a file at a time, so a folder of thousands of plans takes no more
 * memory than a folder of ten: each checked file is printed (text) or set aside on the disk (JSON)
 * and let go; only counts are kept. The bytes are those of formatCheckText and of
 * `printJson(checkToJson(…))` over all the files at once.
 *
 * The JSON report begins with its totals (`valid`, `stats`), known only after the last file, and
 * lists every file before every issue. So the files' entries and their issues go to two temporary
 * files as they come (compact JSON, one element after another), and at the end the report is
 * written: the head, then the two temporary files copied in turn. They lie in a folder of their own
 * under the system's temporary folder, removed at the end, on an error, on Ctrl+C and on exit.
 */
import { createReadStream, rmSync } from 'fs';
import { mkdtemp, open, rm, type FileHandle } from 'fs/promises';
import { tmpdir } from 'os';
import * as path from 'path';
import type { CheckedFile } from '../../core/plan/reviewPatch';
import { errnoCode, FileError, fsReasonRu } from '../fsErrors';
import type { Io } from '../io';
import { trackCleanup } from '../signalCleanup';
import { CheckJsonTotals, checkFileJson } from './json';
import type { JsonSink } from './jsonStream';
import { CheckTextReport } from './text';

/** The report of `check`, fed a file at a time in the order of the files. */
export interface CheckReportWriter {
  file(f: CheckedFile): Promise<void>;
  /** Writes what follows the files; `ignored`: the other files found in folders. */
  end(ignored: string[]): Promise<void>;
  /** Removes what the writer set aside (always called, also after an error). */
  close(): Promise<void>;
}

/** Writes `text` and a newline: through `io.write` (awaited, so a full pipe holds the run back). */
async function printLine(io: Io, text: string): Promise<void> {
  if (io.write) await io.write(Buffer.from(`${text}\n`));
  else io.out(text);
}

/** The text report: each file's lines are printed as soon as the file is checked. */
export function checkTextWriter(io: Io): CheckReportWriter {
  const report = new CheckTextReport();
  return {
    file: (f) => printLine(io, report.file(f)),
    end: (ignored) => printLine(io, report.end(ignored)),
    close: async () => undefined,
  };
}

/** About how many characters are gathered before they go to the temporary file. */
const CHUNK = 1 << 16;

/**
 * A failure of the temporary folder (no such folder, no rights, a full disk) in Russian: the user
 * named no such file, so the message says what it is and how to choose another folder.
 */
async function inTemp<T>(folder: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!errnoCode(e)) throw e;
    const reason = fsReasonRu(e, path.join(folder, 'отчёт.json'), 'write');
    throw new FileError(
      `Не удалось записать временный файл отчёта JSON в папку «${folder}»: ${reason}. Временную папку задаёт переменная окружения TMPDIR.`,
    );
  }
}

/** A JSON list's elements, comma-separated, in a temporary file. */
class SpilledList {
  private parts: string[] = [];
  private size = 0;
  private count = 0;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    /** The temporary folder, for messages. */
    private readonly temp: string,
  ) {}

  static async create(file: string, temp: string): Promise<SpilledList> {
    return new SpilledList(file, await inTemp(temp, () => open(file, 'wx')), temp);
  }

  /** Adds an element (its JSON); written once a chunk's worth is gathered. */
  async add(json: string): Promise<void> {
    this.parts.push(this.count++ ? `,${json}` : json);
    this.size += json.length;
    if (this.size >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.parts.length) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await inTemp(this.temp, () => this.handle.write(text));
  }

  /** Writes the list (`[…]`) into `sink`, read back from the file in chunks. */
  async copyTo(sink: JsonSink): Promise<void> {
    await this.flush();
    await this.handle.close();
    await sink(Buffer.from('['));
    for await (const chunk of createReadStream(this.file, { highWaterMark: CHUNK }))
      await sink(chunk as Buffer);
    await sink(Buffer.from(']'));
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/**
 * The JSON report (compact, a newline at the end, as printJson prints it): `files` and `issues`
 * set aside while the files are checked, the whole written by `end` through `io.write`, or, when
 * the host has no `write` (tests), gathered into one `out`. The temporary files go to a new folder
 * under `temp` (the system's temporary folder).
 */
export async function checkJsonWriter(io: Io, temp = tmpdir()): Promise<CheckReportWriter> {
  const dir = await inTemp(temp, () => mkdtemp(path.join(temp, 'shnor-check-')));
  // on Ctrl+C, and on process.exit (the launcher's, when the reader of a pipe goes away)
  const removeNow = () => rmSync(dir, { recursive: true, force: true });
  const untrack = trackCleanup(removeNow);
  process.on('exit', removeNow);
  const lists: SpilledList[] = [];
  const close = async () => {
    for (const l of lists) await l.close();
    await rm(dir, { recursive: true, force: true });
    untrack();
    process.removeListener('exit', removeNow);
  };
  try {
    lists.push(await SpilledList.create(path.join(dir, 'files.json'), temp));
    lists.push(await SpilledList.create(path.join(dir, 'issues.json'), temp));
  } catch (e) {
    await close();
    throw e;
  }
  const [files, issues] = lists as [SpilledList, SpilledList];
  const totals = new CheckJsonTotals();
  return {
    async file(f) {
      const one = checkFileJson(f);
      totals.add(one.entry);
      await files.add(JSON.stringify(one.entry));
      for (const i of one.issues) await issues.add(JSON.stringify(i));
    },
    async end(ignored) {
      const gathered: Uint8Array[] = [];
      const sink: JsonSink = io.write ? io.write.bind(io) : (c) => void gathered.push(c);
      // the head is the envelope without its closing brace; `files` and `issues` follow it
      const head = JSON.stringify(totals.head(ignored.length));
      await sink(Buffer.from(`${head.slice(0, -1)},"files":`));
      await files.copyTo(sink);
      await sink(Buffer.from(',"issues":'));
      await issues.copyTo(sink);
      await sink(Buffer.from('}'));
      if (io.write) await io.write(Buffer.from('\n'));
      else io.out(Buffer.concat(gathered).toString('utf8'));
    },
    close,
  };
}
