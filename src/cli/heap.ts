/**
 * A folder read file by file leaves each file's cells behind as garbage that outlived a young
 * collection, and V8 lets the old generation grow to two to four times the live data before a
 * full collection: the federal folder (85 files) peaked at 1.5 GB RSS for about 0.5 GB of live
 * data. Letting it grow by half at most keeps that peak at 1.0 GB for the same CPU time. A single
 * file leaves little such garbage, and there the tighter heap cost about 5 % more CPU, so this
 * is asked for only when several files are read (docs/engineering.md, «Память»).
 */
import { setFlagsFromString } from 'v8';

let tight = false;

export function keepHeapTight(files: number): void {
  if (tight || files < 2) return;
  tight = true;
  setFlagsFromString('--heap-growing-percent=50');
}
