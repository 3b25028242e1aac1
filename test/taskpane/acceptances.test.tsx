/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ACCEPTANCES_KEY } from '../../src/taskpane/excelHost';
import type { FakeWorkbookModel } from '../fake-excel/model';
import { renderPane } from './render';
import { PLAN_SHEET } from './workbook';

interface Stored {
  version: number;
  items: Array<{ id: string; sheet: string; cell: string; justification: string }>;
}

function stored(model: FakeWorkbookModel): Stored | undefined {
  const text = model.setting(ACCEPTANCES_KEY);
  return typeof text === 'string' ? (JSON.parse(text) as Stored) : undefined;
}

function store(model: FakeWorkbookModel, value: Stored): void {
  model.settings.set(ACCEPTANCES_KEY, JSON.stringify(JSON.stringify(value)));
}

async function checkPlan() {
  fireEvent.click(
    await screen.findByRole('button', { name: 'Проверить активный лист' }, { timeout: 20000 }),
  );
  await screen.findByRole('button', { name: /^Ошибки: / }, { timeout: 20000 });
}

async function acceptC8(justification: string) {
  fireEvent.click(screen.getByRole('button', { name: /^Принять замечание: C8: / }));
  const dialog = await screen.findByRole('dialog', { name: 'Принять замечание' });
  // Fluent's focus trap (tabster) may mark the surface aria-hidden for a moment in jsdom; the open
  // modal is the dialog found above, so its controls are queried with hidden: true
  const field = within(dialog).getByRole('textbox', { name: 'Обоснование', hidden: true });
  fireEvent.change(field, { target: { value: justification } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Принять', hidden: true }));
  await screen.findByText(/Замечание принято; отметка сохранена в книге/);
}

describe('«Принять» in the plan tab', () => {
  it('accepts an error with a justification: listed apart, not an error, saved in the workbook', async () => {
    const { model } = renderPane();
    await checkPlan();
    expect(screen.getByRole('button', { name: 'Ошибки: 1' })).toBeTruthy();
    await acceptC8('Срок согласован с министерством');
    expect(screen.getByRole('button', { name: 'Ошибки: 0' })).toBeTruthy();
    expect(screen.getByText('Принятые замечания: 1')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Принятые замечания' });
    expect(within(list).getByText(/^C8: /)).toBeTruthy();
    expect(within(list).getByText('Обоснование: Срок согласован с министерством')).toBeTruthy();
    const saved = stored(model)!;
    expect(saved.items).toHaveLength(1);
    expect(saved.items[0]).toMatchObject({
      sheet: PLAN_SHEET,
      cell: 'C8',
      justification: 'Срок согласован с министерством',
    });
    expect(saved.items[0]!.id).toMatch(/\S/);
  });

  it('reads the accepted list back from the workbook, and «Отменить принятие» removes it', async () => {
    const first = renderPane();
    await checkPlan();
    await acceptC8('Так решено');
    const kept = stored(first.model)!;
    first.unmount();

    const { model } = renderPane({ before: (m) => store(m, kept) });
    await checkPlan();
    expect(screen.getByText('Принятые замечания: 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ошибки: 0' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Отменить принятие: C8: / }));
    await screen.findByText(/Принятие отменено/);
    expect(screen.queryByText('Принятые замечания: 1')).toBeNull();
    expect(screen.getByRole('button', { name: 'Ошибки: 1' })).toBeTruthy();
    expect(stored(model)!.items).toEqual([]);
  });

  it('an error accepted without a justification stays accepted, with a warning', async () => {
    renderPane();
    await checkPlan();
    await acceptC8('   ');
    expect(screen.getByText('Принятые замечания: 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ошибки: 0' })).toBeTruthy();
    const warnings = screen.getByRole('list', { name: 'Предупреждения' });
    expect(within(warnings).getByText(/^Ошибка принята без обоснования/)).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Принятые замечания' })).getByText(
        'Обоснование не записано.',
      ),
    ).toBeTruthy();
  });

  it('shows a stale acceptance, and removes it on request', async () => {
    const { model } = renderPane({
      before: (m) =>
        store(m, {
          version: 1,
          items: [
            {
              id: 'gone-1234',
              sheet: PLAN_SHEET,
              code: 'deadline-past',
              severity: 'error',
              message: 'Срок прошёл',
              cell: 'E9',
              justification: 'Перенесено',
            } as Stored['items'][number],
            {
              id: 'other-sheet',
              sheet: 'Другой лист',
              code: 'deadline-past',
              severity: 'error',
              message: 'Другое',
              cell: 'E2',
              justification: '',
            } as Stored['items'][number],
          ],
        }),
    });
    await checkPlan();
    expect(screen.getByText('Принятые раньше, больше не встречаются: 1')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Сведения' })).getByText(
        /^Принятое замечание больше не встречается \(было в ячейке E9\)/,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Отменить принятие: E9: Срок прошёл' }));
    await screen.findByText(/Принятие отменено/);
    await waitFor(() =>
      expect(screen.queryByText('Принятые раньше, больше не встречаются: 1')).toBeNull(),
    );
    expect(stored(model)!.items.map((a) => a.id)).toEqual(['other-sheet']);
  });
});
