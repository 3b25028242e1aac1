/**
 * The progress port of long runs: what a use case reports as it goes (a phase, the file it is on,
 * rows read, sheets written). Hosts render it (the command line as a line redrawn on stderr when
 * that is a terminal, src/cli/progress.ts); the use cases only call the callback they are given.
 */
export type ProgressPhase = 'read' | 'check' | 'compute' | 'write';

export interface ProgressEvent {
  phase: ProgressPhase;
  /** 1-based number of the file being worked on, of how many. */
  file?: { n: number; of: number; name: string };
  /** Rows read so far in this run. */
  rows?: number;
  /** Sheets written so far, of how many. */
  sheets?: { done: number; of: number };
}

export type OnProgress = (event: ProgressEvent) => void;
