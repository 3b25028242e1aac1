/**
 * «Показатели плана»: one row per indicator of the plan with its target as written and as read,
 * the year, where the value comes from, the value and «Достигнуто» — all live formulas, so the
 * sheet answers the ministry's question (which targets were met) as the user types.
 *
 * A row whose indicator the results compute refers to the «Показатели» sheet; any other row has
 * yellow input cells (numerator and denominator for a share, «Факт» for a count). Values typed on
 * an earlier run are carried over (typed.ts); those whose row left the plan are kept at the end.
 */
import type { Grid, Scalar } from '../grid';
import { quoteSheet, type SheetPatch } from '../patch';
import { SheetBuilder } from '../report/sheetBuilder';
import { COLORS, HEADER_STYLE, TABLE_STYLE, TITLE_STYLE } from '../report/style';
import type { Settings } from '../settings';
import {
  ACHIEVED,
  CARRIED,
  COL,
  COLUMNS,
  INPUTS,
  LETTER,
  PLAN_INDICATORS_KEY,
  SOURCE_PREFIX,
  type CarriedColumn,
  type InputColumn,
} from './columns';
import type { ComputedCell } from './computed';
import {
  achievedFormula,
  achievedOf,
  sheetTarget,
  valueFormula,
  valueOf,
  type RowInputs,
  type RowKind,
  type SheetTarget,
} from './evaluate';
import type { PlanIndicator } from './extract';
import { resolveSource } from './resolve';
import { matchPrevious, readPrevious, rowKey, type PreviousRow, type Typed } from './typed';

export interface PlanIndicatorsInput {
  name: string;
  order: number;
  plan: { sheet: string; file?: string };
  indicators: PlanIndicator[];
  /** The region indicators the results compute («Показатели» sheet), [] when there are none. */
  computed: ComputedCell[];
  sources: Settings['planIndicatorSources'];
  /**
   * The sheet an earlier run generated, as the host read it (null: none): typed values are
   * carried over. Undefined: not read, so the sheet does not claim to carry the user's edits.
   */
  previous?: Grid | null;
}

/** One row as built: what the tests and the hosts' messages need. */
export interface BuiltRow {
  /** Excel row on the sheet. */
  row: number;
  indicator: PlanIndicator;
  year: number;
  kind: RowKind;
  computed: ComputedCell | null;
  target: SheetTarget | null;
  value: number | null;
  achieved: string;
}

export interface PlanIndicatorsSheet {
  sheet: SheetPatch;
  rows: BuiltRow[];
  /** Rows of the earlier sheet no longer in the plan, kept at the end with their typed values. */
  orphans: PreviousRow[];
}

const INPUT_FILL = 'FFF2CC';
const FIRST = 4;
const NOTE =
  'Жёлтые ячейки — для ввода: для доли — числитель и знаменатель (или сама доля в «Факт»), для количества — «Факт». ' +
  'Показатели, которые считаются по результатам, берутся с листа «Показатели» формулой. «Значение» и «Достигнуто» ' +
  'пересчитываются сами. Цель без «не менее» / «не более» («100 %», «5 семинаров») считается нижней границей. ' +
  'Введённые значения и «Примечание» сохраняются при повторном построении отчёта.';

function typedScalar(t: Typed | undefined): Scalar {
  if (!t) return null;
  return 'value' in t ? t.value : t.cached;
}

/** A carried cell written back as the user left it: their formula, or their value. */
function putTyped(b: SheetBuilder, r: number, col: CarriedColumn, t: Typed | undefined): void {
  if (t && 'formula' in t) b.formula(r, COL[col], t.formula, t.cached);
  else if (t) b.set(r, COL[col], t.value);
}

function typedWords(typed: PreviousRow['typed']): string {
  const names: Record<InputColumn, string> = {
    numerator: 'числитель',
    denominator: 'знаменатель',
    fact: 'факт',
  };
  return INPUTS.filter((k) => typed[k])
    .map((k) => `${names[k]} ${String(typedScalar(typed[k]))}`)
    .join(', ');
}

