/** Files to remove if the process is interrupted (Ctrl+C, SIGTERM, SIGHUP) before it finishes. */
import { unlinkSync } from 'fs';

/** Removes files on SIGINT/SIGTERM/SIGHUP (Ctrl+C), then lets the signal end the process. */
const pendingCleanups = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onSignal(signal: NodeJS.Signals): void {
  for (const clean of pendingCleanups) clean();
  pendingCleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}
export function trackCleanup(clean: () => void): () => void {
  if (!pendingCleanups.size) for (const s of SIGNALS) process.on(s, onSignal);
  pendingCleanups.add(clean);
  return () => {
    pendingCleanups.delete(clean);
    if (!pendingCleanups.size) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
