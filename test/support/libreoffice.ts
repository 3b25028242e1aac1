/**
 * Recalculates an .xlsx with LibreOffice headless and reads the recalculated values back.
 *
 * LibreOffice keeps the cached values of an .xlsx unless its profile says otherwise, so each run
 * uses a throw-away profile whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate").
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import { requireProgram } from './programs';

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The LibreOffice binary, or null (with a plain message) when tests needing it are skipped. */
export function libreOffice(what: string): string | null {
  return requireProgram('libreoffice', what);
}

/** A recalculated formula cell: its formula and the value LibreOffice computed (null = empty text). */
export interface RecalculatedCell {
  formula: string;
  value: string | number | boolean | Date | { error: string } | null;
}

/**
 * Converts `xlsx` (file contents) to a recalculated .xlsx and returns its bytes.
 * Everything happens in a fresh temporary directory that is removed afterwards.
 */
export function recalculate(soffice: string, xlsx: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    const input = join(dir, 'in', 'book.xlsx');
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'in'));
    mkdirSync(out);
    writeFileSync(input, xlsx);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        input,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    return readFileSync(join(out, basename(input)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Converts several workbooks in one LibreOffice run (one start-up instead of one per file), each
 * recalculated; returns the converted bytes by the names given. Names must be unique file names.
 */
export function recalculateMany(soffice: string, files: Map<string, Buffer>): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    mkdirSync(join(dir, 'in'));
    mkdirSync(join(dir, 'out'));
    const inputs = [...files].map(([name, data]) => {
      const input = join(dir, 'in', name);
      writeFileSync(input, data);
      return input;
    });
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'out'),
        ...inputs,
      ],
      { stdio: 'pipe', timeout: 300_000 },
    );
    return new Map(
      [...files.keys()].map((name) => [
        name,
        readFileSync(join(dir, 'out', name.replace(/\.xls[xm]$/i, '.xlsx'))),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every formula cell of a sheet, by A1 address, with the value LibreOffice left in it. */
export async function formulaValues(
  xlsx: Buffer,
  sheet: string,
): Promise<Map<string, RecalculatedCell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`В пересчитанной книге нет листа «${sheet}».`);
  const out = new Map<string, RecalculatedCell>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      // cell.model keeps a FALSE result that cell.value drops; an empty-text result has none.
      const model = cell.model as {
        formula?: string;
        sharedFormula?: string;
        result?: RecalculatedCell['value'];
      };
      const formula = model.formula ?? model.sharedFormula;
      if (formula === undefined) return;
      out.set(cell.address, {
        formula,
        value: model.result === undefined || model.result === '' ? null : model.result,
      });
    }),
  );
  return out;
}
