/**
 * `check … --regional REGIONAL.xlsx`: the regional plan read as a source file for the checkPlans
 * use case (which finds its plan and the activities addressed to municipalities), and the
 * --match-threshold option. A file that cannot be read is a usage error said in Russian.
 */
import type { SourceFile } from '../app/types';
import { DEFAULT_MATCH_THRESHOLD } from '../core/regional/compareRegional';
import { REGISTRY_SHEET } from '../core/workbook/sheetNames';
import { loadInput } from './files';
import { UsageError } from './io';

export async function readRegionalPlan(file: string, shown: string): Promise<SourceFile> {
  if (!/\.xls[xm]$/i.test(file))
    throw new UsageError(
      `--regional ожидает книгу Excel (.xlsx) с региональным планом, получено «${shown}».`,
    );
  const loaded = await loadInput({ path: file, display: shown, explicit: true });
  if (loaded.error !== undefined) throw new UsageError(loaded.error);
  return { file: shown, sheets: loaded.workbook.sheets.filter((g) => g.sheet !== REGISTRY_SHEET) };
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
