/**
 * Reads every cell, defined name and hyperlink of an .xlsx at the XML level, as Excel would see
 * them: for tests that must look at everything a workbook holds, not what a library makes of it.
 */
import { MARKER_NAME, markerKey } from '../../src/core/workbook/registry';
import JSZip from 'jszip';
import { parseSheetRef } from '../../src/core/sheetRef';

export interface ScannedCell {
  sheet: string;
  address: string;
  /** The formula text, when the cell has one. */
  formula?: string;
  /** The text of a string cell (shared, inline or a formula's string result). */
  text?: string;
  type: string;
}

export interface ScannedWorkbook {
  sheets: string[];
  cells: ScannedCell[];
  /** Formulas of defined names. */
  definedNames: Array<{ name: string; formula: string }>;
  /** Targets of hyperlinks, with the sheet they are on. */
  hyperlinks: Array<{ sheet: string; target: string }>;
}

export function unxml(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The areas of a union ("'a,b'!$A$1,'c'!$1:$1"): commas outside quoted sheet names. */
export function unionParts(formula: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] === "'") quoted = !quoted;
    else if (formula[i] === ',' && !quoted) {
      parts.push(formula.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, formula.slice(start)];
}

const textOf = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unxml(m[1]!)).join('');

export async function scanXlsx(data: Buffer): Promise<ScannedWorkbook> {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  const relTarget = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => textOf(m[1]!),
  );
  const out: ScannedWorkbook = { sheets: [], cells: [], definedNames: [], hyperlinks: [] };
  for (const m of workbook.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g))
    out.definedNames.push({
      name: unxml(/name="([^"]*)"/.exec(m[1]!)![1]!),
      formula: unxml(m[2]!),
    });
  for (const m of workbook.matchAll(/<sheet ([^>]*)\/>/g)) {
    const name = unxml(/name="([^"]*)"/.exec(m[1]!)![1]!);
    const rid = /r:id="([^"]*)"/.exec(m[1]!)![1]!;
    const target = relTarget.get(rid)!.replace(/^\/?(xl\/)?/, '');
    const path = `xl/${target}`;
    out.sheets.push(name);
    const xml = await read(path);
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /\bt="([^"]*)"/.exec(c[2]!)?.[1] ?? 'n';
      const inner = c[3] ?? '';
      const cell: ScannedCell = { sheet: name, address: c[1]!, type };
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner);
      if (f) cell.formula = unxml(f[1]!);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      if (type === 's' && v !== undefined) cell.text = shared[Number(v)];
      else if (type === 'inlineStr') cell.text = textOf(inner);
      else if (type === 'str' && v !== undefined) cell.text = unxml(v);
      out.cells.push(cell);
    }
    const sheetRels = await read(path.replace(/([^/]+)$/, '_rels/$1.rels'));
    const hyperRel = new Map(
      [...sheetRels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
        m[1]!,
        unxml(m[2]!),
      ]),
    );
    for (const h of xml.matchAll(/<hyperlink ([^>]*)\/>/g)) {
      const location = /location="([^"]*)"/.exec(h[1]!)?.[1];
      const rid = /r:id="([^"]*)"/.exec(h[1]!)?.[1];
      const target = location !== undefined ? unxml(location) : (hyperRel.get(rid ?? '') ?? '');
      out.hyperlinks.push({ sheet: name, target });
    }
  }
  return out;
}

/** Names every reference of defined names and internal hyperlinks that does not name an existing sheet. */
export function danglingReferences(wb: ScannedWorkbook): string[] {
  const bad: string[] = [];
  for (const d of wb.definedNames) {
    // A generated sheet's marker is a string constant by design (docs/architecture.md), not a reference.
    if (d.name === MARKER_NAME && markerKey(d.formula) !== null) continue;
    for (const part of unionParts(d.formula)) {
      const ref = parseSheetRef(part);
      if (!ref || !wb.sheets.includes(ref.sheet)) bad.push(`${d.name}: ${part}`);
    }
  }
  for (const h of wb.hyperlinks) {
    const ref = parseSheetRef(h.target.replace(/^#/, ''));
    if (!ref || !wb.sheets.includes(ref.sheet))
      bad.push(`ссылка на листе «${h.sheet}»: ${h.target}`);
  }
  return bad;
}
