/**
 * English A1 formulas of the criteria workbook (commas, no formulasLocal).
 *
 * Speed at region scale: no formula scans a whole column per row. «Результаты» is sorted by
 * school, procedure and year, so "the same procedure last year" is the row above (checked by
 * comparing keys), and «Критерии» sums over the school's own block of rows, whose bounds the
 * engine knows. Only «Показатели» (a few rows per year) sums over whole tables.
 */
import { columnIndex, columnLetter } from '../grid';
import { quoteSheet } from '../sheetRef';
import { assignSheetNames } from '../workbook/sheetNames';
import type { IndicatorId } from './types';

export const SHEET = {
  settings: 'Настройки',
  results: 'Результаты',
  criteria: 'Критерии',
  indicators: 'Показатели',
} as const;

/** The names the criteria sheets actually get (a user's own «Результаты» sheet keeps its name). */
export type SheetNames = Record<keyof typeof SHEET, string>;

/**
 * Free names for the criteria sheets: a name the workbook already uses for a sheet of its own
 * (compared ignoring case) gets " (2)", " (3)"… so that formulas never point at a user's sheet.
 */
export function criteriaSheetNames(taken: readonly string[] = []): SheetNames {
  const names = assignSheetNames(
    (['settings', 'results', 'criteria', 'indicators'] as const).map((key) => ({
      key,
      wanted: SHEET[key],
    })),
    taken,
  );
  return {
    settings: names.get('settings')!,
    results: names.get('results')!,
    criteria: names.get('criteria')!,
    indicators: names.get('indicators')!,
  };
}

/** Workbook names of the settings cells the formulas read. */
export const NAME = {
  threshold: 'Порог',
  minParticipants: 'МинУчастников',
  smallSample: 'МалаяВыборка',
  stagnationYears: 'ЛетСтагнации',
  dynamicsDelta: 'ДельтаДинамики',
} as const;

/** Columns of «Результаты» (letters). Values A–P, formulas Q–AA. */
export const R = {
  schoolKey: 'A',
  code: 'B',
  name: 'C',
  municipality: 'D',
  procedure: 'E',
  subjectGroup: 'F',
  year: 'G',
  counted: 'H',
  participants: 'I',
  n2: 'J',
  n3: 'K',
  n4: 'L',
  n5: 'M',
  lowered: 'N',
  confirmed: 'O',
  raised: 'P',
  share: 'Q',
  low: 'R',
  small: 'S',
  prevAbove: 'T',
  repeated: 'U',
  successRate: 'V',
  quality: 'W',
  avgMark: 'X',
  confirmedShare: 'Y',
  pooledParticipants: 'Z',
  pooledFailed: 'AA',
} as const;

/** Formula columns of «Результаты», in column order from Q (each key is a column of R). */
export const RESULT_FORMULA_KEYS = [
  'share',
  'low',
  'small',
  'prevAbove',
  'repeated',
  'successRate',
  'quality',
  'avgMark',
  'confirmedShare',
  'pooledParticipants',
  'pooledFailed',
] as const;
export type ResultFormulaKey = (typeof RESULT_FORMULA_KEYS)[number];

/**
 * The formula row of «Результаты» as fill-down templates (see FormulaBlock.fillDown): `{r}` is the
 * row itself and `{r-1}` the row above, which holds the previous key in the sorted table.
 */
