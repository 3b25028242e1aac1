import { count, ofTotal, percent, plural } from '../../src/taskpane/format';
import type { HostFeatures } from '../../src/taskpane/host';
import { viewLimits } from '../../src/taskpane/limits';
import { startFromUrl } from '../../src/taskpane/views';

const NB = '\u00A0';

describe('pane typography', () => {
  it('keeps numbers and their words on one line, thousands grouped', () => {
    expect(count(105696)).toBe(`105${NB}696`);
    expect(count(-1234.5)).toBe(`-1${NB}234,5`);
    expect(count(999)).toBe('999');
    expect(percent(0.3)).toBe(`30${NB}%`);
    expect(percent(0.3333)).toBe(`33,3${NB}%`);
    expect(percent(null)).toBe('—');
    expect(ofTotal(1, 4)).toBe(`1${NB}из${NB}4`);
    expect(plural(2500, 'школа', 'школы', 'школ')).toBe(`2${NB}500${NB}школ`);
    expect(plural(22, 'лист', 'листа', 'листов')).toBe(`22${NB}листа`);
    expect(plural(11, 'лист', 'листа', 'листов')).toBe(`11${NB}листов`);
  });
});

describe('the ribbon address', () => {
  it('opens the view it names and checks at once only when asked', () => {
    expect(startFromUrl('?view=help')).toEqual({ view: 'help', runCheck: false });
    expect(startFromUrl('?view=criteria')).toEqual({ view: 'results', runCheck: false });
    expect(startFromUrl('?view=check&run=check')).toEqual({ view: 'check', runCheck: true });
    expect(startFromUrl('?view=report&run=check')).toEqual({ view: 'report', runCheck: false });
    expect(startFromUrl('')).toEqual({ view: 'check', runCheck: false });
  });
});

describe('limits of older Excel', () => {
  const all: HostFeatures = {
    copySheet: true,
    charts: true,
    mergedAreas: true,
    suspendCalculation: true,
    autoFilter: true,
    undoGroup: true,
  };

  it('says nothing where everything works', () => {
    for (const view of ['check', 'results', 'report', 'settings', 'help'] as const)
      expect(viewLimits(all, view)).toEqual([]);
  });

  it('says each missing feature on the tab it affects, in plain words', () => {
    const old = { ...all, mergedAreas: false, autoFilter: false, suspendCalculation: false };
    expect(viewLimits(old, 'check').join(' ')).toMatch(/объединённых ячейках/);
    expect(viewLimits(old, 'check').join(' ')).not.toMatch(/автофильтр/);
    expect(viewLimits(old, 'report').join(' ')).toMatch(/автофильтра/);
    expect(viewLimits(old, 'settings')).toEqual([]);
    for (const text of viewLimits(old, 'report')) expect(text).not.toMatch(/ExcelApi|\d\.\d/);
  });
});
