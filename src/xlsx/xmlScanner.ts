/**
 * A streaming XML tokenizer for the parts of an .xlsx: open tags (name, raw attributes), text and
 * close tags, fed in chunks of any size (a tag or a character reference may be cut between two).
 * Purpose-built for speed (measured against saxes, htmlparser2 and sax-wasm in
 * docs/xlsx-reader.md): no object per attribute, text handed over raw and decoded only by the
 * consumer that wants it (`decodeXml`), names without their namespace prefix.
 * It checks only what reading needs: a DOCTYPE (entity expansion, external entities) is refused,
 * unknown entities are left as they are, and the structure is trusted to the consumer.
 *
 *   const scanner = new XmlScanner({ open(name, attrs) { … attr(attrs, 'r') … }, text, close });
 *   for await (const chunk of pkg.textChunks(part)) scanner.write(chunk);
 *   scanner.end();
 */

export interface XmlHandler {
  /** `attrs` is the raw text between the name and `>` (read it with `attr`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data between tags (decode with decodeXml); CDATA arrives already plain. */
  text(raw: string, cdata: boolean): void;
}

export class XmlError extends Error {
  constructor(
    readonly problem: 'doctype' | 'truncated',
    message: string,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQ = 34;
const SQ = 39;

function localName(tag: string): string {
  const colon = tag.indexOf(':');
  return colon < 0 ? tag : tag.slice(colon + 1);
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

export class XmlScanner {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Scans what is complete in `chunk` (with what was left from the last one). */
  write(chunk: string): void {
    const buf = this.pending ? this.pending + chunk : chunk;
    this.pending = buf.slice(this.scan(buf, false));
  }

  /** The input is complete: what is left must be text (or nothing). */
  end(): void {
    const rest = this.pending;
    this.pending = '';
    if (rest && this.scan(rest, true) < rest.length)
      throw new XmlError('truncated', 'XML обрывается посреди тега');
  }

  /** Scans `buf`; returns where the first incomplete construct starts. */
  private scan(buf: string, final: boolean): number {
    const h = this.handler;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        if (!final) return i;
        h.text(buf.slice(i), false);
        return n;
      }
      if (lt > i) h.text(buf.slice(i, lt), false);
      if (lt + 1 >= n) return lt;
      const c = buf.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = buf.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        h.close(localName(buf.slice(lt + 2, gt).trim()));
        i = gt + 1;
      } else if (c === QUESTION) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        i = end + 2;
      } else if (c === BANG) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          i = end + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          h.text(buf.slice(lt + 9, end), true);
          i = end + 3;
        } else {
          if (lt + 9 > n && !final) return lt;
          throw new XmlError(
            'doctype',
            'в XML есть объявление DOCTYPE, которого не бывает в книгах Excel (возможна атака через сущности XML)',
          );
        }
      } else {
        // An open tag: '>' inside a quoted attribute value does not end it.
        let j = lt + 1;
        while (j < n && !isNameEnd(buf.charCodeAt(j))) j++;
        const nameEnd = j;
        let quote = 0;
        for (; j < n; j++) {
          const d = buf.charCodeAt(j);
          if (quote) {
            if (d === quote) quote = 0;
          } else if (d === GT) break;
          else if (d === DQ || d === SQ) quote = d;
          else if (d === LT) break;
        }
        if (j >= n) return lt;
        const selfClosing = buf.charCodeAt(j - 1) === SLASH;
        h.open(
          localName(buf.slice(lt + 1, nameEnd)),
          buf.slice(nameEnd, selfClosing ? j - 1 : j),
          selfClosing,
        );
        if (selfClosing) h.close(localName(buf.slice(lt + 1, nameEnd)));
        i = j + 1;
      }
    }
    return n;
  }
}

/** The value of attribute `name` in raw attribute text, decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const k = attrs.indexOf(name, from);
    if (k < 0) return undefined;
    from = k + 1;
    const before = attrs.charCodeAt(k - 1);
    if (k > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = k + name.length;
    while (attrs.charCodeAt(j) === 32) j++;
    if (attrs.charCodeAt(j) !== 61) continue; // '='
    j++;
    while (attrs.charCodeAt(j) === 32) j++;
    const q = attrs.charCodeAt(j);
    if (q !== DQ && q !== SQ) continue;
    const end = attrs.indexOf(q === DQ ? '"' : "'", j + 1);
    if (end < 0) return undefined;
    return decodeXml(attrs.slice(j + 1, end));
  }
}

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(m: string, dec?: string, hex?: string, named?: string): string {
  if (named) return NAMED[named]!;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
}

/** XML character data → text: the five entities, numeric references, line ends normalised. */
export function decodeXml(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, decodeEntity);
}
