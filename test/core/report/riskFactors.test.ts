import { gridFromValues } from '../../../src/core/grid';
import { readRiskFactors, riskKey } from '../../../src/core/report/riskFactors';

describe('readRiskFactors', () => {
  it('reads factors by code from several columns or one cell with separators', () => {
    const grid = gridFromValues('Риски', [
      ['Перечень факторов риска'],
      ['Код ОО', 'Наименование ОО', 'Фактор риска 1', 'Фактор риска 2'],
      [
        'sch690001',
        'МБОУ СОШ № 1',
        'Дефицит педагогических кадров',
        'Низкая учебная мотивация обучающихся',
      ],
      [
        'SCH690002',
        'МКОУ Ивановская ООШ',
        'Низкий уровень оснащения школы; Высокая доля обучающихся с ОВЗ',
        null,
      ],
      ['sch690003', 'МОУ СОШ № 3', null, null],
    ]);
    const read = readRiskFactors([gridFromValues('Другое', [['a', 'b']]), grid]);
    expect(read.sheets).toEqual(['Риски']);
    expect(read.bySchool.get('sch690001')).toEqual([
      'Дефицит педагогических кадров',
      'Низкая учебная мотивация обучающихся',
    ]);
    expect(read.bySchool.get(riskKey('SCH690002', ''))).toEqual([
      'Низкий уровень оснащения школы',
      'Высокая доля обучающихся с ОВЗ',
    ]);
    expect(read.bySchool.has('sch690003')).toBe(false);
  });

  it('falls back to the school name and says when a school has more than three', () => {
    const grid = gridFromValues('Факторы', [
      ['Школа', 'Факторы риска'],
      ['МКОУ Ивановская ООШ', 'а; б; в; г'],
    ]);
    const read = readRiskFactors([grid]);
    expect(read.bySchool.get(riskKey('', 'МКОУ  Ивановская ООШ'))).toEqual(['а', 'б', 'в', 'г']);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({
      code: 'risk-factors-over-three',
      sheet: 'Факторы',
      cell: 'B2',
      severity: 'info',
    });
  });
});
