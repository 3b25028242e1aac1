/**
 * Types of packages whose own declarations do not fit this CommonJS build: @orama/stemmers ships
 * ES-module types first in its export map, though its CommonJS file works as it is.
 */
declare module '@orama/stemmers/russian' {
  /** The Snowball stemmer for Russian: "мероприятий" → "мероприят". */
  export function stemmer(word: string): string;
}
