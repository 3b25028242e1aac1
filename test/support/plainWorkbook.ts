/**
 * Writes Grids as a plain .xlsx (values, dates with a date style, merges), fast, in one of two
 * layouts: `shared` as Excel and LibreOffice save (a shared string table, UTF-8), or `inline` as
 * some report generators do (every string inline in its cell, `t="inlineStr"`, every character
 * outside ASCII as a numeric character reference such as `&#1052;`). Used by the reader's tests
 * and by the benchmark (region and federal workbooks); zipped by zipWriter.ts with Node's zlib.
 */
import { a1, areaA1, type Grid } from '../../src/core/grid';
import type { Region } from '../../src/core/synthetic/region';
import { resultsGrid } from '../../src/core/synthetic/regionGrids';
import { zipOf } from './zipWriter';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** XML-escapes and turns every non-ASCII character into &#NNNN;. */
export function escapeWithReferences(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (code > 126) out += `&#${code};`;
    else out += ch;
  }
  return out;
}

function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

function xmlEscape(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/** The shared string table: index by text, in order of first use. */
class SharedStrings {
  readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.index.size));
    return i;
  }
  xml(): string {
    const items = [...this.index.keys()].map(
      (s) =>
        `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${xmlEscape(s)}</t></si>`,
    );
    return `${XML}<sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

function sheetXml(g: Grid, shared: SharedStrings | null): string {
  const rows: string[] = [];
  g.rows.forEach((row, r) => {
    if (!row) return;
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell || cell.v === null) return;
      const ref = a1(r, c);
      const v = cell.v;
      if (typeof v === 'string' && shared)
        cells.push(`<c r="${ref}" t="s"><v>${shared.id(v)}</v></c>`);
      else if (typeof v === 'string')
        cells.push(
          `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeWithReferences(v)}</t></is></c>`,
        );
      else if (typeof v === 'number') cells.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (typeof v === 'boolean') cells.push(`<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (v instanceof Date) cells.push(`<c r="${ref}" s="1"><v>${serial(v)}</v></c>`);
      else cells.push(`<c r="${ref}" t="e"><v>${escapeWithReferences(v.error)}</v></c>`);
    });
    rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const merges = g.merges.length
    ? `<mergeCells count="${g.merges.length}">${g.merges.map((m) => `<mergeCell ref="${areaA1(m)}"/>`).join('')}</mergeCells>`
    : '';
  return `${XML}<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
}

export type StringLayout = 'shared' | 'inline';

export function plainWorkbook(grids: Grid[], strings: StringLayout, level = 6): Buffer {
  const shared = strings === 'shared' ? new SharedStrings() : null;
  const sheets = grids.map((g, i) => ({ g, i: i + 1, xml: sheetXml(g, shared) }));
  const files: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${sheets.map(({ i }) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.map(({ g, i }) => `<sheet name="${escapeWithReferences(g.sheet)}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map(({ i }) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${shared ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ],
    ...sheets.map(({ i, xml }): [string, string] => [`xl/worksheets/sheet${i}.xml`, xml]),
  ];
  if (shared) files.push(['xl/sharedStrings.xml', shared.xml()]);
  return zipOf(files, level);
}

/** Every string inline, non-ASCII characters as numeric character references. */
export async function inlineWorkbook(grids: Grid[]): Promise<Buffer> {
  return plainWorkbook(grids, 'inline');
}

/**
 * A region's results workbook; as region `k` of a federal set its schools get codes of their own
 * (sch<kk>NNNN instead of sch69NNNN), so schools of different regions never collide.
 */
export function regionWorkbook(region: Region, layout: StringLayout, k?: number): Buffer {
  const rows =
    k === undefined
      ? region.rows
      : region.rows.map((r) => ({
          ...r,
          schoolCode: r.schoolCode.replace(/^sch69/, `sch${String(k).padStart(2, '0')}`),
        }));
  return plainWorkbook([resultsGrid({ ...region, rows })], layout);
}
