/**
 * Task pane entry: waits for office.js, checks the client's Excel API level, then renders the pane
 * on the view the ribbon button asked for (?view=check|criteria|report|settings).
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webLightTheme,
} from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { checkSupport } from '../excel/support';
import { App, type ViewId } from './App';
import { createExcelHost } from './excelHost';
import { officeTheme } from './theme';

const FROM_RIBBON: Record<string, ViewId> = {
  check: 'check',
  criteria: 'results',
  results: 'results',
  report: 'report',
  settings: 'settings',
};

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

void Office.onReady(() => {
  const root = createRoot(document.getElementById('root')!);
  const support = checkSupport(Office.context.requirements);
  if (!support.ok) {
    root.render(
      <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
        <MessageBar intent="error">
          <MessageBarBody>{support.messages.join(' ')}</MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return;
  }
  const view =
    FROM_RIBBON[new URLSearchParams(window.location.search).get('view') ?? ''] ?? 'check';
  root.render(
    <App host={createExcelHost()} theme={officeTheme()} today={today()} initialView={view} />,
  );
});
