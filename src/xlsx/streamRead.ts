/**
 * Reads a large .xlsx as a stream. exceljs's WorkbookReader never holds the workbook, so a
 * 100 000-row results file takes a fraction of the memory and time of a full load.
 *
 * The stream reader has gaps, so this reader only answers when it can vouch for a complete read
 * and returns null otherwise (the caller then loads the whole file):
 * - it skips merged areas: they are picked out of the sheet XML on its way to the parser;
 * - it parses a sheet with the styles it has at that moment: a sheet that comes before the styles
 *   in the file would show its dates as numbers;
 * - it knows sheets only by their usual part names: a sheet the workbook lists but the reader did
 *   not meet would be lost.
 * Formulas shared between cells keep their text in the first cell only; the values are all there.
 */
import { Readable } from 'stream';
import { StringDecoder } from 'string_decoder';
import ExcelJS from 'exceljs';
import { parseArea, type Cell, type Grid } from '../core/grid';
import { gridCell, mergedAway } from './cellValue';

interface StreamedSheet {
  name: string;
  state: string | undefined;
  iterator: AsyncIterable<unknown>;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

interface StreamedBook {
  styles: unknown;
  model?: { sheets?: Array<{ name: string; state?: string }> };
  [Symbol.asyncIterator](): AsyncIterator<StreamedSheet>;
}

const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

// exceljs decodes each chunk of a part on its own, so a Cyrillic letter cut between two chunks
// becomes "��" (exceljs issues #2063, #2316). The shared strings get a decoding stream here; the
// sheets are decoded by readSheetXml below.
const readerPrototype = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as {
  _parseSharedStrings(entry: { setEncoding(e: string): void }): unknown;
};
const parseSharedStrings = readerPrototype._parseSharedStrings;
readerPrototype._parseSharedStrings = function (entry) {
  entry.setEncoding('utf8');
  return parseSharedStrings.call(this, entry);
};

/** The sheet XML as whole characters, with the merged ranges it mentions collected on the way. */
async function* readSheetXml(
  chunks: AsyncIterable<unknown>,
  refs: Set<string>,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  const pass = (text: string) => {
    const scanned = tail + text;
    for (const m of scanned.matchAll(MERGE)) refs.add(m[1]!);
    tail = scanned.slice(-256); // a tag cut between two chunks is found in the next round
    return text;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield pass(text);
  }
  const rest = decoder.end();
  if (rest) yield pass(rest);
}

/** The sheets and hidden sheet names, or null when the read might be incomplete. */
export async function readWorkbookStreaming(
  data: Buffer,
): Promise<{ sheets: Grid[]; hidden: string[] } | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as StreamedBook;
  const defaultStyles = reader.styles;
  const byName = new Map<string, Grid>();
  for await (const ws of reader) {
    if (reader.styles === defaultStyles || !ws.name) return null;
    const refs = new Set<string>();
    ws.iterator = readSheetXml(ws.iterator, refs);
    const rows: Grid['rows'] = [];
    for await (const row of ws) {
      const cells: Array<Cell | undefined> = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const out = gridCell(cell.value, cell.numFmt);
        if (out) cells[col - 1] = out;
      });
      if (cells.length) rows[row.number - 1] = cells;
    }
    const merges = [...refs].map(parseArea);
    for (const key of mergedAway(merges)) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (rows[r]?.[c]) rows[r]![c] = undefined;
    }
    byName.set(ws.name, { sheet: ws.name, rows, merges });
  }
  const declared = reader.model?.sheets ?? [];
  if (!declared.length || declared.some((s) => !byName.has(s.name))) return null;
  return {
    sheets: declared.map((s) => byName.get(s.name)!),
    hidden: declared.filter((s) => s.state && s.state !== 'visible').map((s) => s.name),
  };
}