function kindOf(ind: PlanIndicator, computed: ComputedCell | null): RowKind {
  if (computed) return 'computed';
  if (ind.target) return ind.target.unit === 'percent' ? 'share' : 'count';
  return /^доля(?![а-яё])/i.test(ind.text) ? 'share' : 'count';
}

function percentFormat(x: number): string {
  return Math.abs(x * 100 - Math.round(x * 100)) > 1e-9 ? '0.0%' : '0%';
}

function summaryFormula(first: number, last: number, withoutTarget: number): string {
  const n = `${LETTER.achieved}${first}:${LETTER.achieved}${last}`;
  const count = (word: string) => `COUNTIF(${n},"${word}")`;
  const total = `(${count(ACHIEVED.yes)}+${count(ACHIEVED.no)}+${count(ACHIEVED.noData)})`;
  const noTarget =
    withoutTarget > 0 ? `&"; без целевого значения: "&${count(ACHIEVED.noTarget)}` : '';
  return (
    `="Достигнуто "&${count(ACHIEVED.yes)}&" из "&${total}&" показател"&` +
    `IF(AND(MOD(${total},10)=1,MOD(${total},100)<>11),"я","ей")&" ("&${count(ACHIEVED.noData)}&" без данных)"${noTarget}`
  );
}

function plural(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'показателя' : 'показателей';
}

