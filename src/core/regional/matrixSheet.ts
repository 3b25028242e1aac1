/**
 * The sheet «Сверка с региональным планом»: regional activities addressed to municipalities as
 * rows, municipalities as columns; each cell ✓, «позже срока» or «нет» with the matched number
 * and its score; the share covered per municipality at the bottom and per activity at the right,
 * as formulas a person can audit (their cached values are the engine's).
 */
import { columnLetter, type Scalar } from '../grid';
import { emptySheetPatch, type FormatBlock, type SheetPatch } from '../patch';
import { activityLabel, scoreText, type Counterpart, type RegionalActivity } from './match';

export const REGIONAL_MATRIX_SHEET = 'Сверка с региональным планом';
export const REGIONAL_MATRIX_KEY = 'check:regional';

/** The text of a cell that has no counterpart; the formulas count it. */
export const MISSING_MARK = 'нет';
export const OK_MARK = '✓';
export const LATE_MARK = 'позже срока';

export interface MatrixInput {
  /** The regional plan's file, as shown. */
  regionalFile: string;
  regional: readonly RegionalActivity[];
  municipalities: ReadonlyArray<{ name: string; counterparts: readonly Counterpart[] }>;
  threshold: number;
  order: number;
}

const FILL = { ok: 'C6EFCE', late: 'FFEB9C', missing: 'FFC7CE' } as const;
const HEADER_STYLE = {
  bold: true,
  fill: 'DDEBF7',
  wrap: true,
  vAlign: 'middle',
  hAlign: 'center',
  border: 'thin',
} as const;

/** What a matrix cell says. */
export function cellText(c: Counterpart): string {
  if (c.status === 'missing' || !c.closest) return MISSING_MARK;
  const what = `${activityLabel(c.closest)} (${scoreText(c.score)})`;
  if (c.status === 'late') return `${LATE_MARK}: ${what}`;
  return `${OK_MARK} ${what}${c.unverified ? ', срок не сравнить' : ''}`;
}

/** Share of the cells that have a counterpart (in time or late); null without cells. */
export function coveredShare(cells: readonly Counterpart[]): number | null {
  return cells.length ? cells.filter((c) => c.status !== 'missing').length / cells.length : null;
}

/** Share of the cells whose counterpart is in time. */
export function inTimeShare(cells: readonly Counterpart[]): number | null {
  return cells.length ? cells.filter((c) => c.status === 'ok').length / cells.length : null;
}

const FIRST_ROW = 4; // Excel row of the first activity: title, legend, header above

