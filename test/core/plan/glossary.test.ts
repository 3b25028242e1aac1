import {
  STANDARD_ABBREVIATIONS,
  buildGlossary,
  findDefinitions,
  glossaryKey,
  harvestDefinitions,
  isAbbreviation,
  lookupTerm,
} from '../../../src/core/plan/glossary';

describe('STANDARD_ABBREVIATIONS', () => {
  // Every abbreviation listed in docs/domain.md §2.5, legal forms included.
  const listed = [
    'ОО',
    'МОУО',
    'ОМСУ',
    'ОИВ',
    'МО',
    'МОЦ',
    'ЦНППМ',
    'ЦППМ',
    'ЦОКО',
    'ИРО',
    'ИПК',
    'РЦОИ',
    'ФИОКО',
    'ВПР',
    'ОГЭ',
    'ЕГЭ',
    'ГИА',
    'ШНОР',
    'ШНРО',
    'ШНСУ',
    'ФГОС',
    'ВСОКО',
    'ОВЗ',
    'ИОМ',
    'ПК',
    'ВКС',
    'ДПО',
    'ПМПК',
    'СМИ',
    'ГБУ',
    'ГАУ',
    'ГБОУ',
    'МБОУ',
    'МАОУ',
    'МКОУ',
    'МОУ',
    'КО',
    'ТО',
    'НОО',
  ];
  it.each(listed)('knows %s with a Russian full name', (abbr) => {
    const full = STANDARD_ABBREVIATIONS[abbr];
    expect(full).toMatch(/[а-яё]{3,}/);
  });
});

describe('findDefinitions / harvestDefinitions', () => {
  const cases: Array<[string, string, string]> = [
    // [text, term, full name]
    [
      'Государственное бюджетное учреждение Тверской области «Центр оценки качества образования» (далее — ГБУ ТО ЦОКО)',
      'ГБУ ТО ЦОКО',
      'Государственное бюджетное учреждение Тверской области «Центр оценки качества образования»',
    ],
    [
      'Министерство образования Тверской области (далее — МО ТО), ГБУ ТО ЦОКО',
      'МО ТО',
      'Министерство образования Тверской области',
    ],
    [
      'Муниципальные органы управления образования (далее — МОУО)',
      'МОУО',
      'Муниципальные органы управления образования',
    ],
    [
      'МО ТО ГБУ ТО ЦОКО Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской области Тверской областной институт усовершенствования учителей (далее — ГБОУ ДПО ТОИУУ)',
      'ГБОУ ДПО ТОИУУ',
      'Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской области Тверской областной институт усовершенствования учителей',
    ],
    [
      'Министерство образования и науки Амурской области;\nГАУ ДПО «Амурский областной институт развития образования» (далее – ГАУ ДПО «АмИРО»)',
      'ГАУ ДПО «АмИРО»',
      'ГАУ ДПО «Амурский областной институт развития образования»',
    ],
    [
      'ГАУ ДПО «АмИРО»;\nорганы местного самоуправления, осуществляющие управление в сфере образования (далее – ОМСУ);\nОО',
      'ОМСУ',
      'органы местного самоуправления, осуществляющие управление в сфере образования',
    ],
    [
      'на основе анализа данных об образовательных результатах и внешних социальных условиях работы общеобразовательных организаций (далее — ОО)',
      'ОО',
      'общеобразовательных организаций',
    ],
    ['Центр оценки качества (далее - ЦОК)', 'ЦОК', 'Центр оценки качества'],
    ['Центр оценки качества (далее: ЦОК)', 'ЦОК', 'Центр оценки качества'],
    ['Центр оценки качества (далее по тексту – ЦОК)', 'ЦОК', 'Центр оценки качества'],
    ['Центр оценки качества (далее –\u00A0«ЦОК»)', 'ЦОК', 'Центр оценки качества'],
    [
      'Региональный план мероприятий по поддержке ШНОР (далее – дорожная карта)',
      'дорожная карта',
      'Региональный план мероприятий по поддержке ШНОР',
    ],
    // A word has no acronym to go by: the phrase after the last comma.
    [
      'Приказ министерства, план мероприятий (далее – «дорожная карта»)',
      'дорожная карта',
      'план мероприятий',
    ],
    ['(далее — ГБОУ ДПО ТОИУУ)', 'ГБОУ ДПО ТОИУУ', ''],
  ];
  it.each(cases)('%s', (text, term, full) => {
    const defs = findDefinitions(text);
    expect(defs.map((d) => [d.term, d.fullName])).toContainEqual([term, full]);
    expect(harvestDefinitions([text]).get(term)).toBe(full);
  });

  it('finds several definitions in one text, each with its own full name', () => {
    const text =
      'Министерство образования Тверской области (далее — МО ТО); Муниципальные органы управления образования (далее — МОУО)';
    expect(findDefinitions(text).map((d) => d.term)).toEqual(['МО ТО', 'МОУО']);
  });

  it('keeps the first non-empty full name when a term is defined twice', () => {
    const map = harvestDefinitions([
      '(далее — ГБОУ ДПО ТОИУУ)',
      'Тверской областной институт усовершенствования учителей (далее — ГБОУ ДПО ТОИУУ)',
      'Институт (далее — ГБОУ ДПО ТОИУУ)',
    ]);
    expect(map.get('ГБОУ ДПО ТОИУУ')).toMatch(/^Тверской областной институт/);
  });

  it('a definition opening a line names the line above (paragraphs pasted from Word)', () => {
    const text =
      'МО ТО ГБУ ТО ЦОКО Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской области Тверской областной институт усовершенствования учителей\n(далее — ГБОУ ДПО ТОИУУ)';
    expect(findDefinitions(text)[0]?.fullName).toMatch(/^Государственное бюджетное .* учителей$/);
  });

  it('a continuation cell "(далее — X)" takes its full name from the text before it', () => {
    const map = harvestDefinitions([
      '11.',
      'Информационно-организационные совещания/вебинары со специалистами МОУО',
      'В течение года',
      'МО ТО ГБУ ТО ЦОКО Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской области Тверской областной институт усовершенствования учителей',
      '(далее — ГБОУ ДПО ТОИУУ)',
    ]);
    expect(map.get('ГБОУ ДПО ТОИУУ')).toMatch(/^Государственное бюджетное .* учителей$/);
  });

  it('a continuation cell after an unrelated text keeps no guessed full name', () => {
    const map = harvestDefinitions(['Отчёт, справка', '(далее — ГБОУ ДПО ТОИУУ)']);
    expect(map.get('ГБОУ ДПО ТОИУУ')).toBe('');
  });

  it('ignores texts without a definition', () => {
    expect(
      harvestDefinitions(['ГБУ ТО ЦОКО', '', 'в течение года (по отдельному графику)']).size,
    ).toBe(0);
  });
});

