/**
 * A zip writer for test and benchmark files: entries deflated by Node's zlib (fast, native) or
 * given already deflated, with zip64 fields where a size needs them (a declared 4 GB part).
 */
import * as zlib from 'zlib';

export const crc32 = (zlib as unknown as { crc32(data: Uint8Array, value?: number): number }).crc32;

export interface ZipEntryData {
  name: string;
  /** Compressed bytes (method 8). */
  deflated: Buffer;
  /** Declared uncompressed size and CRC. */
  size: number;
  crc: number;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(n % 2 ** 32, 0);
  b.writeUInt32LE(Math.floor(n / 2 ** 32), 4);
  return b;
}

/** A zip with zip64 extra fields for sizes that do not fit 32 bits. */
export function writeZip(entries: ZipEntryData[]): Buffer {
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

/** Entries from their contents, deflated at `level` (1 is fast, 6 is what office suites use). */
export function zipOf(files: Array<[string, Buffer | string]>, level = 6): Buffer {
  return writeZip(
    files.map(([name, content]) => {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      return {
        name,
        deflated: zlib.deflateRawSync(data, { level }),
        size: data.length,
        crc: crc32(data),
      };
    }),
  );
}
