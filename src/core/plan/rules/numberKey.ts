/** How activity numbers are compared: "1.1", "1.1." and a date 01.01 all read as 1.1. */
import type { ActivityMeta } from '../planRead';

export function numberKey(meta: ActivityMeta): string | null {
  const n = meta.number;
  return n.kind === 'arabic' ? n.parts.join('.') : null;
}

/**
 * Flat numbers ("1", "2") that start again from 1 in every section: then numbers repeat across
 * sections by design and are compared within their section only.
 */
export function restartsPerSection(meta: ActivityMeta[]): boolean {
  const sectionsWithOne = new Set<number>();
  for (const m of meta)
    if (m.number.kind === 'arabic' && m.number.parts.length === 1 && m.number.parts[0] === 1)
      sectionsWithOne.add(m.numberedSection);
  return sectionsWithOne.size >= 2;
}
