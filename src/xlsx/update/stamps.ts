/**
 * Stamps of generated sheet parts: how an update knows that a sheet's part in the file is exactly
 * the part it would write now, and copies its compressed bytes instead of building, writing and
 * deflating it again. Updating a 2 000-school report whose data did not change is then mostly
 * copying.
 *
 * The registry's extra `part` column (state.ts) records for each generated sheet, as it was written:
 * - the CRC-32 and size of its part: the part is still the one written (any program that saves the
 *   workbook again rewrites it);
 * - the digest of what the part was made from (sheetDigest): the patch, the sheet's name, whether
 *   it was the selected tab, the fingerprint version, and the XML this writer makes of a probe
 *   sheet, so that any change to what the writer writes makes every old part count as changed
 *   without a version number to remember;
 * - the CRC-32 and size of styles.xml as that run left it: the part's style indexes point into it.
 *   Updates only append to styles.xml, so while it is the one a run wrote, every index recorded
 *   against it (or against the file before) still means the same format.
 * A part whose three stamps match is the part this run would write, byte for byte.
 */
import * as crypto from 'crypto';
import * as zlib from 'zlib';
import { emptySheetPatch, type SheetPatch } from '../../core/patch';
import { GENERATOR_VERSION } from '../../core/workbook/registry';
import { StyleCache } from '../sheetWriter';
import { writeSheetPart } from './sheetPart';
import { MINIMAL_STYLES, WorkbookStyles } from './styles';

const crc32 = (zlib as unknown as { crc32: (data: Uint8Array) => number }).crc32;

/** What the registry records of a generated sheet's part (its `part` column, parsed). */
export interface PartStamp {
  /** "crc32:size" of the part's bytes. */
  part: string;
  /** sheetDigest of what it was written from. */
  digest?: string;
  /** "crc32:size" of styles.xml as the run that wrote the part left it. */
  styles?: string;
}

/** "crc32:size" of some bytes (a part as written, or as the zip directory describes it). */
export function bytesStamp(bytes: Uint8Array): string {
  return `${crc32(bytes) >>> 0}:${bytes.length}`;
}

/** The `part` column's text: "crc:size", then the digest and the styles stamp when known. */
export function formatStamp(s: PartStamp): string {
  return s.digest && s.styles ? `${s.part} ${s.digest} ${s.styles}` : s.part;
}

/** A `part` column's text read back (files written before the digest have only "crc:size"). */
export function parseStamp(text: string): PartStamp {
  const [part = '', digest, styles] = text.trim().split(/\s+/);
  return digest && styles ? { part, digest, styles } : { part };
}

/**
 * A sheet exercising everything the part writer writes (cell types, formats, formulas shared and
 * plain, merges, links, conditional formats, widths, heights, panes, filter, print setup).
 */
function probeSheet(): SheetPatch {
  return {
    ...emptySheetPatch('Проба', 'probe', 0),
    tabColor: '1F4E78',
    columnWidths: [{ col: 'B', width: 30 }],
    freeze: { rows: 1, cols: 1 },
    autoFilter: 'A1:C3',
    print: { orientation: 'landscape', fitToWidth: true, titleRows: '1:1' },
    rowHeights: [{ row: 2, height: 30 }],
    values: [
      {
        at: 'A1',
        values: [
          ['Заголовок', ' текст с пробелом ', 1.5],
          [true, new Date(Date.UTC(2025, 5, 1)), '<&>"'],
        ],
      },
    ],
    formulas: [
      { at: 'D1', formulas: [['=A1*2'], ['=SUM(A1:A2)']], cached: [[3], ['x']] },
      { at: 'E1', formulas: [['=D{r}+1']], cached: [[4], [5]], fillDown: true },
    ],
    formats: [
      { range: 'A1:C1', style: { bold: true, fill: 'D9E1F2', border: 'thin', hAlign: 'center' } },
      { range: 'B2', style: { wrap: true, numFmt: '0.0%', italic: true, fontSize: 9 } },
    ],
    merges: ['A3:C3'],
    hyperlinks: [{ cell: 'A3', sheet: 'Оглавление', target: 'A1', text: 'Назад', tooltip: 'К' }],
    conditionalFormats: [
      { range: 'C1:C3', operator: 'greaterThan', value: '1', style: { fill: 'FFC7CE' } },
    ],
  };
}

let writerStamp: string | undefined;

/** The digest of the probe sheet's XML: changes whenever the writer writes anything differently. */
function writerVersion(): string {
  writerStamp ??= sha1(
    writeSheetPart(probeSheet(), 'Проба', new WorkbookStyles(MINIMAL_STYLES), new StyleCache(), {
      selected: true,
    }).xml.toString('utf8'),
  );
  return writerStamp;
}

/** Tags what JSON would blur: a date is not its ISO text, NaN and ±Infinity are not null. */
function exact(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { date: raw.getTime() };
  if (typeof raw === 'number' && !Number.isFinite(raw)) return { number: String(raw) };
  return value;
}

/** Whether cells hold a date or a number JSON cannot write (only cells can: the rest is text). */
function blurred(p: SheetPatch): boolean {
  const odd = (rows: ReadonlyArray<readonly unknown[]>) =>
    rows.some((row) =>
      row.some(
        (v) =>
          (typeof v === 'object' && v !== null) ||
          v === Infinity ||
          v === -Infinity ||
          Number.isNaN(v),
      ),
    );
  return p.values.some((b) => odd(b.values)) || p.formulas.some((b) => odd(b.cached));
}

/** SHA-1 in one call where Node has it (20.12 and later): much cheaper than a Hash object. */
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'base64url') => string }).hash;

function sha1(text: string): string {
  return oneShot
    ? oneShot('sha1', text, 'base64url')
    : crypto.createHash('sha1').update(text).digest('base64url');
}

/**
 * What the part of sheet `p`, called `name` and selected or not, is written from. The patch's
 * `order` is left out: the part does not depend on it, and a school added before others shifts it.
 */
export function sheetDigest(p: SheetPatch, name: string, selected: boolean): string {
  const sheet = { ...p, order: 0 };
  const json = blurred(p) ? JSON.stringify(sheet, exact) : JSON.stringify(sheet);
  return sha1(`${writerVersion()}\n${GENERATOR_VERSION}\n${name}\n${selected ? 1 : 0}\n${json}`);
}
