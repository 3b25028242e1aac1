/**
 * Limits on what an input workbook may unpack to (zip bombs), as the unzipper applies them. The
 * settings (zod, with their defaults) live in core/settings.ts under `inputLimits`. Checked before
 * any part is parsed: the sizes the zip directory declares, then the bytes each part inflates to.
 */
import { inputLimitsSchema, type InputLimits } from '../core/settings';

const MB = 1024 * 1024;

export { inputLimitsSchema, type InputLimits };

export const DEFAULT_INPUT_LIMITS: InputLimits = inputLimitsSchema.parse({});

/** The limits in bytes, as the unzipper uses them. */
export interface ByteLimits {
  maxPartBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioFromBytes: number;
}

export function byteLimits(limits: InputLimits = DEFAULT_INPUT_LIMITS): ByteLimits {
  return {
    maxPartBytes: Math.floor(limits.maxPartMegabytes * MB),
    maxTotalBytes: Math.floor(limits.maxTotalMegabytes * MB),
    maxRatio: limits.maxCompressionRatio,
    ratioFromBytes: Math.floor(limits.ratioFromMegabytes * MB),
  };
}

/** "1,5 ГБ", "300 МБ", "12 КБ": a size as a Russian reader expects it. */
export function sizeRu(bytes: number): string {
  const fmt = (x: number) => (x >= 10 ? String(Math.round(x)) : x.toFixed(1).replace('.', ','));
  if (bytes >= 1024 * MB) return `${fmt(bytes / (1024 * MB))} ГБ`;
  if (bytes >= MB) return `${fmt(bytes / MB)} МБ`;
  return `${fmt(bytes / 1024)} КБ`;
}
