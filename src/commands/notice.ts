/**
 * The small dialog a ribbon command opens to say what went wrong (function commands have no UI of
 * their own). Title and text come from the query string; «Закрыть» tells the command to close it.
 */
import { NOTICE_CLOSE } from './noticeProtocol';

export function showNotice(doc: Document, search: string, send: (message: string) => void): void {
  const params = new URLSearchParams(search);
  doc.getElementById('title')!.textContent = params.get('title') ?? '';
  doc.getElementById('text')!.textContent = params.get('text') ?? '';
  doc.getElementById('close')!.addEventListener('click', () => send(NOTICE_CLOSE));
}

if (typeof Office !== 'undefined')
  void Office.onReady(() =>
    showNotice(document, window.location.search, (m) => Office.context.ui.messageParent(m)),
  );
