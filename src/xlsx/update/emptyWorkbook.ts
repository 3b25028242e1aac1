/**
 * A workbook with no sheets yet: what a new --out file is made from. A new file is an update of
 * this one, so new and updated workbooks are written by the same code (sheet parts, names,
 * registry, styles) and a new file is never different from an updated one.
 */
import { MINIMAL_STYLES } from './styles';
import { ZipWriter } from './zipWriter';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const THEME = require('exceljs/lib/xlsx/xml/theme1.js') as string;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const PARTS: Array<[string, string]> = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
  ],
  [
    '_rels/.rels',
    `${XML}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
      '</Relationships>',
  ],
  [
    'docProps/app.xml',
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>shnor-roadmap</Application></Properties>`,
  ],
  [
    'xl/workbook.xml',
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView activeTab="0"/></bookViews>' +
      '<sheets></sheets><calcPr calcId="171027"/></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/>` +
      '</Relationships>',
  ],
  ['xl/styles.xml', MINIMAL_STYLES],
  ['xl/theme/theme1.xml', THEME],
];

/** The bytes of an .xlsx without sheets, created now. */
export function emptyWorkbook(now = new Date()): Buffer {
  const zip = new ZipWriter();
  const core =
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>shnor-roadmap</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created>` +
    '</cp:coreProperties>';
  for (const [name, text] of PARTS) zip.add(name, Buffer.from(text, 'utf8'));
  zip.add('docProps/core.xml', Buffer.from(core, 'utf8'));
  return Buffer.concat(zip.finish());
}