describe('isAbbreviation', () => {
  it.each([
    ['ГБУ ТО ЦОКО', true],
    ['ГАУ ДПО «АмИРО»', true],
    ['АмИРО', true],
    ['ОО', true],
    ['дорожная карта', false],
    ['Программа', false],
    ['', false],
  ])('%s → %s', (term, expected) => expect(isAbbreviation(term)).toBe(expected));
});

describe('buildGlossary / lookupTerm', () => {
  const g = buildGlossary(
    harvestDefinitions(['Министерство образования Тверской области (далее — МО ТО)']),
    { ТОИУУ: 'Тверской областной институт усовершенствования учителей' },
  );
  it('merges standard, harvested and extra terms', () => {
    expect(lookupTerm(g, 'ЦОКО')).toBe(STANDARD_ABBREVIATIONS['ЦОКО']);
    expect(lookupTerm(g, 'МО ТО')).toBe('Министерство образования Тверской области');
    expect(lookupTerm(g, 'ТОИУУ')).toMatch(/институт/);
    expect(lookupTerm(g, 'ЯЯЯ')).toBeUndefined();
  });
  it('a definition in the sheet overrides the standard full name', () => {
    const own = buildGlossary(new Map([['ОО', 'общеобразовательные организации']]));
    expect(lookupTerm(own, 'ОО')).toBe('общеобразовательные организации');
  });
  it('reads Latin look-alikes, odd spaces and straight quotes', () => {
    expect(lookupTerm(g, 'OO')).toBe(STANDARD_ABBREVIATIONS['ОО']);
    expect(lookupTerm(g, 'MO  TO')).toBe('Министерство образования Тверской области');
    expect(lookupTerm(g, 'МO\u00A0ТО')).toBe('Министерство образования Тверской области');
    const quoted = buildGlossary(new Map([['ГАУ ДПО «АмИРО»', 'институт']]));
    expect(lookupTerm(quoted, 'ГАУ ДПО "АмИРО"')).toBe('институт');
    expect(glossaryKey('ГАУ  ДПО “АмИРО”')).toBe('ГАУ ДПО «АмИРО»');
  });
});
