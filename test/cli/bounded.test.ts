/**
 * Bounded inputs (#14 item 5): zip bombs made on the fly in a folder of plans are refused before
 * they are unpacked, with a Russian message naming the file, and the rest of the folder is checked.
 * Memory is asserted loosely (nothing is unpacked, so the heap cannot grow by the bomb's size).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { writeGridsFile } from '../../src/cli/commands/demo';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { blankSheet, withSheet } from '../support/zipBomb';
import { readFileSync } from 'fs';

let dir: string;
let plan: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-bomb-'));
  const file = path.join(dir, 'template.xlsx');
  await writeGridsFile(
    [{ ...generatePlanGrid({ activities: 12, seed: 4, year: 2024 }), sheet: 'План' }],
    file,
  );
  plan = readFileSync(file);
  rmSync(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, today: '2024-06-01' };
  return { io: value, out, err };
}

describe('zip bombs among plans', () => {
  it('refuses a 500 MB sheet and a sheet declaring 4 GB, and checks the rest of the folder', async () => {
    const folder = path.join(dir, 'планы');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'а-план.xlsx'), plan);
    writeFileSync(path.join(folder, 'б-бомба.xlsx'), await withSheet(plan, blankSheet(500)));
    writeFileSync(path.join(folder, 'в-4ГБ.xlsx'), await withSheet(plan, blankSheet(4096, false)));
    writeFileSync(path.join(folder, 'г-план.xlsx'), plan);
    const before = process.memoryUsage();
    const c = io(dir);
    const code = await main(['check', 'планы', '--format', 'json'], c.io);
    const after = process.memoryUsage();
    expect(code).toBe(1);
    const files = (
      JSON.parse(c.out.join('')) as {
        files: Array<{ file: string; error?: string; sheets: unknown[] }>;
      }
    ).files;
    const byName = new Map(files.map((f) => [f.file, f]));
    expect(byName.get('планы/а-план.xlsx')!.sheets).toHaveLength(1);
    expect(byName.get('планы/г-план.xlsx')!.sheets).toHaveLength(1);
    expect(byName.get('планы/б-бомба.xlsx')!.error).toMatch(
      /^Файл «планы\/б-бомба\.xlsx» отклонён: часть «xl\/worksheets\/sheet1\.xml» распаковывается в 500 МБ, а допустимо не больше 256 МБ\. .*zip-бомбу/,
    );
    expect(byName.get('планы/в-4ГБ.xlsx')!.error).toMatch(/отклонён: .*4,0 ГБ/);
    // Nothing was unpacked: the heap grew by far less than one bomb.
    expect(
      after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers,
    ).toBeLessThan(200 * 2 ** 20);
  }, 120_000);

  it('refuses a part that compresses too well, and one that unpacks past what it declares', async () => {
    const ratio = await withSheet(plan, blankSheet(40));
    await expect(readWorkbook('сжатый.xlsx', ratio)).rejects.toThrow(
      /^Файл «сжатый\.xlsx» отклонён: часть «xl\/worksheets\/sheet1\.xml» сжата в \d+ раз/,
    );
    const lying = await withSheet(plan, blankSheet(40), 2048);
    await expect(readWorkbook('ложь.xlsx', lying)).rejects.toThrow(
      /^Файл «ложь\.xlsx» повреждён: часть «xl\/worksheets\/sheet1\.xml» распаковывается не в тот размер/,
    );
  });

  it('takes its limits from the settings', async () => {
    const big = await withSheet(plan, blankSheet(40));
    const loose = {
      maxPartMegabytes: 64,
      maxTotalMegabytes: 128,
      maxCompressionRatio: 1000,
      ratioFromMegabytes: 8,
    };
    const read = await readWorkbook('большой.xlsx', big, { limits: loose });
    expect(read.sheets[0]!.rows).toEqual([]);
    const strict = { ...loose, maxPartMegabytes: 10 };
    await expect(readWorkbook('большой.xlsx', big, { limits: strict })).rejects.toThrow(
      /не больше 10 МБ/,
    );
    const folder = path.join(dir, 'результаты');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'большой.xlsx'), big);
    writeFileSync(
      path.join(dir, 'строгие.json'),
      JSON.stringify({ inputLimits: { maxPartMegabytes: 10 } }),
    );
    const c = io(dir);
    expect(await main(['criteria', 'результаты', '--settings', 'строгие.json'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/«результаты\/большой\.xlsx» отклонён: .*не больше 10 МБ/);
    writeFileSync(
      path.join(dir, 'неверные.json'),
      JSON.stringify({ inputLimits: { maxPartMegabytes: -1 } }),
    );
    const bad = io(dir);
    expect(await main(['criteria', 'результаты', '--settings', 'неверные.json'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(
      /inputLimits\.maxPartMegabytes: ожидается положительное число мегабайт/,
    );
  });
});
