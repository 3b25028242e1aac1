/**
 * The "Ответственные" cell split into executors (docs/domain.md §2.5), and the capitals nobody defined.
 */
import { cleanText, fixLookalikes, parseRoman } from '../text';
import { looksUnfinished } from './fragments';
import type { Executor } from './types';
import {
  REGION_MARKERS,
  cyrillicReading,
  findDefinitions,
  glossaryKey,
  isAbbreviation,
  isLegalForm,
  lookupTerm,
  type Glossary,
} from './glossary';

/** "Марчевская Т.Н.", "Марчевская Т. Н.", "Т.Н. Марчевская", "Иванов Иван Иванович". */
const PERSON = [
  /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?(?![а-яё])/u,
  /(?<![А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+/u,
  /[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|чна|оглы|кызы)(?![а-яё])/u,
];

/** Word stems that name a role or a group of people rather than an organisation. */
const ROLE_STEMS = [
  'координатор',
  'руководител',
  'директор',
  'заместител',
  'педагог',
  'учител',
  'специалист',
  'методист',
  'куратор',
  'наставник',
  'тьютор',
  'психолог',
  'эксперт',
  'родител',
  'обучающ',
  'ответственн',
  'сотрудник',
  'работник',
  'член',
  'администрац',
  'управленческ',
  'команд',
  'рабоч',
  'классн',
  'консультант',
];

function isPerson(text: string): boolean {
  return PERSON.some((re) => re.test(text));
}

/** A role when one of the first two words is a role stem ("Региональный координатор"). */
function isRole(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^а-яa-z-]+/)
    .filter((w) => w.length > 0)
    .slice(0, 2);
  return words.some((w) => ROLE_STEMS.some((stem) => w.startsWith(stem)));
}

/** Classifies one executor's text. */
function classify(text: string, glossary: Glossary): Executor {
  const full = lookupTerm(glossary, text);
  if (full !== undefined) {
    return full ? { text, kind: 'abbreviation', fullName: full } : { text, kind: 'abbreviation' };
  }
  if (isPerson(text)) return { text, kind: 'person' };
  if (isRole(text)) return { text, kind: 'role' };
  return { text, kind: 'organisation' };
}

/** Splits on whitespace outside «…» and "…", so a quoted name stays one token. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '«' || (ch === '"' && !quoted)) quoted = true;
    else if (ch === '»' || (ch === '"' && quoted)) quoted = false;
    if (/\s/.test(ch) && !quoted) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Longest run of tokens from i that is a known term; 0 when none. */
function longestKnown(toks: string[], i: number, glossary: Glossary, maxLen: number): number {
  for (let k = Math.min(maxLen, toks.length - i); k > 0; k--) {
    if (lookupTerm(glossary, toks.slice(i, i + k).join(' ')) !== undefined) return k;
  }
  return 0;
}

function maxTermTokens(glossary: Glossary): number {
  let max = 1;
  for (const key of glossary.known.keys()) max = Math.max(max, key.split(' ').length);
  return max;
}

const bare = (tok: string): string => glossaryKey(tok).replace(/[«»]/g, '');

/**
 * Splits a run of abbreviations written without separators ("МО ТО ГБУ ТО ЦОКО ГБОУ ДПО ТОИУУ")
 * into names, the longest known name first. A legal form opens a compound that takes the next
 * name ("ГБУ ТО ЦОКО" when only its parts are known); a region marker joins the name before it.
 */
