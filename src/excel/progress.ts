/**
 * How far an interrupted write got, kept in workbook.settings (saved with the file) so the next
 * run with the same patch can resume. Which sheets are generated is not kept here: that is the
 * shared registry and the sheet markers (src/core/workbook/registry.ts).
 */
import type { ApplyReport } from '../core/workbook/policy';

export const PROGRESS_SETTING = 'shnorRoadmap.applyProgress';

export interface Progress {
  fingerprint: string;
  /** "structure": sheets were being created; "content": `done` write batches are in. */
  stage: 'structure' | 'content';
  done: number;
  total: number;
  /** Patch key → the sheet name used in the workbook. */
  names: Record<string, string>;
  /** The user's calculation mode before the write switched it to manual. */
  calculationMode?: string;
  /** What the whole run does (set with the structure): a resumed run reports it, not just its tail. */
  report?: Pick<
    ApplyReport,
    'created' | 'replaced' | 'removed' | 'renamedToAvoidClash' | 'changedByUser'
  >;
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'string')
  );
}

/** Settings come back as whatever was stored (possibly by an older version): check the shape. */
export function readStringRecord(value: unknown): Record<string, string> {
  return isStringRecord(value) ? { ...value } : {};
}

export function readProgress(value: unknown): Progress | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Partial<Progress>;
  if (typeof p.fingerprint !== 'string' || (p.stage !== 'structure' && p.stage !== 'content'))
    return null;
  if (typeof p.done !== 'number' || typeof p.total !== 'number' || !isStringRecord(p.names))
    return null;
  const progress: Progress = {
    fingerprint: p.fingerprint,
    stage: p.stage,
    done: p.done,
    total: p.total,
    names: { ...p.names },
  };
  if (typeof p.calculationMode === 'string') progress.calculationMode = p.calculationMode;
  const r = p.report;
  if (
    r &&
    [r.created, r.replaced, r.removed, r.renamedToAvoidClash, r.changedByUser].every(Array.isArray)
  )
    progress.report = r;
  return progress;
}

/** FNV-1a over the patch JSON: tells whether a saved progress belongs to the same patch. */
export function fingerprint(data: unknown): string {
  const s = JSON.stringify(data);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    // h × 16777619 (the FNV prime) mod 2^32, in shifts: much faster than Math.imul in some hosts.
    h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) | 0;
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}-${s.length}`;
}

/** Settings hold JSON text (office.js would also accept objects; text survives every client). */
export function parseSetting(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
