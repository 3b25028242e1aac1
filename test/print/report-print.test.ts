/**
 * The demo report printed by LibreOffice: every page is A4 (no page wider than A4 in its
 * orientation), and no cell's text is cut, by LibreOffice's own measure of each cell
 * (test/support/printCheck.ts). The review sheets of `check --out` over the demo plan are written
 * into the same book (one LibreOffice run for all). Set PRINT_PDF=file.pdf to keep the PDF.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { checkInputs } from '../../src/cli/commands/check';
import { DEMO_FILES } from '../../src/cli/commands/demo';
import { buildReviewPatch } from '../../src/core/plan/reviewPatch';
import { applyPatch, loadWorkbook, workbookToBuffer } from '../../src/xlsx/write';
import { libreOffice } from '../support/libreoffice';
import { checkPrint } from '../support/printCheck';
import { requireProgram } from '../support/programs';

const soffice = libreOffice('тест печати отчёта (LibreOffice → PDF)');
const pdfinfo = requireProgram('pdfinfo', 'тест печати отчёта (pdfinfo из poppler-utils)');
const maybe = soffice && pdfinfo ? test : test.skip;
jest.setTimeout(600_000);

/** The review workbook's sheets of `check` over the demo plan, written into the report. */
async function withReview(report: Buffer, dir: string): Promise<Buffer> {
  const wb = await loadWorkbook(report);
  const { checked } = await checkInputs([DEMO_FILES.plan], dir, { asOf: '2025-07-01' });
  const review = buildReviewPatch(checked);
  expect(review.sheets.map((s) => s.name)).toEqual(['Сводка', 'Замечания']);
  applyPatch(wb, review);
  return workbookToBuffer(wb);
}

/**
 * Plus a sheet with two texts LibreOffice must find cut, so the check proves it can fail: a
 * wrapped text in a row of default height, and a long text against a full neighbour. The sheet
 * has no page setup, so its page is Letter: the page-size check must catch that too.
 */
async function withControlSheet(book: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(book as unknown as ArrayBuffer);
  const ws = wb.addWorksheet('Контроль');
  ws.getColumn(1).width = 12;
  ws.getCell('A1').value = 'Перенесённый текст, которому не хватает высоты строки';
  ws.getCell('A1').alignment = { wrapText: true };
  ws.getCell('A2').value = 'Длинный текст рядом с заполненной ячейкой';
  ws.getCell('B2').value = 'сосед';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A4 in points, either way round, with a point of slack for rounding. */
const A4 = { short: 595.3 + 1, long: 841.9 + 1 };

maybe('the demo report prints on A4 pages with no text cut', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-report-print-'));
  try {
    const io = { out: () => {}, err: () => {}, cwd: dir, today: '2025-07-01' };
    expect(await main(['demo', '--out', dir], io)).toBe(0);
    const report = await withControlSheet(
      await withReview(readFileSync(join(dir, DEMO_FILES.report)), dir),
    );
    const printed = checkPrint(soffice!, pdfinfo!, report);
    if (process.env.PRINT_PDF) writeFileSync(process.env.PRINT_PDF, printed.pdf);

    expect(printed.pages.length).toBeGreaterThan(40);
    const wide = printed.pages
      .map((p, i) => ({ ...p, page: i + 1 }))
      .filter(
        (p) => Math.min(p.width, p.height) > A4.short || Math.max(p.width, p.height) > A4.long,
      );
    // only the control sheet's page, which has no page setup and so comes out on Letter paper
    expect(wide.map((p) => p.page)).toEqual([printed.pages.length]);
    const cut = printed.cut.map((c) => `${c.sheet}!${c.cell} ${c.kind}: ${c.text}`);
    expect(cut.filter((c) => !c.startsWith('Контроль!'))).toEqual([]);
    expect(cut).toEqual([
      'Контроль!A1 height: Перенесённый текст, которому не хватает высоты строки',
      'Контроль!A2 width: Длинный текст рядом с заполненной ячейкой',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
