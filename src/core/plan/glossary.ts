/**
 * Abbreviations of a plan: the standard ones every reader knows (docs/domain.md §2.5) and those the
 * sheet defines itself with "Полное название (далее — СОКР)".
 */
import { looksUnfinished } from './fragments';
import { cleanText, fixLookalikes, LATIN_LOOKALIKES, squash } from '../text';

/** Abbreviations that need no definition, with their full Russian names (legal forms too). */
export const STANDARD_ABBREVIATIONS: Record<string, string> = {
  ОО: 'образовательная организация',
  ОУ: 'образовательное учреждение',
  МОУО: 'муниципальный орган управления образованием',
  ОМСУ: 'орган местного самоуправления',
  ОИВ: 'орган исполнительной власти',
  МО: 'министерство образования (также муниципальное образование, методическое объединение)',
  МОЦ: 'муниципальный опорный (методический) центр',
  ЦНППМ: 'центр непрерывного повышения профессионального мастерства педагогических работников',
  ЦППМ: 'центр психолого-педагогической, медицинской и социальной помощи',
  ЦОКО: 'центр оценки качества образования',
  ИРО: 'институт развития образования',
  ИПК: 'институт повышения квалификации',
  РЦОИ: 'региональный центр обработки информации',
  ФИОКО: 'Федеральный институт оценки качества образования',
  ВПР: 'Всероссийские проверочные работы',
  ОГЭ: 'основной государственный экзамен',
  ЕГЭ: 'единый государственный экзамен',
  ГИА: 'государственная итоговая аттестация',
  ШНОР: 'школы с низкими образовательными результатами',
  ШНРО: 'школы с низкими результатами обучения',
  ШНСУ: 'школы, функционирующие в неблагоприятных социальных условиях',
  ФГОС: 'федеральный государственный образовательный стандарт',
  ВСОКО: 'внутренняя система оценки качества образования',
  ОВЗ: 'ограниченные возможности здоровья',
  ИОМ: 'индивидуальный образовательный маршрут',
  ПК: 'повышение квалификации',
  ВКС: 'видеоконференцсвязь',
  ДПО: 'дополнительное профессиональное образование',
  ПМПК: 'психолого-медико-педагогическая комиссия',
  СМИ: 'средства массовой информации',
  ГБУ: 'государственное бюджетное учреждение',
  ГАУ: 'государственное автономное учреждение',
  ГБОУ: 'государственное бюджетное образовательное учреждение',
  МБОУ: 'муниципальное бюджетное общеобразовательное учреждение',
  МАОУ: 'муниципальное автономное общеобразовательное учреждение',
  МКОУ: 'муниципальное казённое общеобразовательное учреждение',
  МОУ: 'муниципальное общеобразовательное учреждение',
  КО: 'комитет образования',
  ТО: 'область (в названиях: Тверской, Тамбовской, Томской, Тульской области)',
  НОО: 'начальное общее образование',
  ООО: 'основное общее образование',
  СОО: 'среднее общее образование',
  РФ: 'Российская Федерация',
  // Common in results and report forms of every plan.
  НПА: 'нормативный правовой акт',
  СОШ: 'средняя общеобразовательная школа',
  ООШ: 'основная общеобразовательная школа',
  КПК: 'курсы повышения квалификации',
  ШМО: 'школьное методическое объединение',
  РМО: 'районное методическое объединение',
  ГМО: 'городское методическое объединение',
  ИКТ: 'информационно-коммуникационные технологии',
  ЭОР: 'электронные образовательные ресурсы',
  ЦОР: 'цифровые образовательные ресурсы',
  ВШК: 'внутришкольный контроль',
  РСОКО: 'региональная система оценки качества образования',
  МСОКО: 'муниципальная система оценки качества образования',
  ФИС: 'федеральная информационная система',
  ОКО: 'оценка качества образования',
};

/**
 * Legal forms of institutions, built the way they are built: a level (Ф)Г / М / Ч / Н, a type Б / А /
 * К, an education kind (П / Д / Н)О, then У ("ГБУ", "ФГАОУ", "МБДОУ", "ГБПОУ", "МБУДО"), and the
 * education levels that follow them ("ДПО", "ВО", "СПО"). They need no definition and open a
 * compound name ("ГБУ ТО ЦОКО") rather than stand alone.
 */
