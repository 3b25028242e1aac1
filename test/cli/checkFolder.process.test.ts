/**
 * The built CLI as a process over a folder of many plans (issue #14, «память для папки не растёт с
 * числом файлов»): the report printed a file at a time (text) or set aside in temporary files
 * (JSON) is complete and byte-identical to the report of all the files at once, the temporary
 * files are gone after the run. The memory itself is measured by `npm run bench -- reader:check`.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkInputs } from '../../src/cli/commands/check';
import { checkToJson } from '../../src/cli/format/json';
import { checkReportJson } from '../../src/cli/format/jsonSchema';
import { formatCheckText } from '../../src/cli/format/text';
import type { Grid } from '../../src/core/grid';
import { generatePlanGrid } from '../../src/core/synthetic/plan';
import { builtCli, runCli, startCli } from '../support/cli';
import { plainWorkbook } from '../support/plainWorkbook';

jest.setTimeout(300_000);

const PLANS = 150;
const AS_OF = '2024-06-01';

/** Plan k: sizes, years and sheet names vary; every seventh has a deadline out of its year. */
function plan(k: number): Grid {
  const grid = generatePlanGrid({ activities: 4 + (k % 19), seed: k + 1, year: 2023 + (k % 3) });
  if (k % 7 === 0) {
    const col = grid.rows
      .map((r) => r?.findIndex((c) => c?.v === 'Срок исполнения') ?? -1)
      .find((c) => c >= 0)!;
    const last = [...grid.rows].reverse().find((r) => typeof r?.[col]?.v === 'string')!;
    last[col] = { v: 'март 2031' };
  }
  return { ...grid, sheet: k % 5 ? 'План' : 'Лист1' };
}

let dir: string;
/** The system's temporary folder of the runs (TMPDIR): the JSON report's temporary files go there. */
let temp: string;
beforeAll(() => {
  builtCli();
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-check-folder-'));
  temp = path.join(dir, 'tmp');
  mkdirSync(temp);
  const folder = path.join(dir, 'планы');
  mkdirSync(path.join(folder, 'район'), { recursive: true });
  for (let k = 0; k < PLANS; k++)
    writeFileSync(
      path.join(folder, k % 4 ? '' : 'район', `план ${String(k).padStart(3, '0')}.xlsx`),
      plainWorkbook([plan(k)], 'shared'),
    );
  writeFileSync(path.join(folder, 'пустой.xlsx'), '');
  writeFileSync(path.join(folder, 'заметки.txt'), 'не план');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  runCli(['check', 'планы', '--as-of', AS_OF, ...args], { cwd: dir, env: { TMPDIR: temp } });

/** The report of all the files at once, as the command printed it before it streamed. */
let whole: Promise<{ text: string; json: string }> | undefined;
function wholeReport(): Promise<{ text: string; json: string }> {
  whole ??= checkInputs(['планы'], dir, { asOf: AS_OF }).then(({ checked, ignored }) => ({
    text: `${formatCheckText(checked, ignored)}\n`,
    json: `${JSON.stringify(checkToJson(checked, ignored))}\n`,
  }));
  return whole;
}

describe('check over a folder of many plans', () => {
  it('prints the text report complete, file by file, as the whole report', async () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const expected = await wholeReport();
    expect(r.stdout).toBe(
      `${expected.text}Внимание: не проверено файлов — 1; причины указаны выше.\n`,
    );
    expect(r.stdout).toContain(
      `Итого: ${PLANS + 1} файл (проверено ${PLANS}, не проверено 1), ${PLANS} планов`,
    );
    expect(readdirSync(temp)).toEqual([]);
  });

  it('writes the JSON report whole, byte for byte, and leaves no temporary files', async () => {
    const r = run('--format', 'json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Внимание: не проверено файлов — 1; причины указаны выше.\n');
    const expected = await wholeReport();
    expect(r.stdout).toBe(expected.json);
    const report = checkReportJson.parse(JSON.parse(r.stdout));
    expect(report.files).toHaveLength(PLANS + 1);
    expect(report.stats).toMatchObject({ files: PLANS + 1, filesFailed: 1, filesIgnored: 1 });
    expect(report.stats.errors).toBeGreaterThan(PLANS / 7);
    expect(report.issues.length).toBeGreaterThan(report.stats.errors);
    expect(readdirSync(temp)).toEqual([]);
    // with --out every file is kept for the review workbook: the same report
    const kept = run('--format', 'json', '--out', 'замечания.xlsx');
    expect(kept.status).toBe(1);
    expect(kept.stdout).toBe(r.stdout);
  });

  it('removes its temporary files when the reader of the pipe goes away, and on Ctrl+C', async () => {
    const args = ['check', 'планы', '--as-of', AS_OF, '--format', 'json'];
    const opts = { cwd: dir, env: { TMPDIR: temp } };
    // `… | head -c 100`: the report is larger than a pipe holds, the reader stops after its start
    const head = startCli(args, opts);
    head.child.stdout!.once('data', () => head.child.stdout!.destroy());
    const cut = await head.done;
    expect(cut.signal).toBeNull();
    expect(readdirSync(temp)).toEqual([]);
    // Ctrl+C while the files are checked (the temporary folder is there)
    const stopped = startCli(args, opts);
    while (!readdirSync(temp).length && stopped.child.exitCode === null)
      await new Promise((r) => setTimeout(r, 20));
    stopped.child.kill('SIGINT');
    expect((await stopped.done).signal).toBe('SIGINT');
    expect(readdirSync(temp)).toEqual([]);
  });
});
