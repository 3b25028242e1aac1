/**
 * A generated sheet whose part is exactly what the update would write again is copied as it is
 * (its compressed bytes), not written and deflated again; anything that could make the new part
 * differ (the patch, the name, the selected tab, styles.xml) has it written anew.
 */
import { emptySheetPatch, type SheetPatch, type WorkbookPatch } from '../../../src/core/patch';
import { WorkbookPackage } from '../../../src/xlsx/update/package';
import { formatStamp, parseStamp, sheetDigest } from '../../../src/xlsx/update/stamps';
import { WorkbookUpdate } from '../../../src/xlsx/update/update';
import { ZipWriter } from '../../../src/xlsx/update/zipWriter';
import { XlsxBook } from '../../../src/xlsx/xlsxReader';
import { readParts } from '../../support/xlsxParts';

function sheet(name: string, key: string, order: number, text = `Лист ${name}`): SheetPatch {
  return {
    ...emptySheetPatch(name, key, order),
    values: [{ at: 'A1', values: [[text, 1.5]] }],
    formats: [{ range: 'A1', style: { bold: true, fill: 'D9E1F2' } }],
  };
}

function patchOf(sheets: SheetPatch[], activeSheet?: string): WorkbookPatch {
  return { sheets, names: [], removeKeys: [], ...(activeSheet ? { activeSheet } : {}) };
}

async function apply(data: Buffer | null, patch: WorkbookPatch): Promise<Buffer> {
  const book = data
    ? await WorkbookUpdate.open(data, 'Отчёт.xlsx')
    : await WorkbookUpdate.create('Отчёт.xlsx');
  return Buffer.concat((await book.apply(patch)).chunks);
}

/**
 * The same parts deflated at another level: a part the update copies keeps these bytes, one it
 * writes is deflated anew and differs (the content, and so the stamps, stay the same).
 */
function recompressed(data: Buffer): Buffer {
  const zip = new ZipWriter(9);
  for (const [name, bytes] of readParts(data)) zip.add(name, bytes);
  return Buffer.concat(zip.finish());
}

/** Compressed bytes of each sheet's part, by sheet name. */
function rawSheets(data: Buffer): Map<string, Buffer> {
  const pkg = WorkbookPackage.open(data, 'Отчёт.xlsx');
  return new Map(pkg.sheets.map((s) => [s.name, Buffer.from(pkg.zip.raw(s.part!))]));
}

async function a1(data: Buffer, name: string): Promise<unknown> {
  const book = await XlsxBook.open(data, 'Отчёт.xlsx');
  const s = book.sheets.find((x) => x.name === name)!;
  return (await book.readSheet(s)).rows[0]?.[0]?.v;
}

/** Names of the sheets whose compressed part is the same in both files. */
function copiedSheets(before: Buffer, after: Buffer): string[] {
  const old = rawSheets(before);
  return [...rawSheets(after)].filter(([n, raw]) => old.get(n)?.equals(raw)).map(([n]) => n);
}

