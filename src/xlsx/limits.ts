/**
 * Limits on what an input workbook may unpack to (zip bombs). Checked before any part is parsed:
 * the sizes the zip directory declares, then the bytes each part really inflates to.
 */
import { z } from 'zod';

const MB = 1024 * 1024;

export const inputLimitsSchema = z.strictObject({
  /** Largest uncompressed part (one sheet's XML, the shared strings…), in megabytes. */
  maxPartMegabytes: z.number().positive().default(256),
  /** All parts of one workbook together, uncompressed, in megabytes. */
  maxTotalMegabytes: z.number().positive().default(1024),
  /** Uncompressed ÷ compressed size above which a part is taken for a zip bomb… */
  maxCompressionRatio: z.number().min(1).default(100),
  /** …once it unpacks to more than this many megabytes (small parts may compress very well). */
  ratioFromMegabytes: z.number().min(0).default(8),
});

export type InputLimits = z.infer<typeof inputLimitsSchema>;

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
