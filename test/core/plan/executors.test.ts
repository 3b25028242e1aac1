import { buildGlossary, harvestDefinitions } from '../../../src/core/plan/glossary';
import { findUnknownAbbreviations, splitExecutors } from '../../../src/core/plan/executors';
import type { Executor } from '../../../src/core/plan/types';

/** Responsible cells as they appear in real regional plans (Tver 2023, Amur 2023/24, Tambov). */
const TVER_DEFINING = [
  'Государственное бюджетное учреждение Тверской области «Центр оценки качества образования» (далее — ГБУ ТО ЦОКО)',
  'Министерство образования Тверской области (далее — МО ТО), ГБУ ТО ЦОКО',
  'Муниципальные органы управления образования (далее — МОУО)',
  'МО ТО ГБУ ТО ЦОКО Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской области Тверской областной институт усовершенствования учителей (далее — ГБОУ ДПО ТОИУУ)',
];
const AMUR_DEFINING = [
  'Министерство образования и науки Амурской области;\nГАУ ДПО «Амурский областной институт развития образования» (далее – ГАУ ДПО «АмИРО»)',
  'ГАУ ДПО «АмИРО»;\nорганы местного самоуправления, осуществляющие управление в сфере образования (далее – ОМСУ);\nобразовательные организации (далее – ОО)',
];

const sheetGlossary = buildGlossary(harvestDefinitions([...TVER_DEFINING, ...AMUR_DEFINING]));
const bareGlossary = buildGlossary(new Map());

const texts = (list: Executor[]): string[] => list.map((e) => e.text);
const kinds = (list: Executor[]): string[] => list.map((e) => `${e.text}:${e.kind}`);

describe('splitExecutors: splitting', () => {
  const cases: Array<[string, string[]]> = [
    ['МО ТО, ГБУ ТО ЦОКО', ['МО ТО', 'ГБУ ТО ЦОКО']],
    ['МО ТО ГБУ ТО ЦОКО', ['МО ТО', 'ГБУ ТО ЦОКО']],
    ['МО ТО МОУО', ['МО ТО', 'МОУО']],
    ['МО ТО МОУО ОО ГБОУ ДПО ТОИУУ', ['МО ТО', 'МОУО', 'ОО', 'ГБОУ ДПО ТОИУУ']],
    ['МОУО ШНОР', ['МОУО', 'ШНОР']],
    ['ГБУ ТО ЦОКО ГБОУ ДПО ТОИУУ', ['ГБУ ТО ЦОКО', 'ГБОУ ДПО ТОИУУ']],
    ['МО ТО ГБОУ ДПО ТОИУУ ГБУ ТО ЦОКО', ['МО ТО', 'ГБОУ ДПО ТОИУУ', 'ГБУ ТО ЦОКО']],
    ['МО ТО МОУО ОО', ['МО ТО', 'МОУО', 'ОО']],
    ['МОУО ОО', ['МОУО', 'ОО']],
    ['ГАУ ДПО «АмИРО»;\nОМСУ;\nОО', ['ГАУ ДПО «АмИРО»', 'ОМСУ', 'ОО']],
    ['ГАУ ДПО «АмИРО»;\nОМСУ', ['ГАУ ДПО «АмИРО»', 'ОМСУ']],
    [
      'Министерство образования и науки Амурской области;\nГАУ ДПО «АмИРО»',
      ['Министерство образования и науки Амурской области', 'ГАУ ДПО «АмИРО»'],
    ],
    [
      'Управление образования, общеобразовательные организации',
      ['Управление образования', 'общеобразовательные организации'],
    ],
    ['Марчевская Т.Н.; Региональный координатор', ['Марчевская Т.Н.', 'Региональный координатор']],
    ['Руководители школ\nпедагоги', ['Руководители школ', 'педагоги']],
    // Commas inside parentheses and quotes do not split.
    [
      'ЦНППМ (отдел сопровождения, аналитики), МОУО',
      ['ЦНППМ (отдел сопровождения, аналитики)', 'МОУО'],
    ],
    [
      'АНО «Центр развития, оценки и консалтинга», ОО',
      ['АНО «Центр развития, оценки и консалтинга»', 'ОО'],
    ],
    // Empty pieces and stray separators are dropped.
    ['МОУО;; ,\n ОО;', ['МОУО', 'ОО']],
    ['', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(texts(splitExecutors(text, sheetGlossary))).toEqual(expected);
  });
});

