import { checkPlanFiles, checkPlans, planChecker } from '../../src/app/checkPlans';
import { NEW_WORKBOOK, type SourceFile } from '../../src/app/types';
import { summariseSheets } from '../../src/core/plan/reviewPatch';
import { defaultSettings } from '../../src/core/settings';
import { generatePlanGrid } from '../../src/core/synthetic/plan';

describe('checkPlanFiles', () => {
  it('gives the review and the issues checkPlans gives, keeping only the summaries', async () => {
    const files: Array<SourceFile & { error?: string }> = [
      { file: 'а.xlsx', sheets: [{ ...generatePlanGrid({ activities: 8, seed: 1, year: 2025 }) }] },
      { file: 'б.xlsx', sheets: [], error: 'Файл «б.xlsx» не прочитан.' },
      { file: 'в.xlsx', sheets: [{ ...generatePlanGrid({ activities: 5, seed: 2, year: 2025 }) }] },
    ];
    const options = { settings: defaultSettings(), asOf: '2025-06-01', workbook: NEW_WORKBOOK };
    const whole = checkPlans({ files, ...options });
    const read: string[] = [];
    async function* one(): AsyncGenerator<SourceFile & { error?: string }> {
      for (const f of files) {
        read.push(f.file);
        yield f;
      }
    }
    const streamed = await checkPlanFiles(one(), options);
    expect(read).toEqual(['а.xlsx', 'б.xlsx', 'в.xlsx']);
    expect(streamed.patch).toEqual(whole.patch);
    expect(streamed.issues).toEqual(whole.issues);
    expect(streamed.results.files).toEqual(
      whole.results.files.map((f) => ({ ...f, sheets: summariseSheets(f.sheets) })),
    );
  });

  it('planChecker gives each file as checkPlanFiles keeps it, keeping none itself', async () => {
    const files: Array<SourceFile & { error?: string }> = [
      { file: 'а.xlsx', sheets: [{ ...generatePlanGrid({ activities: 6, seed: 3, year: 2025 }) }] },
      { file: 'б.xlsx', sheets: [], error: 'Файл «б.xlsx» не прочитан.' },
    ];
    const regional = {
      file: 'регион.xlsx',
      sheets: [generatePlanGrid({ activities: 4, seed: 9, year: 2025 })],
    };
    const options = {
      settings: defaultSettings(),
      asOf: '2025-06-01',
      workbook: NEW_WORKBOOK,
      regional,
    };
    async function* all(): AsyncGenerator<SourceFile & { error?: string }> {
      yield* files;
    }
    const kept = await checkPlanFiles(all(), options);
    const checker = planChecker(options);
    // known before any file is checked, so a bad regional plan is refused before printing
    expect(checker.regional).toEqual(kept.results.regional);
    expect(files.map((f) => checker.check(f))).toEqual(kept.results.files);
  });
});
