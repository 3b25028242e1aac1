/**
 * The built task pane in Chromium: the production bundle is built into a temp folder, served on
 * 127.0.0.1, office.js is routed to the fake Excel (plan sheet and results sheet), and the pane is
 * driven as a methodologist would: check the plan, jump to an issue, compute the criteria, write
 * the school tabs. Screenshots of each view go to test-output/screenshots/.
 *
 * Skipped with a plain message where Chromium is missing (required in CI).
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { createServer, type Server } from 'http';
import { tmpdir } from 'os';
import { extname, join, normalize } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack, { type Configuration } from 'webpack';
import { requireProgram } from '../support/programs';
import type { FakeExcelHandle } from './officeStub';

const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = requireProgram('chromium', 'браузерные тесты панели (test/e2e)');
const describeIf = CHROMIUM ? describe : describe.skip;

function compile(configs: Configuration[]): Promise<void> {
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
function addinConfigs(out: string): Configuration[] {
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

function stubConfig(out: string): Configuration {
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

function serve(dir: string): Promise<{ server: Server; url: string }> {
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

/** The value `read` gives once it settles on `want` (or the last one after a few seconds). */
async function settle<T>(read: () => Promise<T>, want: T): Promise<T> {
  let last = await read();
  for (let i = 0; i < 50 && JSON.stringify(last) !== JSON.stringify(want); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

describeIf('task pane in Chromium over the fake Excel', () => {
  let work: string;
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  const fake = <T>(fn: (h: FakeExcelHandle) => T): Promise<T> =>
    page.evaluate(`(${fn.toString()})(window.__fakeExcel)`) as Promise<T>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shnor-pane-e2e-'));
    const site = join(work, 'site');
    await compile([...addinConfigs(site), stubConfig(join(work, 'stub'))]);
    ({ server, url } = await serve(site));
    mkdirSync(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM!,
      headless: true,
      viewport: { width: 360, height: 900 },
      locale: 'ru-RU',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // No network: office.js comes from the fake, anything else off this machine is refused.
    await context.route('**/*', (route) => {
      const target = route.request().url();
      if (target === OFFICE_JS)
        return route.fulfill({
          path: join(work, 'stub', 'office-stub.js'),
          contentType: 'text/javascript',
        });
      if (target.startsWith(url)) return route.continue();
      blocked.push(target);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${url}/taskpane.html?view=check`);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('checks the plan and moves the selection to an issue by click and by keyboard', async () => {
    await page.getByRole('button', { name: 'Проверить активный лист' }).click();
    await page.getByRole('list', { name: 'Ошибки' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '1-check.png'), fullPage: true });
    await page.getByRole('button', { name: /^D6 Строка 6 без номера/ }).click();
    expect(await fake((h) => h.selection())).toEqual({ sheet: 'План 2025', address: 'D6' });
    await page.getByRole('button', { name: /^C8 / }).focus();
    await page.keyboard.press('Enter');
    expect(
      await settle(() => fake((h) => h.selection()), { sheet: 'План 2025', address: 'C8' }),
    ).toEqual({ sheet: 'План 2025', address: 'C8' });
  });

  it('applies the fixes after keeping a copy of the sheet', async () => {
    await page.getByRole('button', { name: /^Исправить всё, что можно/ }).click();
    await page.screenshot({ path: join(SHOTS, '2-fix-confirm.png'), fullPage: true });
    await page.getByRole('button', { name: 'Сохранить копию и исправить' }).click();
    await page.getByText('Исправлено: 2').waitFor();
    expect(await fake((h) => h.sheets())).toContain('План 2025 (копия)');
    expect(await fake((h) => h.text('План 2025', 'A7'))).toBe('2.');
  });

  it('reads the results and computes the criteria', async () => {
    await page.getByRole('tab', { name: 'Результаты и критерии' }).click();
    await page.getByRole('button', { name: 'Найти таблицы результатов' }).click();
    await page.getByText('Лист «Результаты», шапка в строке 1').waitFor();
    await page.getByRole('button', { name: 'Рассчитать критерии ШНОР' }).click();
    await page.getByText('Критерии рассчитаны').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, '3-results.png'), fullPage: true });
  });

  it('generates the school tabs with the index and the chart on the summary', async () => {
    await page.getByRole('tab', { name: 'Отчёт по школам' }).click();
    await page.getByRole('button', { name: 'Подготовить отчёт' }).click();
    await page.getByRole('list', { name: 'Будут созданы' }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, '4-report-preview.png'), fullPage: true });
    await page.getByRole('button', { name: /^Создать листы/ }).click();
    await page.getByRole('button', { name: 'Открыть «Оглавление»' }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, '5-report-done.png'), fullPage: true });
    const sheets = await fake((h) => h.sheets());
    expect(sheets).toEqual(expect.arrayContaining(['Оглавление', 'Свод']));
    expect(sheets.filter((s) => /СОШ|ООШ/.test(s))).toHaveLength(4);
    expect(await fake((h) => h.charts('Свод'))).toEqual([
      expect.objectContaining({ type: 'ColumnClustered', title: 'Доля ШНОР по муниципалитетам' }),
    ]);
    await page.getByRole('button', { name: 'Открыть «Оглавление»' }).click();
    expect(await settle(() => fake((h) => h.activeSheet()), 'Оглавление')).toBe('Оглавление');
  });

  it('follows the dark Office theme', async () => {
    const dark = await context.newPage();
    dark.on('pageerror', (e) => pageErrors.push(e.message));
    await dark.goto(`${url}/taskpane.html?view=settings&theme=dark`);
    await dark.getByRole('button', { name: 'Сохранить' }).waitFor();
    await dark.screenshot({ path: join(SHOTS, '7-settings-dark.png'), fullPage: true });
    const background = await dark.evaluate(
      () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
    );
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(80);
    await dark.close();
  });

  it('shows the settings and ran without page errors', async () => {
    await page.getByRole('tab', { name: 'Настройки' }).click();
    await page.getByRole('button', { name: 'Сохранить' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '6-settings.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]); // the pane asked for nothing outside this machine
  });
});
