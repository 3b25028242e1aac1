/**
 * Puts a fake `Excel` and `Office` on a global object (window in a browser page, globalThis in
 * jest), backed by one FakeWorkbookModel, so code written for office.js runs unchanged.
 * Dialogs opened with Office.context.ui.displayDialogAsync are recorded and can be answered.
 */
import { FakeExcelContext, type FakeContextOptions } from './context';
import type { FakeWorkbookModel } from './model';

export interface FakeDialog {
  url: string;
  closed: boolean;
  /** Delivers a message from the dialog page to its opener, as messageParent would. */
  send(message: string): void;
}

export interface FakeOffice {
  /** Every context Excel.run created, in order (their syncs are the requests sent). */
  contexts: FakeExcelContext[];
  dialogs: FakeDialog[];
  /** Functions registered with Office.actions.associate. */
  actions: Map<string, (event: unknown) => unknown>;
}

const EVENT = {
  DialogMessageReceived: 'dialogMessageReceived',
  DialogEventReceived: 'dialogEventReceived',
};

export function installFakeOffice(
  target: Record<string, unknown>,
  model: FakeWorkbookModel,
  options: FakeContextOptions = {},
): FakeOffice {
  const fake: FakeOffice = { contexts: [], dialogs: [], actions: new Map() };
  target.Excel = {
    run: async <T>(job: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
      const context = new FakeExcelContext(model, options);
      fake.contexts.push(context);
      return job(context);
    },
  };
  target.Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: EVENT,
    context: {
      requirements: model.requirements(),
      displayLanguage: 'ru-RU',
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (result: unknown) => void,
        ) => {
          const handlers = new Map<string, (arg: unknown) => void>();
          const dialog: FakeDialog = {
            url,
            closed: false,
            send: (message) =>
              handlers.get(EVENT.DialogMessageReceived)?.({ message, origin: undefined }),
          };
          fake.dialogs.push(dialog);
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: (arg: unknown) => void) =>
                handlers.set(type, handler),
              close: () => {
                dialog.closed = true;
              },
            },
          });
        },
        messageParent: () => undefined,
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name: string, action: (event: unknown) => unknown) =>
        fake.actions.set(name, action),
    },
  };
  return fake;
}