const LEGAL_FORM = /^(?:ФГ|Г|М|Ч|Н)?(?:[БАК]?(?:[ПДН]?О)?|(?:[ПДН]?О)?[БАК]?)У(?:ДО|ДПО)?$/;
const EDUCATION_LEVELS = new Set(['ДПО', 'ВО', 'СПО', 'ДО', 'ПО', 'АНО', 'НКО']);

export function isLegalForm(token: string): boolean {
  const t = fixLookalikes(token).replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  return LEGAL_FORM.test(t) || EDUCATION_LEVELS.has(t);
}

/** Region markers attach to the word before them ("МО ТО"). */
export const REGION_MARKERS = new Set(['ТО']);

export interface Glossary {
  /** Normalised abbreviation (see glossaryKey) → full name; "" when defined without a name. */
  known: Map<string, string>;
}

/** One "(далее — X)" found in a text; offsets are into cleanText(text). */
export interface Definition {
  /** The defined term as written, outer quotes removed: "ГБУ ТО ЦОКО", "дорожная карта". */
  term: string;
  /** The phrase the term stands for; "" when the text has none (a lone continuation cell). */
  fullName: string;
  /** Where the full name starts (equals `start` when there is none). */
  fullStart: number;
  /** True when the full name was found by the term's capitals, false for a guessed phrase. */
  byAcronym: boolean;
  /** Offset of the opening parenthesis. */
  start: number;
  /** Offset just after the closing parenthesis. */
  end: number;
}

const DEFINITION = /\(\s*далее(?:\s+по\s+тексту)?\s*[-:]?\s*([^()]*?)\s*\)/giu;
/** Where a full name cannot run back past. Commas are soft: the acronym decides. */
const HARD_BOUNDARY = /[;\n():]/g;

/** Key under which an abbreviation is stored and looked up: spaces, quotes and look-alikes folded. */
export function glossaryKey(s: string): string {
  return fixLookalikes(squash(s))
    .replace(/["“„]([^"“”„«»]*)["“”]/g, '«$1»')
    .replace(/ё/g, 'е')
    .replace(/Ё/g, 'Е');
}

/** True for an abbreviation-like term: every word has at least two capitals ("ГАУ ДПО «АмИРО»"). */
export function isAbbreviation(term: string): boolean {
  const words = term
    .replace(/[«»"“”„]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return false;
  return words.every((w) => {
    const letters = w.replace(/[^A-Za-zА-Яа-яЁё]/g, '');
    const upper = letters.replace(/[^A-ZА-ЯЁ]/g, '').length;
    return upper >= 2 && upper >= letters.length - upper;
  });
}

/** Removes one pair of quotes around a whole term: «дорожная карта» → дорожная карта. */
function unquote(term: string): string {
  const m = /^[«"“„]([^«»"“”„]*)[»"”“]$/.exec(term);
  return m ? m[1]!.trim() : term;
}

interface Word {
  start: number;
  /** Letters only, lowercased, ё → е. */
  letters: string;
  /** True when the word is written in capitals (an abbreviation inside the name). */
  caps: boolean;
}

function wordsOf(text: string, offset: number): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const raw = fixLookalikes(m[0]);
    const letters = raw.replace(/[^A-Za-zА-Яа-яЁё]/g, '');
    if (!letters) continue;
    words.push({
      start: offset + m.index,
      letters: letters.toLowerCase().replace(/ё/g, 'е'),
      caps: letters.length >= 2 && letters === letters.toUpperCase(),
    });
  }
  return words;
}

/**
 * Finds where the full name of `term` starts inside `stretch` by matching the term's capitals
 * against word initials from the end ("Министерство образования Тверской области" ← "МО ТО").
 * Words in capitals may match several letters at once ("ГАУ ДПО …"); a few filler words
 * ("в", "сфере") may be skipped. Returns null when the acronym does not fit.
 */
function acronymStart(term: string, stretch: string, offset: number): number | null {
  const letters = fixLookalikes(term)
    .replace(/[^A-ZА-ЯЁ]/g, '')
    .toLowerCase()
    .replace(/ё/g, 'е');
  if (letters.length < 2) return null;
  const words = wordsOf(stretch, offset);
  let j = letters.length;
  let skips = 0;
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w]!;
    const need = letters.slice(0, j);
    if (word.caps && need.endsWith(word.letters)) j -= word.letters.length;
    else if (word.letters[0] === letters[j - 1]) j -= 1;
    else if (++skips > letters.length + 2) return null;
    if (j === 0) return word.start;
  }
  return null;
}

