/**
 * Numbers and short phrases as Russian typography wants them in a narrow pane: a non-breaking
 * space between a number and its unit or word («30 %», «5 листов», «1 из 4») and as the thousands
 * separator («105 696»), so a line never breaks inside them. Pure; the same in every browser
 * (Intl's grouping character differs between ICU versions, so it is not used).
 */

export const NBSP = '\u00A0';

/** 105696 → "105 696", -1234.5 → "-1 234,5". */
export function count(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** "5 листов", "1 лист", "2 листа", "105 696 строк". */
export function plural(n: number, one: string, few: string, many: string): string {
  const d = Math.abs(n) % 10;
  const dd = Math.abs(n) % 100;
  const word = d === 1 && dd !== 11 ? one : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many;
  return `${count(n)}${NBSP}${word}`;
}

/** 0.3333 → "33,3 %"; null → "—". */
export function percent(v: number | null): string {
  if (v === null) return '—';
  return `${count(Math.round(v * 1000) / 10)}${NBSP}%`;
}

/** "1 из 4". */
export function ofTotal(part: number, total: number): string {
  return `${count(part)}${NBSP}из${NBSP}${count(total)}`;
}

/** The genitive after «из N»: «из 1 листа», «из 21 листа», «из 5 листов». */
export function ofForm(total: number, one: string, many: string): string {
  return total % 10 === 1 && total % 100 !== 11 ? one : many;
}
