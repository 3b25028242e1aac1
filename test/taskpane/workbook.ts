/**
 * A small workbook for the pane's tests (jest and the e2e page): a plan sheet with defects the
 * checker finds and the pane can fix, and a long results table in which some schools are ШНОР.
 * Built in code; nothing is read from disk.
 */
import type { CellValue } from '../../src/core/grid';
import { FakeWorkbookModel, type FakeSheet } from '../fake-excel/model';

export const PLAN_SHEET = 'План 2025';
export const RESULTS_SHEET = 'Результаты';

export const PLAN_VALUES: CellValue[][] = [
  [
    'План мероприятий («дорожная карта») по поддержке школ с низкими образовательными результатами на 2025 год',
  ],
  [],
  ['№', 'Мероприятие', 'Срок', 'Ответственные'],
  ['I', 'Организационно-управленческое направление'],
  [
    '1.',
    'Анализ результатов ВПР в школах с низкими результатами',
    'март 2025',
    'Центр оценки качества образования',
  ],
  [null, null, null, '(далее — ЦОКО)'],
  ['2', 'Семинар для руководителей школ по итогам анализа', 'апрель 2025', 'МОУО'],
  ['3.', 'Адресные рекомендации школам', null, 'ЦНППМ'],
  ['4.', 'Мониторинг показателей школ', '2025', 'ЦОКО'],
];

const HEADER = [
  'Муниципалитет',
  'Код ОО',
  'ОО',
  'Год',
  'Процедура',
  'Класс',
  'Предмет',
  'Кол-во участников',
  'Кол-во «2»',
];

/** [municipality, code, name, failed share per (year, procedure)] — counts out of 20 participants. */
const SCHOOLS: Array<[string, string, string, number[]]> = [
  // failed counts for: 2023 ВПР5 мат, 2023 ВПР5 рус, 2024 ВПР5 мат, 2024 ВПР5 рус
  ['Город', 'sch000001', 'МБОУ «СОШ № 1»', [8, 2, 7, 7]], // 2024: two low procedures (A), maths low twice (B)
  ['Город', 'sch000002', 'МБОУ «СОШ № 2»', [1, 1, 2, 1]],
  ['Район', 'sch000003', 'МКОУ «Сельская ООШ»', [9, 1, 3, 1]], // ШНОР nowhere: one low procedure in 2023 only
  ['Район', 'sch000004', 'МКОУ «Лесная СОШ»', [7, 7, 1, 2]], // 2023 ШНОР (A), left the list in 2024
];

export function resultValues(): CellValue[][] {
  const rows: CellValue[][] = [HEADER];
  for (const [municipality, code, name, failed] of SCHOOLS) {
    let i = 0;
    for (const year of [2023, 2024])
      for (const subject of ['Математика', 'Русский язык'])
        rows.push([municipality, code, name, year, 'ВПР', 5, subject, 20, failed[i++]!]);
  }
  return rows;
}

export function paneWorkbook(apiVersion = '1.17'): {
  model: FakeWorkbookModel;
  plan: FakeSheet;
  results: FakeSheet;
} {
  const model = new FakeWorkbookModel(apiVersion);
  const plan = model.addSheet(PLAN_SHEET);
  model.fill(plan, PLAN_VALUES);
  const results = model.addSheet(RESULTS_SHEET);
  model.fill(results, resultValues());
  model.activeSheetId = plan.id;
  return { model, plan, results };
}