/** Every "(далее — X)" in a text, with the full name before it. */
export function findDefinitions(text: string): Definition[] {
  const clean = cleanText(text);
  const found: Definition[] = [];
  for (const m of clean.matchAll(DEFINITION)) {
    const term = unquote(m[1]!.trim());
    if (!term) continue;
    const start = m.index;
    const end = start + m[0].length;
    const before = clean.slice(0, start);
    let from = 0;
    for (const b of before.matchAll(HARD_BOUNDARY)) {
      // A definition that opens a line names the line above (a Word paragraph or page break); a
      // line that stops mid-phrase only wrapped ("осуществляющие управление в\nсфере …").
      if (b[0] === '\n' && /^\s*$/.test(before.slice(b.index + 1))) continue;
      if (b[0] === '\n' && looksUnfinished(before.slice(from, b.index))) continue;
      from = b.index + 1;
    }
    const stretch = clean.slice(from, start);
    let fullStart = acronymStart(term, stretch, from);
    const byAcronym = fullStart !== null;
    if (fullStart === null) {
      // No acronym to go by (a word like "дорожная карта"): the phrase after the last comma.
      const comma = stretch.lastIndexOf(',');
      fullStart = from + comma + 1;
    }
    while (fullStart < start && /\s/.test(clean[fullStart]!)) fullStart++;
    const fullName = clean.slice(fullStart, start).replace(/\s+/g, ' ').trim();
    found.push({ term, fullName, fullStart: fullName ? fullStart : start, byAcronym, start, end });
  }
  return found;
}

/**
 * Abbreviation → full name for every definition in the texts (the first full name wins).
 * Give the texts in reading order: a text that starts with "(далее — X)" (a continuation row of a
 * table pasted from Word) takes its full name from the text before it.
 */
export function harvestDefinitions(texts: Iterable<string>): Map<string, string> {
  const result = new Map<string, string>();
  let previous = '';
  for (const text of texts) {
    if (!text || !text.trim()) continue;
    if (/далее/i.test(text)) {
      const continuation = /^\s*\(\s*далее/i.test(text) && previous;
      const joined = continuation ? `${cleanText(previous)}\n${cleanText(text)}` : text;
      const skip = continuation ? cleanText(previous).length + 1 : 0;
      for (const d of findDefinitions(joined)) {
        if (d.start < skip) continue;
        // The text before may be another column: trust it only when the capitals fit.
        const full = d.fullStart < skip && !d.byAcronym ? '' : d.fullName;
        const had = result.get(d.term);
        if (had === undefined || (!had && full)) result.set(d.term, full);
      }
    }
    previous = text;
  }
  return result;
}

/** Standard abbreviations, then the sheet's own definitions, then the user's additions. */
export function buildGlossary(
  harvested: Map<string, string>,
  extra: Record<string, string> = {},
): Glossary {
  const known = new Map<string, string>();
  const add = (term: string, full: string): void => {
    const key = glossaryKey(term);
    if (key && (full || !known.has(key))) known.set(key, full);
  };
  for (const [term, full] of Object.entries(STANDARD_ABBREVIATIONS)) add(term, full);
  for (const [term, full] of harvested) add(term, full);
  for (const [term, full] of Object.entries(extra)) add(term, full);
  return { known };
}

/** The Cyrillic reading of a token typed wholly in Latin capitals that look Cyrillic ("OO" → «ОО»), or null. */
export function cyrillicReading(token: string): string | null {
  if (!/^[A-Z]+$/.test(token)) return null;
  let out = '';
  for (const ch of token) {
    const cyrillic = LATIN_LOOKALIKES[ch];
    if (cyrillic === undefined) return null;
    out += cyrillic;
  }
  return out;
}

/**
 * The full name of a known term ("" when defined without one), or undefined when unknown.
 * Terms typed in Latin look-alikes are read as Cyrillic.
 */
export function lookupTerm(glossary: Glossary, term: string): string | undefined {
  const key = glossaryKey(term);
  const direct = glossary.known.get(key);
  if (direct !== undefined) return direct;
  const words = key.split(' ');
  // Legal forms and their compounds ("ФГАОУ", "ГАОУ ДПО") are known without a definition.
  if (words.every(isLegalForm)) return '';
  const cyr = words.map((w) => cyrillicReading(w));
  if (cyr.some((w) => w !== null)) {
    return glossary.known.get(words.map((w, i) => cyr[i] ?? w).join(' '));
  }
  return undefined;
}
