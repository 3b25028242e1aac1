/**
 * What a command needs from the outside world, so commands can be tested without a terminal.
 */
import { terminalProgress, type ProgressLine } from './progress';

export interface Io {
  out(text: string): void;
  /**
   * Writes a piece of a long report (JSON) to the output as it is, with no newline added; resolves
   * once the output can take more (a full pipe holds the writer back). Absent in tests: the pieces
   * are then gathered and given to `out` whole.
   */
  write?(chunk: Uint8Array): Promise<void>;
  err(text: string): void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  /** "Today" for deadlines and overdue checks (ISO), overridable by --as-of. */
  today: string;
  /** Whether `out` goes to a terminal (a report printed piece by piece is then read as it comes). */
  outIsTerminal?: boolean;
  /** A progress line on the terminal; absent when stderr is not one (a pipe, a file, tests). */
  progress?: () => ProgressLine;
}

export function processIo(): Io {
  return {
    // The newline is written apart: appending it would copy a report of tens of megabytes.
    out: (t) => {
      process.stdout.write(t);
      if (!t.endsWith('\n')) process.stdout.write('\n');
    },
    write: (chunk) =>
      new Promise<void>((resolve) => {
        if (process.stdout.write(chunk)) resolve();
        else process.stdout.once('drain', () => resolve());
      }),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    cwd: process.cwd(),
    today: new Date().toISOString().slice(0, 10),
    outIsTerminal: process.stdout.isTTY === true,
    ...(process.stderr.isTTY ? { progress: () => terminalProgress(process.stderr) } : {}),
  };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, errorsFound: 1, badInput: 2 } as const;

/** A usage or input error the command reports in Russian and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
