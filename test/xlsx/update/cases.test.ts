/**
 * The zip-level updater in the hostile cases of issue #14: sheets renamed by another tool, edits in
 * generated sheets, a school called «_shnor», thousands of schools with one name, local names on
 * reordered sheets, workbooks it cannot vouch for.
 */
import { emptySheetPatch, type SheetPatch, type WorkbookPatch } from '../../../src/core/patch';
import { WorkbookPackage, UpdateRefused } from '../../../src/xlsx/update/package';
import { WorkbookUpdate } from '../../../src/xlsx/update/update';
import { XlsxBook } from '../../../src/xlsx/xlsxReader';
import { PackageError } from '../../../src/xlsx/zipPackage';
import { addUserSheet, readParts, typeInCell, writeParts } from '../../support/xlsxParts';

function sheet(name: string, key: string, order: number, text = `Лист ${name}`): SheetPatch {
  return { ...emptySheetPatch(name, key, order), values: [{ at: 'A1', values: [[text]] }] };
}

function patchOf(sheets: SheetPatch[], extra: Partial<WorkbookPatch> = {}): WorkbookPatch {
  return { sheets, names: [], removeKeys: [], ...extra };
}

async function apply(data: Buffer, patch: WorkbookPatch) {
  const book = await WorkbookUpdate.open(data, 'Отчёт.xlsx');
  const result = await book.apply(patch);
  return { report: result.report, data: Buffer.concat(result.chunks) };
}

async function fresh(patch: WorkbookPatch): Promise<Buffer> {
  const book = await WorkbookUpdate.create('Отчёт.xlsx');
  return Buffer.concat((await book.apply(patch)).chunks);
}

async function a1(data: Buffer, name: string): Promise<unknown> {
  const book = await XlsxBook.open(data, 'Отчёт.xlsx');
  const s = book.sheets.find((x) => x.name === name);
  if (!s) return undefined;
  return (await book.readSheet(s)).rows[0]?.[0]?.v;
}

function sheetNames(data: Buffer): string[] {
  return WorkbookPackage.open(data, 'Отчёт.xlsx').sheets.map((s) => s.name);
}

/** Renames a sheet in workbook.xml only, as a tool that does not update defined names would. */
function renameSheet(data: Buffer, from: string, to: string): Buffer {
  const parts = readParts(data);
  const xml = parts.get('xl/workbook.xml')!.toString('utf8');
  parts.set('xl/workbook.xml', Buffer.from(xml.replace(`name="${from}"`, `name="${to}"`)));
  return writeParts(parts);
}

