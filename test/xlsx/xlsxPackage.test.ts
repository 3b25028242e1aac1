/**
 * The pieces under the lean reader: the streaming XML tokenizer (chunks cut anywhere give the same
 * tokens), shared-formula sliding, and the exceljs stream defects (a character cut between two
 * chunks, merged areas) that the lean reader does not have, with files written by exceljs's
 * stream writer in inline strings and with shared strings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/xlsx/read';
import { slideFormula } from '../../src/xlsx/sharedFormula';
import { attr, decodeXml, XmlScanner } from '../../src/xlsx/xmlScanner';

function tokens(chunks: string[]): string[] {
  const out: string[] = [];
  const s = new XmlScanner({
    open: (n, a, self) => out.push(`<${n}${a.trim() ? ` ${a.trim()}` : ''}${self ? '/' : ''}>`),
    close: (n) => out.push(`</${n}>`),
    text: (t, cdata) => out.push(cdata ? `[${t}]` : decodeXml(t)),
  });
  for (const c of chunks) s.write(c);
  s.end();
  // Text may arrive in pieces: join neighbours.
  return out.reduce<string[]>((acc, t) => {
    const last = acc[acc.length - 1];
    if (last !== undefined && !t.startsWith('<') && !last.startsWith('<'))
      acc[acc.length - 1] = last + t;
    else acc.push(t);
    return acc;
  }, []);
}

const SAMPLE =
  '<?xml version="1.0"?><x:worksheet xmlns:x="ns"><!-- a > comment --><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">&#1052;&#x43E;сква &amp; «Ёлка» a&gt;b</t></is></c><c r="B1" s="2"><v>12.5</v></c><c r="C1" t="str" note=\'a>b\'><f>"x&lt;y"</f><v><![CDATA[<не тег>]]></v></c><c r="D1"/></row></x:worksheet>';

describe('XmlScanner', () => {
  it('reads tags without prefixes, raw attributes, decoded text, CDATA, comments', () => {
    expect(tokens([SAMPLE])).toEqual([
      '<worksheet xmlns:x="ns">',
      '<row r="1">',
      '<c r="A1" t="inlineStr">',
      '<is>',
      '<t xml:space="preserve">',
      'Москва & «Ёлка» a>b',
      '</t>',
      '</is>',
      '</c>',
      '<c r="B1" s="2">',
      '<v>',
      '12.5',
      '</v>',
      '</c>',
      `<c r="C1" t="str" note='a>b'>`,
      '<f>',
      '"x<y"',
      '</f>',
      '<v>',
      '[<не тег>]',
      '</v>',
      '</c>',
      '<c r="D1"/>',
      '</c>',
      '</row>',
      '</worksheet>',
    ]);
  });

  it('gives the same tokens however the input is cut into chunks', () => {
    const whole = tokens([SAMPLE]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: SAMPLE.length }), { maxLength: 12 }),
        (cuts) => {
          const at = [...new Set(cuts)].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => SAMPLE.slice(from, at[i] ?? SAMPLE.length));
          expect(tokens(chunks)).toEqual(whole);
        },
      ),
    );
  });

  it('refuses a DOCTYPE (entity expansion, external entities) and a tag cut off at the end', () => {
    expect(() =>
      tokens(['<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>']),
    ).toThrow(/DOCTYPE/);
    expect(() => tokens(['<a><b attr="1"'])).toThrow(/обрывается/);
  });

  it('reads attributes by whole name only', () => {
    expect(attr(' spr="1" r="A1"', 'r')).toBe('A1');
    expect(attr(' r:id="rId3" id="x"', 'r:id')).toBe('rId3');
    expect(attr(" name='Итог &amp; план'", 'name')).toBe('Итог & план');
    expect(attr(' t="s"', 'r')).toBeUndefined();
  });

  it('decodes numeric references past the basic plane and leaves unknown entities alone', () => {
    expect(decodeXml('&#128512;&#x1F600;&nbsp;&#0;')).toBe('😀😀&nbsp;&#0;');
    expect(decodeXml('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('slideFormula', () => {
  it('moves relative references, keeps absolute ones, strings, names and functions', () => {
    expect(slideFormula('A2*10+$B$1+C$3+$D4', 2, 1)).toBe('B4*10+$B$1+D$3+$D6');
    expect(slideFormula('IF(A1="A1",LOG10(B2),Итог)', 1, 0)).toBe('IF(A2="A1",LOG10(B3),Итог)');
    expect(slideFormula("'Лист 1'!A1+Sheet2!B2", 1, 1)).toBe("'Лист 1'!B2+Sheet2!C3");
    expect(slideFormula('A1-1', -1, 0)).toBe('#REF!-1');
  });
});

describe('the lean reader has none of exceljs stream reader defects', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'shnor-defects-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('keeps every Cyrillic letter whole across chunk boundaries (%s)', async (_, shared) => {
    const file = path.join(dir, `${String(shared)}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: shared });
    const ws = wb.addWorksheet('Строки');
    for (let i = 0; i < 20_000; i++)
      ws.addRow([`Школа «Ёлочка» № ${i}`, `${'ж'.repeat(i % 7)}`]).commit();
    ws.commit();
    await wb.commit();
    const read = await readWorkbook('x.xlsx', readFileSync(file));
    const texts = read.sheets[0]!.rows.map((r) => r![0]!.v);
    expect(texts).toHaveLength(20_000);
    expect(texts.filter((t, i) => t !== `Школа «Ёлочка» № ${i}`)).toEqual([]);
    expect(JSON.stringify(read.sheets)).not.toContain('\ufffd');
  });

  it('finds every merged area and empties the cells under them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Объединения');
    for (let i = 0; i < 12_000; i++) ws.addRow([`строка ${i}`, i, 'x', 'y']);
    for (let i = 0; i < 3000; i++) ws.mergeCells(4 * i + 1, 3, 4 * i + 2, 4);
    const read = await readWorkbook('x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const g = read.sheets[0]!;
    expect(g.merges).toHaveLength(3000);
    expect(g.merges[2999]).toEqual({ top: 11996, left: 2, bottom: 11997, right: 3 });
    expect(g.rows[0]![2]!.v).toBe('x');
    expect(g.rows[0]![3]).toBeUndefined();
    expect(g.rows[1]![2]).toBeUndefined();
  });
});
