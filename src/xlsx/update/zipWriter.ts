/**
 * Writes the updated package as a zip: parts taken over from the old file are copied as their
 * compressed bytes (not inflated, not deflated again: their content stays byte for byte what it
 * was, and copying costs nothing), new parts are deflated by Node's zlib. fflate lays out the
 * archive (headers, data descriptors, central directory); it accepts data already compressed
 * through its ZipInputFile interface.
 */
import { Zip, type ZipInputFile } from 'fflate';
import * as zlib from 'zlib';

const crc32 = (zlib as unknown as { crc32: (data: Uint8Array) => number }).crc32;

/** The most a zip without zip64 records holds; the updater refuses larger parts or files. */
const MAX_ZIP32 = 0xffffffff;

/** Level 3: nearly the size of zlib's default (6) for sheet XML, in about half the time. */
const LEVEL = 3;

/** A part deflated before it goes into the archive (deflatePart, ZipWriter.addDeflated). */
export interface DeflatedPart {
  raw: Uint8Array;
  crc32: number;
  size: number;
}

/**
 * A part deflated now: the updater keeps each new sheet's part compressed (a sixth of its size)
 * until the archive is laid out, instead of holding every sheet's XML.
 */
export function deflatePart(data: Uint8Array, level = LEVEL): DeflatedPart {
  if (data.length > MAX_ZIP32) throw new Error('a part is larger than 4 GB');
  return {
    raw: zlib.deflateRawSync(data, { level }),
    crc32: crc32(data) >>> 0,
    size: data.length,
  };
}

export class ZipWriter {
  private readonly zip: Zip;
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  private readonly names = new Set<string>();

  constructor(private readonly level = LEVEL) {
    this.zip = new Zip((err, chunk) => {
      if (err) throw err;
      this.chunks.push(chunk);
      this.total += chunk.length;
    });
  }

  /** A part copied from another zip: its compressed bytes, method, CRC and size as they were. */
  copy(
    name: string,
    raw: Uint8Array,
    entry: { method: number; crc32: number; size: number },
  ): void {
    this.put(
      { filename: name, size: entry.size, crc: entry.crc32, compression: entry.method },
      raw,
    );
  }

  /** A new part, deflated. */
  add(name: string, data: Uint8Array): void {
    if (data.length > MAX_ZIP32) throw new Error(`part ${name} is larger than 4 GB`);
    this.addDeflated(name, deflatePart(data, this.level));
  }

  /** A part deflatePart compressed. */
  addDeflated(name: string, part: DeflatedPart): void {
    this.put({ filename: name, size: part.size, crc: part.crc32, compression: 8 }, part.raw);
  }

  /** The whole archive, in the chunks it was made of. */
  finish(): Uint8Array[] {
    this.zip.end();
    if (this.total > MAX_ZIP32) throw new Error('the workbook would be larger than 4 GB');
    return this.chunks;
  }

  private put(file: Omit<ZipInputFile, 'ondata'>, bytes: Uint8Array): void {
    if (this.names.has(file.filename)) throw new Error(`duplicate part ${file.filename}`);
    this.names.add(file.filename);
    const input = file as ZipInputFile;
    this.zip.add(input);
    input.ondata!(null, bytes as Uint8Array<ArrayBuffer>, true);
  }
}
