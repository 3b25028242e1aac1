/**
 * Ribbon function commands. «Вставить шаблон» is short work, so it runs here; everything long
 * opens the task pane instead (ShowTaskpane buttons in manifest.xml), because Office stops a
 * function command after five minutes. A failure is shown in a small dialog, in Russian.
 */
import { insertTemplate } from '../excel/insertTemplate';
import { runExcel } from '../excel/run';
import { NOTICE_CLOSE } from './noticeProtocol';

export function describeError(error: unknown): string {
  if (error instanceof Error && /^(ExcelSupportError|SheetTooLargeError)$/.test(error.name))
    return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Excel сообщил об ошибке: ${message}. Попробуйте ещё раз; если ошибка повторится, сохраните книгу и перезапустите Excel.`;
}

/** Opens notice.html next to this page with the message; calls done when it is closed. */
export function showNotice(title: string, text: string, done: () => void): void {
  const url = new URL('notice.html', window.location.href);
  url.searchParams.set('title', title);
  url.searchParams.set('text', text);
  Office.context.ui.displayDialogAsync(
    url.href,
    { height: 35, width: 40, displayInIframe: true },
    (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        done();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if ('message' in arg && arg.message === NOTICE_CLOSE) dialog.close();
        done();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
    },
  );
}

export async function insertTemplateCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runExcel((context, api) => insertTemplate(context, api));
    event.completed();
  } catch (error) {
    let completed = false;
    showNotice('Шаблон плана не вставлен', describeError(error), () => {
      if (completed) return;
      completed = true;
      event.completed();
    });
  }
}

export function registerCommands(): void {
  Office.actions.associate('insertTemplate', insertTemplateCommand);
}

if (typeof Office !== 'undefined') void Office.onReady(registerCommands);
