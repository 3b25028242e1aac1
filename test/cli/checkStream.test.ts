import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkPlans } from '../../src/app/checkPlans';
import { NEW_WORKBOOK, type SourceFile } from '../../src/app/types';
import type { Grid } from '../../src/core/grid';
import { checkJsonWriter, checkTextWriter } from '../../src/cli/format/checkStream';
import { checkToJson } from '../../src/cli/format/json';
import { checkReportJson } from '../../src/cli/format/jsonSchema';
import { printJson } from '../../src/cli/format/jsonStream';
import { formatCheckText } from '../../src/cli/format/text';
import type { Io } from '../../src/cli/io';
import type { CheckedFile } from '../../src/core/plan/reviewPatch';
import { baselineOf } from '../../src/core/review/compare';
import { defaultSettings } from '../../src/core/settings';
import { generatePlanGrid } from '../../src/core/synthetic/plan';

const options = { settings: defaultSettings(), asOf: '2025-06-01', workbook: NEW_WORKBOOK };

/** A generated plan with its last deadline moved out of the plan's year (an error). */
function planWithError(seed: number): Grid {
  const grid = generatePlanGrid({ activities: 9, seed, year: 2025 });
  const col = grid.rows
    .map((r) => r?.findIndex((c) => c?.v === 'Срок исполнения') ?? -1)
    .find((c) => c >= 0)!;
  const last = [...grid.rows].reverse().find((r) => typeof r?.[col]?.v === 'string')!;
  last[col] = { v: 'март 2031' };
  return { ...grid, sheet: 'План' };
}

function plans(seed: number): Array<SourceFile & { error?: string }> {
  return [
    { file: 'планы/а.xlsx', sheets: [planWithError(seed)] },
    { file: 'планы/б.xlsx', sheets: [], error: 'Файл «планы/б.xlsx» пуст.' },
    {
      file: 'планы/в.xlsx',
      sheets: [{ ...generatePlanGrid({ activities: 14, seed: seed + 7, year: 2024 }) }],
    },
  ];
}

/** Checked files as the command has them: plain ones, and compared with a baseline (an accepted remark, fixed ones). */
function checkedFiles(): Record<'plain' | 'compared' | 'many' | 'none', CheckedFile[]> {
  const plain = checkPlans({ files: plans(3), ...options }).results.files;
  const baseline = baselineOf(checkPlans({ files: plans(4), ...options }).results.files, 'j');
  const accepted = baseline.files[0]!.remarks[0]!;
  accepted.accepted = { justification: 'согласовано' };
  const compared = checkPlans({ files: plans(3), ...options, baseline }).results.files;
  // more than a chunk of the temporary files (64 K characters) and of their reading back
  const many = Array.from({ length: 40 }, (_, k) =>
    plain.map((f) => ({ ...f, file: `${k}/${f.file}` })),
  ).flat();
  return { plain, compared, many, none: [] };
}

/** An Io gathering what is printed: `out` calls, or the bytes given to `write`. */
function capture(withWrite: boolean): { io: Io; text: () => string } {
  const out: string[] = [];
  const chunks: Uint8Array[] = [];
  const io: Io = {
    out: (t) => void out.push(t),
    err: () => undefined,
    cwd: '.',
    today: '2025-06-01',
    ...(withWrite ? { write: async (c: Uint8Array) => void chunks.push(Buffer.from(c)) } : {}),
  };
  return {
    io,
    text: () => (withWrite ? Buffer.concat(chunks).toString('utf8') : out.join('\n')),
  };
}

// the writer's temporary folder goes under this one, so the tests can see it removed
let tmp: string;
beforeEach(() => (tmp = mkdtempSync(path.join(tmpdir(), 'shnor-check-stream-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(Object.entries(checkedFiles()))(
  'the check report a file at a time (%s)',
  (_, files) => {
    const ignored = ['планы/notes.txt', 'планы/сводка.xlsx'];

    it.each([true, false])(
      'writes the JSON printJson writes of checkToJson (io.write: %s)',
      async (w) => {
        const whole = capture(w);
        await printJson(whole.io, checkToJson(files, ignored));
        const streamed = capture(w);
        const writer = await checkJsonWriter(streamed.io, tmp);
        const [spill] = readdirSync(tmp);
        expect(spill).toMatch(/^shnor-check-/);
        try {
          for (const f of files) await writer.file(f);
          await writer.end(ignored);
        } finally {
          await writer.close();
        }
        expect(streamed.text()).toBe(whole.text());
        expect(streamed.text()).toBe(
          `${JSON.stringify(checkToJson(files, ignored))}${w ? '\n' : ''}`,
        );
        const report = checkReportJson.parse(JSON.parse(streamed.text()));
        expect(report.stats.files).toBe(files.length);
        expect(existsSync(path.join(tmp, spill!))).toBe(false);
      },
    );

    it.each([true, false])('prints the text formatCheckText gives (io.write: %s)', async (w) => {
      const streamed = capture(w);
      const writer = checkTextWriter(streamed.io);
      for (const f of files) await writer.file(f);
      await writer.end(ignored);
      await writer.close();
      const expected = formatCheckText(files, ignored);
      expect(streamed.text()).toBe(w ? `${expected}\n` : expected);
    });
  },
);

describe('the JSON writer', () => {
  it('is tried on files with what the report shows', () => {
    const { compared, many } = checkedFiles();
    const issues = compared.flatMap((f) => f.sheets.flatMap((s) => s.issues));
    expect(compared.some((f) => f.error !== undefined)).toBe(true);
    expect(issues.some((i) => i.accepted)).toBe(true);
    expect(issues.some((i) => i.severity === 'error')).toBe(true);
    expect(compared.some((f) => f.sheets.some((s) => s.fixed?.length))).toBe(true);
    expect(JSON.stringify(checkToJson(many)).length).toBeGreaterThan(4 * (1 << 16));
  });

  it('says in Russian what the temporary folder is when it cannot write there', async () => {
    const missing = path.join(tmp, 'нет такой');
    await expect(checkJsonWriter(capture(true).io, missing)).rejects.toThrow(
      `Не удалось записать временный файл отчёта JSON в папку «${missing}»: папки «${missing}» нет. Создайте папку или укажите другой путь. Временную папку задаёт переменная окружения TMPDIR.`,
    );
  });

  it('removes its temporary files when the run stops half-way', async () => {
    const files = checkedFiles().plain;
    const writer = await checkJsonWriter(capture(true).io, tmp);
    await writer.file(files[0]!);
    expect(readdirSync(tmp)).toHaveLength(1);
    await writer.close();
    expect(readdirSync(tmp)).toEqual([]);
  });
});
