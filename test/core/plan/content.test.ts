/**
 * Content checks that look at the whole plan (issue #10 §2): the management cycle anywhere in the
 * sheet, indicators and their targets, repeated indicators and copied results, abbreviations in
 * every column, activities given by reference.
 */
import { gridFromValues, type CellValue } from '../../../src/core/grid';
import type { Issue } from '../../../src/core/issue';
import { checkSheet } from '../../../src/core/plan/check';

const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Ожидаемый результат'];

function check(rows: CellValue[][], above: CellValue[][] = [['План мероприятий на 2023 год']]) {
  return checkSheet(gridFromValues('План', [...above, HEADER, ...rows]), { asOf: '2023-06-01' })
    .issues;
}

const codes = (issues: Issue[], code: string): string[] =>
  issues.filter((i) => i.code === code).map((i) => `${i.severity} ${i.cell}`);

const stepsMissing = (issues: Issue[]): string[] =>
  issues
    .filter((i) => i.code === 'cycle-step-missing')
    .map((i) => /шага (\d)/.exec(i.message)![1]!);

describe('cycle-step-missing looks at the whole plan', () => {
  const rows: CellValue[][] = [
    ['1.', 'Мероприятия'],
    ['1.1', 'Семинар для учителей', 'март 2023', 'ИРО', 'Проведён семинар'],
  ];

  it('reports every step nothing speaks of, with the words in full', () => {
    const issues = check(rows);
    expect(stepsMissing(issues)).toEqual(['1', '2', '3', '4', '5', '6', '8', '9']);
    const step3 = issues.find((i) => i.message.includes('шага 3'))!;
    expect(step3.message).toContain('сбор информации, сбор данных, сбор сведений, анкетирование');
    expect(step3.message).not.toMatch(/информац,|анкетир,/);
  });

  it('finds a step in the text above the table, a section title, a result', () => {
    const issues = check(
      [
        ['1.', 'Мониторинг'],
        [
          '1.1',
          'Семинар для учителей',
          'март 2023',
          'ИРО',
          'Разработаны адресные рекомендации; принято управленческое решение',
        ],
      ],
      [
        ['План мероприятий на 2023 год'],
        ['Цель: повышение качества образования. Показатели: доля ШНОР, вышедших из перечня.'],
      ],
    );
    expect(stepsMissing(issues)).toEqual(['5', '9']);
  });

  it('says goals and indicators are an info when the sheet is the plan of a larger document', () => {
    const issues = check(rows, [
      ['ПЛАН МЕРОПРИЯТИЙ муниципальной «дорожной карты» по поддержке школ (2021-2023 гг.)'],
    ]);
    expect(stepsMissing(issues)).not.toContain('2');
    expect(codes(issues, 'cycle-step-in-passport')).toEqual(['info ', 'info ']);
  });

  it('knows the plan of a document by a section that carries out the quoted document', () => {
    const section = (title: string) => check([['1.', title], ...rows.slice(1)], [['Мероприятия']]);
    for (const title of [
      'Организационные механизмы реализации «дорожной карты»',
      'Мероприятия по реализации региональной «Программы поддержки школ»',
    ]) {
      expect(stepsMissing(section(title))).not.toContain('2');
      expect(codes(section(title), 'cycle-step-in-passport')).toHaveLength(2);
    }
    // Unquoted, the document may be this one or any other: indicators are still wanted here.
    const own = section('Мониторинг реализации дорожной карты');
    expect(stepsMissing(own)).toContain('2');
    expect(codes(own, 'cycle-step-in-passport')).toEqual([]);
  });
});

describe('indicator-without-target', () => {
  const indicator = (title: string, result: string) =>
    codes(check([['1', title, 'май 2023', 'ЦОКО', result]]), 'indicator-without-target');

  it('wants a target for a share the plan means to raise, whatever its result says', () => {
    expect(
      indicator('Доля ШНОР, показавших положительную динамику', 'Сформирован перечень школ'),
    ).toEqual(['warning E3']);
    expect(
      indicator(
        'Определение динамики результатов (показатель – доля ШНОР, показавших положительную динамику)',
        'Справка',
      ),
    ).toEqual(['warning E3']);
    expect(indicator('Определение доли педагогов, прошедших курсы', 'Отчёт')).toEqual([
      'warning E3',
    ]);
  });

  it('takes a target from any cell, in digits or in words', () => {
    expect(indicator('Доля школ, вошедших в ассоциации', 'не менее чем в 5 ассоциациях')).toEqual(
      [],
    );
    expect(indicator('Доля школ, вошедших в ассоциации', 'не менее в 5 ассоциаций')).toEqual([]);
    expect(indicator('Доля педагогов, прошедших курсы', '100 % школ')).toEqual([]);
    expect(indicator('Доля педагогов, прошедших курсы', 'не менее пяти педагогов')).toEqual([]);
  });

  it('leaves alone the ШНОР criterion and diagnostic shares', () => {
    expect(
      indicator(
        'Доля школ, в которых не менее 30% обучающихся не преодолели минимальный порог',
        'Сформирован перечень школ',
      ),
    ).toEqual([]);
    expect(indicator('Доля ОО, в которых выявлены ресурсные дефициты', 'Перечень ОО')).toEqual([]);
    expect(
      indicator('Доля школ, в которых не организована профилактика рисков', 'Перечень школ'),
    ).toEqual([]);
  });
});

