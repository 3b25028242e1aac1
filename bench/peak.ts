/**
 * Preloaded into a benchmarked CLI process (`node --require dist/bench/peak.js …`): on exit it
 * writes the process's peak resident memory to stderr as one JSON line, so the parent reads the
 * memory of that run alone.
 */
import { writeSync } from 'fs';

process.on('exit', () => {
  writeSync(2, `\n${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
