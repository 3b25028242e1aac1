/**
 * The structure of an .xlsx the updater needs, read without touching anything: the workbook part,
 * its sheets (every kind, in tab order, with the exact text of each <sheet> element), defined
 * names (exact text, scope), relationships of every part, and content types. Anything the updater
 * cannot vouch for is refused here with a Russian message (UpdateRefused), before a byte is written.
 */
import { attr, decodeXml } from '../xmlScanner';
import { ZipPackage } from '../zipPackage';
import { findElement, findElements, type XmlElement } from './xmlEdit';

export const REL_TYPES = {
  officeDocument:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const WORKSHEET_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** The workbook cannot be updated safely; the message says why, in Russian. */
export class UpdateRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpdateRefused';
  }
}

export interface Relationship {
  id: string;
  /** Full type URI. */
  type: string;
  /** Raw Target attribute. */
  target: string;
  /** The part it points at (resolved), or null for an external target. */
  part: string | null;
  element: XmlElement;
}

export interface PackageSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  sheetId: number;
  rId: string;
  /** The sheet's part, or null when its relationship is missing. */
  part: string | null;
  /** worksheet, chartsheet, dialogsheet… (last segment of the relationship type). */
  kind: string;
  /** The <sheet> element exactly as it is in workbook.xml. */
  text: string;
}

export interface PackageName {
  name: string;
  /** Position of the sheet it is scoped to, or undefined for a workbook-wide name. */
  localSheetId?: number;
  hidden: boolean;
  /** The formula, decoded. */
  formula: string;
  element: XmlElement;
}

/** "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml" ("_rels/.rels" for ""). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target → part name: "/xl/a.xml" is absolute, "../b.xml" relative to the source. */
export function resolveTarget(source: string, target: string): string {
  const dir = source.slice(0, source.lastIndexOf('/') + 1);
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(decodeURIComponent(p));
  }
  return out.join('/');
}

/** Relationships of a rels part's text; `source` is the part they belong to ("" for the package). */
export function parseRels(xml: string, source: string): Relationship[] {
  return findElements(xml, 'Relationship').map((element) => {
    const target = attr(element.attrs, 'Target') ?? '';
    const external = attr(element.attrs, 'TargetMode') === 'External';
    return {
      id: attr(element.attrs, 'Id') ?? '',
      type: attr(element.attrs, 'Type') ?? '',
      target,
      part: external ? null : resolveTarget(source, target),
      element,
    };
  });
}

export class WorkbookPackage {
  readonly relsPart: string;
  readonly rels: Relationship[];
  readonly relsXml: string;
  readonly xml: string;
  readonly prefix: string;
  readonly sheets: PackageSheet[];
  readonly names: PackageName[];
  readonly contentTypes: string;

  private constructor(
    readonly zip: ZipPackage,
    /** The workbook part, usually "xl/workbook.xml". */
    readonly part: string,
  ) {
    const refuse = (why: string) =>
      new UpdateRefused(`Книгу «${zip.file}» нельзя обновить: ${why}.`);
    if (!zip.has('[Content_Types].xml'))
      throw refuse('в ней нет списка частей [Content_Types].xml');
    this.contentTypes = zip.readText('[Content_Types].xml');
    this.xml = zip.readText(part);
    const root = findElement(this.xml, 'workbook');
    if (!root) throw refuse('часть книги не содержит элемента workbook');
    if (this.xml.includes(STRICT_NS))
      throw refuse(
        'она сохранена в формате «Strict Open XML». Сохраните её в Excel как обычную «Книгу Excel (.xlsx)» и повторите',
      );
    if (!this.xml.includes(MAIN_NS)) throw refuse('часть книги в неизвестном формате');
    this.prefix = root.prefix;
    this.relsPart = relsPartOf(part);
    this.relsXml = zip.has(this.relsPart) ? zip.readText(this.relsPart) : '';
    if (!this.relsXml) throw refuse('у книги нет списка связей (workbook.xml.rels)');
    this.rels = parseRels(this.relsXml, part);
    const byId = new Map(this.rels.map((r) => [r.id, r]));

    const sheetsElement = findElement(this.xml, 'sheets');
    if (!sheetsElement || sheetsElement.selfClosing) throw refuse('в книге нет листов');
    this.sheets = findElements(
      this.xml,
      'sheet',
      sheetsElement.openEnd,
      sheetsElement.closeStart,
    ).map((e) => {
      const rId = attr(e.attrs, 'r:id') ?? relationshipId(e.attrs) ?? '';
      const rel = byId.get(rId);
      const state = attr(e.attrs, 'state');
      return {
        name: attr(e.attrs, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        sheetId: Number(attr(e.attrs, 'sheetId') ?? 0),
        rId,
        part: rel?.part ?? null,
        kind: rel ? rel.type.slice(rel.type.lastIndexOf('/') + 1) : '',
        text: this.xml.slice(e.start, e.end),
      };
    });
    for (const s of this.sheets)
      if (!s.part || !zip.has(s.part))
        throw refuse(`лист «${s.name}» ссылается на отсутствующую часть файла`);

    const namesElement = findElement(this.xml, 'definedNames');
    this.names =
      namesElement && !namesElement.selfClosing
        ? findElements(this.xml, 'definedName', namesElement.openEnd, namesElement.closeStart).map(
            (element) => {
              const local = attr(element.attrs, 'localSheetId');
              const hidden = attr(element.attrs, 'hidden');
              const n: PackageName = {
                name: attr(element.attrs, 'name') ?? '',
                hidden: hidden === '1' || hidden === 'true',
                formula: element.selfClosing
                  ? ''
                  : decodeXml(this.xml.slice(element.openEnd, element.closeStart)),
                element,
              };
              if (local !== undefined) n.localSheetId = Number(local);
              return n;
            },
          )
        : [];
  }

  /** Opens a package for update; throws PackageError (unreadable) or UpdateRefused. */
  static open(data: Buffer, file: string): WorkbookPackage {
    const zip = ZipPackage.open(data, file);
    const root = zip.has('_rels/.rels') ? parseRels(zip.readText('_rels/.rels'), '') : [];
    const main = root.find((r) => r.type === REL_TYPES.officeDocument)?.part ?? 'xl/workbook.xml';
    if (!zip.has(main))
      throw new UpdateRefused(`Книгу «${file}» нельзя обновить: в ней нет части книги (${main}).`);
    return new WorkbookPackage(zip, main);
  }

  /** The relationships of a part (empty when it has none). */
  relsOf(part: string): Relationship[] {
    const rels = relsPartOf(part);
    return this.zip.has(rels) ? parseRels(this.zip.readText(rels), part) : [];
  }

  /** The target part of the workbook's first relationship of a type, if any. */
  partOfType(type: string): string | null {
    return this.rels.find((r) => r.type === type)?.part ?? null;
  }
}

/** The r:id attribute under any prefix bound to the relationships namespace (rare but valid). */
function relationshipId(attrs: string): string | undefined {
  const m = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attrs);
  return m?.[1];
}