export function resultFormulaTemplates(): Record<ResultFormulaKey, string> {
  const r = '{r}';
  const up = '{r-1}';
  const c = (col: string, row = r) => `${col}${row}`;
  const marks = `${c(R.n3)}:${c(R.n5)}`;
  const journal = `${c(R.lowered)}:${c(R.raised)}`;
  const withMarks = `AND(${c(R.participants)}>0,COUNT(${marks})=3)`;
  const pooled = `AND(${c(R.counted)},ISNUMBER(${c(R.share)}),${c(R.subjectGroup)}<>"")`;
  return {
    share: `=IF(AND(${c(R.participants)}>0,${c(R.participants)}>=${NAME.minParticipants}),${c(R.n2)}/${c(R.participants)},"")`,
    low: `=IF(ISNUMBER(${c(R.share)}),${c(R.share)}>=${NAME.threshold},FALSE)`,
    small: `=IF(ISNUMBER(${c(R.share)}),${c(R.participants)}<${NAME.smallSample},FALSE)`,
    // Nested IFs, not AND: the header row above holds text, and "Год"+1 would be an error.
    prevAbove: `=IF(${c(R.schoolKey)}<>${c(R.schoolKey, up)},FALSE,IF(${c(R.procedure)}<>${c(R.procedure, up)},FALSE,${c(R.year)}=${c(R.year, up)}+1))`,
    repeated: `=IF(${c(R.prevAbove)},AND(${c(R.counted)},${c(R.low)},${c(R.low, up)}),FALSE)`,
    successRate: `=IF(${withMarks},(${c(R.n3)}+${c(R.n4)}+${c(R.n5)})/${c(R.participants)},"")`,
    quality: `=IF(${withMarks},(${c(R.n4)}+${c(R.n5)})/${c(R.participants)},"")`,
    avgMark: `=IF(${withMarks},(2*${c(R.n2)}+3*${c(R.n3)}+4*${c(R.n4)}+5*${c(R.n5)})/${c(R.participants)},"")`,
    confirmedShare: `=IF(COUNT(${journal})=0,"",IF(SUM(${journal})>0,${c(R.confirmed)}/SUM(${journal}),""))`,
    pooledParticipants: `=IF(${pooled},${c(R.participants)},0)`,
    pooledFailed: `=IF(${pooled},${c(R.n2)},0)`,
  };
}

/** Columns of «Критерии» before the per-subject columns. */
export const C = {
  schoolKey: 'A',
  code: 'B',
  name: 'C',
  municipality: 'D',
  year: 'E',
  rows: 'F',
  hasResults: 'G',
  lowCount: 'H',
  repeatedCount: 'I',
  triggerA: 'J',
  triggerB: 'K',
  shnor: 'L',
  prevAbove: 'M',
  consecutive: 'N',
  stagnation: 'O',
  previousShnor: 'P',
  leftList: 'Q',
} as const;
/** Index of the first per-subject column (R). */
export const FIRST_SUBJECT_COL = 17;

/** Columns for each counted subject: participants, failed, share (3 each), then one dynamics column each, then the verdict. */
export function subjectColumns(subjectCount: number): {
  participants: string[];
  failed: string[];
  share: string[];
  dynamics: string[];
  positive: string;
  last: number;
} {
  const at = (i: number) => columnLetter(FIRST_SUBJECT_COL + i);
  const participants: string[] = [];
  const failed: string[] = [];
  const share: string[] = [];
  const dynamics: string[] = [];
  for (let k = 0; k < subjectCount; k++) {
    participants.push(at(3 * k));
    failed.push(at(3 * k + 1));
    share.push(at(3 * k + 2));
    dynamics.push(at(3 * subjectCount + k));
  }
  const last = FIRST_SUBJECT_COL + 4 * subjectCount;
  return { participants, failed, share, dynamics, positive: columnLetter(last), last };
}

/** Text literal for a formula: inner quotes doubled. */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The school's block in «Результаты», rows first..last inclusive. */
export interface Block {
  first: number;
  last: number;
}

