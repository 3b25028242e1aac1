/** This program's version, for --version and the protocol of a check. */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** The package.json of this program: found by walking up from the compiled file (dist/src/cli). */
export function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'shnor-roadmap' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'неизвестна';
  }
}
