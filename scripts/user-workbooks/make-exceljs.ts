/**
 * A user's workbook as exceljs writes it: notes, an image, data validation, conditional formatting,
 * a table, merged cells, an internal link, a protected sheet and a workbook name. Run by
 * generate.sh (after `npm run build:cli`): node dist/scripts/user-workbooks/make-exceljs.js OUT.
 */
import ExcelJS from 'exceljs';
import { deflateSync } from 'zlib';

/** A tiny solid PNG (8×8), made here so the script needs no image file. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.concat(
    Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill([47, 117, 181]).flat()])),
  );
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main(out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Мой список');
  ws.addRow(['Школа', 'Участников', '«2»', 'Комментарий']);
  ws.addRow(['МБОУ СОШ №1', 25, 3, '=не формула']);
  ws.addRow(['МБОУ СОШ №2', 40, 15, '@важно']);
  ws.addRow(['Гимназия «Логос»', 31, 2, '']);
  ws.getCell('E2').value = { formula: 'C2/B2', result: 0.12 };
  ws.getCell('A1').note = 'Список составлен вручную';
  ws.getCell('B2').dataValidation = {
    type: 'whole',
    operator: 'between',
    formulae: [0, 1000],
    showErrorMessage: true,
    error: 'От 0 до 1000',
  };
  ws.addConditionalFormatting({
    ref: 'C2:C4',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        formulae: [10],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
  ws.mergeCells('A6:D6');
  ws.getCell('A6').value = 'Итоговая строка';
  ws.getCell('A7').value = { text: 'К таблице', hyperlink: "#'Таблица'!A1" };
  const image = wb.addImage({ buffer: png() as never, extension: 'png' });
  ws.addImage(image, 'G2:H4');

  const t = wb.addWorksheet('Таблица');
  t.addTable({
    name: 'Мероприятия',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Мероприятие' }, { name: 'Срок' }],
    rows: [
      ['Семинар', new Date(Date.UTC(2025, 2, 1))],
      ['Курсы', new Date(Date.UTC(2025, 4, 15))],
    ],
  });
  await t.protect('shnor', { selectLockedCells: true });
  wb.definedNames.add("'Мой список'!$B$2:$B$4", 'Участники');
  await wb.xlsx.writeFile(out);
}

main(process.argv[2] ?? 'exceljs.xlsx').catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
