/**
 * The whole demo report (criteria sheets, school tabs, index, summary) recalculated by LibreOffice
 * gives the same value in every formula cell as the engine wrote as its cached result.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { DEMO_FILES } from '../../src/cli/commands/demo';
import { libreOffice, recalculate, type RecalculatedCell } from '../support/libreoffice';

const soffice = libreOffice('тест пересчёта формул всего отчёта в LibreOffice');
const maybe = soffice ? test : test.skip;
jest.setTimeout(300_000);

/** sheet!address → [formula, cached or recalculated value] for every formula cell of the book. */
async function formulaCells(xlsx: Buffer): Promise<Map<string, RecalculatedCell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out = new Map<string, RecalculatedCell>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const model = cell.model as {
          formula?: string;
          sharedFormula?: string;
          result?: RecalculatedCell['value'];
        };
        const formula = model.formula ?? model.sharedFormula;
        if (formula === undefined) return;
        const value = model.result === undefined || model.result === '' ? null : model.result;
        out.set(`${ws.name}!${cell.address}`, { formula, value });
      }),
    );
  return out;
}

function same(a: RecalculatedCell['value'], b: RecalculatedCell['value']): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9;
  return JSON.stringify(a) === JSON.stringify(b);
}

maybe('every formula of the demo report recalculates to the value the engine wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-report-recalc-'));
  try {
    const io = { out: () => {}, err: () => {}, cwd: dir, today: '2025-07-01' };
    expect(await main(['demo', '--out', dir], io)).toBe(0);
    const written = readFileSync(join(dir, DEMO_FILES.report));
    const engine = await formulaCells(written);
    const office = await formulaCells(recalculate(soffice!, written));
    const sheets = new Set([...engine.keys()].map((k) => k.split('!')[0]));
    // The criteria sheets, the summary and the school tabs all carry formulas.
    expect(sheets.size).toBeGreaterThan(30);
    expect(engine.size).toBeGreaterThan(1000);
    const bad: string[] = [];
    for (const [cell, mine] of engine) {
      const theirs = office.get(cell);
      if (!theirs) bad.push(`${cell}: формула пропала`);
      else if (!same(mine.value, theirs.value))
        bad.push(
          `${cell} ${mine.formula}: движок ${JSON.stringify(mine.value)}, LibreOffice ${JSON.stringify(theirs.value)}`,
        );
    }
    expect(bad.slice(0, 20)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
