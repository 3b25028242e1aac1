/**
 * @jest-environment jsdom
 */
import { showNotice } from '../../src/commands/notice';
import { FakeWorkbookModel } from '../fake-excel/model';
import { installFakeOffice, type FakeOffice } from '../fake-excel/office';

/** Loads the commands module afresh against a fake Office on the global object. */
function load(model: FakeWorkbookModel): FakeOffice {
  const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, model);
  jest.isolateModules(() => {
    jest.requireActual('../../src/commands/commands');
  });
  return fake;
}

async function invoke(fake: FakeOffice): Promise<jest.Mock> {
  const completed = jest.fn();
  await fake.actions.get('insertTemplate')!({ completed });
  return completed;
}

describe('ribbon function commands', () => {
  it('registers «Вставить шаблон», which inserts the plan template and completes the event', async () => {
    const model = new FakeWorkbookModel();
    model.addSheet('Лист1');
    const fake = load(model);
    expect([...fake.actions.keys()]).toEqual(['insertTemplate']);
    const completed = await invoke(fake);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(model.sheets.map((s) => s.name)).toEqual(['Лист1', 'План мероприятий']);
    expect(fake.dialogs).toEqual([]);
  });

  it('explains a failure in a Russian dialog and completes the event once it is closed', async () => {
    const model = new FakeWorkbookModel('1.5');
    model.addSheet('Лист1');
    const fake = load(model);
    const completed = await invoke(fake);
    expect(completed).not.toHaveBeenCalled();
    expect(fake.dialogs).toHaveLength(1);
    const url = new URL(fake.dialogs[0]!.url);
    expect(url.pathname.endsWith('/notice.html')).toBe(true);
    expect(url.searchParams.get('title')).toBe('Шаблон плана не вставлен');
    expect(url.searchParams.get('text')).toMatch(/ExcelApi 1\.7.*WebView2/);
    fake.dialogs[0]!.send('close');
    expect(fake.dialogs[0]!.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(model.sheets).toHaveLength(1);
  });
});

describe('notice dialog page', () => {
  it('shows the title and text it is given and answers «Закрыть» with the close message', () => {
    document.body.innerHTML = '<h1 id="title"></h1><p id="text"></p><button id="close"></button>';
    const sent: string[] = [];
    showNotice(
      document,
      '?title=Ошибка&text=%3Cb%3E%D0%BD%D0%B5%20%D1%80%D0%B0%D0%B7%D0%BC%D0%B5%D1%82%D0%BA%D0%B0%3C%2Fb%3E',
      (m) => sent.push(m),
    );
    expect(document.getElementById('title')!.textContent).toBe('Ошибка');
    expect(document.getElementById('text')!.innerHTML).toBe('&lt;b&gt;не разметка&lt;/b&gt;');
    document.getElementById('close')!.click();
    expect(sent).toEqual(['close']);
  });
});
