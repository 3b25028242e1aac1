/**
 * The progress line of long runs on a terminal: phase, file n of N, rows read, sheets written and
 * the time left, redrawn in place on stderr by cli-progress. Only when stderr is a terminal and the
 * user did not ask for --quiet; otherwise nothing is written (pipes and logs stay clean).
 */
import { SingleBar } from 'cli-progress';
import type { OnProgress, ProgressEvent, ProgressPhase } from '../core/progress';

const PHASES: Record<ProgressPhase, string> = {
  read: 'Чтение',
  check: 'Проверка',
  compute: 'Расчёт',
  write: 'Запись',
};

export interface ProgressLine {
  update: OnProgress;
  /** Clears the line; call before printing anything else. */
  stop(): void;
}

export const NO_PROGRESS: ProgressLine = { update: () => undefined, stop: () => undefined };

/** The command's progress line: drawn when the host has a terminal and --quiet was not given. */
export function progressLine(io: { progress?: () => ProgressLine }, quiet: boolean): ProgressLine {
  return !quiet && io.progress ? io.progress() : NO_PROGRESS;
}

/** The stream the line is drawn on: stderr, or a fake terminal in tests. */
export type TerminalStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

function secondsRu(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '—';
  if (s < 60) return `${Math.ceil(s)} с`;
  return `${Math.floor(s / 60)} мин ${Math.round(s % 60)} с`;
}

/** A progress line on `stream`; the bar is files (reading, checking) or sheets (writing). */
export function terminalProgress(stream: TerminalStream): ProgressLine {
  const bar = new SingleBar({
    stream,
    format: (_options, params, payload: Record<string, string>) => {
      const parts = [payload.phase ?? ''];
      if (payload.file) parts.push(payload.file);
      if (payload.rows) parts.push(payload.rows);
      if (payload.sheets) parts.push(payload.sheets);
      if (params.total > 1 && params.value > 0 && params.value < params.total && params.eta > 0)
        parts.push(`осталось ≈ ${secondsRu(params.eta)}`);
      return parts.join(' │ ');
    },
    fps: 8,
    etaBuffer: 20,
    hideCursor: true,
    clearOnComplete: true,
    linewrap: false,
  });
  let started = false;
  let phase: ProgressPhase | null = null;
  const payload: Record<string, string> = {};
  return {
    update(e: ProgressEvent) {
      // What a phase does not report is not shown (no stale "файл 1 из 1" while writing).
      if (phase !== e.phase) for (const k of Object.keys(payload)) delete payload[k];
      payload.phase = PHASES[e.phase];
      if (e.file) payload.file = `файл ${e.file.n} из ${e.file.of}`;
      if (e.rows !== undefined) payload.rows = `строк ${e.rows.toLocaleString('ru-RU')}`;
      if (e.sheets) payload.sheets = `листов ${e.sheets.done} из ${e.sheets.of}`;
      const total = e.sheets?.of ?? e.file?.of ?? 1;
      const value = e.sheets?.done ?? (e.file ? e.file.n - 1 : 0);
      if (!started || phase !== e.phase) {
        // A new phase starts its own estimate of the time left.
        if (started) bar.stop();
        bar.start(total, value, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
      phase = e.phase;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
