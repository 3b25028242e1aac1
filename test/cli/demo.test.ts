import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { DEMO_FILES } from '../../src/cli/commands/demo';

function captureIo(cwd: string): Io & { text: () => string } {
  const lines: string[] = [];
  return {
    out: (t) => lines.push(t),
    err: (t) => lines.push(`ERR ${t}`),
    cwd,
    today: '2025-03-01',
    text: () => lines.join('\n'),
  };
}

describe('shnor-roadmap demo', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shnor-demo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the input files and the report, and says what it did in Russian', async () => {
    const io = captureIo(dir);
    expect(await main(['demo', '--out', 'демо'], io)).toBe(0);
    const out = path.join(dir, 'демо');
    for (const f of Object.values(DEMO_FILES)) expect(existsSync(path.join(out, f))).toBe(true);
    const text = io.text();
    expect(text).toMatch(/Вымышленный регион: 36 школ в 3 муниципалитетах/);
    expect(text).toMatch(/Проверка плана: мероприятий \d+; ошибок \d+/);
    expect(text).toMatch(/2024: ШНОР \d+ из 36/);
    expect(text).toContain(`Отчёт: демо/${DEMO_FILES.report}`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, DEMO_FILES.report));
    const names = wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(names.slice(0, 4)).toEqual(['Оглавление', 'Свод', 'График', 'Показатели плана']);
    expect(names).toEqual(
      expect.arrayContaining(['Настройки', 'Результаты', 'Критерии', 'Показатели']),
    );
    expect(names.length).toBe(4 + 4 + 36);
  });

  it('gives the same input files on a second run', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await main(['demo', '--out', a], captureIo(dir));
    await main(['demo', '--out', b], captureIo(dir));
    // The xlsx container holds timestamps; compare what the sheets say.
    const cells = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const out: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => out.push(JSON.stringify(row.values))));
      return out;
    };
    for (const f of [DEMO_FILES.results, DEMO_FILES.plan, DEMO_FILES.risks])
      expect(await cells(path.join(a, f))).toEqual(await cells(path.join(b, f)));
    expect(readFileSync(path.join(a, DEMO_FILES.report)).length).toBeGreaterThan(10000);
  });
});