describe('repeated indicators and copied results', () => {
  it('duplicate-indicator: one share in two rows', () => {
    const issues = check([
      [
        '1',
        'Доля ШНОР, показавших положительную динамику результатов (ВПР, ОГЭ)',
        '01.11.2023',
        'ЦОКО',
        '50%',
      ],
      [
        '2',
        'Определение динамики результатов ШНОР (показатель – доля ШНОР, показавших положительную динамику результатов (ВПР))',
        '20.12.2023',
        'ЦОКО',
        'не менее 50%',
      ],
      [
        '3',
        'Доля ШНОР, показавших положительную динамику результатов в 2024 году',
        '01.11.2023',
        'ЦОКО',
        '60%',
      ],
    ]);
    expect(codes(issues, 'duplicate-indicator')).toEqual(['warning B4']);
    expect(issues.find((i) => i.code === 'duplicate-indicator')!.message).toContain(
      'уже есть в строке 3 (№ 1): одна и та же доля в плане дважды, с разными сроками',
    );
  });

  it('copied-result: the same result under another procedure names the first one', () => {
    const result = 'Рекомендации по преподаванию в 9-х классах';
    const issues = check([
      ['1', 'Справки по итогам проведения ГИА-9 в 2023 году', 'ноябрь 2023', 'ИРО', result],
      ['2', 'Справки по итогам проведения ГИА-11 в 2023 году', 'ноябрь 2023', 'ИРО', result],
      ['3', 'Справки по итогам проведения ОГЭ в 2023 году', 'ноябрь 2023', 'ИРО', result],
    ]);
    expect(codes(issues, 'copied-result')).toEqual(['warning E4']);
    expect(issues.find((i) => i.code === 'copied-result')!.message).toBe(
      'Ожидаемый результат слово в слово повторяет результат мероприятия в строке 3 и говорит о «9-х», а мероприятие — о «ГИА-11»: похоже, текст скопирован и не исправлен.',
    );
    // ГИА-9 and ГИА-11 are two works, not a near repeat.
    expect(codes(issues, 'similar-title')).toEqual([]);
  });
});

describe('abbreviations and references', () => {
  it('scans every text column; legal forms are known; capitals around "и" count', () => {
    const issues = check([
      [
        '1',
        'Семинар ФГАОУ ВО «Университет»',
        'март 2023',
        'ГАОУ ДПО «Институт»',
        'Справка для ЛКПР',
      ],
      ['2', 'Консультации ОЦДиК', 'апрель 2023', 'ИРО', 'Проведены'],
    ]);
    expect(
      issues
        .filter((i) => i.code === 'undefined-abbreviation')
        .map((i) => `${i.cell} ${i.message}`),
    ).toEqual([
      'E3 Сокращение «ЛКПР» нигде в плане не расшифровано и не входит в список стандартных.',
      'B4 Сокращение «ОЦДиК» нигде в плане не расшифровано и не входит в список стандартных.',
    ]);
  });

  it('activity-by-reference: what is done stands in another document', () => {
    const issues = check([
      [
        '1',
        'Улучшение качества преподавания отдельных предметов (по отдельному плану).',
        'постоянно',
        'ОО',
        'Повышение качества',
      ],
    ]);
    expect(codes(issues, 'activity-by-reference')).toEqual(['info B3']);
    expect(issues.find((i) => i.code === 'activity-by-reference')!.message).toContain(
      '(«по отдельному плану»)',
    );
  });
});

describe('result-not-measurable', () => {
  const results = (...texts: string[]) =>
    check(
      texts.map((result, k) => [`1.${k + 1}`, `Семинар ${k + 1}`, 'март 2023', 'ИРО', result]),
      [['План мероприятий на 2023 год']],
    ).filter((i) => i.code === 'result-not-measurable');

  it('says once for the sheet which results name only a direction of change', () => {
    const found = results(
      'Повышение качества образования',
      'Аналитическая справка',
      'Развитие кадрового потенциала школ.\nУменьшение доли детей «группы риска»',
    );
    expect(found.map((i) => `${i.severity} ${i.cell}`)).toEqual(['info E3']);
    expect(found[0]!.message).toContain('2 мероприятий (№ 1.1, 1.3)');
  });

  it('is quiet for a result with a target, a product, or a product beside the aim', () => {
    expect(
      results(
        'Повышение качества образования: не менее 80 % школ',
        'Распространение опыта. Сформулированы адресные рекомендации',
        'Повышение квалификации педагогов',
        'Перечень школ',
      ),
    ).toEqual([]);
  });
});
