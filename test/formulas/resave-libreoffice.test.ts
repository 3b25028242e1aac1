/**
 * A workbook the command line wrote, opened and saved again by LibreOffice without changes, is
 * still recognised: the sheet markers survive, the registry (LibreOffice saves veryHidden as
 * hidden) is still ours, no generated sheet counts as edited, and a second run replaces them all.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { computeCriteria } from '../../src/core/criteria/engine';
import { buildCriteriaPatch } from '../../src/core/criteria/workbookPatch';
import { defaultSettings } from '../../src/core/settings';
import {
  applyPatch,
  listGeneratedSheets,
  loadWorkbook,
  writeNewWorkbookFile,
} from '../../src/xlsx/write';
import { fixtureRows, NOT_HELD } from '../core/criteria/fixtures';
import { libreOffice, recalculate } from '../support/libreoffice';

const soffice = libreOffice('тест пересохранения книги в LibreOffice');
const maybe = soffice ? test : test.skip;
jest.setTimeout(300_000);

maybe(
  'a re-save by LibreOffice keeps the markers, the registry and every fingerprint',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shnor-resave-'));
    try {
      const rows = fixtureRows();
      const settings = defaultSettings();
      const patch = buildCriteriaPatch(
        rows.length,
        computeCriteria(rows, settings, NOT_HELD),
        settings,
      );
      const file = join(dir, 'критерии.xlsx');
      await writeNewWorkbookFile(patch, file);
      const resaved = recalculate(soffice!, readFileSync(file));
      const wb = await loadWorkbook(resaved);
      const generated = listGeneratedSheets(wb);
      expect(generated.map((g) => g.key).sort()).toEqual(patch.sheets.map((s) => s.key).sort());
      expect(generated.filter((g) => g.edited || g.renamed)).toEqual([]);
      const report = applyPatch(wb, patch);
      expect(report.created).toEqual([]);
      expect(report.replaced).toHaveLength(patch.sheets.length);
      expect(report.changedByUser).toEqual([]);
      expect(wb.getWorksheet('_shnor')?.state).toBe('veryHidden');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
