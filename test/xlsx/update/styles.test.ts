import { WorkbookStyles, MINIMAL_STYLES } from '../../../src/xlsx/update/styles';
import { StyleCache } from '../../../src/xlsx/sheetWriter';
import type { CellStyle } from '../../../src/core/patch';

/** A styles.xml as LibreOffice writes it: its own fonts, a custom format, no dxfs. */
const LIBRE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="General"/></numFmts><fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><b val="true"/><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="true"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const TYPE_NUMBER = 2;
const TYPE_STRING = 3;

function style(cache: StyleCache, ...layers: CellStyle[]) {
  return cache.get(layers);
}

function inner(xml: string, list: string): string {
  return new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)![1]!;
}

function count(xml: string, list: string): number {
  return Number(new RegExp(`<${list} count="(\\d+)"`).exec(xml)?.[1]);
}

describe('WorkbookStyles', () => {
  it('appends our formats after the user’s and keeps the user’s bytes', () => {
    const styles = new WorkbookStyles(LIBRE);
    const cache = new StyleCache();
    const bold = styles.styleId(
      style(cache, { bold: true, fill: 'DDEBF7', border: 'thin' }),
      TYPE_STRING,
    );
    const percent = styles.styleId(style(cache, { numFmt: '0.0%' }), TYPE_NUMBER);
    expect(bold).toBe(2);
    expect(percent).toBe(3);
    const xml = styles.toXml();
    expect(count(xml, 'cellXfs')).toBe(4);
    expect(count(xml, 'fills')).toBe(3);
    expect(count(xml, 'borders')).toBe(2);
    expect(count(xml, 'numFmts')).toBe(2);
    expect(xml).toContain('<numFmt numFmtId="165" formatCode="0.0%"/>');
    // Every list still starts with what the user had; only counts changed around it.
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'])
      expect(inner(xml, list).startsWith(inner(LIBRE, list))).toBe(true);
    for (const kept of ['cellStyleXfs', 'cellStyles'])
      expect(xml).toContain(new RegExp(`<${kept}[\\s\\S]*?</${kept}>`).exec(LIBRE)![0]);
    expect(xml.startsWith(LIBRE.slice(0, LIBRE.indexOf('<numFmts')))).toBe(true);
  });

  it('gives an unstyled cell the user’s default format', () => {
    const styles = new WorkbookStyles(LIBRE);
    const cache = new StyleCache();
    expect(styles.styleId(cache.empty, TYPE_STRING)).toBe(0);
    expect(styles.styleId(cache.empty, TYPE_NUMBER)).toBe(0);
    expect(styles.toXml()).toBe(LIBRE);
  });

  it('adds nothing when the same formats are merged again (a second update)', () => {
    const cache = new StyleCache();
    const layers: CellStyle[] = [{ bold: true, fontColor: 'C00000', numFmt: '0.0%', wrap: true }];
    const first = new WorkbookStyles(LIBRE);
    const id = first.styleId(style(cache, ...layers), TYPE_NUMBER);
    const dxf = first.dxfId({
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF8CBAD' } },
    });
    const once = first.toXml();
    const second = new WorkbookStyles(once);
    expect(second.styleId(style(new StyleCache(), ...layers), TYPE_NUMBER)).toBe(id);
    expect(
      second.dxfId({ fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF8CBAD' } } }),
    ).toBe(dxf);
    expect(second.toXml()).toBe(once);
  });

  it('inserts a missing list in schema order and gives a redefined built-in format its own id', () => {
    const redefined = LIBRE.replace(
      '<numFmt numFmtId="164" formatCode="General"/>',
      '<numFmt numFmtId="9" formatCode="0.000%"/>',
    );
    const styles = new WorkbookStyles(redefined);
    const cache = new StyleCache();
    styles.styleId(style(cache, { numFmt: '0%' }), TYPE_NUMBER);
    const dxf = styles.dxfId({ font: { bold: true } });
    expect(dxf).toBe(0);
    const xml = styles.toXml();
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="0%"/>');
    expect(xml.indexOf('<dxfs count="1">')).toBeGreaterThan(xml.indexOf('</cellStyles>'));
  });

  it('writes its elements with the prefix of a prefixed styles.xml', () => {
    const prefixed = MINIMAL_STYLES.replace(/<(\/?)(?=[a-zA-Z])/g, '<$1x:').replace(
      'xmlns=',
      'xmlns:x=',
    );
    const styles = new WorkbookStyles(prefixed);
    const id = styles.styleId(new StyleCache().get([{ italic: true }]), TYPE_STRING);
    expect(id).toBe(1);
    const xml = styles.toXml();
    expect(xml).toContain('<x:cellXfs count="2">');
    expect(xml).toMatch(/<x:font><x:i\/>/);
    expect(xml).not.toMatch(/<(font|xf)\b/);
  });
});
