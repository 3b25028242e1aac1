/**
 * How close two activity titles are in meaning: the words reduced to their stems (the Snowball
 * stemmer for Russian), words that carry no meaning left out, each stem weighted by how rare it
 * is among the titles compared (inverse document frequency), so that «проведение» or «ШНОР»,
 * present everywhere, count less than «наставничество» or «ВПР».
 */
import { stemmer } from '@orama/stemmers/russian';
import { fixLookalikes } from '../text';

/** Prepositions, conjunctions, particles and words every plan title has. */
const STOP_WORDS = new Set(
  (
    'в во на по с со к ко о об обо от до из за для при без под над про через между у и а но или ' +
    'либо как что чтобы также том числе т ч г гг год года году годы годов течение рамках ' +
    'целях части их его ее не'
  ).split(' '),
);

/** The distinct stems of a title's meaningful words; numbers stay as they are ("9", "11"). */
export function titleStems(title: string): string[] {
  const words = fixLookalikes(title)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .match(/[a-zа-я0-9]+/g);
  const stems = new Set<string>();
  for (const w of words ?? []) {
    if (STOP_WORDS.has(w)) continue;
    if (/^\d+$/.test(w)) stems.add(w);
    else if (w.length >= 2) stems.add(stemmer(w));
  }
  return [...stems];
}

/** Weights of stems over a set of titles: log(1 + N / titles with the stem). */
export class StemWeights {
  private readonly df = new Map<string, number>();
  private readonly n: number;

  constructor(titles: ReadonlyArray<readonly string[]>) {
    this.n = titles.length;
    for (const stems of titles) for (const s of stems) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  weight(stem: string): number {
    return Math.log(1 + Math.max(this.n, 1) / (this.df.get(stem) ?? 1));
  }

  private total(stems: readonly string[]): number {
    let sum = 0;
    for (const s of stems) sum += this.weight(s);
    return sum;
  }

  /**
   * Similarity of a counterpart to a wanted title, 0–1: mostly how much of the wanted title's
   * weight the counterpart covers (a municipal title may add detail), partly how much of the
   * counterpart is about the wanted title (a long title of everything should not win); halved
   * when both titles have numbers and none in common.
   */
  similarity(wanted: readonly string[], counterpart: readonly string[]): number {
    const want = this.total(wanted);
    const have = this.total(counterpart);
    if (want === 0 || have === 0) return 0;
    const set = new Set(counterpart);
    const shared = wanted.filter((s) => set.has(s));
    const common = this.total(shared);
    const score = 0.75 * (common / want) + 0.25 * (common / have);
    // numbers name the procedure or grade: «ГИА-9» is not «ГИА-11»
    const numbers = (stems: readonly string[]) => stems.some((s) => /^\d+$/.test(s));
    const otherNumbers = numbers(wanted) && numbers(counterpart) && !numbers(shared);
    return otherNumbers ? score / 2 : score;
  }
}
