import { gridFromValues } from '../../../src/core/grid';
import { baselineFromReview } from '../../../src/core/review/reviewWorkbook';

const summary = gridFromValues('Сводка', [
  ['Файл', 'Лист', 'Название плана', 'Период'],
  ['планы/Ишим.xlsx', 'План', 'План на 2024 год', '…'],
  ['планы/старый.xls', '(файл не прочитан)', null, null],
]);

describe('baselineFromReview', () => {
  it('reads «Замечания» by its headers, whatever their order, with the clerk’s own columns', () => {
    const remarks = gridFromValues('Замечания', [
      [
        'Моя отметка',
        'Идентификатор',
        'Файл',
        'Лист',
        'Ячейка',
        'Важность',
        'Код',
        'Сообщение',
        'Состояние',
        'Принято',
        'Обоснование',
      ],
      [
        'x',
        'aaaaaaa.01',
        'планы/Ишим.xlsx',
        'План',
        'D8',
        'предупреждение',
        'undefined-abbreviation',
        'Сокращение «ТОИРО»…',
        'осталось',
        true,
        'В приказе',
      ],
      [
        null,
        'bbbbbbb.02',
        'планы/Ишим.xlsx',
        'План',
        'C10',
        'ошибка',
        'deadline-outside-period',
        'Срок…',
        'новое',
        false,
        null,
      ],
      [
        null,
        'ccccccc.03',
        'планы/Ишим.xlsx',
        'План',
        'C5',
        'ошибка',
        'deadline-reversed',
        'Было…',
        'исправлено',
        null,
        null,
      ],
      [
        null,
        'ddddddd.04',
        'планы/Ишим.xlsx',
        'План',
        'D11',
        'ошибка',
        'missing-responsible',
        'Не указаны…',
        null,
        'нет',
        null,
      ],
      [
        null,
        null,
        'планы/старый.xls',
        null,
        null,
        'ошибка',
        'unreadable-file',
        'Не прочитан',
        null,
        null,
        null,
      ],
    ]);
    const read = baselineFromReview([summary, remarks], 'замечания.xlsx');
    expect('baseline' in read).toBe(true);
    if (!('baseline' in read)) return;
    expect(read.baseline.files).toHaveLength(1);
    const [f] = read.baseline.files;
    expect(f!.sheets).toEqual([{ sheet: 'План', title: 'План на 2024 год' }]);
    // the fixed remark is history; the unreadable file's remark has no id
    expect(
      f!.remarks.map((r) => [r.id, r.row, r.severity, r.accepted?.justification ?? null]),
    ).toEqual([
      ['aaaaaaa.01', 8, 'warning', 'В приказе'],
      ['bbbbbbb.02', 10, 'error', null],
      ['ddddddd.04', 11, 'error', null],
    ]);
  });

  it('says why a workbook is not a review workbook, or one of an older version', () => {
    expect(baselineFromReview([summary], 'план.xlsx')).toEqual({
      error: expect.stringContaining('это не книга замечаний прошлой проверки'),
    });
    const old = gridFromValues('Замечания', [['Файл', 'Лист', 'Ячейка', 'Важность', 'Код']]);
    expect(baselineFromReview([summary, old], 'старая.xlsx')).toEqual({
      error: expect.stringContaining('нет столбца «Идентификатор»'),
    });
  });
});
