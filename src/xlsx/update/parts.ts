/**
 * Package-level edits: relationships, content types, and which parts an update leaves without a
 * reference. A part is dropped only when it was reachable from the package root before the update
 * and is not any more (the drawing, chart or comments of a replaced sheet, calcChain.xml); a part
 * nothing referred to before is none of the updater's business and stays.
 */
import { escapeXml, findElement, findElements, applySplices, type Splice } from './xmlEdit';
import { parseRels, relsPartOf, type Relationship, type WorkbookPackage } from './package';
import { attr } from '../xmlScanner';

export interface NewRelationship {
  id: string;
  type: string;
  target: string;
}

/** The rels part with the relationships `remove` (by id) taken out and `add` appended. */
export function editRels(xml: string, remove: Set<string>, add: NewRelationship[]): string {
  const root = findElement(xml, 'Relationships');
  if (!root) throw new Error('editRels: no Relationships element');
  const p = root.prefix ? `${root.prefix}:` : '';
  const splices: Splice[] = [];
  for (const r of parseRels(xml, '')) {
    if (remove.has(r.id)) splices.push({ start: r.element.start, end: r.element.end, text: '' });
  }
  const added = add
    .map(
      (r) =>
        `<${p}Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
    )
    .join('');
  if (root.selfClosing)
    splices.push({
      start: root.start,
      end: root.end,
      text: `<${p}Relationships${root.attrs}>${added}</${p}Relationships>`,
    });
  else splices.push({ start: root.closeStart, end: root.closeStart, text: added });
  return applySplices(xml, splices);
}

/** A fresh relationship id not in `taken` (which it joins). */
export function freeRelId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** [Content_Types].xml without the overrides of `removeParts`, with `add` appended. */
export function editContentTypes(
  xml: string,
  removeParts: Set<string>,
  add: Array<{ part: string; type: string }>,
): string {
  const root = findElement(xml, 'Types');
  if (!root || root.selfClosing) throw new Error('editContentTypes: no Types element');
  const p = root.prefix ? `${root.prefix}:` : '';
  const lower = new Set([...removeParts].map((x) => `/${x}`.toLowerCase()));
  const splices: Splice[] = [];
  const present = new Set<string>();
  for (const o of findElements(xml, 'Override', root.openEnd, root.closeStart)) {
    const name = (attr(o.attrs, 'PartName') ?? '').toLowerCase();
    if (lower.has(name)) splices.push({ start: o.start, end: o.end, text: '' });
    else present.add(name);
  }
  const added = add
    .filter((a) => !present.has(`/${a.part}`.toLowerCase()))
    .map(
      (a) => `<${p}Override PartName="/${escapeXml(a.part)}" ContentType="${escapeXml(a.type)}"/>`,
    )
    .join('');
  splices.push({ start: root.closeStart, end: root.closeStart, text: added });
  return applySplices(xml, splices);
}

/**
 * Parts reachable from the package root through internal relationships. `override` gives the
 * relationships a part will have after the update (an empty list for a new or rewritten part).
 */
export function reachableParts(
  pkg: WorkbookPackage,
  override: Map<string, Relationship[]>,
  cache: Map<string, Relationship[]>,
): Set<string> {
  const relsOf = (part: string): Relationship[] => {
    const o = override.get(part);
    if (o) return o;
    let rels = cache.get(part);
    if (!rels) {
      const relsPart = relsPartOf(part);
      rels = pkg.zip.has(relsPart) ? parseRels(pkg.zip.readText(relsPart), part) : [];
      cache.set(part, rels);
    }
    return rels;
  };
  const seen = new Set<string>();
  const stack = [''];
  while (stack.length) {
    const part = stack.pop()!;
    for (const r of relsOf(part)) {
      if (r.part === null || seen.has(r.part)) continue;
      seen.add(r.part);
      stack.push(r.part);
    }
  }
  return seen;
}

/** The target of a relationship from `source` to `part`, relative when it lies below. */
export function relativeTarget(source: string, part: string): string {
  const dir = source.slice(0, source.lastIndexOf('/') + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}
