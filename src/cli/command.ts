/** A subcommand of the command line: its own file, so commands need not import main.ts. */
import type { Io } from './io';

export interface Command {
  name: string;
  /** One Russian line for the command list. */
  summary: string;
  /** Full Russian usage text for `shnor-roadmap help NAME`. */
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}
