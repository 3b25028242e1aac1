/** Parsed deadlines in Russian, for messages and the timeline. */
import { isoToRu } from '../months';
import type { Deadline } from '../types';
import { recurrenceLabelRu } from './recurrence';

function intervalRu(start: string | null, end: string | null): string {
  if (start && end) return start === end ? isoToRu(start) : `${isoToRu(start)} – ${isoToRu(end)}`;
  if (end) return `до ${isoToRu(end)}`;
  return '';
}

/**
 * The parsed deadline in Russian for messages and the timeline: "01.02.2023 – 15.05.2023",
 * "ежеквартально (01.01.2023 – 31.12.2023)", "срок задан ссылкой: «…»".
 */
export function deadlineLabelRu(d: Deadline): string {
  if (d.kind === 'empty') return 'срок не указан';
  if (d.kind === 'unparsed') return `срок не распознан: «${d.text}»`;
  if (d.kind === 'by-reference') return `срок задан ссылкой: «${d.text}»`;
  const interval = intervalRu(d.start, d.end);
  if (d.recurrence) {
    const r = recurrenceLabelRu(d.recurrence);
    return interval ? `${r} (${interval})` : r;
  }
  if (interval) return d.vague ? `постоянно (${interval})` : interval;
  return `«${d.text}» (год не определён: период плана неизвестен)`;
}
