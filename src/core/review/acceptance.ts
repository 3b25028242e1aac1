/**
 * Accepted remarks: a clerk decides that a remark stays as it is, with a justification. An
 * accepted remark still shows, apart, and does not count as an error; an acceptance that no
 * longer matches any remark is stale. Acceptances come from a review workbook's «Принято» and
 * «Обоснование» columns (CLI) or from the workbook's settings (add-in).
 */
import { defineIssues, type Issue, type Severity } from '../issue';
import { mainPart } from './remarkId';

export const REVIEW_ISSUES = defineIssues('plan-review', {
  'accepted-without-justification': {
    severity: 'warning',
    title: 'Ошибка принята без обоснования',
    description:
      'Ошибка отмечена как принятая («Принято» на листе «Замечания» или «Принять» в панели), но обоснование не записано. Она всё равно считается принятой.',
    action: 'Запишите обоснование в столбец «Обоснование» или снимите отметку «Принято».',
  },
  'acceptance-stale': {
    severity: 'info',
    title: 'Принятое замечание исчезло',
    description:
      'Замечание, отмеченное раньше как принятое, при этой проверке не найдено: его исправили, или мероприятие изменилось.',
    action:
      'Ничего делать не нужно; отметка «Принято» больше ни к чему не относится и не переносится.',
  },
});
declare module '../issue' {
  interface IssueRegistry {
    'review/acceptance': typeof REVIEW_ISSUES;
  }
}

export interface Acceptance {
  /** The remark's id when it was accepted. */
  id: string;
  sheet: string;
  code: string;
  severity: Severity;
  /** The remark as it read when accepted (for the stale report). */
  message: string;
  cell: string;
  /** Why it stays ("" when the clerk gave no reason). */
  justification: string;
}

export interface AcceptanceMatch {
  /** Per remark, in the order given: its acceptance, or undefined. */
  accepted: Array<Acceptance | undefined>;
  /** Acceptances that matched no remark. */
  stale: Acceptance[];
}

/**
 * Matches acceptances to remarks: the same id first, then the same main part (the activity was
 * renumbered since). Each acceptance covers one remark.
 */
export function matchAcceptances(
  remarks: ReadonlyArray<{ id: string }>,
  acceptances: readonly Acceptance[],
): AcceptanceMatch {
  const accepted = new Array<Acceptance | undefined>(remarks.length).fill(undefined);
  const used = new Set<number>();
  for (const key of [(id: string) => id, mainPart]) {
    const free = new Map<string, number[]>();
    acceptances.forEach((a, j) => {
      if (used.has(j)) return;
      const k = key(a.id);
      free.set(k, [...(free.get(k) ?? []), j]);
    });
    remarks.forEach((r, i) => {
      if (accepted[i]) return;
      const j = free.get(key(r.id))?.shift();
      if (j === undefined) return;
      accepted[i] = acceptances[j];
      used.add(j);
    });
  }
  return { accepted, stale: acceptances.filter((_, j) => !used.has(j)) };
}

function clip(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** An accepted error with no justification: still accepted, with this warning at its cell. */
export function acceptedWithoutJustification(remark: {
  sheet: string;
  cell: string;
  row: number;
  message: string;
}): Issue {
  return {
    severity: 'warning',
    code: 'accepted-without-justification',
    message: `Ошибка принята без обоснования: «${clip(remark.message)}».`,
    sheet: remark.sheet,
    cell: remark.cell,
    row: remark.row,
    fix: 'Впишите обоснование в столбец «Обоснование» листа «Замечания» или снимите отметку «Принято».',
  };
}

/** An acceptance that matches nothing now: the remark was fixed or changed. */
export function staleAcceptance(a: Acceptance, sheet: string): Issue {
  const where = a.cell ? ` (было в ячейке ${a.cell})` : '';
  return {
    severity: 'info',
    code: 'acceptance-stale',
    message: `Принятое замечание больше не встречается${where}: «${clip(a.message)}»${a.justification ? `; обоснование было: «${clip(a.justification, 80)}»` : ''}.`,
    sheet,
    cell: '',
    row: 0,
    fix: 'Замечание исправлено или изменилось: отметка «Принято» больше не нужна.',
  };
}
