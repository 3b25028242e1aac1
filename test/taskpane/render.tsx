/**
 * Renders the whole pane over the fake Excel, as the add-in runs it: office.js globals from the
 * fake, the real excelHost, the real engine.
 */
import { webLightTheme } from '@fluentui/react-components';
import { configure, render } from '@testing-library/react';
import { App, type ViewId } from '../../src/taskpane/App';
import { createExcelHost } from '../../src/taskpane/excelHost';
import type { PaneHost } from '../../src/taskpane/host';
import type { FakeWorkbookModel } from '../fake-excel/model';
import { installFakeOffice } from '../fake-excel/office';
import { installFakePaneApi } from './fakePane';
import { paneWorkbook } from './workbook';

export const TODAY = '2025-01-15';

// The pane loads the workbook's settings and reads sheets through the fake's async syncs: on a
// busy machine that takes longer than findBy*'s default second. (No timing is asserted.)
configure({ asyncUtilTimeout: 15000 });

/** jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar needs one to exist. */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const win = globalThis as unknown as { ResizeObserver?: unknown };
win.ResizeObserver ??= NoLayoutResizeObserver;

export function renderPane(
  options: {
    view?: ViewId;
    apiVersion?: string;
    wrap?: (host: PaneHost) => PaneHost;
    before?: (model: FakeWorkbookModel) => void;
  } = {},
) {
  installFakePaneApi();
  const book = paneWorkbook(options.apiVersion);
  options.before?.(book.model);
  installFakeOffice(globalThis as unknown as Record<string, unknown>, book.model);
  const base = createExcelHost();
  const host = options.wrap ? options.wrap(base) : base;
  const utils = render(
    <App host={host} theme={webLightTheme} today={TODAY} initialView={options.view ?? 'check'} />,
  );
  return { ...utils, ...book };
}
