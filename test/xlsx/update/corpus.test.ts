/**
 * The zip-level updater on user workbooks made by Excel-like writers (test/fixtures/user-workbooks,
 * made by scripts/user-workbooks/generate.sh): exceljs, openpyxl, LibreOffice (and LibreOffice
 * re-saves of the others), with the parts only Excel writes added. Each is updated twice (sheets
 * created, then replaced and one removed): every part the user owns must keep its bytes, every
 * defined name its scope and formula, and LibreOffice must show the same values in the user's
 * sheets as in the original; a LibreOffice re-save of the result must not count as a user edit.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { emptySheetPatch, type SheetPatch, type WorkbookPatch } from '../../../src/core/patch';
import { WorkbookPackage } from '../../../src/xlsx/update/package';
import { WorkbookUpdate } from '../../../src/xlsx/update/update';
import { XlsxBook } from '../../../src/xlsx/xlsxReader';
import { libreOffice, recalculateMany } from '../../support/libreoffice';
import { readParts } from '../../support/xlsxParts';

const DIR = path.join(__dirname, '../../fixtures/user-workbooks');
const CORPUS = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f));

function school(n: number, order: number): SheetPatch {
  return {
    ...emptySheetPatch(`Школа ${n}`, `school:${n}`, order),
    values: [{ at: 'A1', values: [['← Свод'], [`МБОУ СОШ №${n}`], ['Участников', 20 + n]] }],
    formulas: [{ at: 'B4', formulas: [['=B3*2']], cached: [[2 * (20 + n)]] }],
    hyperlinks: [{ cell: 'A1', sheet: 'Свод', target: 'A1', text: '← Свод' }],
    merges: ['A2:C2'],
    print: { orientation: 'portrait', fitToWidth: true, titleRows: '1:2' },
  };
}

function summary(title: string, schools: number[]): SheetPatch {
  return {
    ...emptySheetPatch('Свод', 'summary', 0),
    values: [
      { at: 'A1', values: [[title, 'Доля «2»']] },
      { at: 'A2', values: schools.map((n) => [`Школа ${n}`, n / 10]) },
    ],
    formulas: [
      {
        at: 'C2',
        formulas: [['=B{r}*100']],
        cached: schools.map((n) => [n * 10]),
        fillDown: true,
      },
    ],
    formats: [{ range: 'A1:B1', style: { bold: true, fill: 'DDEBF7', border: 'thin' } }],
    conditionalFormats: [
      { range: 'B2:B9', operator: 'greaterThanOrEqual', value: '0.3', style: { fill: 'F8CBAD' } },
    ],
    hyperlinks: schools.map((n, i) => ({
      cell: `D${i + 2}`,
      sheet: `Школа ${n}`,
      target: 'A1',
      text: 'открыть',
    })),
    freeze: { rows: 1, cols: 1 },
    autoFilter: `A1:C${schools.length + 1}`,
    columnWidths: [{ col: 'A', width: 28 }],
    tabColor: '2F75B5',
  };
}

function reportPatch(title: string, schools: number[], removeKeys: string[] = []): WorkbookPatch {
  return {
    sheets: [summary(title, schools), ...schools.map((n, i) => school(n, i + 1))],
    names: [{ name: 'Свод_Доля', sheet: 'Свод', range: 'B2:B9' }],
    removeKeys,
    activeSheet: 'Свод',
  };
}

/** Parts the updater may rewrite (edited surgically) or drop (calcChain). */
function editable(pkg: WorkbookPackage): Set<string> {
  const styles = pkg.rels.find((r) => r.type.endsWith('/styles'))?.part;
  return new Set(
    ['[Content_Types].xml', pkg.part, pkg.relsPart, styles ?? '', 'xl/calcChain.xml'].filter(
      Boolean,
    ),
  );
}

/** A defined name as a person reads it: name, the sheet it belongs to, formula. */
function namesOf(pkg: WorkbookPackage): string[] {
  return pkg.names
    .filter((n) => !n.name.startsWith('_shnor') && !n.name.startsWith('_xlnm'))
    .map((n) => {
      const scope = n.localSheetId === undefined ? '' : pkg.sheets[n.localSheetId]!.name;
      return `${n.name}@${scope}=${n.formula}`;
    })
    .sort();
}

