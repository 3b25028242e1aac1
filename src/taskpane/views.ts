/** The pane's views: ids, tab titles and the ribbon's ?view= names for them. */

export type ViewId = 'check' | 'results' | 'report' | 'settings' | 'help';

export interface ViewInfo {
  id: ViewId;
  /** Short tab title (the four tabs fit one row at 320 px; the help opens from the header). */
  tab: string;
  /** The view's heading. */
  title: string;
}

export const VIEWS: ViewInfo[] = [
  { id: 'check', tab: 'План', title: 'Проверка плана' },
  { id: 'results', tab: 'Критерии', title: 'Результаты и критерии ШНОР' },
  { id: 'report', tab: 'Отчёт', title: 'Отчёт по школам' },
  { id: 'settings', tab: 'Настройки', title: 'Настройки' },
  { id: 'help', tab: 'Справка', title: 'Справка' },
];

/** The views that are tabs; the help is opened by the header's «Справка» button. */
export const TAB_VIEWS = VIEWS.filter((v) => v.id !== 'help');

export function viewTitle(id: ViewId): string {
  return VIEWS.find((v) => v.id === id)!.title;
}

/** ?view= values the manifest's buttons use. */
const FROM_URL: Record<string, ViewId> = {
  check: 'check',
  criteria: 'results',
  results: 'results',
  report: 'report',
  settings: 'settings',
  help: 'help',
};

export interface StartRequest {
  view: ViewId;
  /** The ribbon «Проверить план» asks for the active sheet to be checked at once (?run=check). */
  runCheck: boolean;
}

export function startFromUrl(search: string): StartRequest {
  const params = new URLSearchParams(search);
  const view = FROM_URL[params.get('view') ?? ''] ?? 'check';
  return { view, runCheck: view === 'check' && params.get('run') === 'check' };
}
