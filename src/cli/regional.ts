/**
 * `check … --regional REGIONAL.xlsx`: the regional plan read and checked like any plan, for its
 * activities addressed to municipalities. A file that cannot be read, or has no plan, is a usage
 * error said in Russian.
 */
import * as path from 'path';
import { checkWorkbook, type SheetCheck } from '../core/plan/check';
import type { CheckedFile } from '../core/plan/reviewPatch';
import {
  compareWithRegional as compare,
  DEFAULT_MATCH_THRESHOLD,
  type RegionalComparison,
} from '../core/regional/compareRegional';
import type { PlanForMatching } from '../core/regional/match';
import { REGISTRY_SHEET } from '../core/workbook/sheetNames';
import { loadInput } from './files';
import { UsageError } from './io';

export async function readRegionalPlan(
  file: string,
  shown: string,
  asOf: string,
): Promise<PlanForMatching> {
  if (!/\.xls[xm]$/i.test(file))
    throw new UsageError(
      `--regional ожидает книгу Excel (.xlsx) с региональным планом, получено «${shown}».`,
    );
  const loaded = await loadInput({ path: file, display: shown, explicit: true });
  if (loaded.error !== undefined) throw new UsageError(loaded.error);
  const grids = loaded.workbook.sheets.filter((g) => g.sheet !== REGISTRY_SHEET);
  const sheets = checkWorkbook(grids, { asOf, fileName: path.basename(file) });
  if (!sheets.some((s) => s.isPlan))
    throw new UsageError(
      `В книге «${shown}» (--regional) не найдена таблица плана: нужны столбцы мероприятия, срока и ответственных.`,
    );
  return { file: shown, sheets };
}

/** --match-threshold: a number from 0 to 1, with a comma or a point; the default without it. */
export function thresholdOption(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MATCH_THRESHOLD;
  const value = Number(raw.trim().replace(',', '.'));
  if (!raw.trim() || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(
      `--match-threshold ожидает число от 0 до 1 (например, 0,5), получено «${raw}».`,
    );
  return value;
}

/** The checked municipal files against the regional plan (the matrix goes after «Замечания»). */
export function compareWithRegional(
  files: CheckedFile[],
  plan: PlanForMatching,
  threshold: number,
): RegionalComparison<CheckedFile> {
  // the files come from checkWorkbook: their sheets are SheetChecks, with their columns
  const checked = files as Array<CheckedFile & { sheets: SheetCheck[] }>;
  return compare(plan, checked, { threshold }, 2);
}
