/**
 * Surgical edits of small XML parts (workbook.xml, styles.xml, relationships, content types): find
 * an element by its local name, keep every byte around it, replace or extend only what must change.
 * Reading values goes through the lean reader's tokenizer helpers (attr, decodeXml); this module
 * only knows where elements start and end, which the tokenizer does not tell.
 *
 * It is meant for elements that do not nest in themselves (sheets, definedName, fonts, xf,
 * Relationship, Override…), which is all the updater edits.
 */

/** One element found in a part: offsets into the text, and its start tag. */
export interface XmlElement {
  /** Offset of "<". */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of the end tag's "<" (= openEnd for a self-closing element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  /** Namespace prefix of the element ("" when none). */
  prefix: string;
  /** The raw attribute text of the start tag (between the name and ">" or "/>"). */
  attrs: string;
  selfClosing: boolean;
}

const NAME_CHAR = /[\w.:-]/;

/** The end of the tag that starts at `lt`: the offset of its ">" ('>' inside quotes skipped). */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/** Elements called `local` (any prefix) between `from` and `to`, in document order. */
export function findElements(xml: string, local: string, from = 0, to = xml.length): XmlElement[] {
  const out: XmlElement[] = [];
  const re = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${local.replace(/\./g, '\\.')}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const start = m.index;
    const gt = tagEnd(xml, start);
    if (gt < 0) break;
    const prefix = m[1] ?? '';
    const nameEnd = start + m[0].length;
    const selfClosing = xml[gt - 1] === '/';
    const attrs = xml.slice(nameEnd, selfClosing ? gt - 1 : gt);
    let closeStart = gt + 1;
    let end = gt + 1;
    if (!selfClosing) {
      const close = `</${prefix ? `${prefix}:` : ''}${local}`;
      let at = xml.indexOf(close, gt + 1);
      while (at >= 0 && NAME_CHAR.test(xml[at + close.length] ?? ''))
        at = xml.indexOf(close, at + 1);
      if (at < 0) break;
      closeStart = at;
      end = xml.indexOf('>', at) + 1;
    }
    out.push({ start, openEnd: gt + 1, closeStart, end, prefix, attrs, selfClosing });
    re.lastIndex = end;
  }
  return out;
}

/** The first element called `local` between `from` and `to`, or null. */
export function findElement(
  xml: string,
  local: string,
  from = 0,
  to = xml.length,
): XmlElement | null {
  return findElements(xml, local, from, to)[0] ?? null;
}

/** The element's text as it stands in the part. */
export function elementText(xml: string, e: XmlElement): string {
  return xml.slice(e.start, e.end);
}

/** Escapes text for XML character data and attribute values (XML 1.0 forbidden characters dropped). */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A start tag's attribute text with `name` set to `value` (added at the end when absent). */
export function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  return re.test(attrs) ? attrs.replace(re, `$1${quoted}`) : `${attrs} ${name}=${quoted}`;
}

/** A start tag's attribute text without `name`. */
export function removeAttr(attrs: string, name: string): string {
  return attrs.replace(
    new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`),
    '',
  );
}

/** Adds `prefix:` to every element name of a fragment written without prefixes. */
export function withPrefix(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}:`) : fragment;
}

/** One replacement of a span of the original text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices to `xml` (in any order). */
export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('applySplices: overlapping edits');
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}
