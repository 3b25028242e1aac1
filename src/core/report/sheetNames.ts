/**
 * Tab names for the report's school sheets: short and readable ("СОШ №5 Ржев"). What makes any
 * name legal and unique is core/workbook/sheetNames.ts.
 */

/** Legal-form phrases and their usual abbreviations, longest first. */
const LONG_FORMS: Array<[RegExp, string]> = [
  [
    /(муниципальное|государственное|частное)\s+(бюджетное|казённое|казенное|автономное)?\s*(обще)?образовательное\s+учреждение/gi,
    '',
  ],
  [/средняя\s+общеобразовательная\s+школа/gi, 'СОШ'],
  [/основная\s+общеобразовательная\s+школа/gi, 'ООШ'],
  [/начальная\s+общеобразовательная\s+школа/gi, 'НОШ'],
  [/с\s+углубл[её]нным\s+изучением\s+отдельных\s+предметов/gi, 'с УИОП'],
  [/(^|\s)имени(?=\s)/gi, '$1им.'],
];

const LEGAL_ABBREVIATIONS =
  /(^|\s)(МБОУ|МАОУ|МКОУ|МОУ|ГБОУ|ГАОУ|ГКОУ|ГОУ|ЧОУ|НОУ|АНОО|АНО|ЧУ|ОУ|МБОО|МАОО)(?=\s|$|«|")/g;

/** Genitive of a town after "г." turned back to the form people write on a label. */
function townNominative(word: string): string {
  if (/(ов|ев|ин|ын)а$/.test(word)) return word.slice(0, -1); // Ржева → Ржев, Кашина → Кашин
  if (/[сц]ка$/.test(word)) return word.slice(0, -1); // Бежецка → Бежецк
  if (/ля$/.test(word)) return `${word.slice(0, -1)}ь`; // Лихославля → Лихославль
  return word;
}

/**
 * The readable short form of a school's full name: legal form dropped, standard school types
 * abbreviated, the number and the place kept. "МБОУ СОШ № 5 г. Ржева" → "СОШ №5 Ржев".
 */
export function shortSchoolName(fullName: string): string {
  let s = fullName.replace(/^\s*\(\s*sch\d+\s*\)\s*/i, '');
  for (const [re, to] of LONG_FORMS) s = s.replace(re, to);
  s = s.replace(LEGAL_ABBREVIATIONS, '$1');
  s = s.replace(/[«»"„“”]/g, ' ');
  s = s.replace(/№\s*/g, '№');
  s = s.replace(
    /(^|\s)(г|гор|пгт|пос|п|с|д|дер|ст)\.\s*([А-ЯЁA-Z][а-яёa-z-]+)/g,
    (_m, sp: string, kind: string, place: string) =>
      kind === 'г' || kind === 'гор' ? `${sp}${townNominative(place)}` : `${sp}${kind}. ${place}`,
  );
  return s.replace(/\s+/g, ' ').trim();
}
