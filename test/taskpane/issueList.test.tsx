/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Issue } from '../../src/core/issue';
import { IssueList } from '../../src/taskpane/views/IssueList';

const issues: Issue[] = [
  {
    severity: 'error',
    code: 'missing-deadline',
    message: 'Нет срока у 1.',
    sheet: 'П',
    cell: 'C5',
    row: 5,
  },
  {
    severity: 'error',
    code: 'missing-deadline',
    message: 'Нет срока у 2.',
    sheet: 'П',
    cell: 'C6',
    row: 6,
  },
  {
    severity: 'warning',
    code: 'number-style',
    message: 'Номер как дата.',
    sheet: 'П',
    cell: 'A7',
    row: 7,
  },
];

it('names the kinds of issue in the filter by their Russian titles, with counts', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <IssueList issues={issues} onSelect={() => {}} />
    </FluentProvider>,
  );
  const filter = screen.getByRole('combobox', { name: 'Фильтр по виду замечания' });
  expect(
    within(filter)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Все виды замечаний', 'Нет срока (2)', 'Номер записан иначе, чем остальные (1)']);
  fireEvent.change(filter, { target: { value: 'number-style' } });
  expect(screen.queryByRole('list', { name: 'Ошибки' })).toBeNull();
  expect(screen.getByText('Номер как дата.')).toBeTruthy();
});