export function buildRegionalMatrix(input: MatrixInput): SheetPatch {
  const p = emptySheetPatch(REGIONAL_MATRIX_SHEET, REGIONAL_MATRIX_KEY, input.order);
  const towns = input.municipalities;
  const n = input.regional.length;
  const firstTown = 3; // column D
  const shareCol = firstTown + towns.length;
  const last = columnLetter(shareCol);
  const lastRow = FIRST_ROW + n - 1;

  p.values.push({
    at: 'A1',
    values: [
      [`Сверка муниципальных планов с региональным планом «${input.regionalFile}»`],
      [
        `${OK_MARK} — есть соответствующее мероприятие в срок; «${LATE_MARK}» — есть, но его срок позже регионального; «${MISSING_MARK}» — не найдено. ` +
          `В ячейке — номер мероприятия муниципального плана и сходство названий (от 0 до 1; соответствием считается сходство не ниже ${scoreText(input.threshold)}).`,
      ],
      ['№', 'Мероприятие регионального плана', 'Срок', ...towns.map((t) => t.name), 'Охват'],
    ],
  });
  p.merges.push(`A1:${last}1`, `A2:${last}2`);
  p.formats.push(
    { range: 'A1', style: { bold: true, fontSize: 12 } },
    { range: `A2:${last}2`, style: { wrap: true, vAlign: 'top', italic: true } },
    { range: `A3:${last}3`, style: HEADER_STYLE },
  );

  if (n === 0) {
    p.values.push({
      at: `A${FIRST_ROW}`,
      values: [['В региональном плане нет мероприятий, адресованных муниципалитетам.']],
    });
    p.merges.push(`A${FIRST_ROW}:${last}${FIRST_ROW}`);
  } else {
    const rows: Scalar[][] = input.regional.map((r, i) => [
      activityLabel(r),
      r.title,
      r.deadline.text,
      ...towns.map((t) => cellText(t.counterparts[i]!)),
    ]);
    p.values.push({ at: `A${FIRST_ROW}`, values: rows });
    p.formats.push(
      {
        range: `A${FIRST_ROW}:${last}${lastRow}`,
        style: { wrap: true, vAlign: 'top', border: 'thin' },
      },
      ...statusFills(input, firstTown),
    );
    if (towns.length) {
      const from = columnLetter(firstTown);
      const to = columnLetter(shareCol - 1);
      // per activity: the share of municipalities that plan it
      p.formulas.push({
        at: `${last}${FIRST_ROW}`,
        formulas: input.regional.map((_, i) => {
          const r = FIRST_ROW + i;
          return [
            `=1-COUNTIF(${from}${r}:${to}${r},"${MISSING_MARK}")/COLUMNS(${from}${r}:${to}${r})`,
          ];
        }),
        cached: input.regional.map((_, i) => [coveredShare(towns.map((t) => t.counterparts[i]!))]),
      });
      // per municipality: the share of activities it plans, and of those in time
      const range = (c: number) => `${columnLetter(c)}${FIRST_ROW}:${columnLetter(c)}${lastRow}`;
      p.formulas.push({
        at: `${from}${lastRow + 1}`,
        formulas: [
          towns.map((_, k) => {
            const cells = range(firstTown + k);
            return `=1-COUNTIF(${cells},"${MISSING_MARK}")/ROWS(${cells})`;
          }),
          towns.map((_, k) => {
            const cells = range(firstTown + k);
            return `=SUMPRODUCT(--(LEFT(${cells},1)="${OK_MARK}"))/ROWS(${cells})`;
          }),
        ],
        cached: [
          towns.map((t) => coveredShare(t.counterparts)),
          towns.map((t) => inTimeShare(t.counterparts)),
        ],
      });
    }
    p.values.push({
      at: `A${lastRow + 1}`,
      values: [
        [null, 'Доля мероприятий, которые есть в плане муниципалитета'],
        [null, 'Доля мероприятий, которые есть и в срок'],
      ],
    });
    p.formats.push(
      { range: `A${lastRow + 1}:${last}${lastRow + 2}`, style: { bold: true, border: 'thin' } },
      { range: `B${lastRow + 1}:B${lastRow + 2}`, style: { wrap: true, hAlign: 'right' } },
      { range: `${last}${FIRST_ROW}:${last}${lastRow}`, style: { numFmt: '0%', hAlign: 'center' } },
      {
        range: `${columnLetter(firstTown)}${lastRow + 1}:${last}${lastRow + 2}`,
        style: { numFmt: '0%', hAlign: 'center' },
      },
    );
  }
  p.columnWidths = [
    { col: 'A', width: 6 },
    { col: 'B', width: 44 },
    { col: 'C', width: 16 },
    ...towns.map((_, k) => ({ col: columnLetter(firstTown + k), width: 16 })),
    { col: last, width: 9 },
  ];
  p.freeze = { rows: 3, cols: 3 };
  p.print = { orientation: 'landscape', fitToWidth: true, titleRows: '3:3' };
  return p;
}

function statusFills(input: MatrixInput, firstTown: number): FormatBlock[] {
  const blocks: FormatBlock[] = [];
  input.municipalities.forEach((t, k) => {
    const col = columnLetter(firstTown + k);
    t.counterparts.forEach((c, i) => {
      const r = FIRST_ROW + i;
      blocks.push({ range: `${col}${r}`, style: { fill: FILL[c.status] } });
    });
  });
  return blocks;
}
