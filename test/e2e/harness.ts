/**
 * The e2e test's machinery: the add-in's production build (and the fake office.js) compiled into a
 * temp folder, served on 127.0.0.1, one Chromium for every page, screenshots and axe-core.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'fs';
import { createServer, type Server } from 'http';
import { extname, join, normalize } from 'path';
import type { Page } from 'playwright-core';
import webpack, { type Configuration } from 'webpack';

export const ROOT = join(__dirname, '..', '..');
export const SHOTS = join(ROOT, 'test-output', 'screenshots');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function compile(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The add-in's own production build (webpack.config.js), into `out`, without source maps. */
export function addinConfigs(out: string): Configuration[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(join(ROOT, 'webpack.config.js')) as (
    env: unknown,
    argv: { mode: string },
  ) => Configuration[];
  return factory(undefined, { mode: 'production' }).map((c) => ({
    ...c,
    context: ROOT,
    devtool: false,
    output: { ...c.output, path: out },
    performance: { hints: false },
  }));
}

export function stubConfig(out: string): Configuration {
  return {
    mode: 'development',
    context: ROOT,
    target: ['web', 'es2017'],
    devtool: false,
    entry: { 'office-stub': './test/e2e/officeStub.ts' },
    output: { path: out, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'es2020', moduleResolution: 'bundler', noEmit: false },
            },
          },
        },
      ],
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(
      /^([/\\])+/,
      '',
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      });
    }),
  );
}

/** axe-core served from the site itself, so the page's CSP (script-src 'self') lets it in. */
export function addAxe(site: string): void {
  copyFileSync(require.resolve('axe-core/axe.min.js'), join(site, 'axe.min.js'));
}

/** The value `read` gives once it settles on `want` (or the last one after a few seconds). */
export async function settle<T>(read: () => Promise<T>, want: T): Promise<T> {
  let last = await read();
  for (let i = 0; i < 100 && JSON.stringify(last) !== JSON.stringify(want); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Full-page screenshots at the widths given (320 px always), the viewport restored after. */
export async function shoot(page: Page, name: string, widths: number[] = [320]): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize() ?? { width: 320, height: 900 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: before.height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; html: string }>;
}

/**
 * Violations axe reports that are not ones (each with the reason); anything else fails the test.
 *
 * Fluent UI v9 moves the focus with tabster, which puts invisible `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` elements at the edges of focus groups (the tab list, dialogs, the page). When
 * one is reached by Tab, tabster sends the focus on to a real element at once, so no one ever lands
 * on it; axe only sees a focusable element that is aria-hidden (aria-hidden-focus).
 */
export const KNOWN_FALSE_POSITIVES: Array<{ id: string; html: RegExp; why: string }> = [
  {
    id: 'aria-hidden-focus',
    html: /^<i [^>]*data-tabster-dummy/,
    why: 'tabster focus guards of Fluent UI, never focused for long',
  },
];

/** axe-core over the page as it is now: serious and critical violations, known ones left out. */
export async function axeViolations(page: Page, url: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ url: `${url}/axe.min.js` });
  const found = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, {
      resultTypes: ['violations'],
    })) as {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[]; html: string }>;
      }>;
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html })),
    }));
  })) as AxeViolation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(
        (n) => !KNOWN_FALSE_POSITIVES.some((k) => k.id === v.id && k.html.test(n.html)),
      ),
    }))
    .filter((v) => v.nodes.length > 0);
}
