/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { CellValue } from '../../src/core/grid';
import { renderPane } from './render';

const REGIONAL_SHEET = 'Региональный план';
const REGIONAL: CellValue[][] = [
  ['План мероприятий по поддержке школ с низкими образовательными результатами на 2025 год'],
  [],
  ['№', 'Мероприятие', 'Срок', 'Ответственные'],
  ['1.', 'Семинар для руководителей школ по итогам анализа', 'март 2025', 'МОУО'],
  ['2.', 'Мониторинг показателей школ', '2025', 'ОМСУ'],
  ['3.', 'Курсы повышения квалификации учителей химии в сельских районах', 'июнь 2025', 'МОУО'],
];

describe('«Сверить с региональным планом» in the plan tab', () => {
  it('compares the checked plan with the regional plan on the sheet picked', async () => {
    renderPane({
      before: (m) => m.fill(m.addSheet(REGIONAL_SHEET), REGIONAL),
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Проверить активный лист' }, { timeout: 20000 }),
    );
    await screen.findByRole('button', { name: 'Ошибки: 1' }, { timeout: 20000 });
    fireEvent.click(screen.getByRole('button', { name: 'Сверить с региональным планом' }));
    const pick = await screen.findByRole('combobox', { name: 'Лист с региональным планом' });
    expect(
      within(pick)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Не сверять', 'Результаты', REGIONAL_SHEET]);
    fireEvent.change(pick, { target: { value: REGIONAL_SHEET } });
    fireEvent.click(screen.getByRole('button', { name: 'Сверить' }));
    await screen.findByText(
      /^Сверено с региональным планом на листе «Региональный план»: 3 мероприятия для муниципалитетов/,
    );
    // the seminar is in April, the regional one in March: an error; the chemistry courses are missing
    expect(screen.getByRole('button', { name: 'Ошибки: 2' })).toBeTruthy();
    const errors = screen.getByRole('list', { name: 'Ошибки' });
    expect(within(errors).getByText(/позже регионального/)).toBeTruthy();
    const warnings = screen.getByRole('list', { name: 'Предупреждения' });
    expect(
      within(warnings).getByText(
        /^В плане нет мероприятия, соответствующего мероприятию регионального плана/,
      ),
    ).toBeTruthy();

    // «Не сверять»: the plain check again
    fireEvent.change(pick, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сверить' }));
    await screen.findByRole('button', { name: 'Ошибки: 1' });
    expect(screen.queryByText(/^Сверено с региональным планом/)).toBeNull();
  });
});