describe('zip-level update, hostile cases', () => {
  it('keeps the user’s own sheet that took the old name of a generated sheet another tool renamed', async () => {
    let data = await fresh(patchOf([sheet('Оглавление', 'index', 0), sheet('Свод', 'summary', 1)]));
    data = renameSheet(data, 'Оглавление', 'Старое оглавление');
    data = addUserSheet(data, 'Оглавление', 'моё оглавление');
    const { report, data: after } = await apply(
      data,
      patchOf([sheet('Оглавление', 'index', 0, 'новое'), sheet('Свод', 'summary', 1)]),
    );
    expect(await a1(after, 'Оглавление')).toBe('моё оглавление');
    expect(report.replaced.find((r) => r.key === 'index')).toMatchObject({
      previousName: 'Старое оглавление',
    });
    const index = report.names.index!;
    expect(index).not.toBe('Оглавление');
    expect(await a1(after, index)).toBe('новое');
  });

  it('keeps a generated sheet the user edited as «… (правки пользователя)» and reports it', async () => {
    let data = await fresh(patchOf([sheet('Свод', 'summary', 0)]));
    data = typeInCell(data, 'Свод', 'A1', 'моя правка');
    const { report, data: after } = await apply(
      data,
      patchOf([sheet('Свод', 'summary', 0, 'новый')]),
    );
    expect(report.changedByUser).toEqual([
      expect.objectContaining({ name: 'Свод', edited: true, keptAs: 'Свод (правки пользователя)' }),
    ]);
    expect(await a1(after, 'Свод (правки пользователя)')).toBe('моя правка');
    expect(await a1(after, 'Свод')).toBe('новый');
    // The user's copy is theirs now: the next run leaves it alone and reports nothing.
    const again = await apply(after, patchOf([sheet('Свод', 'summary', 0, 'ещё новее')]));
    expect(again.report.changedByUser).toEqual([]);
    expect(await a1(again.data, 'Свод (правки пользователя)')).toBe('моя правка');
  });

  it('never gives a school called «_shnor» the registry’s name', async () => {
    const data = await fresh(
      patchOf([sheet('Свод', 'summary', 0), sheet('_shnor', 'school:x', 1)]),
    );
    const again = await apply(
      data,
      patchOf([sheet('Свод', 'summary', 0), sheet('_shnor', 'school:x', 1)]),
    );
    for (const d of [data, again.data]) {
      const names = sheetNames(d).map((n) => n.toLowerCase());
      expect(names.filter((n) => n === '_shnor')).toHaveLength(1);
    }
    expect(again.report.replaced).toHaveLength(2);
  });

  it('gives 300 schools of one name 300 distinct sheets, twice', async () => {
    const sheets = Array.from({ length: 300 }, (_, i) => sheet('МБОУ СОШ №1', `school:${i}`, i));
    const data = await fresh(patchOf(sheets));
    const names = sheetNames(data);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toHaveLength(301);
    const again = await apply(data, patchOf(sheets));
    expect(again.report.replaced).toHaveLength(300);
    expect(again.report.created).toEqual([]);
    expect(sheetNames(again.data)).toEqual(names);
  });

  it('moves sheet-scoped names with their sheets when generated sheets go and come', async () => {
    // Two generated sheets first, then a user sheet with a local name after them.
    let data = await fresh(patchOf([sheet('А', 'a', 0), sheet('Б', 'b', 1)]));
    data = addUserSheet(data, 'Мой', 'x');
    const parts = readParts(data);
    const pkg = WorkbookPackage.open(data, 'Отчёт.xlsx');
    const mine = pkg.sheets.findIndex((s) => s.name === 'Мой');
    const xml = parts.get('xl/workbook.xml')!.toString('utf8');
    parts.set(
      'xl/workbook.xml',
      Buffer.from(
        xml.replace(
          '</definedNames>',
          `<definedName name="Итог" localSheetId="${mine}">'Мой'!$A$1</definedName><definedName name="Где">'Б'!$A$1</definedName></definedNames>`,
        ),
      ),
    );
    const after = await apply(
      writeParts(parts),
      patchOf([sheet('А', 'a', 0)], { removeKeys: ['b'] }),
    );
    const updated = WorkbookPackage.open(after.data, 'Отчёт.xlsx');
    const local = updated.names.find((n) => n.name === 'Итог')!;
    expect(updated.sheets[local.localSheetId!]!.name).toBe('Мой');
    // A name that pointed at the removed sheet now says #REF!, as Excel would have it.
    expect(updated.names.find((n) => n.name === 'Где')!.formula).toBe('#REF!$A$1');
  });

  it('refuses in Russian what it cannot vouch for, and never crashes', async () => {
    const good = await fresh(patchOf([sheet('Свод', 'summary', 0)]));
    const strict = readParts(good);
    strict.set(
      'xl/workbook.xml',
      Buffer.from(
        strict
          .get('xl/workbook.xml')!
          .toString('utf8')
          .replace(
            'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
            'http://purl.oclc.org/ooxml/spreadsheetml/main',
          ),
      ),
    );
    await expect(WorkbookUpdate.open(writeParts(strict), 'Отчёт.xlsx')).rejects.toThrow(
      new UpdateRefused(
        'Книгу «Отчёт.xlsx» нельзя обновить: она сохранена в формате «Strict Open XML». Сохраните её в Excel как обычную «Книгу Excel (.xlsx)» и повторите.',
      ),
    );
    const noWorkbook = readParts(good);
    noWorkbook.delete('xl/workbook.xml');
    await expect(WorkbookUpdate.open(writeParts(noWorkbook), 'Отчёт.xlsx')).rejects.toThrow(
      /Книгу «Отчёт.xlsx» нельзя обновить: в ней нет части книги/,
    );
    const lostSheet = readParts(good);
    lostSheet.delete('xl/worksheets/sheet1.xml');
    await expect(WorkbookUpdate.open(writeParts(lostSheet), 'Отчёт.xlsx')).rejects.toThrow(
      /лист «Свод» ссылается на отсутствующую часть файла/,
    );
    await expect(
      WorkbookUpdate.open(good.subarray(0, good.length - 100), 'Отчёт.xlsx'),
    ).rejects.toBeInstanceOf(PackageError);
  });
});
