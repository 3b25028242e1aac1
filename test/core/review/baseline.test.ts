import { type Grid } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/plan/check';
import { pairFiles, pairSheets } from '../../../src/core/review/baseline';
import {
  baselineOf,
  compareWithBaseline,
  type ComparedFile,
} from '../../../src/core/review/compare';
import { municipalPlanV1, municipalPlanV2 } from '../../fixtures/plans/municipal';

const AS_OF = '2024-03-01';

function check(grid: Grid, file = 'Ишим.xlsx'): ComparedFile {
  const sheets = checkWorkbook([grid], { asOf: AS_OF, fileName: file });
  return { file, sheets };
}

/** "state code cell" of every remark, and "code cell" of every fixed one. */
function marks(f: ComparedFile) {
  const s = f.sheets[0]!;
  const label = (i: { code: string; cell: string }) => `${i.code} ${i.cell}`.trim();
  return {
    new: s.issues.filter((i) => i.state === 'new' && !i.accepted).map(label),
    unchanged: s.issues.filter((i) => i.state === 'unchanged' && !i.accepted).map(label),
    accepted: s.issues.filter((i) => i.accepted).map(label),
    fixed: (s.fixed ?? []).map(label),
  };
}

const cycle = (...steps: number[]) => steps.map(() => 'cycle-step-missing');

describe('a plan edited the ways a municipality edits it', () => {
  const v1 = check(municipalPlanV1());
  const v2 = check(municipalPlanV2());

  it('keeps every remark id through inserted rows, and gives each remark its own', () => {
    const ids = v1.sheets[0]!.issues.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{7}\.[0-9a-z]{2}$/);
    const abbreviation = (f: ComparedFile) =>
      f.sheets[0]!.issues.find((i) => i.code === 'undefined-abbreviation')!;
    expect(abbreviation(v1).cell).toBe('D6');
    expect(abbreviation(v2).cell).toBe('D8');
    expect(abbreviation(v2).id).toBe(abbreviation(v1).id);
  });

  it('marks exactly the new, unchanged and fixed remarks', () => {
    const [compared] = compareWithBaseline([v2], baselineOf([v1], 'v1.json'));
    expect(marks(compared!)).toEqual({
      new: [
        // deleting 1.4 «Мониторинг результатов ВПР» left the cycle without monitoring
        'cycle-step-missing',
        'missing-responsible D13',
      ],
      unchanged: [
        ...cycle(1, 2, 6, 9),
        'undefined-abbreviation D8',
        'deadline-outside-period C10',
        'missing-responsible D11',
      ],
      accepted: [],
      fixed: ['deadline-reversed C5', 'missing-deadline C7'],
    });
    const newCycle = compared!.sheets[0]!.issues.find(
      (i) => i.state === 'new' && i.code === 'cycle-step-missing',
    );
    expect(newCycle!.message).toContain('«Мониторинг»');
    expect(compared!.comparison).toEqual({
      baselineFile: 'Ишим.xlsx',
      fixed: 2,
      unchanged: 7,
      new: 2,
      accepted: 0,
      stale: 0,
    });
  });

  it('keeps a remark unchanged when its activity was only renumbered', () => {
    const grid = municipalPlanV2();
    // a new activity first in section II: 2.1–2.4 become 2.2–2.5
    grid.rows.splice(9, 0, [
      { v: '2.1' },
      { v: 'Методический день для учителей' },
      { v: 'март 2024' },
      { v: 'МОЦ' },
      { v: 'Программа' },
    ]);
    for (let r = 10; r <= 13; r++) grid.rows[r]![0] = { v: `2.${r - 8}` };
    const [compared] = compareWithBaseline([check(grid)], baselineOf([v1], 'v1.json'));
    const m = marks(compared!);
    expect(m.unchanged).toEqual(
      expect.arrayContaining(['deadline-outside-period C11', 'missing-responsible D12']),
    );
    expect(m.new).toEqual(['cycle-step-missing', 'missing-responsible D14']);
  });

  it('reports a file the baseline does not have as new as a whole', () => {
    const [compared] = compareWithBaseline([check(municipalPlanV2(), 'Голышманово.xlsx')], {
      source: 'v1.json',
      files: [],
    });
    expect(compared!.comparison!.baselineFile).toBeNull();
    expect(compared!.sheets[0]!.issues.every((i) => i.state === 'new')).toBe(true);
    expect(compared!.comparison!.new).toBe(compared!.sheets[0]!.issues.length);
  });
});

