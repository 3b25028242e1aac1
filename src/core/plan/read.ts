/**
 * Reading a plan sheet as it really arrives (docs/domain.md §2.2–2.3): the title block and the plan
 * period above the header, then the row walk (walk.ts: sections, sub-headings, activities,
 * continuation rows, repeated headers, vertical merges, footers), then the activities assembled
 * (assemble.ts) once the period and the glossary are known.
 */
import type { Grid } from '../grid';
import { formatDateRu, squash } from '../text';
import { assembleActivities } from './assemble';
import { parseDeadline } from './deadline';
import { buildGlossary, harvestDefinitions } from './glossary';
import type { HeaderMatch } from './header';
import { findPeriod, inferPeriod } from './period';
import type { PlanRead, ReadOptions } from './planRead';
import { issueAt } from './rules/common';
import type { ColumnRole, Deadline, Period } from './types';
import { walkRows, type Draft } from './walk';

export type { PlanRead, ReadOptions } from './planRead';

const TITLE_WORDS = /(план|дорожн|программ|мероприяти|комплекс мер)/i;

/** Every string in the sheet, for harvesting "(далее — СОКР)" definitions. */
function* sheetTexts(grid: Grid): Generator<string> {
  for (const row of grid.rows) {
    if (!row) continue;
    for (const cell of row) if (cell && typeof cell.v === 'string') yield cell.v;
  }
}

function titleBlock(grid: Grid, header: HeaderMatch): string[] {
  const texts: string[] = [];
  for (let r = 0; r < header.row; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (const cell of row)
      if (cell && typeof cell.v === 'string' && cell.v.trim()) texts.push(squash(cell.v));
  }
  return texts;
}

function findPlanPeriod(grid: Grid, block: string[], opts: ReadOptions): Period | null {
  if (opts.period) return { ...opts.period, source: 'setting', text: 'задан в настройках' };
  for (const text of block) {
    const p = findPeriod(text);
    if (p)
      return {
        start: p.start,
        end: p.end,
        schoolYear: p.schoolYear,
        source: 'title',
        text: p.text,
      };
  }
  for (const name of [grid.sheet, opts.fileName?.replace(/\.[^.]+$/, '') ?? '']) {
    const p = name ? findPeriod(name) : null;
    if (p)
      return { start: p.start, end: p.end, schoolYear: p.schoolYear, source: 'name', text: p.text };
  }
  return null;
}

const PERIOD_FIX =
  'Укажите период в заголовке плана («на 2023 год», «на 2023/2024 учебный год») или в настройках.';

/**
 * Deadlines read with the plan's period; without one, the period is inferred from the deadlines
 * themselves (said in a warning) and they are read again with it.
 */
function readDeadlines(
  drafts: Draft[],
  stated: Period | null,
  sheet: string,
): { period: Period | null; deadlines: Deadline[]; issues: PlanRead['issues'] } {
  const parseAll = (p: Period | null): Deadline[] =>
    drafts.map((d) =>
      parseDeadline(d.deadlineValue, {
        period: p ? { start: p.start, end: p.end, schoolYear: p.schoolYear } : null,
      }),
    );
  const deadlines = parseAll(stated);
  if (stated) return { period: stated, deadlines, issues: [] };
  const inferred = inferPeriod(deadlines);
  if (!inferred) {
    const message =
      'Период плана не указан ни в заголовке, ни в названии листа или файла, и по срокам мероприятий его определить нельзя.';
    return {
      period: null,
      deadlines,
      issues: [issueAt(sheet, 'warning', 'period-not-found', -1, 0, message, PERIOD_FIX)],
    };
  }
  const text = `${formatDateRu(new Date(inferred.start))}–${formatDateRu(new Date(inferred.end))}`;
  const period: Period = { ...inferred, schoolYear: false, source: 'inferred', text };
  const message = `Период плана не указан ни в заголовке, ни в названии листа или файла; он определён по срокам мероприятий: ${text}. Сроки за пределами периода не проверялись.`;
  return {
    period,
    deadlines: parseAll(period),
    issues: [issueAt(sheet, 'warning', 'period-not-found', -1, 0, message, PERIOD_FIX)],
  };
}

export function readPlan(grid: Grid, header: HeaderMatch, opts: ReadOptions): PlanRead {
  const col = (role: ColumnRole): number => header.columns[role]?.col ?? -1;
  const block = titleBlock(grid, header);
  const title = block.find((t) => TITLE_WORDS.test(t)) ?? block[0] ?? '';
  const walk = walkRows(grid, header);

  // Definitions are harvested from every cell and from the texts continuation rows completed.
  const joined = walk.drafts.flatMap((d) =>
    d.continuationRows.length ? [d.texts.title ?? '', d.texts.responsible ?? ''] : [],
  );
  const glossary = buildGlossary(
    harvestDefinitions(new Set([...sheetTexts(grid), ...joined])),
    opts.glossaryExtra,
  );
  const { period, deadlines, issues } = readDeadlines(
    walk.drafts,
    findPlanPeriod(grid, block, opts),
    grid.sheet,
  );
  const { activities, meta } = assembleActivities(
    walk.drafts,
    deadlines,
    glossary,
    col('status') >= 0,
  );
  return {
    sheet: grid.sheet,
    header,
    col,
    title,
    titleBlock: block,
    period,
    sections: walk.sections,
    sectionMeta: walk.sectionMeta,
    activities,
    meta,
    glossary,
    issues: [...walk.issues, ...issues],
  };
}
