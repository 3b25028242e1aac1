/**
 * An .xlsx (an OPC package, i.e. a zip) opened for reading: the zip directory, each part's bytes,
 * or its text as a stream of chunks. Node's zlib inflates (measured against fflate in
 * docs/xlsx-reader.md). Nothing is inflated before its declared size and compression ratio pass
 * the limits, and no part is allowed to inflate past what it declared, so a zip bomb is refused
 * with little memory spent.
 *
 *   const pkg = ZipPackage.open(bytes, 'Отчёт.xlsx');
 *   pkg.names();                      // ['[Content_Types].xml', 'xl/workbook.xml', …]
 *   pkg.readText('xl/workbook.xml');  // the whole part as a string
 *   for await (const s of pkg.textChunks('xl/worksheets/sheet1.xml')) scanner.write(s);
 */
import { StringDecoder } from 'string_decoder';
import * as zlib from 'zlib';
import { byteLimits, sizeRu, type ByteLimits, type InputLimits } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** The uncompressed size the directory declares. */
  size: number;
  /** Offset of the local file header. */
  headerOffset: number;
}

export type PackageProblem =
  | 'not-zip'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  | 'part-too-large'
  | 'total-too-large'
  | 'ratio'
  | 'missing-part';

/** A package that cannot be read or is refused; the message is Russian and names the file. */
export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    message: string,
    readonly part?: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32 = 0xffffffff;

const crc32: ((data: Uint8Array, value?: number) => number) | undefined = (
  zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }
).crc32;

const TOO_BIG_HINT =
  'Такой файл похож на «zip-бомбу». Если книга настоящая, разделите данные на несколько книг или увеличьте предел в настройках (inputLimits).';

function u64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 2 ** 32;
}

export class ZipPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly limits: ByteLimits;

  private constructor(
    private readonly data: Buffer,
    /** The file as the user sees it, for messages. */
    readonly file: string,
    readonly entries: ZipEntry[],
    limits: ByteLimits,
  ) {
    this.limits = limits;
    for (const e of entries) this.byName.set(e.name, e);
  }

  /**
   * Reads the zip directory and checks every declared size against the limits; throws
   * PackageError. Only the directory is read here: parts are inflated when asked for.
   */
  static open(data: Buffer, file: string, limits?: InputLimits): ZipPackage {
    const pkg = new ZipPackage(data, file, readDirectory(data, file), byteLimits(limits));
    pkg.checkDeclared();
    return pkg;
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The part's bytes, inflated and checked (size as declared, CRC). */
  readBytes(name: string): Buffer {
    const e = this.require(name);
    const raw = this.rawData(e);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else {
      try {
        // One byte over the declared size tells a lying directory from an honest one.
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(e.size + 1, 1) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw this.larger(e);
        throw this.corrupt(`часть «${name}» не распаковывается (${(err as Error).message})`, name);
      }
    }
    if (out.length !== e.size) throw this.larger(e);
    if (crc32 && crc32(out) >>> 0 !== e.crc32)
      throw this.corrupt(`контрольная сумма части «${name}» не сходится`, name);
    return out;
  }

  /**
   * The part's bytes as they are stored (compressed, unchecked): what the zip-level updater copies
   * into the new file, so that a part it leaves alone keeps its bytes without being inflated.
   */
  raw(name: string): Buffer {
    return this.rawData(this.require(name));
  }

  /** The part as text (UTF-8, a byte-order mark dropped). */
  readText(name: string): string {
    const text = this.readBytes(name).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * The part's bytes in chunks as they inflate, never more than it declared. Memory is one chunk
   * (64 KB by default), whatever the size of the part.
   */
  async *chunks(name: string, chunkSize = 1 << 16): AsyncGenerator<Buffer> {
    const e = this.require(name);
    const raw = this.rawData(e);
    if (e.method === 0) {
      for (let at = 0; at < raw.length; at += chunkSize) yield raw.subarray(at, at + chunkSize);
      return;
    }
    const inflate = zlib.createInflateRaw({ chunkSize });
    inflate.end(raw);
    let total = 0;
    let crc = 0;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > e.size) throw this.larger(e);
        if (crc32) crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof PackageError) throw err;
      throw this.corrupt(`часть «${name}» не распаковывается (${(err as Error).message})`, name);
    } finally {
      inflate.destroy();
    }
    if (total !== e.size) throw this.larger(e);
    if (crc32 && crc >>> 0 !== e.crc32)
      throw this.corrupt(`контрольная сумма части «${name}» не сходится`, name);
  }

  /** The part as text in chunks; a character is never cut between two chunks. */
  async *textChunks(name: string, chunkSize?: number): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    let first = true;
    for await (const chunk of this.chunks(name, chunkSize)) {
      let text = decoder.write(chunk);
      if (first && text) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  private require(name: string): ZipEntry {
    const e = this.byName.get(name);
    if (!e)
      throw new PackageError(
        'missing-part',
        `Файл «${this.file}» повреждён: в нём нет части «${name}». Откройте его в Excel и сохраните заново.`,
        name,
      );
    if (e.flags & 1)
      throw new PackageError(
        'encrypted',
        `Файл «${this.file}» зашифрован. Снимите пароль в Excel и сохраните файл снова.`,
        name,
      );
    if (e.method !== 0 && e.method !== 8)
      throw new PackageError(
        'unsupported',
        `Файл «${this.file}»: часть «${name}» сжата неизвестным способом (${e.method}). Откройте файл в Excel и сохраните заново.`,
        name,
      );
    return e;
  }

  /** The compressed bytes of an entry, found through its local header. */
  private rawData(e: ZipEntry): Buffer {
    const d = this.data;
    if (e.headerOffset + 30 > d.length || d.readUInt32LE(e.headerOffset) !== LOCAL)
      throw this.corrupt(`заголовок части «${e.name}» не найден`, e.name);
    const start =
      e.headerOffset +
      30 +
      d.readUInt16LE(e.headerOffset + 26) +
      d.readUInt16LE(e.headerOffset + 28);
    if (start + e.compressedSize > d.length)
      throw this.corrupt(`часть «${e.name}» обрывается: файл скопирован не полностью`, e.name);
    return d.subarray(start, start + e.compressedSize);
  }

  private checkDeclared(): void {
    const { maxPartBytes, maxTotalBytes, maxRatio, ratioFromBytes } = this.limits;
    let total = 0;
    for (const e of this.entries) {
      total += e.size;
      if (e.size > maxPartBytes)
        throw new PackageError(
          'part-too-large',
          `Файл «${this.file}» отклонён: часть «${e.name}» распаковывается в ${sizeRu(e.size)}, а допустимо не больше ${sizeRu(maxPartBytes)}. ${TOO_BIG_HINT}`,
          e.name,
        );
      if (e.size > ratioFromBytes && e.size > maxRatio * Math.max(e.compressedSize, 1))
        throw new PackageError(
          'ratio',
          `Файл «${this.file}» отклонён: часть «${e.name}» сжата в ${Math.round(e.size / Math.max(e.compressedSize, 1))} раз (${sizeRu(e.compressedSize)} → ${sizeRu(e.size)}), а допустимо не больше чем в ${maxRatio}. ${TOO_BIG_HINT}`,
          e.name,
        );
    }
    if (total > maxTotalBytes)
      throw new PackageError(
        'total-too-large',
        `Файл «${this.file}» отклонён: все части книги вместе распаковываются в ${sizeRu(total)}, а допустимо не больше ${sizeRu(maxTotalBytes)}. ${TOO_BIG_HINT}`,
      );
  }

  private larger(e: ZipEntry): PackageError {
    return this.corrupt(
      `часть «${e.name}» распаковывается не в тот размер, что указан в оглавлении архива (${sizeRu(e.size)}): файл повреждён или подделан`,
      e.name,
    );
  }

  private corrupt(why: string, part?: string): PackageError {
    return new PackageError(
      'corrupt',
      `Файл «${this.file}» повреждён: ${why}. Откройте его в Excel и сохраните заново.`,
      part,
    );
  }
}

