/**
 * The built command line, run as a user runs it: `node bin/shnor-roadmap.js …` in its own process.
 *
 * The CLI is compiled once per version of its sources (`tsc -p tsconfig.cli.json`, as
 * `npm run build:cli` does) into a folder under the system's temporary folder, laid out like the
 * package (bin/, dist/, package.json, node_modules → the project's), so jest workers share one
 * build and never write into the project's own dist/.
 */
import { execFileSync, spawn, spawnSync, type SpawnOptions } from 'child_process';
import { createHash } from 'crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['src/core', 'src/app', 'src/cli', 'src/xlsx', 'bench', 'scripts', 'bin'];
const CONFIG = ['package.json', 'tsconfig.json', 'tsconfig.cli.json'];
const BUILD_TIMEOUT_MS = 300_000;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

function sourceHash(): string {
  const hash = createHash('sha1');
  const files = [
    ...SOURCES.flatMap((d) => filesUnder(path.join(ROOT, d))),
    ...CONFIG.map((f) => path.join(ROOT, f)),
  ].sort();
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Path of the built launcher (bin/shnor-roadmap.js), building the CLI first if need be. */
export function builtCli(): string {
  const dir = path.join(tmpdir(), `shnor-cli-${sourceHash()}`);
  const launcher = path.join(dir, 'bin', 'shnor-roadmap.js');
  const building = `${dir}.building`;
  const started = Date.now();
  while (!existsSync(launcher)) {
    try {
      mkdirSync(building);
    } catch {
      // Another worker builds it: wait, unless its build was abandoned.
      const info = statSync(building, { throwIfNoEntry: false });
      if (info && Date.now() - info.mtimeMs > BUILD_TIMEOUT_MS)
        rmSync(building, { recursive: true, force: true });
      if (Date.now() - started > BUILD_TIMEOUT_MS) throw new Error('CLI build timed out');
      sleep(500);
      continue;
    }
    try {
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
          '-p',
          path.join(ROOT, 'tsconfig.cli.json'),
          '--outDir',
          path.join(building, 'dist'),
        ],
        { cwd: ROOT, stdio: 'pipe' },
      );
      mkdirSync(path.join(building, 'bin'));
      copyFileSync(
        path.join(ROOT, 'bin', 'shnor-roadmap.js'),
        path.join(building, 'bin', 'shnor-roadmap.js'),
      );
      copyFileSync(path.join(ROOT, 'package.json'), path.join(building, 'package.json'));
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(building, 'node_modules'));
      renameSync(building, dir);
    } catch (e) {
      rmSync(building, { recursive: true, force: true });
      throw e;
    }
  }
  return launcher;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to the end. */
export function runCli(args: string[], opts: SpawnOptions & { cwd: string }): CliRun {
  const r = spawnSync(process.execPath, [builtCli(), ...args], {
    ...opts,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...opts.env },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built CLI and resolves when it ends (for runs that overlap or are killed). */
export function startCli(
  args: string[],
  opts: SpawnOptions & { cwd: string },
): { child: ReturnType<typeof spawn>; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [builtCli(), ...args], {
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Is the Node stack of an internal error (or an English errno text) in the output? */
export function showsStack(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?/.test(text) || /Error: E[A-Z]+:/.test(text);
}
