/**
 * Puts a fake `Excel` and `Office` on a global object (window in a browser page, globalThis in
 * jest), backed by one FakeWorkbookModel, so code written for office.js runs unchanged.
 * Dialogs opened with Office.context.ui.displayDialogAsync are recorded and can be answered.
 */
import { FakeExcelContext, type FakeContextOptions } from './context';
import type { FakeWorkbookModel } from './model';
import { FakeUndoStack } from './undo';

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
  /** Excel's undo stack (kept only when the model's client has ExcelApi 1.20). */
  undo: FakeUndoStack;
}

type Job<T> = (context: FakeExcelContext) => Promise<T>;

const EVENT = {
  DialogMessageReceived: 'dialogMessageReceived',
  DialogEventReceived: 'dialogEventReceived',
};

export function installFakeOffice(
  target: Record<string, unknown>,
  model: FakeWorkbookModel,
  options: FakeContextOptions = {},
): FakeOffice {
  const fake: FakeOffice = {
    contexts: [],
    dialogs: [],
    actions: new Map(),
    undo: new FakeUndoStack(model),
  };
  target.Excel = {
    // Excel.run(batch) or Excel.run({ mergeUndoGroup }, batch); `options` is read live, so a test
    // can arm a fault between runs.
    run: async <T>(first: Job<T> | { mergeUndoGroup?: boolean }, second?: Job<T>): Promise<T> => {
      const [runOptions, job] = typeof first === 'function' ? [{}, first] : [first, second!];
      const context = new FakeExcelContext(model, options);
      fake.contexts.push(context);
      const done = fake.undo.track(context, runOptions.mergeUndoGroup === true);
      const result = await job(context);
      done();
      return result;
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
