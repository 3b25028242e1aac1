/**
 * Child process of the criteria benchmark: one results .xlsx → criteria workbook, the path the
 * criteria command takes. Prints its peak RSS as JSON on the last line, so the parent measures
 * this run alone.
 */
import { readFile } from 'fs/promises';
import ExcelJS from 'exceljs';
import { computeCriteria } from '../src/core/criteria/engine';
import { buildCriteriaPatch } from '../src/core/criteria/workbookPatch';
import { readResults } from '../src/core/results/read';
import { defaultSettings } from '../src/core/settings';
import { readWorkbook } from '../src/xlsx/read';
import { applyPatch, writeWorkbookFile } from '../src/xlsx/write';

async function main(input: string, output: string): Promise<void> {
  const book = await readWorkbook(input, await readFile(input));
  const read = readResults(book.sheets, { file: input });
  const settings = defaultSettings();
  const criteria = computeCriteria(read.rows, settings, read.notHeld);
  const wb = new ExcelJS.Workbook();
  applyPatch(wb, buildCriteriaPatch(read.rows, criteria, settings));
  await writeWorkbookFile(wb, output);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ maxRssMb, rows: read.rows.length, schools: criteria.schools.length })}\n`,
  );
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('Использование: node criteriaChild.js ВХОД.xlsx ВЫХОД.xlsx\n');
  process.exit(2);
}
main(input, output).catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
