/**
 * «Настройки»: the settings the formulas read, each live one in a named cell (threshold, minimum
 * participants…), and the fixed ones as text.
 */
import type { Scalar } from '../grid';
import { emptySheetPatch, type NamedRange, type SheetPatch } from '../patch';
import type { CriteriaSettings } from '../settings';
import { NAME, type SheetNames } from './formulas';
import { CRITERIA_ORDER, CRITERIA_SHEET_KEYS, HEADER_STYLE } from './sheets';

/** Settings rows: label, value, workbook name, explanation. */
export function settingsSheet(
  settings: CriteriaSettings,
  sheets: SheetNames,
): { sheet: SheetPatch; names: NamedRange[] } {
  const sheet = emptySheetPatch(sheets.settings, CRITERIA_SHEET_KEYS.settings, CRITERIA_ORDER);
  const live: Array<[string, number, string, string]> = [
    [
      'Порог доли «2» (включительно)',
      settings.threshold,
      NAME.threshold,
      'Процедура низкая, если доля «2» не меньше порога. Доля от 0 до 1: 0,3 = 30 %.',
    ],
    [
      'Минимум участников',
      settings.minParticipants,
      NAME.minParticipants,
      'При меньшем числе участников результата нет, и процедура не может быть низкой.',
    ],
    [
      'Малая выборка: меньше участников',
      settings.smallSample,
      NAME.smallSample,
      'Такие результаты отмечаются, но учитываются.',
    ],
    [
      'Лет подряд для стагнации',
      settings.stagnationYears,
      NAME.stagnationYears,
      'Школа в стагнации, если она в перечне ШНОР столько лет подряд или дольше.',
    ],
    [
      'Δ для динамики, п. п.',
      settings.dynamicsDelta,
      NAME.dynamicsDelta,
      'Предмет улучшился, если доля «2» снизилась больше чем на Δ процентных пунктов.',
    ],
  ];
  const fixed: Array<[string, string]> = [
    [
      'Процедура определяется по',
      settings.procedureIdentity === 'type+subject' ? 'виду и предмету' : 'виду, классу и предмету',
    ],
    ['Учитываемые предметы', settings.subjects.join('; ')],
    [
      'Учитываемые процедуры',
      settings.procedures
        .map((p) => (p.grades ? `${p.type} (классы ${p.grades.join(', ')})` : p.type))
        .join('; '),
    ],
    [
      'Не проводились',
      settings.yearsNotHeld.length
        ? settings.yearsNotHeld
            .map((n) =>
              [n.type, n.grade, n.subject, n.year].filter((x) => x !== undefined).join(' '),
            )
            .join('; ')
        : 'нет',
    ],
  ];
  const values: Scalar[][] = [
    ['Настройки расчёта критериев ШНОР', null, null],
    ['Параметр', 'Значение', 'Пояснение'],
    ...live.map(([label, value, name, note]) => [
      label,
      value,
      `${note} Имя ячейки в формулах: ${name}.`,
    ]),
    ...fixed.map(([label, value]) => [
      label,
      value,
      'Задано при создании листа; чтобы изменить, измените настройки и постройте лист заново.',
    ]),
  ];
  sheet.values.push({ at: 'A1', values });
  sheet.formats.push(
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2:C2', style: HEADER_STYLE },
  );
  sheet.formats.push({ range: `B3:B${2 + live.length}`, style: { fill: 'FFF2CC', bold: true } });
  sheet.formats.push(
    { range: 'B3', style: { numFmt: '0%' } },
    { range: `C3:C${2 + live.length + fixed.length}`, style: { wrap: true } },
  );
  sheet.columnWidths = [
    { col: 'A', width: 36 },
    { col: 'B', width: 24 },
    { col: 'C', width: 80 },
  ];
  const names = live.map(([, , name], i) => ({ name, sheet: sheets.settings, range: `B${3 + i}` }));
  return { sheet, names };
}