function splitRun(toks: string[], glossary: Glossary): string[] {
  const maxLen = maxTermTokens(glossary);
  const names: string[] = [];
  let pending: string[] = [];
  let lastWasName = false;
  const flush = (): void => {
    if (pending.length) names.push(pending.join(' '));
    pending = [];
  };
  let i = 0;
  while (i < toks.length) {
    const k = longestKnown(toks, i, glossary, maxLen);
    const single = bare(toks[i]!);
    if (k === 1 && REGION_MARKERS.has(single) && lastWasName && names.length) {
      names[names.length - 1] += ` ${toks[i]}`;
      i += 1;
    } else if (k === 1 && isLegalForm(single)) {
      let j = i;
      while (j < toks.length && (isLegalForm(bare(toks[j]!)) || REGION_MARKERS.has(bare(toks[j]!))))
        j++;
      if (j < toks.length) j += Math.max(1, longestKnown(toks, j, glossary, maxLen));
      flush();
      names.push(toks.slice(i, j).join(' '));
      lastWasName = true;
      i = j;
    } else if (k > 0) {
      flush();
      names.push(toks.slice(i, i + k).join(' '));
      lastWasName = true;
      i += k;
    } else {
      pending.push(toks[i]!);
      lastWasName = false;
      i += 1;
    }
  }
  flush();
  return names;
}

/** A token that reads as an abbreviation: capitals, or a quoted one ("«АмИРО»"), or "ГИА-9". */
function abbreviationToken(tok: string): boolean {
  const inner = tok.replace(/[«»"“”„]/g, '').replace(/-\d+$/, '');
  return /^[A-Za-zА-Яа-яЁё]+$/.test(inner) && isAbbreviation(inner);
}

/** Executors of a text without definitions: a run of abbreviations is split, the rest is one. */
function runExecutors(run: string, glossary: Glossary): Executor[] {
  const text = run.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const toks = tokens(text);
  if (toks.length > 1 && toks.every(abbreviationToken)) {
    return splitRun(toks, glossary).map((name) => classify(name, glossary));
  }
  return [classify(text, glossary)];
}

/** Spans [from, to) where the text must not be split: parentheses, quotes, definitions. */
function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const d of findDefinitions(text)) spans.push([d.fullStart, d.end]);
  let depth = 0;
  let open = -1;
  let quoted = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' && depth++ === 0) open = i;
    else if (ch === ')' && depth > 0 && --depth === 0) spans.push([open, i + 1]);
    else if (ch === '«') quoted = i;
    else if (ch === '»' && quoted >= 0) {
      spans.push([quoted, i + 1]);
      quoted = -1;
    }
  }
  return spans;
}

/**
 * A line break where the cell only wrapped (a PDF paste keeps every wrap): the line stops
 * mid-phrase ("Министерство образования и\nнауки …", "учебно-\nметодический центр"). A next line
 * in lower case proves nothing: "Руководители школ\nпедагоги" are two executors.
 */
function wrapped(text: string, from: number, i: number): boolean {
  return text[i] === '\n' && looksUnfinished(text.slice(from, i));
}

/**
 * Splits a responsible cell into executors: on ";", "," and line breaks (not mere wraps) outside
 * parentheses, quotes and definitions; runs of abbreviations by the longest known names; "Полное название
 * (далее — X)" becomes one executor X with that full name.
 */
export function splitExecutors(text: string, glossary: Glossary): Executor[] {
  const clean = cleanText(text);
  const spans = protectedSpans(clean);
  const inSpan = (i: number): boolean => spans.some(([a, b]) => i >= a && i < b);
  const pieces: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (let i = 0; i <= clean.length; i++) {
    if (
      i === clean.length ||
      (/[;,\n]/.test(clean[i]!) && !inSpan(i) && !wrapped(clean, from, i))
    ) {
      pieces.push({ from, to: i });
      from = i + 1;
    }
  }
  const definitions = findDefinitions(clean);
  const result: Executor[] = [];
  for (const piece of pieces) {
    let cursor = piece.from;
    for (const d of definitions) {
      if (d.start < piece.from || d.start >= piece.to) continue;
      result.push(...runExecutors(clean.slice(cursor, Math.max(cursor, d.fullStart)), glossary));
      const full = d.fullName || lookupTerm(glossary, d.term) || '';
      result.push(
        full
          ? { text: d.term, kind: 'abbreviation', fullName: full }
          : { text: d.term, kind: 'abbreviation' },
      );
      cursor = d.end;
    }
    result.push(...runExecutors(clean.slice(cursor, piece.to).replace(/^[\s.]+/, ''), glossary));
  }
  return result;
}

