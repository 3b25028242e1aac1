/**
 * What the e2e page loads instead of office.js: the fake Excel over a workbook with a plan sheet
 * and a results sheet, with the pane's extras (select, copy, charts), and a handle the test reads
 * and steers the fake workbook through (window.__fakeExcel): faults, the user's own actions
 * (adding, deleting, renaming sheets), Ctrl+Z.
 *
 * The page address chooses the client: ?api=1.20 (Excel's undo for add-ins), ?api=1.9 (an older
 * Excel); ?theme=dark plays Office in the dark theme.
 */
import type { CellValue } from '../../src/core/grid';
import { chartsOf } from '../fake-excel/chart';
import type { FakeContextOptions } from '../fake-excel/context';
import { FakeFaults } from '../fake-excel/faults';
import { installFakeOffice } from '../fake-excel/office';
import { installFakePaneApi, selectionOf } from '../taskpane/fakePane';
import { paneWorkbook } from '../taskpane/workbook';

export interface FakeExcelHandle {
  sheets(): string[];
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  charts(sheet: string): Array<{ type: string; title: string; source: string }>;
  text(sheet: string, address: string): string;
  numberFormat(sheet: string, address: string): string;
  settings(): string[];
  faults: FakeFaults;
  /** Ctrl+Z in Excel: false when there is nothing to undo. */
  undo(): boolean;
  undoDepth(): number;
  addSheet(name: string, rows: CellValue[][]): void;
  activate(name: string): void;
  deleteSheet(name: string): void;
  renameSheet(name: string, to: string): void;
  /** A results sheet of `schools` schools, every ninth with the name of the one before it. */
  addResults(name: string, schools: number): void;
}

const params = new URLSearchParams(window.location.search);
installFakePaneApi();
const { model } = paneWorkbook(params.get('api') ?? '1.17');
const options: FakeContextOptions = {};
const office = installFakeOffice(window as unknown as Record<string, unknown>, model, options);
const faults = new FakeFaults(model, options);
// ?theme=dark plays an Office client in the dark theme.
if (params.get('theme') === 'dark') {
  const o = (window as unknown as { Office: { context: Record<string, unknown> } }).Office;
  o.context.officeTheme = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' };
}

function results(schools: number): CellValue[][] {
  const rows: CellValue[][] = [
    [
      'Муниципалитет',
      'Код ОО',
      'ОО',
      'Год',
      'Процедура',
      'Класс',
      'Предмет',
      'Кол-во участников',
      'Кол-во «2»',
    ],
  ];
  for (let i = 0; i < schools; i++) {
    const number = i % 9 === 8 ? i - 1 : i;
    const municipality = `Район ${Math.floor(i / 250) + 1}`;
    for (const year of [2023, 2024])
      for (const subject of ['Математика', 'Русский язык'])
        rows.push([
          municipality,
          `sch${String(700000 + i)}`,
          `МБОУ «СОШ № ${number + 1}»`,
          year,
          'ВПР',
          5,
          subject,
          20,
          (i * 7 + year + subject.length) % 9,
        ]);
  }
  return rows;
}

const handle: FakeExcelHandle = {
  sheets: () => model.sheets.map((s) => s.name),
  activeSheet: () => model.sheets.find((s) => s.id === model.activeSheetId)?.name ?? null,
  selection: () => selectionOf(model),
  charts: (sheet) =>
    chartsOf(model.sheet(sheet)).map((c) => ({ type: c.type, title: c.title, source: c.source })),
  text: (sheet, address) => model.sheet(sheet).text(address),
  numberFormat: (sheet, address) => model.sheet(sheet).at(address)?.numberFormat ?? 'General',
  settings: () => [...model.settings.keys()],
  faults,
  undo: () => office.undo.undo(),
  undoDepth: () => office.undo.depth,
  addSheet: (name, rows) => model.fill(model.addSheet(name), rows),
  activate: (name) => {
    model.activeSheetId = model.sheet(name).id;
  },
  deleteSheet: (name) => model.deleteSheet(model.sheet(name)),
  renameSheet: (name, to) => {
    const sheet = model.sheet(name);
    model.validateName(to, sheet);
    sheet.name = to;
  },
  addResults: (name, schools) => model.fill(model.addSheet(name), results(schools)),
};
(window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel = handle;
