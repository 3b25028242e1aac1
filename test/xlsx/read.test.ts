import ExcelJS from 'exceljs';
import { readWorkbook, UnreadableFileError } from '../../src/xlsx/read';

async function bytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readWorkbook', () => {
  it('reads values, real dates, merges, line breaks, formulas and error values', async () => {
    const data = await bytes((wb) => {
      const ws = wb.addWorksheet('План');
      ws.getCell('A1').value = 'Заголовок\nвторая строка';
      ws.mergeCells('A1:D1');
      ws.getCell('A2').value = new Date(Date.UTC(2023, 8, 30));
      ws.getCell('A2').numFmt = 'dd.mm.yyyy';
      ws.getCell('B2').value = { formula: 'A3*2', result: 84 };
      ws.getCell('A3').value = 42;
      ws.getCell('C2').value = { error: '#N/A' };
      ws.getCell('D2').value = { richText: [{ text: 'жир' }, { text: 'ный' }] };
      wb.addWorksheet('Пустой');
    });
    const read = await readWorkbook('plan.xlsx', data);
    expect(read.sheets.map((s) => s.sheet)).toEqual(['План', 'Пустой']);
    const g = read.sheets[0]!;
    expect(g.rows[0]![0]!.v).toBe('Заголовок\nвторая строка');
    expect(g.rows[0]![1]).toBeUndefined();
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(g.rows[1]![0]!.v).toEqual(new Date(Date.UTC(2023, 8, 30)));
    expect(g.rows[1]![0]!.fmt).toBe('dd.mm.yyyy');
    expect(g.rows[1]![1]).toEqual({ v: 84, f: 'A3*2' });
    expect(g.rows[1]![2]!.v).toEqual({ error: '#N/A' });
    expect(g.rows[1]![3]!.v).toBe('жирный');
    expect(read.sheets[1]!.rows).toEqual([]);
  });

  it('says in Russian why an old .xls, a protected, an empty or a foreign file cannot be read', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await expect(readWorkbook('old.xls', ole)).rejects.toThrow(/97–2003/);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
    await expect(readWorkbook('secret.xlsx', encrypted)).rejects.toThrow(/паролем/);
    await expect(readWorkbook('empty.xlsx', Buffer.alloc(0))).rejects.toThrow(/пуст/);
    await expect(readWorkbook('notes.xlsx', Buffer.from('просто текст'))).rejects.toThrow(
      UnreadableFileError,
    );
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(readWorkbook('broken.xlsx', corrupt)).rejects.toThrow(/повреждён/);
  });
});
