/**
 * Zip bombs made on the fly (never committed): a real workbook whose first sheet is replaced by a
 * deflate stream that unpacks to hundreds of megabytes or gigabytes of blank rows. The stream is
 * one compressed block of blank rows repeated (each block ends with a full flush, so copies can be
 * concatenated), which takes milliseconds and a few megabytes to build. The zip is written here
 * (JSZip cannot declare sizes over 4 GB): zip64 fields where a size needs them.
 */
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { crc32, writeZip, type ZipEntryData as Entry } from './zipWriter';

/** A sheet of `megabytes` MB of blank rows, deflated: [compressed bytes, size, crc]. */
export function blankSheet(megabytes: number, withCrc = true): Omit<Entry, 'name'> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const row = '<row spans="1:10" s="1" customFormat="1"/>';
  const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)).padEnd(1 << 20, ' '));
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const blockZ = zlib.deflateRawSync(block, flush);
  const parts = [zlib.deflateRawSync(head, flush)];
  for (let i = 0; i < megabytes; i++) parts.push(blockZ);
  parts.push(zlib.deflateRawSync(tail));
  let crc = 0;
  if (withCrc) {
    crc = crc32(head);
    for (let i = 0; i < megabytes; i++) crc = crc32(block, crc);
    crc = crc32(tail, crc);
  }
  return {
    deflated: Buffer.concat(parts),
    size: head.length + megabytes * block.length + tail.length,
    crc,
  };
}

/**
 * `workbook` with its first sheet replaced by `sheet`; `declare` overrides the size the zip
 * directory states (a lying directory).
 */
export async function withSheet(
  workbook: Buffer,
  sheet: Omit<Entry, 'name'>,
  declare?: number,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const entries: Entry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    if (name === 'xl/worksheets/sheet1.xml') {
      entries.push({ name, ...sheet, size: declare ?? sheet.size });
      continue;
    }
    const data = await zip.file(name)!.async('nodebuffer');
    entries.push({
      name,
      deflated: zlib.deflateRawSync(data),
      size: data.length,
      crc: crc32(data),
    });
  }
  return writeZip(entries);
}