describe('accepted remarks', () => {
  const v1 = check(municipalPlanV1());
  const accept = (code: string, cell: string, justification: string) => {
    const issue = v1.sheets[0]!.issues.find((i) => i.code === code && i.cell === cell)!;
    issue.accepted = { justification };
  };
  accept('undefined-abbreviation', 'D6', 'ТОИРО расшифровано в приказе об утверждении плана');
  accept('deadline-outside-period', 'C9', 'Семинар проведён в 2023 году, включён для отчёта');
  accept('missing-deadline', 'C7', 'Срок по графику ЦОКО');
  accept('missing-responsible', 'D10', '');
  const baseline = baselineOf([v1], 'замечания.xlsx');

  it('survive a re-check of the edited file, apart from the others and not as errors', () => {
    const [compared] = compareWithBaseline([check(municipalPlanV2())], baseline);
    const issues = compared!.sheets[0]!.issues;
    const accepted = issues.filter((i) => i.accepted);
    expect(accepted.map((i) => [i.code, i.cell, i.accepted!.justification])).toEqual([
      ['undefined-abbreviation', 'D8', 'ТОИРО расшифровано в приказе об утверждении плана'],
      ['deadline-outside-period', 'C10', 'Семинар проведён в 2023 году, включён для отчёта'],
      ['missing-responsible', 'D11', ''],
    ]);
    expect(compared!.comparison).toMatchObject({ accepted: 3, stale: 1, fixed: 2 });
  });

  it('accepts an error without a justification with a warning at its cell', () => {
    const [compared] = compareWithBaseline([check(municipalPlanV2())], baseline);
    const warning = compared!.sheets[0]!.issues.filter(
      (i) => i.code === 'accepted-without-justification',
    );
    expect(warning).toMatchObject([{ severity: 'warning', cell: 'D11' }]);
    // a notice about an acceptance is not a new remark on the plan («новых N» does not count it)
    expect(warning[0]!.state).toBeUndefined();
    expect(warning[0]!.message).toContain('Не указаны ответственные за мероприятие № 2.2');
  });

  it('reports an acceptance that matches nothing any more as stale', () => {
    const [compared] = compareWithBaseline([check(municipalPlanV2())], baseline);
    const stale = compared!.sheets[0]!.issues.filter((i) => i.code === 'acceptance-stale');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.message).toContain('(было в ячейке C7)');
    expect(stale[0]!.message).toContain('Срок по графику ЦОКО');
  });

  it('carry over through one more round (the new review accepts them again)', () => {
    const [round2] = compareWithBaseline([check(municipalPlanV2())], baseline);
    const [round3] = compareWithBaseline(
      [check(municipalPlanV2())],
      baselineOf([round2!], 'замечания-2.xlsx'),
    );
    expect(round3!.comparison).toMatchObject({
      accepted: 3,
      stale: 0,
      new: 0,
      fixed: 0,
    });
    expect(round3!.sheets[0]!.issues.some((i) => i.code === 'acceptance-stale')).toBe(false);
  });
});

describe('pairing files and sheets', () => {
  it('pairs by path, then by file name, then by plan title', () => {
    expect(
      pairFiles(
        [
          { file: 'планы/Ишим.xlsx', titles: [] },
          { file: 'new/Вагай.xlsx', titles: [] },
          { file: 'Абатское_v2.xlsx', titles: ['План Абатского района на 2024 год'] },
          { file: 'Сорокино.xlsx', titles: ['другой'] },
        ],
        [
          { file: 'планы/Ишим.xlsx', titles: [] },
          { file: 'old/вагай.XLSX', titles: [] },
          { file: 'Абатское.xlsx', titles: ['План  Абатского района на 2024 год.'] },
        ],
      ),
    ).toEqual([0, 1, 2, -1]);
  });

  it('pairs sheets by name, by title, or the only one left with the only one left', () => {
    expect(
      pairSheets(
        [
          { sheet: 'План', title: 'А' },
          { sheet: 'Новый', title: 'Б' },
        ],
        [
          { sheet: 'Старый', title: 'Б' },
          { sheet: 'план', title: 'А' },
        ],
      ),
    ).toEqual([1, 0]);
    expect(pairSheets([{ sheet: 'Лист1', title: '' }], [{ sheet: 'План', title: 'X' }])).toEqual([
      0,
    ]);
  });
});
