/**
 * Which activities of a regional plan are addressed to municipalities: those with an executor
 * such as МОУО, ОМСУ, «муниципальные органы управления образованием», «муниципальные
 * координаторы», or one the plan itself defines so («Органы местного самоуправления,
 * осуществляющие управление в сфере образования (далее — ОУО)»).
 */
import { findDefinitions, STANDARD_ABBREVIATIONS } from '../plan/glossary';
import type { Executor } from '../plan/types';
import { cleanText } from '../text';

/** Words that name a municipal body or person, in an executor's text or its full name. */
const MUNICIPAL = [
  /муниципальн/i,
  /местного\s+самоуправлени/i,
  /(^|[^А-ЯЁ])(МОУО|ОМСУ|МОЦ|ММС|ММЦ|ОМС)([^А-ЯЁ]|$)/,
  /органы\s+управления\s+образованием/i,
  /управлени[яей]\s+образовани[яем]\s+(район|городск|округ|администрац)/i,
  /(район|городск\S*\s+округ)\S*\s+(управлени|отдел)/i,
];

/** «МО» is ambiguous (министерство or муниципальное образование): its standard name decides nothing. */
const AMBIGUOUS = new Set([STANDARD_ABBREVIATIONS['МО']]);

const isMunicipalText = (text: string): boolean => MUNICIPAL.some((re) => re.test(text));

/**
 * Terms the plan defines as municipal bodies. The whole stretch of the cell before «(далее — X)»
 * counts, not only the full name the glossary guessed from the capitals: «Органы местного
 * самоуправления, осуществляющие управление в сфере образования (далее — ОУО)» is municipal
 * though «ОУО» also spells «осуществляющие управление … образования».
 */
export function municipalTerms(cells: Iterable<string>): Set<string> {
  const terms = new Set<string>();
  for (const text of cells) {
    const clean = cleanText(text);
    let from = 0;
    for (const d of findDefinitions(clean)) {
      const stretch = clean.slice(from, d.start).split(/[;\n]/).pop() ?? '';
      if (isMunicipalText(stretch)) terms.add(d.term);
      from = d.end;
    }
  }
  return terms;
}

export function isMunicipalExecutor(e: Executor, terms: ReadonlySet<string>): boolean {
  if (terms.has(e.text)) return true;
  const full = e.fullName && !AMBIGUOUS.has(e.fullName) ? e.fullName : '';
  return isMunicipalText(e.text) || (full !== '' && isMunicipalText(full));
}

/** True when the activity has a municipal executor. */
export function addressedToMunicipalities(
  a: { responsible: readonly Executor[] },
  terms: ReadonlySet<string>,
): boolean {
  return a.responsible.some((e) => isMunicipalExecutor(e, terms));
}