function expectUserPartsKept(original: Buffer, updated: Buffer, file: string): void {
  const before = readParts(original);
  const after = readParts(updated);
  const pkg = WorkbookPackage.open(original, file);
  const mine = editable(pkg);
  for (const [name, bytes] of before) {
    if (mine.has(name)) continue;
    expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
  }
  const updatedPkg = WorkbookPackage.open(updated, file);
  // The user's sheets keep their <sheet> elements; their names keep scope and formula.
  for (const s of pkg.sheets) expect(updatedPkg.xml).toContain(s.text);
  expect(namesOf(updatedPkg).filter((n) => !n.startsWith('Свод_Доля@'))).toEqual(namesOf(pkg));
  // Content types: every declaration of the original is still there.
  const types = after.get('[Content_Types].xml')!.toString('utf8');
  for (const decl of before
    .get('[Content_Types].xml')!
    .toString('utf8')
    .match(/<(Default|Override)\b[^>]*>/g)!)
    if (!decl.includes('calcChain')) expect(types).toContain(decl);
}

async function update(data: Buffer, file: string, patch: WorkbookPatch) {
  const book = await WorkbookUpdate.open(data, file);
  const result = await book.apply(patch);
  return { report: result.report, data: Buffer.concat(result.chunks) };
}

const updated = new Map<string, Buffer>();

describe.each(CORPUS)('updating %s', (file) => {
  const original = readFileSync(path.join(DIR, file));

  it('keeps every part the user owns byte for byte, through a first and a second update', async () => {
    const first = await update(original, file, reportPatch('Свод по школам', [1, 2]));
    expect(first.report.created).toEqual(expect.arrayContaining(['Школа 1', 'Школа 2']));
    expectUserPartsKept(original, first.data, file);

    const second = await update(
      first.data,
      file,
      reportPatch('Свод, второй расчёт', [1], ['school:2']),
    );
    expect(second.report.removed).toEqual(['Школа 2']);
    expect(second.report.replaced.map((r) => r.key).sort()).toEqual(['school:1', 'summary']);
    expect(second.report.changedByUser).toEqual([]);
    expectUserPartsKept(original, second.data, file);
    updated.set(file, second.data);

    const book = await WorkbookUpdate.open(second.data, file);
    expect(book.generatedSheets().map((g) => [g.key, g.edited])).toEqual(
      expect.arrayContaining([
        ['summary', false],
        ['school:1', false],
      ]),
    );
    // A macro-enabled workbook stays one.
    const macro = (data: Buffer) =>
      readParts(data).get('[Content_Types].xml')!.toString('utf8').includes('macroEnabled');
    expect(macro(second.data)).toBe(macro(original));
    if (file.endsWith('.xlsm')) expect(macro(second.data)).toBe(true);
  });

  it('writes the generated sheets so that they read back as the patch says', async () => {
    const data = updated.get(file)!;
    const book = await XlsxBook.open(data, file);
    const names = book.sheets.map((s) => s.name);
    expect(names).toContain('Школа 1');
    expect(names).not.toContain('Школа 2');
    const grid = await book.readSheet(book.sheets.find((s) => s.name === 'Школа 1')!);
    expect(grid.rows[1]![0]!.v).toBe('МБОУ СОШ №1');
    expect(grid.rows[3]![1]).toMatchObject({ f: 'B3*2', v: 42 });
  });
});

describe('LibreOffice opens every updated workbook with the user’s values', () => {
  const soffice = libreOffice('проверки обновлённых книг в LibreOffice');
  (soffice ? it : it.skip)(
    'shows the same values in every user sheet as in the original, and a re-save is no edit',
    async () => {
      const inputs = new Map<string, Buffer>();
      CORPUS.forEach((file, i) => {
        inputs.set(`o${i}.xlsx`, readFileSync(path.join(DIR, file)));
        inputs.set(`u${i}.xlsx`, updated.get(file)!);
      });
      const converted = recalculateMany(soffice!, inputs);
      for (const [i, file] of CORPUS.entries()) {
        const before = await XlsxBook.open(converted.get(`o${i}.xlsx`)!, file);
        const after = await XlsxBook.open(converted.get(`u${i}.xlsx`)!, file);
        for (const s of before.sheets) {
          const twin = after.sheets.find((x) => x.name === s.name);
          expect({ file, sheet: s.name, found: twin !== undefined }).toMatchObject({ found: true });
          const values = async (b: XlsxBook, e: typeof s) =>
            (await b.readSheet(e)).rows.map((row) => (row ?? []).map((c) => c?.v ?? null));
          expect({ file, sheet: s.name, values: await values(after, twin!) }).toEqual({
            file,
            sheet: s.name,
            values: await values(before, s),
          });
        }
        // LibreOffice saved the updated workbook again: our sheets are found, none edited.
        const resaved = await WorkbookUpdate.open(converted.get(`u${i}.xlsx`)!, file);
        const generated = resaved.generatedSheets();
        expect({ file, keys: generated.map((g) => g.key).sort() }).toEqual({
          file,
          keys: ['school:1', 'summary'],
        });
        expect({ file, edited: generated.filter((g) => g.edited).map((g) => g.name) }).toEqual({
          file,
          edited: [],
        });
      }
    },
    300_000,
  );
});
