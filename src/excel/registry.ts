/**
 * What the adapter remembers in the workbook (workbook.settings, saved with the file):
 * which sheets it generated (by worksheet id, so a renamed or copied sheet is never mistaken) and
 * how far an interrupted write got, so the next run can resume.
 */

export const GENERATED_SETTING = 'shnorRoadmap.generatedSheets';
export const PROGRESS_SETTING = 'shnorRoadmap.applyProgress';
/** The command line's own registry of generated sheets (REGISTRY_SHEET in src/xlsx/write.ts). */
export const CLI_REGISTRY_SHEET = '_shnor';

/** Worksheet id → patch key of a sheet the add-in generated. */
export type Registry = Record<string, string>;

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
export function readRegistry(value: unknown): Registry {
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