/** The central directory (zip64 included); throws PackageError when there is none. */
function readDirectory(d: Buffer, file: string): ZipEntry[] {
  const corrupt = (why: string) =>
    new PackageError(
      'corrupt',
      `Файл «${file}» повреждён: ${why}. Откройте его в Excel и сохраните заново.`,
    );
  let eocd = -1;
  for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 0xffff); i--)
    if (d.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) {
    if (d.length >= 4 && d.readUInt32LE(0) === LOCAL)
      throw corrupt('архив обрывается (нет оглавления ZIP): файл скопирован не полностью');
    throw new PackageError('not-zip', `Файл «${file}» не является книгой Excel (.xlsx).`);
  }
  let count = d.readUInt16LE(eocd + 10);
  let offset = d.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || offset === U32) &&
    eocd >= 20 &&
    d.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const at = u64(d, eocd - 12);
    if (at + 56 > d.length || d.readUInt32LE(at) !== ZIP64_EOCD)
      throw corrupt('оглавление ZIP64 не найдено');
    count = u64(d, at + 32);
    offset = u64(d, at + 48);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL)
      throw corrupt('оглавление архива испорчено');
    const nameLength = d.readUInt16LE(p + 28);
    const extraLength = d.readUInt16LE(p + 30);
    const commentLength = d.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: d.toString('utf8', p + 46, p + 46 + nameLength),
      flags: d.readUInt16LE(p + 8),
      method: d.readUInt16LE(p + 10),
      crc32: d.readUInt32LE(p + 16),
      compressedSize: d.readUInt32LE(p + 20),
      size: d.readUInt32LE(p + 24),
      headerOffset: d.readUInt32LE(p + 42),
    };
    readZip64Extra(d, p + 46 + nameLength, extraLength, e);
    entries.push(e);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that did not fit 32 bits live in the zip64 extra field, in this order. */
function readZip64Extra(d: Buffer, start: number, length: number, e: ZipEntry): void {
  const end = Math.min(start + length, d.length);
  for (let q = start; q + 4 <= end;) {
    const id = d.readUInt16LE(q);
    const size = d.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (e.size === U32 && r + 8 <= end) {
        e.size = u64(d, r);
        r += 8;
      }
      if (e.compressedSize === U32 && r + 8 <= end) {
        e.compressedSize = u64(d, r);
        r += 8;
      }
      if (e.headerOffset === U32 && r + 8 <= end) e.headerOffset = u64(d, r);
      return;
    }
    q += 4 + size;
  }
}
