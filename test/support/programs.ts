/**
 * Finds an external program a test needs (LibreOffice, Chromium). Where it is missing the test is
 * skipped with a plain message; in CI (CI=true) a missing program is a failure, because .ci/run
 * installs both.
 */
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';

const CANDIDATES: Record<string, string[]> = {
  libreoffice: ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'],
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  pdfinfo: ['/usr/bin/pdfinfo'],
};

export function findProgram(name: keyof typeof CANDIDATES): string | null {
  for (const p of CANDIDATES[name] ?? []) if (existsSync(p)) return p;
  try {
    const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/**
 * Returns the program's path, or null after saying plainly that the tests are skipped.
 * Throws in CI, where the program must be there.
 */
export function requireProgram(name: keyof typeof CANDIDATES, what: string): string | null {
  const path = findProgram(name);
  if (path) return path;
  const msg = `${name} не найден: ${what} ПРОПУЩЕНЫ (установите пакет Debian, как это делает .ci/run).`;
  if (process.env.CI === 'true') throw new Error(`${msg} В CI программа обязательна.`);
  console.warn(msg);
  return null;
}
