/**
 * Request size accounting. Excel on the web refuses a request over 5 MB, so the adapter measures
 * what it sends the way it travels: JSON, encoded as UTF-8 (Cyrillic takes two bytes a letter).
 */

/** The hard limit of one request (one context.sync()). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** The adapter's own budget per request, well under the limit (room for per-call overhead). */
export const DEFAULT_BATCH_BYTES = 1.5 * 1024 * 1024;

/** What one queued API call costs beyond its arguments (object path, method id, JSON framing). */
export const CALL_OVERHEAD_BYTES = 64;

/** UTF-8 length of a string without TextEncoder or Buffer, so it runs in any host. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of one API call carrying these arguments. */
export function callBytes(args: unknown): number {
  return CALL_OVERHEAD_BYTES + utf8Length(JSON.stringify(args) ?? '');
}