describe('splitExecutors: definitions inside the cell', () => {
  it('keeps "full name (далее — X)" as one executor X with the full name', () => {
    expect(splitExecutors(TVER_DEFINING[0]!, bareGlossary)).toEqual([
      {
        text: 'ГБУ ТО ЦОКО',
        kind: 'abbreviation',
        fullName:
          'Государственное бюджетное учреждение Тверской области «Центр оценки качества образования»',
      },
    ]);
  });

  it('splits the run before a definition and keeps the defined name whole', () => {
    const list = splitExecutors(TVER_DEFINING[3]!, bareGlossary);
    expect(texts(list)).toEqual(['МО ТО', 'ГБУ ТО ЦОКО', 'ГБОУ ДПО ТОИУУ']);
    expect(list[2]!.fullName).toMatch(/^Государственное бюджетное образовательное учреждение/);
  });

  it('does not split a full name that contains a comma', () => {
    const list = splitExecutors(AMUR_DEFINING[1]!, bareGlossary);
    expect(texts(list)).toEqual(['ГАУ ДПО «АмИРО»', 'ОМСУ', 'ОО']);
    expect(list[1]!.fullName).toBe(
      'органы местного самоуправления, осуществляющие управление в сфере образования',
    );
    expect(list[2]!.fullName).toBe('образовательные организации');
  });

  it('a definition on its own line (a joined continuation row) stays with its full name', () => {
    const list = splitExecutors(
      'МО ТО ГБУ ТО ЦОКО Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской области Тверской областной институт усовершенствования учителей\n(далее — ГБОУ ДПО ТОИУУ)',
      bareGlossary,
    );
    expect(texts(list)).toEqual(['МО ТО', 'ГБУ ТО ЦОКО', 'ГБОУ ДПО ТОИУУ']);
    expect(list[2]!.fullName).toMatch(/учителей$/);
  });

  it('a lone "(далее — X)" continuation takes the full name from the glossary', () => {
    const [only] = splitExecutors('(далее — ГБОУ ДПО ТОИУУ)', sheetGlossary);
    expect(only?.text).toBe('ГБОУ ДПО ТОИУУ');
    expect(only?.fullName).toMatch(/Тверской областной институт усовершенствования учителей$/);
  });
});