/** Parts of every known term ("ТОИУУ" of "ГБОУ ДПО ТОИУУ"): never reported on their own. */
function knownParts(glossary: Glossary): Set<string> {
  const parts = new Set<string>();
  for (const key of glossary.known.keys()) {
    for (const w of key.split(/[^A-Za-zА-Яа-яЁё]+/)) if (w) parts.add(w);
  }
  return parts;
}

/** Letters of Russian words written in capitals ("МЕРОПРИЯТИЙ"): longer than any abbreviation. */
const SHOUTED_WORD = 7;

/** Short Russian words typed in capitals by mistake ("ОТ общей численности"). */
const CAPS_FUNCTION_WORDS = new Set([
  'НА',
  'ОТ',
  'ИЗ',
  'ЗА',
  'ДО',
  'ПО',
  'ИЛИ',
  'ДЛЯ',
  'ПРИ',
  'ПРО',
  'НЕ',
  'НИ',
  'КАК',
  'ЧТО',
  'ГОД',
]);

/** An abbreviation with a lower-case conjunction inside: "ОЦДиК", "МОиН". */
const MIXED_CASE = /^(?=(?:[^А-ЯЁ]*[А-ЯЁ]){3})[А-ЯЁ]+(?:и[А-ЯЁ]+)+$/;

/** The capitals tokens of a line, with whether each belongs to a phrase typed in capitals. */
function capsTokens(line: string): Array<{ word: string; shouted: boolean }> {
  const out: Array<{ word: string; shouted: boolean }> = [];
  // A run: capitals words separated by spaces only ("ПЛАН МЕРОПРИЯТИЙ").
  let run: string[] = [];
  const flush = (): void => {
    const shouted = run.some((w) => w.length >= SHOUTED_WORD);
    for (const word of run) out.push({ word, shouted });
    run = [];
  };
  let lastEnd = 0;
  for (const m of line.matchAll(/[A-Za-zА-Яа-яЁё]+/g)) {
    const w = m[0];
    const caps = (w.length >= 2 && w === w.toUpperCase()) || MIXED_CASE.test(w);
    if (!caps || !/^\s*$/.test(line.slice(lastEnd, m.index))) flush();
    if (caps) run.push(w);
    lastEnd = m.index + w.length;
  }
  flush();
  return out;
}

/**
 * All-capitals tokens of two or more letters (or capitals around a lower-case "и": "ОЦДиК") that
 * are neither standard, nor legal forms ("ФГАОУ"), nor defined, in order of first appearance. Skipped: Roman numerals, anything inside «…» or "…" (a quoted proper name such
 * as «АмИРО» is a name, not an abbreviation), parts of known multi-word terms, short function
 * words, and words in capitals: a token of 7+ letters, the words next to it, and every token of a
 * line with two such words (a title typed in capitals). Latin look-alikes ("OO") are read as
 * Cyrillic before the lookup.
 */
export function findUnknownAbbreviations(text: string, glossary: Glossary): string[] {
  const parts = knownParts(glossary);
  const found: string[] = [];
  const withoutQuotes = cleanText(text)
    .replace(/«[^»]*»?/g, ' ')
    .replace(/"[^"]*"?/g, ' ')
    .replace(/[“„][^”“]*[”“]?/g, ' ');
  for (const line of withoutQuotes.split('\n')) {
    const tokens = capsTokens(fixLookalikes(line));
    const shoutedLine = tokens.filter((t) => t.word.length >= SHOUTED_WORD).length >= 2;
    for (const { word: w, shouted } of tokens) {
      if (shoutedLine || shouted || CAPS_FUNCTION_WORDS.has(w)) continue;
      const key = glossaryKey(cyrillicReading(w) ?? w);
      if (glossary.known.has(key) || parts.has(key) || isLegalForm(key)) continue;
      if (parseRoman(w)) continue;
      if (!found.includes(w)) found.push(w);
    }
  }
  return found;
}