describe('zip-level update of unchanged generated sheets', () => {
  const base = [sheet('Свод', 'summary', 0), sheet('Школа 1', 'school:1', 1)];

  it('copies the parts of sheets whose content did not change, through several updates', async () => {
    const first = recompressed(await apply(null, patchOf(base, 'Свод')));
    const second = await apply(first, patchOf(base, 'Свод'));
    expect(copiedSheets(first, second)).toEqual(['Свод', 'Школа 1']);

    const changed = [base[0]!, sheet('Школа 1', 'school:1', 1, 'новые данные')];
    const third = await apply(recompressed(second), patchOf(changed, 'Свод'));
    expect(copiedSheets(recompressed(second), third)).toEqual(['Свод']);
    expect(await a1(third, 'Школа 1')).toBe('новые данные');
    expect(await a1(third, 'Свод')).toBe('Лист Свод');

    // the sheet written anew is stamped too: the next run copies both
    const fourth = recompressed(third);
    expect(copiedSheets(fourth, await apply(fourth, patchOf(changed, 'Свод')))).toEqual([
      'Свод',
      'Школа 1',
    ]);
  });

  it('writes a sheet anew when its name or its selection changes', async () => {
    const first = recompressed(await apply(null, patchOf(base, 'Свод')));
    const renamed = [base[0]!, { ...base[1]!, name: 'Школа № 1' }];
    const after = await apply(first, patchOf(renamed, 'Свод'));
    expect(copiedSheets(first, after)).toEqual(['Свод']);
    expect(await a1(after, 'Школа № 1')).toBe('Лист Школа 1');

    const moved = await apply(first, patchOf(base, 'Школа 1'));
    expect(copiedSheets(first, moved)).toEqual([]);
    const part = WorkbookPackage.open(moved, 'Отчёт.xlsx');
    const xml = (name: string) =>
      part.zip.readText(part.sheets.find((s) => s.name === name)!.part!);
    expect(xml('Школа 1')).toContain('tabSelected="1"');
    expect(xml('Свод')).not.toContain('tabSelected');
  });

  it('writes every sheet anew when styles.xml is not the one the last run left', async () => {
    const parts = readParts(await apply(null, patchOf(base, 'Свод')));
    // another program put a fill of its own before ours: our cell format now points at it
    const styles = parts.get('xl/styles.xml')!.toString('utf8');
    const fills = /<fills count="(\d+)">((?:<fill>[\s\S]*?<\/fill>){2})/.exec(styles)!;
    const red =
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill>';
    const count = Number(fills[1]) + 1;
    parts.set(
      'xl/styles.xml',
      Buffer.from(styles.replace(fills[0], `<fills count="${count}">${fills[2]}${red}`), 'utf8'),
    );
    const zip = new ZipWriter(9);
    for (const [name, bytes] of parts) zip.add(name, bytes);
    const edited = Buffer.concat(zip.finish());

    const after = await apply(edited, patchOf(base, 'Свод'));
    expect(copiedSheets(edited, after)).toEqual([]);
    expect(await a1(after, 'Школа 1')).toBe('Лист Школа 1');
    // written anew, the bold blue-grey cell gets a format of its own again
    const style = (data: Buffer) => {
      const pkg = WorkbookPackage.open(data, 'Отчёт.xlsx');
      const xml = pkg.zip.readText(pkg.sheets.find((s) => s.name === 'Школа 1')!.part!);
      return /<c r="A1" s="(\d+)"/.exec(xml)![1];
    };
    expect(style(after)).not.toBe(style(edited));
  });
});

describe('sheet digests and part stamps', () => {
  const p = sheet('Свод', 'summary', 0);
  const withCell = (v: SheetPatch['values'][0]['values'][0][0]) => ({
    ...p,
    values: [{ at: 'A1', values: [[v]] }],
  });

  it('tells apart what JSON would not: a date from its text, NaN from nothing', () => {
    const date = new Date(Date.UTC(2025, 5, 1));
    expect(sheetDigest(withCell(date), 'Свод', false)).not.toBe(
      sheetDigest(withCell(date.toISOString()), 'Свод', false),
    );
    expect(sheetDigest(withCell(NaN), 'Свод', false)).not.toBe(
      sheetDigest(withCell(null), 'Свод', false),
    );
  });

  it('depends on the name and the selection, not on the sheet’s order among ours', () => {
    const d = sheetDigest(p, 'Свод', false);
    expect(sheetDigest({ ...p, order: 7 }, 'Свод', false)).toBe(d);
    expect(sheetDigest(p, 'Свод 2', false)).not.toBe(d);
    expect(sheetDigest(p, 'Свод', true)).not.toBe(d);
  });

  it('reads the stamps of files written before the digest as the part stamp alone', () => {
    expect(parseStamp('123:456')).toEqual({ part: '123:456' });
    const full = { part: '1:2', digest: 'abc_-', styles: '3:4' };
    expect(parseStamp(formatStamp(full))).toEqual(full);
  });
});
