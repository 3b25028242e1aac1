import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { russianError } from '../../src/taskpane/errors';
import { isDarkColor, officeTheme } from '../../src/taskpane/theme';
import { FakeOfficeError } from '../fake-excel/model';

describe('russianError', () => {
  it('translates office.js error codes and says what to do', () => {
    expect(
      russianError(new FakeOfficeError('InvalidOperation', 'busy'), 'Не удалось проверить лист'),
    ).toBe(
      'Не удалось проверить лист: Excel не может сделать это сейчас. Если вы редактируете ячейку, закончите ввод (Enter или Esc) и повторите.',
    );
    const real = Object.assign(new Error('Access denied'), { code: 'AccessDenied' });
    expect(russianError(real, 'Исправление не выполнено')).toMatch(/Снимите защиту/);
  });

  it('promises to continue only where the action resumes', () => {
    const lost = new FakeOfficeError('GeneralException', 'lost');
    expect(russianError(lost, 'Не удалось проверить лист')).toBe(
      'Не удалось проверить лист: Связь с Excel прервалась. Повторите действие.',
    );
    expect(russianError(lost, 'Отчёт записан не полностью', { resumable: true })).toMatch(
      /запись продолжится с места остановки/,
    );
    const big = new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'too big');
    expect(russianError(big, 'Исправление не выполнено')).not.toMatch(/продолжится/);
  });

  it('keeps Russian messages of the adapter and wraps unknown ones', () => {
    expect(russianError(new Error('Лист «План» слишком большой'), 'Чтение')).toBe(
      'Чтение: Лист «План» слишком большой',
    );
    expect(russianError(new Error('boom'), 'Чтение')).toMatch(
      /^Чтение: непредвиденная ошибка \(boom\)\. Повторите/,
    );
    expect(russianError('x', 'Чтение')).toMatch(/^Чтение: непредвиденная ошибка\. /);
  });
});

describe('theme', () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it('tells dark backgrounds from light ones', () => {
    expect(isDarkColor('#1F1F1F')).toBe(true);
    expect(isDarkColor('FFFFFF')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  it('follows Office.context.officeTheme and falls back to light', () => {
    expect(officeTheme()).toBe(webLightTheme);
    (globalThis as { Office?: unknown }).Office = {
      context: { officeTheme: { bodyBackgroundColor: '#262626' } },
    };
    expect(officeTheme()).toBe(webDarkTheme);
  });
});
