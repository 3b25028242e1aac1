/**
 * Tests' direct access to the parts of an .xlsx: read every part, and edit a workbook the way a
 * spreadsheet program would (a cell typed over, a sheet added) while everything else, defined
 * names included, stays as it was. exceljs cannot stand in for the user here: it drops constant
 * defined names (our sheet markers) when it saves.
 */
import { WorkbookPackage } from '../../src/xlsx/update/package';
import { ZipWriter } from '../../src/xlsx/update/zipWriter';
import { ZipPackage } from '../../src/xlsx/zipPackage';

/** Every part's bytes by name. */
export function readParts(data: Buffer): Map<string, Buffer> {
  const zip = ZipPackage.open(data, 'test.xlsx');
  return new Map(zip.names().map((n) => [n, zip.readBytes(n)]));
}

export function writeParts(parts: Map<string, Buffer>): Buffer {
  const zip = new ZipWriter();
  for (const [name, bytes] of parts) zip.add(name, bytes);
  return Buffer.concat(zip.finish());
}

function sheetPart(data: Buffer, sheet: string): string {
  const pkg = WorkbookPackage.open(data, 'test.xlsx');
  const s = pkg.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.part!;
}

/** The workbook with cell `ref` of `sheet` holding the text `text` (the cell must exist). */
export function typeInCell(data: Buffer, sheet: string, ref: string, text: string): Buffer {
  const parts = readParts(data);
  const name = sheetPart(data, sheet);
  const xml = parts.get(name)!.toString('utf8');
  const cell = new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(xml)) throw new Error(`no cell ${ref} on ${sheet}`);
  const edited = xml.replace(cell, `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`);
  parts.set(name, Buffer.from(edited, 'utf8'));
  return writeParts(parts);
}

/**
 * The workbook with values typed into cells of `sheet`, keeping each cell's style (an input
 * cell's fill stays): numbers as numbers, texts as inline strings. The cells must exist.
 */
export function typeValues(
  data: Buffer,
  sheet: string,
  values: Record<string, number | string>,
): Buffer {
  const parts = readParts(data);
  const name = sheetPart(data, sheet);
  let xml = parts.get(name)!.toString('utf8');
  for (const [ref, value] of Object.entries(values)) {
    const cell = new RegExp(`<c r="${ref}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
    const found = cell.exec(xml);
    if (!found) throw new Error(`no cell ${ref} on ${sheet}`);
    const style = / s="\d+"/.exec(found[1]!)?.[0] ?? '';
    const typed =
      typeof value === 'number'
        ? `<c r="${ref}"${style}><v>${value}</v></c>`
        : `<c r="${ref}"${style} t="inlineStr"><is><t>${value}</t></is></c>`;
    xml = xml.replace(cell, typed);
  }
  parts.set(name, Buffer.from(xml, 'utf8'));
  return writeParts(parts);
}

/** The workbook with a new sheet `sheet` (last in the tabs) whose A1 holds `text`. */
export function addUserSheet(data: Buffer, sheet: string, text: string): Buffer {
  const parts = readParts(data);
  const part = 'xl/worksheets/sheet999.xml'; // exceljs reads only sheetN.xml
  parts.set(
    part,
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
    ),
  );
  const edit = (name: string, from: RegExp | string, to: string) =>
    parts.set(name, Buffer.from(parts.get(name)!.toString('utf8').replace(from, to)));
  edit(
    'xl/_rels/workbook.xml.rels',
    '</Relationships>',
    '<Relationship Id="rIdUser1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet999.xml"/></Relationships>',
  );
  edit(
    '[Content_Types].xml',
    '</Types>',
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  // Added last, so no sheet-scoped name changes position.
  edit(
    'xl/workbook.xml',
    '</sheets>',
    `<sheet name="${sheet}" sheetId="999" r:id="rIdUser1"/></sheets>`,
  );
  return writeParts(parts);
}
