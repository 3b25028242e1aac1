/**
 * What the e2e page loads instead of office.js: the fake Excel over a workbook with a plan sheet
 * and a results sheet, with the pane's extras (select, copy, charts), and a handle the test reads
 * the fake workbook through (window.__fakeExcel).
 */
import { chartsOf } from '../fake-excel/chart';
import { installFakeOffice } from '../fake-excel/office';
import { installFakePaneApi, selectionOf } from '../taskpane/fakePane';
import { paneWorkbook } from '../taskpane/workbook';

export interface FakeExcelHandle {
  sheets(): string[];
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  charts(sheet: string): Array<{ type: string; title: string; source: string }>;
  text(sheet: string, address: string): string;
}

installFakePaneApi();
const { model } = paneWorkbook();
installFakeOffice(window as unknown as Record<string, unknown>, model);
// ?theme=dark plays an Office client in the dark theme.
if (new URLSearchParams(window.location.search).get('theme') === 'dark') {
  const office = (window as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.officeTheme = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' };
}

const handle: FakeExcelHandle = {
  sheets: () => model.sheets.map((s) => s.name),
  activeSheet: () => model.sheets.find((s) => s.id === model.activeSheetId)?.name ?? null,
  selection: () => selectionOf(model),
  charts: (sheet) =>
    chartsOf(model.sheet(sheet)).map((c) => ({ type: c.type, title: c.title, source: c.source })),
  text: (sheet, address) => model.sheet(sheet).text(address),
};
(window as unknown as { __fakeExcel: FakeExcelHandle }).__fakeExcel = handle;
