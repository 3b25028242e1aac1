/**
 * Sheets with names that break naive quoting (cells, R1C1, booleans, apostrophes, DDE-looking
 * text, Cyrillic) referenced from formulas, defined names, print titles and hyperlinks: every
 * reference in the written workbook names an existing sheet, and LibreOffice opens the workbook
 * and computes every formula through those references.
 */
import { MARKER_NAME } from '../../src/core/workbook/registry';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { emptySheetPatch, type WorkbookPatch } from '../../src/core/patch';
import { legalSheetName } from '../../src/core/workbook/sheetNames';
import { parseSheetRef, sheetRef } from '../../src/core/sheetRef';
import { applyPatch, workbookToBuffer, writeNewWorkbookFile } from '../../src/xlsx/write';
import { ADVERSARIAL_SHEET_NAMES } from '../support/adversarial';
import { formulaValues, libreOffice, recalculate } from '../support/libreoffice';

const soffice = libreOffice('тесты ссылок на листы с «трудными» именами в LibreOffice');
const maybe = soffice ? test : test.skip;
jest.setTimeout(240_000);

/** Legal, distinct sheet names made from the adversarial ones, as the report's namer makes them. */
function names(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // «_shnor» is the registry's own name, which the sheet namer reserves (src/core/workbook/sheetNames.ts).
  for (const raw of ADVERSARIAL_SHEET_NAMES.filter((n) => n !== '_shnor')) {
    const n = legalSheetName(raw);
    if (seen.has(n.toLowerCase())) continue;
    seen.add(n.toLowerCase());
    out.push(n);
  }
  return out;
}

function patch(): WorkbookPatch {
  const sheets = names().map((name, i) => {
    const p = emptySheetPatch(name, `s${i}`, i + 1);
    p.values.push({ at: 'A1', values: [[i + 1], ['строка']] });
    p.print = { orientation: 'portrait', fitToWidth: true, titleRows: '1:1' };
    return p;
  });
  const summary = emptySheetPatch('Итоги', 'summary', 0);
  summary.formulas.push({
    at: 'A1',
    formulas: sheets.map((s, i) => [`=${sheetRef(s.name, '$A$1')}`, `=Имя_${i}`]),
    cached: sheets.map((_, i) => [i + 1, i + 1]),
  });
  summary.hyperlinks = sheets.map((s, i) => ({
    cell: `C${i + 1}`,
    sheet: s.name,
    target: 'A1',
    text: s.name,
  }));
  return {
    sheets: [summary, ...sheets],
    names: sheets.map((s, i) => ({ name: `Имя_${i}`, sheet: s.name, range: 'A1' })),
    removeKeys: [],
  };
}

/** Every sheet reference in the defined names of workbook.xml names an existing sheet. */
async function referencesResolve(xlsx: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const sheetNames = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unxml(m[1]!));
  // Generated sheets' markers are string constants by design (docs/architecture.md), not references.
  const defined = [...xml.matchAll(/<definedName [^>]*>([^<]*)<\/definedName>/g)].filter(
    (m) => !m[0].includes(`name="${MARKER_NAME}"`),
  );
  expect(defined.length).toBeGreaterThanOrEqual(names().length * 2);
  for (const m of defined)
    for (const part of unionParts(unxml(m[1]!))) {
      const ref = parseSheetRef(part);
      expect({ part, sheet: ref && sheetNames.includes(ref.sheet) }).toEqual({ part, sheet: true });
    }
}

/** The areas of a union ("'a,b'!$A$1,'c'!$1:$1"): commas outside quoted sheet names. */
function unionParts(formula: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] === "'") quoted = !quoted;
    else if (formula[i] === ',' && !quoted) {
      parts.push(formula.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, formula.slice(start)];
}

function unxml(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function checkInLibreOffice(xlsx: Buffer): Promise<void> {
  await referencesResolve(xlsx);
  const recalculated = recalculate(soffice!, xlsx);
  const values = await formulaValues(recalculated, 'Итоги');
  const all = names();
  all.forEach((_, i) => {
    expect(values.get(`A${i + 1}`)?.value).toBe(i + 1);
    expect(values.get(`B${i + 1}`)?.value).toBe(i + 1);
  });
  // LibreOffice kept each sheet's print titles (it drops a reference it cannot read).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(recalculated as unknown as ArrayBuffer);
  for (const name of all) expect(wb.getWorksheet(name)?.pageSetup.printTitlesRow).toBe('1:1');
}

describe('sheet references with adversarial names', () => {
  maybe('a workbook updated in memory', async () => {
    const wb = new ExcelJS.Workbook();
    // A user sheet with an apostrophe and print titles of its own is written back quoted too.
    const user = wb.addWorksheet("Моя 'таблица' 1");
    user.getCell('A1').value = 'заголовок';
    user.pageSetup.printTitlesRow = '1:1';
    applyPatch(wb, patch());
    const xlsx = await workbookToBuffer(wb);
    await checkInLibreOffice(xlsx);
  });

  maybe('a new workbook streamed to its file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shnor-refs-'));
    try {
      const file = path.join(dir, 'книга.xlsx');
      await writeNewWorkbookFile(patch(), file);
      await checkInLibreOffice(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
