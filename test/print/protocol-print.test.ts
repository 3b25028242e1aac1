/**
 * A review workbook printed by LibreOffice: every protocol page is A4 portrait, every page of
 * «Сводка» and «Замечания» (with the re-check's state, acceptance and justification columns) is A4,
 * and no text is cut, by LibreOffice's own measure of each cell
 * (test/support/printCheck.ts). The workbook is that of a re-check with a baseline and accepted
 * remarks, with a second file that could not be read. Set PRINT_PDF=file.pdf to keep the PDF.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { municipalPlanV1, municipalPlanV2 } from '../fixtures/plans/municipal';
import { libreOffice } from '../support/libreoffice';
import { plainWorkbook } from '../support/plainWorkbook';
import { checkPrint } from '../support/printCheck';
import { requireProgram } from '../support/programs';

const soffice = libreOffice('тест печати протокола (LibreOffice → PDF)');
const pdfinfo = requireProgram('pdfinfo', 'тест печати протокола (pdfinfo из poppler-utils)');
const maybe = soffice && pdfinfo ? test : test.skip;
jest.setTimeout(600_000);

/** A4 in points, with a point of slack for rounding. */
const A4 = { width: 595.3 + 1, height: 841.9 + 1 };

/** The review workbook with only the sheets `keep` chooses (so pages map to one kind of sheet). */
async function onlySheets(book: Buffer, keep: (name: string) => boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(book as unknown as ArrayBuffer);
  for (const ws of [...wb.worksheets]) if (!keep(ws.name)) wb.removeWorksheet(ws.id);
  wb.views = [{ activeTab: 0 } as ExcelJS.WorkbookView];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A re-check's review workbook: a baseline with accepted remarks, one file that cannot be read. */
async function recheckWorkbook(dir: string): Promise<Buffer> {
  const io: Io = { out: () => {}, err: () => {}, cwd: dir, today: '2024-03-01' };
  const plan = join(dir, 'Ишимский муниципальный район — план на 2024 год.xlsx');
  writeFileSync(plan, plainWorkbook([municipalPlanV1()], 'shared'));
  writeFileSync(join(dir, 'Вагайский район.xls'), 'old');
  await main(['check', '.', '--out', 'замечания.xlsx'], io);
  // the clerk accepts a remark with a long justification and one without any
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, 'замечания.xlsx')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Замечания')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  ws.eachRow((row, r) => {
    const code = String(row.getCell(header.indexOf('Код')).value);
    if (r > 1 && code === 'undefined-abbreviation') {
      row.getCell(header.indexOf('Принято')).value = 'да';
      row.getCell(header.indexOf('Обоснование')).value =
        'Сокращение ТОИРО расшифровано в приказе управления образования об утверждении плана, который направлен вместе с планом; повторять расшифровку в плане не требуется.';
    }
    if (r > 1 && code === 'missing-responsible')
      row.getCell(header.indexOf('Принято')).value = 'да';
  });
  await wb.xlsx.writeFile(join(dir, 'замечания.xlsx'));
  writeFileSync(plan, plainWorkbook([municipalPlanV2()], 'shared'));
  await main(['check', '.', '--baseline', 'замечания.xlsx', '--out', 'повторно.xlsx'], io);
  return readFileSync(join(dir, 'повторно.xlsx'));
}

let dir = '';
let book: Buffer | null = null;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-review-print-'));
  if (soffice && pdfinfo) book = await recheckWorkbook(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cutCells = (printed: ReturnType<typeof checkPrint>) =>
  printed.cut.map((c) => `${c.sheet}!${c.cell} ${c.kind}: ${c.text}`);

maybe('the protocols print on A4 portrait pages with no text cut', async () => {
  const printed = checkPrint(
    soffice!,
    pdfinfo!,
    await onlySheets(book!, (n) => n.startsWith('Протокол')),
  );
  if (process.env.PRINT_PDF) writeFileSync(process.env.PRINT_PDF, printed.pdf);
  expect(printed.pages.length).toBeGreaterThanOrEqual(2);
  for (const p of printed.pages) {
    expect(p.width).toBeLessThanOrEqual(A4.width);
    expect(p.height).toBeLessThanOrEqual(A4.height);
    expect(p.height).toBeGreaterThan(p.width);
  }
  expect(cutCells(printed)).toEqual([]);
});

maybe('«Сводка» and «Замечания» of a re-check print on A4 pages with no text cut', async () => {
  const printed = checkPrint(
    soffice!,
    pdfinfo!,
    await onlySheets(book!, (n) => n === 'Сводка' || n === 'Замечания'),
  );
  expect(printed.pages.length).toBeGreaterThanOrEqual(2);
  for (const p of printed.pages) {
    expect(Math.min(p.width, p.height)).toBeLessThanOrEqual(A4.width);
    expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(A4.height);
  }
  expect(cutCells(printed)).toEqual([]);
});
