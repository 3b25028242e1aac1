import { computeCriteria } from '../../src/core/criteria/engine';
import { gridFromValues } from '../../src/core/grid';
import { emptySheetPatch } from '../../src/core/patch';
import { readResults } from '../../src/core/results/read';
import { defaultSettings } from '../../src/core/settings';
import { addShnorChart, CHART_NAME } from '../../src/app/chart';
import { resultValues } from '../taskpane/workbook';

describe('addShnorChart', () => {
  const rows = readResults([gridFromValues('Результаты', resultValues())], {}).rows;
  const result = computeCriteria(rows, defaultSettings());

  it('adds a municipality × year table of ШНОР shares to the summary sheet and places the chart under it', () => {
    const patch = { sheets: [emptySheetPatch('Свод', 'summary', 1)], names: [], removeKeys: [] };
    const { patch: out, chart } = addShnorChart(patch, result);
    // Two years take columns B..I of the summary; the chart table starts one column after (K).
    const table = out.sheets[0]!.values.find((v) => v.at === 'K4')!;
    expect(table.values).toEqual([
      ['Муниципалитет', '2023', '2024'],
      ['Город', 0 / 2, 1 / 2],
      ['Район', 1 / 2, 0 / 2],
    ]);
    expect(chart).toEqual({
      sheet: 'Свод',
      name: CHART_NAME,
      title: 'Доля ШНОР по муниципалитетам',
      source: 'K4:M6',
      from: 'K8',
      to: 'R25',
    });
    expect(patch.sheets[0]!.values).toEqual([]);
  });

  it('adds no chart without a summary sheet', () => {
    const patch = {
      sheets: [emptySheetPatch('Оглавление', 'index', 0)],
      names: [],
      removeKeys: [],
    };
    expect(addShnorChart(patch, result)).toEqual({ patch, chart: null });
  });
});
