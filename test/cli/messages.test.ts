import { fsErrorRu } from '../../src/cli/fsErrors';
import { failureMessage } from '../../src/cli/main';

const errno = (code: string, path?: string, syscall = 'open') =>
  Object.assign(new Error(`${code}: something, ${syscall} '${path}'`), { code, path, syscall });

describe('file-system failures in Russian', () => {
  it.each([
    ['EACCES', 'write', 'нет прав на запись в папку «отчёты»'],
    ['EPERM', 'read', 'нет прав на чтение'],
    ['ENOSPC', 'write', 'на диске не хватает места'],
    ['EDQUOT', 'write', 'на диске не хватает места'],
    ['EROFS', 'write', 'только для чтения'],
    ['EISDIR', 'write', 'это папка, а не файл'],
    ['ENOTDIR', 'write', 'часть пути — файл, а не папка'],
    ['ENOENT', 'write', 'папки «отчёты» нет'],
    ['ENOENT', 'read', 'файл или папка не найдены'],
    ['EBUSY', 'write', 'файл занят другой программой (возможно, открыт в Excel)'],
    ['EMFILE', 'read', 'открыто слишком много файлов'],
    ['ENFILE', 'read', 'открыто слишком много файлов'],
    ['ENAMETOOLONG', 'write', 'слишком длинное имя'],
    ['EIO', 'read', 'ошибка чтения или записи на носителе'],
    ['EXYZ', 'write', 'система сообщила об ошибке EXYZ'],
  ] as const)('%s while %s', (code, action, text) => {
    const message = fsErrorRu(errno(code), 'отчёты/итог.xlsx', action);
    expect(message).toMatch(/^Не удалось (записать|прочитать) файл «отчёты\/итог\.xlsx»: /);
    expect(message).toContain(text);
    expect(message).not.toMatch(/[A-Za-z]{6,}/); // no English text beyond the code
  });
});

describe('failureMessage', () => {
  it('names the file of an errno error and hides the stack unless --debug', () => {
    const e = errno('EBUSY', '/tmp/x.xlsx', 'rename');
    expect(failureMessage(e, undefined, false)).toBe(
      'Не удалось записать файл «/tmp/x.xlsx»: файл занят другой программой (возможно, открыт в Excel). Закройте его и повторите.',
    );
    expect(failureMessage(e, undefined, true)).toContain('\n    at ');
  });

  it('calls an unexpected exception an internal error, with the stack only with --debug', () => {
    const e = new TypeError("Cannot read properties of null (reading 'theme')");
    const plain = failureMessage(e, undefined, false);
    expect(plain).toMatch(/^Внутренняя ошибка программы: Cannot read properties.*--debug/s);
    expect(plain).not.toContain('\n    at ');
    expect(failureMessage(e, undefined, true)).toContain('\n    at ');
  });
});
