/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { selectionOf } from './fakePane';
import { renderPane } from './render';
import { HEADER_HINT } from '../../src/taskpane/views/PlanSummary';
import { PLAN_SHEET } from './workbook';

async function checkPlan() {
  fireEvent.click(
    await screen.findByRole('button', { name: 'Проверить активный лист' }, { timeout: 20000 }),
  );
  await screen.findByRole('list', { name: 'Ошибки' }, { timeout: 20000 });
}

describe('«Проверка плана»', () => {
  it('checks the active sheet and groups the issues by severity with counts', async () => {
    renderPane();
    await checkPlan();
    expect(screen.getByRole('button', { name: 'Ошибки: 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Предупреждения: 3' })).toBeTruthy();
    const errors = screen.getByRole('list', { name: 'Ошибки' });
    expect(within(errors).getByText('C8:')).toBeTruthy();
    expect(screen.getByText('План 2025', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('1 раздел, 4 мероприятия')).toBeTruthy();
  });

  it('moves the selection in Excel to the cell of the issue clicked', async () => {
    const { model } = renderPane();
    await checkPlan();
    const issue = screen.getByRole('button', { name: /^D6: Строка 6 без номера/ });
    expect(issue.tagName).toBe('BUTTON'); // Enter and Space work as on any button
    fireEvent.click(issue);
    await waitFor(() => expect(selectionOf(model)).toEqual({ sheet: PLAN_SHEET, address: 'D6' }));
  });

  it('filters by severity and by code', async () => {
    renderPane();
    await checkPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Предупреждения: 3' }));
    expect(screen.queryByRole('list', { name: 'Предупреждения' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Ошибки' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Предупреждения: 3' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Фильтр по виду замечания' }), {
      target: { value: 'number-dot' },
    });
    expect(screen.queryByRole('list', { name: 'Ошибки' })).toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Сведения' })).getAllByRole('listitem'),
    ).toHaveLength(1);
  });

  it('applies a fix only after confirmation, keeping a copy of the sheet first', async () => {
    const { model, plan } = renderPane();
    await checkPlan();
    fireEvent.click(
      screen.getByRole('button', { name: /^Исправить: Перенести текст строки 6 в строку 5/ }),
    );
    expect(plan.text('D6')).toBe('(далее — ЦОКО)');
    const dialog = screen.getByRole('alertdialog');
    expect(
      within(dialog).getByText(/будет сохранена копия листа «План 2025 \(копия\)»/),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить копию и исправить' }));
    await screen.findByText(/Копия листа до исправлений сохранена на листе «План 2025 \(копия\)»/);
    expect(plan.text('D5')).toBe('Центр оценки качества образования (далее — ЦОКО)');
    expect(plan.text('D6')).toBe('');
    const copy = model.findSheet('План 2025 (копия)')!;
    expect(copy.text('D6')).toBe('(далее — ЦОКО)');
    expect(model.activeSheetId).toBe(plan.id);
    expect(screen.queryByText(/^Строка 6 без номера/)).toBeNull();
  });

  it('fixes everything it can at once, the number written as text', async () => {
    const { plan } = renderPane();
    await checkPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Исправить всё, что можно (2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить копию и исправить' }));
    await screen.findByText('Исправлено: 2');
    expect(plan.at('A7')).toMatchObject({ value: '2.', numberFormat: '@' });
    expect(screen.queryByRole('button', { name: /^Исправить всё/ })).toBeNull();
  });

  it('offers no fixes where Excel cannot copy a sheet', async () => {
    renderPane({ apiVersion: '1.9' });
    await checkPlan();
    expect(screen.queryByRole('button', { name: /^Исправить/ })).toBeNull();
    expect(
      screen.getByText(/Исправления недоступны: эта версия Excel не умеет ни отменять/),
    ).toBeTruthy();
  });

  it('shows sheet text as text, never as markup', async () => {
    const { model, plan } = renderPane();
    model.fill(
      plan,
      [['<img src=x onerror="alert(1)">', 'Мероприятие с разметкой', 'май 2025', 'ЦОКО']],
      9,
      0,
    );
    await checkPlan();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(/<img src=x onerror="alert\(1\)">/)).toBeTruthy();
  });

  it('says in Russian what went wrong and what to do', async () => {
    renderPane({
      wrap: (host) => ({
        ...host,
        readActiveSheet: () =>
          Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperation' })),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Проверить активный лист' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Не удалось проверить лист: Excel не может сделать это сейчас/,
    );
  });

  it('says in one line what a plan header holds when no sheet of the book has a plan', async () => {
    renderPane({
      before: (model) => {
        model.deleteSheet(model.sheet(PLAN_SHEET));
        const notes = model.addSheet('Заметки');
        model.fill(notes, [['Просто заметки'], ['к совещанию']]);
        model.activeSheetId = notes.id;
      },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Проверить активный лист' }, { timeout: 20000 }),
    );
    await screen.findByText('На листе «Заметки» нет таблицы плана.', {}, { timeout: 20000 });
    expect(screen.getByText(HEADER_HINT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Проверить «/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Вставить шаблон плана' })).toBeTruthy();
  });
});
