/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PaneHost } from '../../src/taskpane/host';
import { SETTINGS_KEY } from '../../src/taskpane/excelHost';
import { chartsOf } from '../fake-excel/chart';
import type { FakeWorkbookModel } from '../fake-excel/model';
import { renderPane } from './render';

/** The pane stores its settings as JSON text, like the adapter's own settings. */
function storedSettings(model: FakeWorkbookModel): unknown {
  const text = model.setting(SETTINGS_KEY);
  return typeof text === 'string' ? (JSON.parse(text) as unknown) : text;
}

describe('«Результаты и критерии»', () => {
  it('shows which table was recognised and how', async () => {
    renderPane({ view: 'results' });
    fireEvent.click(await screen.findByRole('button', { name: 'Найти таблицы результатов' }));
    expect(await screen.findByText('Лист «Результаты», шапка в строке 1')).toBeTruthy();
    expect(screen.getByText('Прочитано строк: 16; не взято: 0')).toBeTruthy();
    expect(screen.getByText('предмет ← столбец G «Предмет»')).toBeTruthy();
  });

  it('computes the criteria with the settings of the form and writes the criteria sheets', async () => {
    const { model } = renderPane({ view: 'results' });
    const sheetsBefore = model.sheets.length;
    fireEvent.change(await screen.findByRole('textbox', { name: /Порог доли «2», %/ }), {
      target: { value: '35' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать критерии ШНОР' }));
    await screen.findByText('Критерии рассчитаны', {}, { timeout: 20000 });
    // The user's own «Результаты» keeps its name; the generated one gets a free variant.
    expect(screen.getByText(/^Листы: .*«Результаты \(2\)»/)).toBeTruthy();
    expect(model.sheets.length).toBeGreaterThan(sheetsBefore);
    expect((storedSettings(model) as { threshold: number }).threshold).toBeCloseTo(0.35);
    const indicators = screen.getByRole('table', { name: 'Показатели региона' });
    expect(within(indicators).getAllByRole('row').length).toBeGreaterThan(1);
  });

  it('refuses settings the schema refuses, before writing anything', async () => {
    const { model } = renderPane({ view: 'results' });
    const sheetsBefore = model.sheets.length;
    fireEvent.change(await screen.findByRole('textbox', { name: /Минимум участников/ }), {
      target: { value: '0' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать критерии ШНОР' }));
    expect(
      await screen.findByText('Параметры правила заполнены с ошибками: исправьте отмеченные поля.'),
    ).toBeTruthy();
    expect(screen.getByText(/Ожидается целое число не меньше 1, получено «0»/)).toBeTruthy();
    expect(model.sheets.length).toBe(sheetsBefore);
  });
});

describe('«Отчёт по школам»', () => {
  it('says what it will create, writes the tabs, adds the chart and links to the index', async () => {
    const { model } = renderPane({ view: 'report' });
    fireEvent.click(await screen.findByRole('button', { name: 'Подготовить отчёт' }));
    const created = await screen.findByRole('list', { name: 'Будут созданы' }, { timeout: 20000 });
    expect(within(created).getByText('Оглавление')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Будут заменены' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Создать листы \(\d+\)$/ }));
    const link = await screen.findByRole(
      'button',
      { name: 'Открыть «Оглавление»' },
      { timeout: 20000 },
    );
    expect(model.findSheet('Свод')).toBeTruthy();
    expect(model.sheets.filter((s) => /СОШ|ООШ/.test(s.name))).toHaveLength(4);
    const charts = chartsOf(model.findSheet('Свод')!);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      type: 'ColumnClustered',
      title: 'Доля ШНОР по муниципалитетам',
      seriesBy: 'Columns',
    });
    fireEvent.click(link);
    await waitFor(() => expect(model.activeSheetId).toBe(model.findSheet('Оглавление')!.id));

    // A second run replaces the same sheets and the chart, and says so first.
    fireEvent.click(screen.getByRole('button', { name: 'Подготовить отчёт' }));
    const replaced = await screen.findByRole(
      'list',
      { name: 'Будут заменены' },
      { timeout: 20000 },
    );
    expect(within(replaced).getByText('Оглавление')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Будут созданы' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Создать листы/ }));
    await screen.findByText(/Создано: 0 листов, заменено: \d+/, {}, { timeout: 20000 });
    expect(chartsOf(model.findSheet('Свод')!)).toHaveLength(1);
  });

  it('can be cancelled while writing and resumed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { model } = renderPane({
      view: 'report',
      wrap: (host): PaneHost => ({
        ...host,
        applyPatch: async (patch, options) => {
          await gate;
          return host.applyPatch(patch, options);
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Подготовить отчёт' }));
    fireEvent.click(
      await screen.findByRole('button', { name: /^Создать листы/ }, { timeout: 20000 }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Отменить' }));
    release();
    expect(await screen.findByText(/Запись остановлена\. Уже записанное сохранено/)).toBeTruthy();
    expect(model.findSheet('Оглавление')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Продолжить запись' }));
    await screen.findByRole('button', { name: 'Открыть «Оглавление»' }, { timeout: 20000 });
    expect(model.findSheet('Оглавление')).toBeTruthy();
  });
});

describe('«Настройки»', () => {
  it('stores valid settings in the workbook and refuses invalid ones with the field named', async () => {
    const { model } = renderPane({ view: 'settings' });
    const period = await screen.findByRole('textbox', { name: /Период плана/ });
    fireEvent.change(period, { target: { value: 'весь год' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(
      await screen.findByText(
        'Настройки не сохранены: исправьте отмеченные поля.',
        {},
        { timeout: 10000 },
      ),
    ).toBeTruthy();
    expect(model.setting(SETTINGS_KEY)).toBeUndefined();

    fireEvent.change(period, { target: { value: '2024/2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Свои сокращения/ }), {
      target: { value: 'КЦ — Координационный центр' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Факторы риска/ }), {
      target: { value: 'дефицит педагогических кадров' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(
      await screen.findByText('Настройки сохранены в книге.', {}, { timeout: 10000 }),
    ).toBeTruthy();
    expect(storedSettings(model)).toMatchObject({
      planPeriod: '2024/2025',
      glossary: { КЦ: 'Координационный центр' },
      riskFactors: ['дефицит педагогических кадров'],
    });
  });

  it('shows the defaults when the workbook has no settings yet', async () => {
    renderPane({ view: 'settings' });
    expect(
      ((await screen.findByRole('textbox', { name: /Порог доли/ })) as HTMLInputElement).value,
    ).toBe('30');
  });

  it('reads the settings stored in the workbook when the pane opens', async () => {
    renderPane({
      view: 'settings',
      before: (model) =>
        model.settings.set(SETTINGS_KEY, JSON.stringify(JSON.stringify({ threshold: 0.25 }))),
    });
    // Generous: the settings load after the pane's first render, which is slow on a busy machine.
    await waitFor(
      () =>
        expect(
          (screen.getByRole('textbox', { name: /Порог доли/ }) as HTMLInputElement).value,
        ).toBe('25'),
      { timeout: 20000 },
    );
  });

  it('falls back to the defaults with a message when the stored settings are refused', async () => {
    renderPane({
      view: 'settings',
      before: (model) =>
        model.settings.set(SETTINGS_KEY, JSON.stringify(JSON.stringify({ threshold: 7 }))),
    });
    expect(
      await screen.findByText(
        /Сохранённые в книге настройки не приняты \(threshold: ожидается число от 0 до 1/,
      ),
    ).toBeTruthy();
  });
});
