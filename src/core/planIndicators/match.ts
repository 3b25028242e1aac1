/**
 * Which region indicator computed from the results (domain.md §3.5) a plan's indicator speaks of,
 * read from the meaning of its words: «Доля ШНОР, показавших положительную динамику
 * образовательных результатов…» is the share with positive dynamics, «Доля обучающихся,
 * подтвердивших текущую успеваемость…» the share that confirmed their marks.
 *
 * A false match would put a wrong number against a plan's target, so the rules are narrow: each
 * names what makes the indicator itself, and «Доля ШНОР» alone matches only when nothing else is
 * said of the schools (not «Доля ШНОР, педагоги которых освоили программы…»). What is found is
 * shown on the sheet and can be corrected in the settings (planIndicatorSources).
 */
import type { IndicatorId } from '../criteria/types';
import { squash } from '../text';

function normal(text: string): string {
  return squash(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["“”„]/g, '«');
}

/** The schools the region indicators count: ШНОР, or schools with low results, by any wording. */
const SHNOR =
  /(?:шнор|шнро|школ\S*,?\s+(?:(?:с|демонстрирующ\S*|показывающ\S*|имеющ\S*)\s+)?низки\S*\s+(?:образовательн\S*\s+)?результат\S*(?:\s+обучения)?)/;

/** Words that end a «Доля ШНОР» indicator: the share of the list itself, of all schools. */
const OF_ALL =
  /^(?:[\s,(]*(?:от|в|среди)\s+(?:общ\S+\s+)?(?:числ\S+|количеств\S+)?\s*(?:школ\S*|оо|общеобразовательн\S*\s+организац\S*|образовательн\S*\s+организац\S*)?(?:\s+(?:региона|области|края|республики|округа|района))?[\s)]*|[\s,]*в\s+регионе|[\s,]*%)*$/;

/** «— не менее 50 %» and similar at the end: a target, not part of the indicator's meaning. */
const TRAILING_TARGET =
  /[\s,:—–-]*(?:(?:не\s+)?(?:менее|ниже|более|выше|меньше|больше)|до|от|свыше|минимум|максимум)?\s*\d+(?:[.,]\d+)?(?:\s*[-–—]\s*\d+(?:[.,]\d+)?)?\s*(?:%|процент\S*)?[\s.]*$/;

interface Rule {
  id: IndicatorId;
  test: (s: string) => boolean;
}

const RULES: Rule[] = [
  {
    id: 'confirmed-share',
    test: (s) =>
      /подтверд\S*/.test(s) &&
      /(?:отметк|оценк|успеваемост|результат)/.test(s) &&
      /(?:обучающ|учащ|ученик|участник|школьник)/.test(s),
  },
  {
    id: 'left-list-share',
    test: (s) =>
      SHNOR.test(s) &&
      /(?:вышедш|вышл[иа]|выход\S*\s+из|исключ|выбывш|покинувш)/.test(s) &&
      /(?:перечн|списк|числа|групп|категори)/.test(s),
  },
  {
    id: 'positive-dynamics-share',
    test: (s) => SHNOR.test(s) && /положительн\S*\s+(?:\S+\s+)?динамик/.test(s),
  },
  {
    id: 'stagnation-share',
    test: (s) =>
      SHNOR.test(s) &&
      (/стагнац/.test(s) || /(?:тр[иеё]\S*|3)\s+(?:и\s+более\s+)?(?:год\S*|лет)\s+подряд/.test(s)),
  },
  {
    // the ШНОР rule itself, as plans spell it out (domain.md §3.3): low in two procedures in a
    // year, or in one procedure two years running
    id: 'shnor-share',
    test: (s) =>
      /^доля\s+(?:школ|оо|образовательн)/.test(s) &&
      /(?:не\s+менее|≥|более)\s*30\s*%/.test(s) &&
      /(?:не\s+преодолел|«2»|неудовлетворительн|двойк)/.test(s) &&
      /(?:двух\s+различн|2\s+различн|двух\s+(?:оценочн|процедур)|2\s+(?:оценочн|процедур)|(?:двух|2)\s+лет)/.test(
        s,
      ),
  },
  {
    id: 'low-any-share',
    test: (s) =>
      /^доля\s+(?:школ|оо|образовательн)/.test(s) &&
      /(?:«2»|неудовлетворительн|не\s+преодолел|двойк)/.test(s) &&
      /(?:хотя\s*-?\s*бы|по\s+крайней\s+мере|как\s+минимум)\s+(?:в\s+)?(?:одн|1)/.test(s),
  },
  {
    id: 'shnor-share',
    test: (s) => {
      const m = new RegExp(`^доля\\s+${SHNOR.source}`).exec(s.replace(TRAILING_TARGET, ''));
      return m !== null && OF_ALL.test(s.replace(TRAILING_TARGET, '').slice(m[0].length));
    },
  },
];

/** The computed indicator the text speaks of, or null. */
export function matchIndicator(text: string): IndicatorId | null {
  const s = normal(text);
  if (!s) return null;
  return RULES.find((r) => r.test(s))?.id ?? null;
}
