/**
 * Entry point of the task pane: waits for Office, refuses politely on a client that cannot run the
 * add-in (in Russian, no blank pane), and otherwise renders the pane on the view the ribbon button
 * asked for (?view=check|criteria|report|settings|help; ?run=check checks the active sheet at once).
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webLightTheme,
} from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { checkSupport } from '../excel/support';
import { App } from './App';
import { createExcelHost } from './excelHost';
import { officeTheme } from './theme';
import { startFromUrl } from './views';

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
  const start = startFromUrl(window.location.search);
  root.render(
    <App
      host={createExcelHost()}
      theme={officeTheme()}
      today={today()}
      initialView={start.view}
      runCheck={start.runCheck}
    />,
  );
});
