/**
 * The standard plan sheet the ribbon button «Вставить шаблон» inserts (docs/domain.md §2.1):
 * № | Мероприятие | Срок | Ответственные | Ожидаемый результат | Показатель | Целевое значение |
 * Отметка о выполнении, with sections that follow the management cycle the checker looks for.
 * Pure data: insertTemplate writes it through the same planner as every other patch.
 */
import type { Scalar } from '../core/grid';
import { emptySheetPatch, type SheetPatch } from '../core/patch';
import { ROADMAP_HEADER } from '../core/report/roadmap';

export const TEMPLATE_SHEET_NAME = 'План мероприятий';

/** The standard plan structure: the same columns as a school's roadmap skeleton. */
export const TEMPLATE_COLUMNS = ROADMAP_HEADER;

const WIDTHS = [7, 50, 18, 28, 32, 26, 14, 20];

/** Sections along the management cycle: goals and indicators, monitoring, support, decisions. */
export const TEMPLATE_SECTIONS = [
  'Цели и показатели',
  'Мониторинг и анализ результатов',
  'Адресные рекомендации и меры поддержки школ',
  'Управленческие решения и анализ эффективности принятых мер',
] as const;

const ROWS_PER_SECTION = 3;
const ROMAN = ['I', 'II', 'III', 'IV'];
const HEADER_ROW = 3;
const LAST_COLUMN = 'H';

export function planTemplate(): SheetPatch {
  const sheet = emptySheetPatch(TEMPLATE_SHEET_NAME, 'template:plan', 0);
  const body: Scalar[][] = [];
  const sectionRows: number[] = [];
  TEMPLATE_SECTIONS.forEach((title, s) => {
    sectionRows.push(HEADER_ROW + 1 + body.length);
    body.push([ROMAN[s]!, title, null, null, null, null, null, null]);
    for (let i = 1; i <= ROWS_PER_SECTION; i++)
      body.push([`${s + 1}.${i}`, null, null, null, null, null, null, null]);
  });
  const last = HEADER_ROW + body.length;
  sheet.values.push(
    {
      at: 'A1',
      values: [
        [
          'План мероприятий («дорожная карта») по поддержке школ с низкими образовательными результатами на ____ год',
        ],
      ],
    },
    {
      at: 'A2',
      values: [
        [
          'Одна строка — одно мероприятие. Срок: дата (30.09.2024), месяц (март 2024), квартал (I квартал 2024) или «в течение года». ' +
            'Сокращения расшифруйте один раз: «Полное название (далее — СОКР)». У показателя укажите целевое значение (например, «не менее 50%»).',
        ],
      ],
    },
    { at: 'A3', values: [[...TEMPLATE_COLUMNS]] },
    { at: `A${HEADER_ROW + 1}`, values: body },
  );
  sheet.merges.push(`A1:${LAST_COLUMN}1`, `A2:${LAST_COLUMN}2`);
  sheet.formats.push(
    {
      range: `A1:${LAST_COLUMN}1`,
      style: { bold: true, fontSize: 14, hAlign: 'center', wrap: true },
    },
    {
      range: `A2:${LAST_COLUMN}2`,
      style: { italic: true, fontColor: '595959', wrap: true, vAlign: 'top' },
    },
    {
      range: `A3:${LAST_COLUMN}3`,
      style: {
        bold: true,
        fill: 'D9E2F3',
        hAlign: 'center',
        vAlign: 'middle',
        wrap: true,
        border: 'thin',
      },
    },
    // Numbers and deadlines stay text: Excel would turn "1.1" into a number and "март 2024" into a date.
    { range: `A${HEADER_ROW + 1}:A${last}`, style: { numFmt: '@', hAlign: 'center' } },
    { range: `C${HEADER_ROW + 1}:C${last}`, style: { numFmt: '@' } },
    {
      range: `A${HEADER_ROW + 1}:${LAST_COLUMN}${last}`,
      style: { border: 'thin', wrap: true, vAlign: 'top' },
    },
    ...sectionRows.map((r) => ({
      range: `A${r}:${LAST_COLUMN}${r}`,
      style: { bold: true, fill: 'F2F2F2' },
    })),
  );
  sheet.columnWidths = WIDTHS.map((width, i) => ({ col: String.fromCharCode(65 + i), width }));
  sheet.freeze = { rows: HEADER_ROW, cols: 0 };
  sheet.print = {
    orientation: 'landscape',
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  };
  return sheet;
}
