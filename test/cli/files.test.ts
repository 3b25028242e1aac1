import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expandInputs, loadInput } from '../../src/cli/files';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-files-'));
  mkdirSync(path.join(dir, 'планы', 'архив'), { recursive: true });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('План').addRow(['№', 'Мероприятие']);
  await wb.xlsx.writeFile(path.join(dir, 'планы', 'б.xlsx'));
  await wb.xlsx.writeFile(path.join(dir, 'планы', 'архив', 'а.xlsm'));
  writeFileSync(path.join(dir, 'планы', '~$б.xlsx'), 'lock');
  writeFileSync(path.join(dir, 'планы', '.DS_Store'), 'x');
  writeFileSync(path.join(dir, 'планы', 'старый.xls'), 'x');
  writeFileSync(path.join(dir, 'планы', 'заметки.txt'), 'x');
  writeFileSync(path.join(dir, 'заметки.txt'), 'x');
  writeFileSync(path.join(dir, 'битый.xlsx'), 'PK\u0003\u0004 not really a zip');
  mkdirSync(path.join(dir, 'пусто'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandInputs', () => {
  it('walks folders recursively, passes over lock and hidden files, lists the rest with a reason', async () => {
    const { files, skipped, ignored } = await expandInputs(
      ['планы', 'нет.xlsx', 'пусто', 'планы/б.xlsx', 'планы/~$б.xlsx', 'заметки.txt'],
      dir,
    );
    expect(files.map((f) => f.display)).toEqual(['планы/архив/а.xlsm', 'планы/б.xlsx']);
    expect(skipped.map((s) => [s.display, s.reason])).toEqual([
      ['планы/старый.xls', expect.stringContaining('Excel 97–2003')],
      ['нет.xlsx', 'файл или папка не найдены'],
      ['пусто', 'в папке нет книг Excel (.xlsx, .xlsm)'],
      ['планы/~$б.xlsx', expect.stringContaining('блокировки')],
      ['заметки.txt', 'расширение «.txt» не поддерживается: нужна книга Excel .xlsx'],
    ]);
    expect(ignored.map((f) => f.display)).toEqual(['планы/заметки.txt']);
  });
});

describe('loadInput', () => {
  it('reads a workbook and turns a broken one into a Russian error', async () => {
    const { files } = await expandInputs(['планы/б.xlsx', 'битый.xlsx'], dir);
    const [good, bad] = await Promise.all(files.map((f) => loadInput(f)));
    expect(good!.workbook?.sheets.map((s) => s.sheet)).toEqual(['План']);
    expect(bad!.error).toMatch(/^Файл «битый\.xlsx» повреждён/);
  });
});