export function buildPlanIndicatorsSheet(input: PlanIndicatorsInput): PlanIndicatorsSheet {
  const b = new SheetBuilder(input.name, PLAN_INDICATORS_KEY, input.order);
  const last = COLUMNS.length - 1;
  const title = `Показатели плана: лист «${input.plan.sheet}»${input.plan.file ? `, ${input.plan.file}` : ''}`;
  b.set(0, 0, title).format(0, 0, 0, 0, TITLE_STYLE);
  b.set(2, 0, NOTE).merge(2, 0, 2, last).format(2, 0, 2, last, {
    fontColor: COLORS.muted,
    wrap: true,
    vAlign: 'top',
  });
  b.setRow(
    FIRST - 1,
    0,
    COLUMNS.map(([, header]) => header),
  ).format(FIRST - 1, 0, FIRST - 1, last, HEADER_STYLE);

  const resolved = input.indicators
    .map((indicator) => ({ indicator, ...resolveSource(indicator, input.sources, input.computed) }))
    .filter((x) => !x.skip);
  const previous = readPrevious(input.previous);
  const { matched, left } = matchPrevious(
    previous,
    resolved.map((x) => x.indicator),
  );

  const rows: BuiltRow[] = [];
  resolved.forEach(({ indicator: ind, year, computed, note }, i) => {
    const r = FIRST + i;
    const n = r + 1;
    const kind = kindOf(ind, computed);
    const target = ind.target ? sheetTarget(ind.target) : null;
    const typed = matched.get(rowKey(ind.number, ind.text))?.typed ?? {};
    b.setRow(r, 0, [ind.number, ind.text, ind.targetText || null]);
    if (target) {
      b.setRow(r, COL.condition, [target.condition, target.value, target.valueTo ?? null]);
      b.set(r, COL.unit, target.unitLabel);
      const fmt = target.unit === 'percent' ? percentFormat(target.value) : '0';
      b.format(r, COL.target, r, COL.targetTo, { numFmt: fmt });
    }
    b.set(r, COL.year, year);

    const inputs: RowInputs = { numerator: null, denominator: null, fact: null };
    let source: string;
    if (computed) {
      const ref = `${quoteSheet(computed.sheet)}!`;
      b.formula(r, COL.numerator, `=${ref}C${computed.row}`, computed.numerator);
      b.formula(r, COL.denominator, `=${ref}D${computed.row}`, computed.denominator);
      inputs.numerator = computed.numerator;
      inputs.denominator = computed.denominator;
      const earlier = typedWords(typed);
      source = `${SOURCE_PREFIX.computed}: ${note} — лист «${computed.sheet}», строка ${computed.row}${earlier ? `; раньше введено: ${earlier}` : ''}`;
    } else {
      const editable: InputColumn[] = kind === 'share' ? [...INPUTS] : ['fact'];
      for (const col of INPUTS) {
        const t = typed[col];
        if (!editable.includes(col) && !t) continue;
        putTyped(b, r, col, t);
        inputs[col] = typedScalar(t);
        b.format(r, COL[col], r, COL[col], { fill: INPUT_FILL });
      }
      source = `${SOURCE_PREFIX.input}: ${kind === 'share' ? 'числитель и знаменатель' : 'факт'}${note}`;
    }
    b.set(r, COL.source, source);
    putTyped(b, r, 'note', typed.note);
    const value = valueOf(kind, inputs);
    b.formula(r, COL.value, valueFormula(kind, n), value);
    const achieved = achievedOf(target, value);
    const af = achievedFormula(target, n);
    if (af) b.formula(r, COL.achieved, af, achieved);
    else b.set(r, COL.achieved, achieved);
    const valueFmt = kind === 'count' ? '0' : '0.0%';
    b.format(r, COL.value, r, COL.value, { numFmt: valueFmt });
    if (kind === 'share') b.format(r, COL.fact, r, COL.fact, { numFmt: '0.0%' });
    rows.push({ row: n, indicator: ind, year, kind, computed, target, value, achieved });
  });

  const lastRow = FIRST + Math.max(rows.length, 1) - 1;
  if (rows.length) {
    b.format(FIRST, 0, lastRow, last, TABLE_STYLE);
    b.format(FIRST, COL.achieved, lastRow, COL.achieved, { hAlign: 'center', bold: true });
    const range = `${LETTER.achieved}${FIRST + 1}:${LETTER.achieved}${lastRow + 1}`;
    const colours: Array<[string, string, string]> = [
      [ACHIEVED.yes, 'C6EFCE', '006100'],
      [ACHIEVED.no, 'FFC7CE', '9C0006'],
      [ACHIEVED.noData, 'EDEDED', '595959'],
    ];
    for (const [word, fill, fontColor] of colours)
      b.conditional({ range, operator: 'equal', value: `"${word}"`, style: { fill, fontColor } });
    const withoutTarget = rows.filter((x) => !x.target).length;
    const met = rows.filter((x) => x.achieved === ACHIEVED.yes).length;
    const counted = rows.length - withoutTarget;
    const noData = rows.filter((x) => x.achieved === ACHIEVED.noData).length;
    const text =
      `Достигнуто ${met} из ${counted} ${plural(counted)} (${noData} без данных)` +
      (withoutTarget ? `; без целевого значения: ${withoutTarget}` : '');
    b.formula(1, 0, summaryFormula(FIRST + 1, lastRow + 1, withoutTarget), text);
  } else {
    b.set(
      1,
      0,
      'В плане не найдено показателей: нет столбца «Показатель», строк «Доля …» и целевых значений.',
    );
  }
  b.format(1, 0, 1, 0, { bold: true });

  if (left.length) writeOrphans(b, lastRow + 2, left);
  b.freeze(FIRST, 2);
  b.widths(COLUMNS.map(([, , width]) => width));
  b.print({ orientation: 'landscape', fitToWidth: true, titleRows: `${FIRST}:${FIRST}` });
  b.tab(COLORS.tab);
  const sheet = b.build();
  if (input.previous !== undefined) sheet.carriesEdits = true;
  return { sheet, rows, orphans: left };
}

/** Values typed for rows that left the plan: kept, with their number and text, to move by hand. */
function writeOrphans(b: SheetBuilder, at: number, left: PreviousRow[]): void {
  const last = COLUMNS.length - 1;
  b.set(
    at,
    0,
    'Введено раньше для строк, которых больше нет в плане (значения сохранены — перенесите их вручную):',
  );
  b.merge(at, 0, at, last).format(at, 0, at, last, { bold: true, wrap: true });
  left.forEach((p, i) => {
    const r = at + 1 + i;
    b.setRow(r, 0, [p.number, p.text]);
    b.set(r, COL.source, SOURCE_PREFIX.orphan);
    for (const col of CARRIED) putTyped(b, r, col, p.typed[col]);
  });
  b.format(at + 1, 0, at + left.length, last, TABLE_STYLE);
}
