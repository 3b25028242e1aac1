/** @jest-environment jsdom */
/**
 * The plan tab builds «Показатели плана» from the checked plan alone; what the user types into its
 * yellow cells survives the next build, and no «(правки пользователя)» copy is made.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPane } from './render';
import { PLAN_VALUES } from './workbook';

const WITH_INDICATORS = [
  ...PLAN_VALUES,
  ['5.', 'Доля ОО, прошедших самодиагностику, — 100 %', 'декабрь 2025', 'ЦОКО'],
  ['6.', 'Доля ШНОР, вышедших из перечня, — не менее 30 %', 'декабрь 2025', 'ЦОКО'],
];

async function build(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Лист «Показатели плана»' }));
  return screen.findByText(/Достигнуто \d+ из \d+ показател/);
}

describe('«Проверка плана» → «Показатели плана»', () => {
  it('builds the sheet, and a second build keeps the values typed into it', async () => {
    const { model, plan } = renderPane({ before: (m) => m.fill(m.sheets[0]!, WITH_INDICATORS) });
    expect(plan.name).toBe('План 2025');
    fireEvent.click(await screen.findByRole('button', { name: 'Проверить активный лист' }));
    expect((await build()).textContent).toBe(
      'Лист «Показатели плана» готовДостигнуто 0 из 2 показателей (2 без данных).',
    );
    const sheet = model.findSheet('Показатели плана')!;
    expect(sheet).toBeDefined();
    // row 5: «Доля ОО…», a share typed in; no report in the workbook, so row 6 is typed in too
    expect(sheet.text('A5')).toBe('5');
    expect(sheet.text('I6')).toMatch(
      /^Ввод: числитель и знаменатель; показатель «Доля ШНОР, вышедших из перечня» можно взять из отчёта/,
    );
    expect(sheet.at('J5')!.style['fill.color']).toBe('#FFF2CC');

    // the user types 12 of 12 schools, as in Excel
    sheet.ensure(4, 9).value = 12;
    sheet.ensure(4, 10).value = 12;
    fireEvent.click(screen.getByRole('button', { name: 'Лист «Показатели плана»' }));
    await screen.findByText(/Введённые раньше значения перенесены \(строк: 1\)/);
    const again = model.findSheet('Показатели плана')!;
    expect([again.at('J5')!.value, again.at('K5')!.value]).toEqual([12, 12]);
    expect(model.sheets.map((s) => s.name).filter((n) => /правки/.test(n))).toEqual([]);
  });
});

const disabled = (name: string): boolean =>
  (screen.getByRole('button', { name }) as HTMLButtonElement).disabled;

describe('«Показатели плана» as a workbook job', () => {
  it('holds the job lock while it runs and can be undone like any other write', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let hold = false;
    const { model } = renderPane({
      before: (m) => m.fill(m.sheets[0]!, WITH_INDICATORS),
      wrap: (host) => ({
        ...host,
        generatedSheets: async () => {
          if (hold) await held;
          return host.generatedSheets();
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Проверить активный лист' }));
    const button = await screen.findByRole('button', { name: 'Лист «Показатели плана»' });
    hold = true;
    fireEvent.click(button);
    // while it runs, the other workbook actions are refused
    await waitFor(() => expect(disabled('Проверить активный лист')).toBe(true));
    expect(disabled('Лист «Показатели плана»')).toBe(true);
    hold = false;
    release();
    await screen.findByText(/Достигнуто \d+ из \d+ показател/);
    expect(model.findSheet('Показатели плана')).toBeDefined();
    expect(disabled('Проверить активный лист')).toBe(false);

    await screen.findByText(/Последнее действие: построение листа «Показатели плана»/);
    fireEvent.click(screen.getByRole('button', { name: 'Отменить последнее действие надстройки' }));
    await screen.findByText(/Удалены созданные: «Показатели плана»/);
    expect(model.findSheet('Показатели плана')).toBeUndefined();
  });
});
