/**
 * Writes a JSON report piece by piece: the same text as `JSON.stringify(value, null, indent)`,
 * but never one string of the whole. A region's criteria are tens of megabytes of JSON and a
 * federal folder's would exceed the longest string V8 can hold; here the report is walked down
 * its objects and arrays, every element of an array is serialised alone (by JSON.stringify, so
 * escaping and numbers are its own) and the pieces go out in chunks of about CHUNK characters,
 * each awaited, so a slow pipe holds back the writer instead of the memory growing.
 */

import type { Io } from '../io';

/** Where the pieces go (UTF-8); awaited, so the writer can wait while a pipe is full. */
export type JsonSink = (chunk: Uint8Array) => void | Promise<void>;

/** About how many characters are gathered before they are written. */
const CHUNK = 1 << 16;

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Plain objects and arrays are walked; anything else (a Date, a class with toJSON) is a leaf. */
function walkable(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in v);
}

const encoder = new TextEncoder();

/**
 * Gathers the pieces and writes them as UTF-8 a chunk at a time. Each piece is encoded on its own
 * into the chunk's buffer: joining the pieces into one string first took several times longer
 * (V8 copies and flattens the joined string before it encodes it).
 */
class Chunker {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: JsonSink) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  /** Writes what was gathered once it is a chunk's worth (or always, at the end). */
  async flush(always = false): Promise<void> {
    if (!this.size || (!always && this.size < CHUNK)) return;
    // A UTF-16 code unit is at most three bytes of UTF-8. A new buffer each time: the sink may
    // still hold the last one (a pipe's queue).
    const buffer = Buffer.allocUnsafe(this.size * 3);
    let at = 0;
    for (const part of this.parts) at += encoder.encodeInto(part, buffer.subarray(at)).written;
    this.parts = [];
    this.size = 0;
    await this.sink(buffer.subarray(0, at));
  }
}

/**
 * Serialises `value` into `sink` exactly as `JSON.stringify(value, null, indent)` would (indent 0:
 * compact). Objects and arrays less than `depth` levels down are walked, deeper values are
 * serialised whole: with depth 2, each element of the report's lists (a school, an issue) is one
 * JSON.stringify, and no string is larger than one element.
 */
export async function writeJson(
  value: unknown,
  sink: JsonSink,
  indent = 0,
  depth = 2,
): Promise<void> {
  const out = new Chunker(sink);
  const pad = (level: number) => (indent ? `\n${' '.repeat(indent * level)}` : '');
  const colon = indent ? ': ' : ':';

  const leaf = (v: unknown, level: number): string => {
    // Without an indent JSON.stringify is called bare: V8's fast path is only for that form.
    const text = (indent ? JSON.stringify(v, null, indent) : JSON.stringify(v)) ?? 'null';
    // JSON.stringify indents from column 0; below `level` every inner line moves right.
    return indent && level && text.includes('\n')
      ? text.replace(/\n/g, `\n${' '.repeat(indent * level)}`)
      : text;
  };

  const walk = async (v: unknown, level: number): Promise<void> => {
    if (level >= depth || !walkable(v)) {
      out.push(leaf(v, level));
      return out.flush();
    }
    if (Array.isArray(v)) {
      if (!v.length) return out.push('[]');
      out.push('[');
      for (let i = 0; i < v.length; i++) {
        out.push(`${i ? ',' : ''}${pad(level + 1)}`);
        await walk(omitted(v[i]) ? null : v[i], level + 1);
      }
      out.push(`${pad(level)}]`);
      return;
    }
    const keys = Object.keys(v).filter((k) => !omitted(v[k]));
    if (!keys.length) return out.push('{}');
    out.push('{');
    for (const [i, k] of keys.entries()) {
      out.push(`${i ? ',' : ''}${pad(level + 1)}${JSON.stringify(k)}${colon}`);
      await walk(v[k], level + 1);
    }
    out.push(`${pad(level)}}`);
  };

  await walk(value, 0);
  await out.flush(true);
}

/**
 * The printed reports are compact (one line, no indent): half the bytes of an indented report,
 * and indenting each piece again below its level took as long as the whole run (`jq .` shows
 * it indented).
 */
const INDENT = 0;

/**
 * Prints a command's JSON report (compact, a newline at the end) through `io.write` piece by
 * piece, or, when the host has no `write` (tests), gathered into one `out`.
 */
export async function printJson(io: Io, report: unknown): Promise<void> {
  const write = io.write?.bind(io);
  if (write) {
    await writeJson(report, write, INDENT);
    await write(Buffer.from('\n'));
    return;
  }
  const parts: Uint8Array[] = [];
  await writeJson(report, (chunk) => void parts.push(chunk), INDENT);
  io.out(Buffer.concat(parts).toString('utf8'));
}
