/**
 * The progress line: drawn (by cli-progress) on a terminal for check over a folder, criteria and
 * report; never with --quiet, and never when the host has no terminal (Io.progress absent).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { terminalProgress, type TerminalStream } from '../../src/cli/progress';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { generateRegion } from '../../src/core/synthetic/region';
import { resultsGrid } from '../../src/core/synthetic/regionGrids';
import { plainWorkbook } from '../support/plainWorkbook';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-progress-'));
  mkdirSync(path.join(dir, 'планы'));
  const plan = plainWorkbook(
    [{ ...generatePlanGrid({ activities: 10, seed: 2, year: 2024 }), sheet: 'План' }],
    'shared',
  );
  for (const n of ['а', 'б', 'в']) writeFileSync(path.join(dir, 'планы', `${n}.xlsx`), plan);
  writeFileSync(
    path.join(dir, 'результаты.xlsx'),
    plainWorkbook([resultsGrid(generateRegion({ schools: 30, seed: 3 }))], 'shared'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake terminal: what cli-progress draws on it, as text. */
function fakeTerminal(): { stream: TerminalStream; text: () => string } {
  const stream = new PassThrough() as PassThrough & TerminalStream;
  stream.isTTY = true;
  stream.columns = 160;
  const chunks: string[] = [];
  stream.on('data', (d: Buffer) => chunks.push(d.toString()));
  return { stream, text: () => chunks.join('') };
}

function io(terminal?: TerminalStream): { io: Io; opened: () => number } {
  let opened = 0;
  const value: Io = { out: () => undefined, err: () => undefined, cwd: dir, today: '2024-06-01' };
  if (terminal)
    value.progress = () => {
      opened++;
      return terminalProgress(terminal);
    };
  return { io: value, opened: () => opened };
}

describe('progress line', () => {
  it('shows the phase and the file n of N while a folder is checked', async () => {
    const t = fakeTerminal();
    const run = io(t.stream);
    await main(['check', 'планы'], run.io);
    expect(run.opened()).toBe(1);
    expect(t.text()).toMatch(/Проверка │ файл 1 из 3/);
  });

  it('shows reading with rows, computing and writing sheets for criteria --out', async () => {
    const t = fakeTerminal();
    await main(['criteria', 'результаты.xlsx', '--out', 'критерии.xlsx'], io(t.stream).io);
    const text = t.text();
    expect(text).toMatch(/Чтение │ файл 1 из 1/);
    expect(text).toMatch(/Расчёт │ .*строк \d/);
    expect(text).toMatch(/Запись │ .*листов \d+ из \d+/);
  });

  it('draws the report phases too', async () => {
    const t = fakeTerminal();
    await main(['report', 'результаты.xlsx', '--out', 'отчёт.xlsx'], io(t.stream).io);
    expect(t.text()).toMatch(/Запись │ .*листов \d+ из \d+/);
  });

  it('leaves the terminal to the text report of check, printed as the files are checked', async () => {
    const t = fakeTerminal();
    const toTerminal = io(t.stream);
    toTerminal.io.outIsTerminal = true;
    await main(['check', 'планы'], toTerminal.io);
    expect(toTerminal.opened()).toBe(0);
    expect(t.text()).toBe('');
    // the JSON report, and the text kept for the review workbook, come at the end: the line is drawn
    await main(['check', 'планы', '--format', 'json'], toTerminal.io);
    await main(['check', 'планы', '--out', 'замечания.xlsx'], toTerminal.io);
    expect(toTerminal.opened()).toBe(2);
    expect(t.text()).toMatch(/Проверка │ файл 1 из 3/);
  });

  it('draws nothing with --quiet or without a terminal', async () => {
    const t = fakeTerminal();
    const quiet = io(t.stream);
    await main(['check', 'планы', '--quiet'], quiet.io);
    await main(['criteria', 'результаты.xlsx', '--quiet'], quiet.io);
    expect(quiet.opened()).toBe(0);
    expect(t.text()).toBe('');
    const plain = io();
    expect(await main(['check', 'планы'], plain.io)).toBeLessThan(2);
  });
});