describe('splitExecutors: kinds', () => {
  const cases: Array<[string, string[]]> = [
    ['Марчевская Т.Н.', ['Марчевская Т.Н.:person']],
    ['Т.Н. Марчевская', ['Т.Н. Марчевская:person']],
    ['Марчевская Т. Н.', ['Марчевская Т. Н.:person']],
    ['Иванова Мария Петровна', ['Иванова Мария Петровна:person']],
    ['Региональный координатор', ['Региональный координатор:role']],
    ['Руководители школ', ['Руководители школ:role']],
    ['руководители ОО', ['руководители ОО:role']],
    ['педагоги', ['педагоги:role']],
    ['Муниципальные координаторы', ['Муниципальные координаторы:role']],
    ['Управленческие команды ШНОР', ['Управленческие команды ШНОР:role']],
    ['Управление образования', ['Управление образования:organisation']],
    [
      'Министерство образования и науки Амурской области',
      ['Министерство образования и науки Амурской области:organisation'],
    ],
    [
      'Муниципальные органы управления образования',
      ['Муниципальные органы управления образования:organisation'],
    ],
    ['ЦОКО', ['ЦОКО:abbreviation']],
    [
      'ГАУ ДПО «Амурский областной институт развития образования»',
      ['ГАУ ДПО «Амурский областной институт развития образования»:organisation'],
    ],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(kinds(splitExecutors(text, bareGlossary))).toEqual(expected);
  });

  it('gives standard abbreviations their full names', () => {
    expect(splitExecutors('РЦОИ', bareGlossary)).toEqual([
      { text: 'РЦОИ', kind: 'abbreviation', fullName: 'региональный центр обработки информации' },
    ]);
  });

  it('reads Latin look-alikes ("OO" in Latin) as the Cyrillic abbreviation', () => {
    const [e] = splitExecutors('OO', bareGlossary);
    expect(e?.kind).toBe('abbreviation');
    expect(e?.fullName).toBe('образовательная организация');
  });

  it('without sheet definitions a compound of legal form and name stays one organisation', () => {
    expect(kinds(splitExecutors('ГБУ ТО ЦОКО ГБОУ ДПО ТОИУУ', bareGlossary))).toEqual([
      'ГБУ ТО ЦОКО:organisation',
      'ГБОУ ДПО ТОИУУ:organisation',
    ]);
    expect(kinds(splitExecutors('ГАУ ДПО «АмИРО»', bareGlossary))).toEqual([
      'ГАУ ДПО «АмИРО»:organisation',
    ]);
  });

  it('user additions make a name known', () => {
    const g = buildGlossary(new Map(), {
      ТОИУУ: 'Тверской областной институт усовершенствования учителей',
    });
    expect(kinds(splitExecutors('МОУО ТОИУУ', g))).toEqual([
      'МОУО:abbreviation',
      'ТОИУУ:abbreviation',
    ]);
  });
});

describe('findUnknownAbbreviations', () => {
  const cases: Array<[string, string[]]> = [
    ['МО ТО ГБУ ТО ЦОКО ГБОУ ДПО ТОИУУ', []],
    ['ГБОУ ДПО ТОИУУ; ТОИУУ', []],
    ['МОУО, ОО, РЦОИ, ФИОКО', []],
    ['ВПР/ОГЭ/ЕГЭ, ГИА-9', []],
    ['МОУО, АБВГ; АБВГ, ТМЦ', ['АБВГ', 'ТМЦ']],
    ['Направление II, раздел IV, глава ХІ', []],
    ['ГАУ ДПО «АмИРО»', []],
    ['ГАУ ДПО «ТОИРО»', []],
    ['проект "ШКОЛА ЗАВТРА"', []],
    ['OO и MOУО', []],
    ['XYZ и ТОИУУ', ['XYZ']],
    ['ПЛАН МЕРОПРИЯТИЙ ПО ПОДДЕРЖКЕ ШКОЛ', []],
    ['Т.Н. Марчевская', []],
    ['ЦОКО\nЭКСПЕРТИЗА, ЮЮЮ', ['ЮЮЮ']],
    ['ПЛАН МЕРОПРИЯТИЙ муниципальной «дорожной карты»', []],
    ['Доля педагогов, прошедших КПК, ОТ общей численности; разработка НПА', []],
    ['Доля педагогов, прошедших ПКЦ, ОТ общей численности; разработка ЛНРА', ['ПКЦ', 'ЛНРА']],
    // Legal forms are known however they are built; capitals around "и" are an abbreviation.
    ['ФГАОУ ВО «Университет», ГАОУ ДПО «Институт», МБУДО «Центр», ГБПОУ «Колледж»', []],
    ['Областной центр диагностики и консультирования (ОЦДиК)', ['ОЦДиК']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(findUnknownAbbreviations(text, sheetGlossary)).toEqual(expected);
  });

  it('a sheet without definitions reports the undefined parts', () => {
    expect(findUnknownAbbreviations('ГБОУ ДПО ТОИУУ, МО ТО', bareGlossary)).toEqual(['ТОИУУ']);
  });
});
