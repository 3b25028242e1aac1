/**
 * Writes Grids as an .xlsx the way some report generators do: every string inline in its cell
 * (`t="inlineStr"`), every character outside ASCII as a numeric character reference (`&#1052;`),
 * no shared strings, dates as serial numbers with a date style, merges. Used by the reader's
 * tests and by the benchmark; the zip is built by JSZip.
 */
import JSZip from 'jszip';
import { a1, areaA1, type Grid } from '../../src/core/grid';

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

function sheetXml(g: Grid): string {
  const rows: string[] = [];
  g.rows.forEach((row, r) => {
    if (!row) return;
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell || cell.v === null) return;
      const ref = a1(r, c);
      const v = cell.v;
      if (typeof v === 'string')
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

export async function inlineWorkbook(grids: Grid[]): Promise<Buffer> {
  const zip = new JSZip();
  const sheets = grids.map((g, i) => ({ g, i: i + 1 }));
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map(({ i }) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.map(({ g, i }) => `<sheet name="${escapeWithReferences(g.sheet)}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map(({ i }) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  for (const { g, i } of sheets) zip.file(`xl/worksheets/sheet${i}.xml`, sheetXml(g));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