/** The formulas of one «Критерии» row, as [column, formula] in column order from G on. */
export function criteriaFormulas(
  r: number,
  block: Block,
  subjects: readonly string[],
  sheets: SheetNames,
): Array<[string, string]> {
  const res = quoteSheet(sheets.results);
  const col = (letter: string) => `${res}!$${letter}$${block.first}:$${letter}$${block.last}`;
  const inYear = `(${col(R.year)}=${C.year}${r})`;
  const up = r - 1;
  const out: Array<[string, string]> = [
    [C.hasResults, `=SUMPRODUCT(${inYear}*${col(R.counted)}*ISNUMBER(${col(R.share)}))>0`],
    [C.lowCount, `=SUMPRODUCT(${inYear}*${col(R.counted)}*${col(R.low)})`],
    [C.repeatedCount, `=SUMPRODUCT(${inYear}*${col(R.repeated)})`],
    [C.triggerA, `=${C.lowCount}${r}>=2`],
    [C.triggerB, `=${C.repeatedCount}${r}>=1`],
    [C.shnor, `=OR(${C.triggerA}${r},${C.triggerB}${r})`],
    [
      C.prevAbove,
      `=IF(${C.schoolKey}${r}<>${C.schoolKey}${up},FALSE,${C.year}${r}=${C.year}${up}+1)`,
    ],
    [C.consecutive, `=IF(${C.shnor}${r},IF(${C.prevAbove}${r},${C.consecutive}${up}+1,1),0)`],
    [C.stagnation, `=${C.consecutive}${r}>=${NAME.stagnationYears}`],
    [C.previousShnor, `=IF(${C.prevAbove}${r},${C.shnor}${up},FALSE)`],
    [C.leftList, `=AND(${C.previousShnor}${r},NOT(${C.shnor}${r}))`],
  ];
  const cols = subjectColumns(subjects.length);
  subjects.forEach((subject, k) => {
    const inSubject = `${inYear}*(${col(R.subjectGroup)}=${literal(subject)})`;
    const p = `${cols.participants[k]}${r}`;
    const f = `${cols.failed[k]}${r}`;
    const cur = `${cols.share[k]}${r}`;
    const prev = `${cols.share[k]}${up}`;
    out.push([cols.participants[k]!, `=SUMPRODUCT(${inSubject}*${col(R.pooledParticipants)})`]);
    out.push([cols.failed[k]!, `=SUMPRODUCT(${inSubject}*${col(R.pooledFailed)})`]);
    out.push([cols.share[k]!, `=IF(${p}>0,${f}/${p},"")`]);
    out.push([
      cols.dynamics[k]!,
      `=IF(AND(${C.prevAbove}${r},ISNUMBER(${cur}),ISNUMBER(${prev})),IF((${prev}-${cur})*100>${NAME.dynamicsDelta},1,IF((${cur}-${prev})*100>${NAME.dynamicsDelta},-1,0)),"")`,
    ]);
  });
  if (subjects.length > 0) {
    const dyn = `${cols.dynamics[0]}${r}:${cols.dynamics[subjects.length - 1]}${r}`;
    out.push([
      cols.positive,
      `=IF(COUNT(${dyn})=0,"",AND(COUNTIF(${dyn},1)>0,COUNTIF(${dyn},-1)=0))`,
    ]);
  }
  // In column order: the caller writes them as one contiguous block from column G.
  return out.sort((a, b) => columnIndex(a[0]) - columnIndex(b[0]));
}

/** Numerator and denominator formulas of one indicator over whole «Критерии»/«Результаты» tables. */
export function indicatorFormulas(
  id: IndicatorId,
  yearCell: string,
  criteriaRows: Block,
  resultRows: Block,
  positiveCol: string,
  sheets: SheetNames,
): [string, string] {
  const k = quoteSheet(sheets.criteria);
  const res = quoteSheet(sheets.results);
  const cc = (letter: string) =>
    `${k}!$${letter}$${criteriaRows.first}:$${letter}$${criteriaRows.last}`;
  const rc = (letter: string) =>
    `${res}!$${letter}$${resultRows.first}:$${letter}$${resultRows.last}`;
  const inYear = `(${cc(C.year)}=${yearCell})`;
  const count = (expr: string) => `=SUMPRODUCT(${inYear}*${expr})`;
  switch (id) {
    case 'shnor-share':
      return [count(cc(C.shnor)), count(cc(C.hasResults))];
    case 'low-any-share':
      return [count(`(${cc(C.lowCount)}>=1)`), count(cc(C.hasResults))];
    case 'left-list-share':
      return [count(cc(C.leftList)), count(cc(C.previousShnor))];
    case 'positive-dynamics-share':
      return [
        count(`${cc(C.previousShnor)}*(${cc(positiveCol)}=TRUE)`),
        count(cc(C.previousShnor)),
      ];
    case 'stagnation-share':
      return [count(cc(C.stagnation)), count(cc(C.shnor))];
    case 'confirmed-share': {
      const inResYear = `(${rc(R.year)}=${yearCell})`;
      return [
        `=SUMPRODUCT(${inResYear}*${rc(R.confirmed)})`,
        `=SUMPRODUCT(${inResYear}*(${rc(R.lowered)}+${rc(R.confirmed)}+${rc(R.raised)}))`,
      ];
    }
  }
}

/** Title of the "low in at least one procedure" indicator, naming the current threshold. */
export function lowAnyTitleFormula(): string {
  return `="Доля школ с долей «2» ≥ "&ROUND(${NAME.threshold}*100,1)&" % хотя бы в одной процедуре"`;
}
