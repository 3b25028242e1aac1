/**
 * Zip bombs made on the fly (never committed): a real workbook whose first sheet is replaced by a
 * deflate stream that unpacks to hundreds of megabytes or gigabytes of blank rows. The stream is
 * one compressed block of blank rows repeated (each block ends with a full flush, so copies can be
 * concatenated), which takes milliseconds and a few megabytes to build. The zip is written here
 * (JSZip cannot declare sizes over 4 GB): zip64 fields where a size needs them.
 */
import * as zlib from 'zlib';
import JSZip from 'jszip';

interface Entry {
  name: string;
  /** Compressed bytes (method 8). */
  deflated: Buffer;
  /** Declared uncompressed size and CRC. */
  size: number;
  crc: number;
}

const crc32 = (zlib as unknown as { crc32(data: Uint8Array, value?: number): number }).crc32;

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(n % 2 ** 32, 0);
  b.writeUInt32LE(Math.floor(n / 2 ** 32), 4);
  return b;
}

/** A zip with zip64 extra fields for sizes that do not fit 32 bits. */
export function writeZip(entries: Entry[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const big = e.size >= 0xffffffff || e.deflated.length >= 0xffffffff;
    const extra = big
      ? Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(e.size), u64(e.deflated.length)])
      : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(big ? 0xffffffff : e.deflated.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(45, 4);
    cd.writeUInt16LE(big ? 45 : 20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(big ? 0xffffffff : e.deflated.length, 20);
    cd.writeUInt32LE(big ? 0xffffffff : e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name, extra);
    out.push(local, name, extra, e.deflated);
    offset += local.length + name.length + extra.length + e.deflated.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cdBytes, eocd]);
}

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
    entries.push({ name, deflated: zlib.deflateRawSync(data), size: data.length, crc: crc32(data) });
  }
  return writeZip(entries);
}
