/**
 * The built task pane in Chromium over the fake Excel, driven as a methodologist would, with faults
 * injected: a request that fails, a sheet deleted or renamed during a write, a request over the
 * limit, clicks on another tab while a write runs. The production bundle is built into a temp
 * folder and served on 127.0.0.1; office.js is routed to the fake; nothing leaves the machine.
 * axe-core checks every view (help included); screenshots of every view at 320 px (350 and 450 where
 * the layout changes) go to test-output/screenshots/.
 *
 * Skipped with a plain message where Chromium is missing (required in CI).
 */
import { mkdtempSync, rmSync } from 'fs';
import type { Server } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { requireProgram } from '../support/programs';
import {
  OFFICE_JS,
  addAxe,
  addinConfigs,
  axeViolations,
  compile,
  serve,
  settle,
  shoot,
  stubConfig,
} from './harness';
import type { FakeExcelHandle } from './officeStub';

const CHROMIUM = requireProgram('chromium', 'браузерные тесты панели (test/e2e)');
const describeIf = CHROMIUM ? describe : describe.skip;
const NB = '\u00A0';
const LONG = { timeout: 60_000 };
jest.setTimeout(180_000);

describeIf('task pane in Chromium over the fake Excel', () => {
  let work: string;
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  /** Runs `fn` with the page's fake workbook handle. */
  const fake = <T>(p: Page, fn: (h: FakeExcelHandle) => T): Promise<T> =>
    p.evaluate(`(${fn.toString()})(window.__fakeExcel)`) as Promise<T>;
  const open = async (query: string): Promise<Page> => {
    const p = await context.newPage();
    p.on('pageerror', (e) => pageErrors.push(e.message));
    await p.goto(`${url}/taskpane.html?${query}`);
    return p;
  };
  const tab = (p: Page, name: string) => p.getByRole('tab', { name, exact: true }).click();
  const noAxeViolations = async (p: Page) => expect(await axeViolations(p, url)).toEqual([]);
  const inViewport = async (p: Page, l: Locator) => {
    const box = await l.boundingBox();
    const height = p.viewportSize()!.height;
    return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= height;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shnor-pane-e2e-'));
    const site = join(work, 'site');
    await compile([...addinConfigs(site), stubConfig(join(work, 'stub'))]);
    addAxe(site);
    ({ server, url } = await serve(site));
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM!,
      headless: true,
      viewport: { width: 320, height: 900 },
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
    // The ribbon's «Проверить план».
    await page.goto(`${url}/taskpane.html?view=check&run=check`);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('«Проверить план» and the plan view', () => {
    it('checks the active sheet at once when opened from the ribbon', async () => {
      await page.getByRole('list', { name: 'Ошибки' }).waitFor(LONG);
      expect(await page.getByText('План 2025', { exact: true }).count()).toBeGreaterThan(0);
      // The tabs in one row at 320 px.
      expect((await page.getByRole('tablist').boundingBox())!.height).toBeLessThan(40);
      await shoot(page, '01-check', [320, 350, 450]);
      await noAxeViolations(page);
    });

    it('is one main landmark with linked tabs and panels and headings in order', async () => {
      expect(await page.locator('main').count()).toBe(1);
      expect(await page.locator('main').getAttribute('role')).toBeNull();
      for (const t of await page.getByRole('tab').all()) {
        const panel = page.locator(`#${await t.getAttribute('aria-controls')}`);
        expect(await panel.getAttribute('role')).toBe('tabpanel');
        expect(await panel.getAttribute('aria-labelledby')).toBe(await t.getAttribute('id'));
      }
      const levels = await page.evaluate(() =>
        [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
          .filter((h) => (h as HTMLElement).offsetParent !== null)
          .map((h) => Number(h.tagName[1])),
      );
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++)
        expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    });

    it('reads an issue as «C8: message» with the fix as its description', async () => {
      const issue = page.getByRole('button', { name: /^C8: Не указан срок/ });
      expect(await issue.count()).toBe(1);
      const description = await issue.evaluate(
        (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
      );
      expect(description).toMatch(/^Что сделать: /);
    });

    it('moves the selection to an issue by click and by keyboard', async () => {
      await page.getByRole('button', { name: /^D6: Строка 6 без номера/ }).click();
      expect(await fake(page, (h) => h.selection())).toEqual({
        sheet: 'План 2025',
        address: 'D6',
      });
      await page.getByRole('button', { name: /^C8: / }).focus();
      await page.keyboard.press('Enter');
      expect(
        await settle(() => fake(page, (h) => h.selection()), { sheet: 'План 2025', address: 'C8' }),
      ).toEqual({ sheet: 'План 2025', address: 'C8' });
    });

    it('asks before fixing in a dialog that takes the focus, keeps a copy, and undoes on request', async () => {
      await page.getByRole('button', { name: /^Исправить всё, что можно/ }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await shoot(page, '02-fix-dialog');
      await noAxeViolations(page);
      await page.getByRole('button', { name: 'Сохранить копию и исправить' }).click();
      await page.getByText('Исправлено: 2').waitFor();
      expect(await fake(page, (h) => h.sheets())).toContain('План 2025 (копия)');
      expect(await fake(page, (h) => h.text('План 2025', 'A7'))).toBe('2.');
      await shoot(page, '03-fixed');
      await page.getByRole('button', { name: 'Отменить последнее действие надстройки' }).click();
      await page.getByText('Исправление отменено').waitFor();
      expect(await fake(page, (h) => h.text('План 2025', 'A7'))).toBe('2');
      expect(await fake(page, (h) => h.text('План 2025', 'D6'))).toBe('(далее — ЦОКО)');
      // The plan was checked again: the continuation row is back in the list.
      await page.getByRole('button', { name: /^D6: Строка 6 без номера/ }).waitFor();
    });

    it('does not promise to resume a write when a check fails', async () => {
      await fake(page, (h) => h.faults.failAt(1));
      await page.getByRole('button', { name: 'Проверить активный лист' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(
        /Не удалось проверить лист: Связь с Excel прервалась\. Повторите действие\.$/,
      );
      await fake(page, (h) => h.faults.reset());
    });

    it('offers the template on an empty sheet and names the sheets with a plan elsewhere', async () => {
      await fake(page, (h) => {
        h.addSheet('Пустой', []);
        h.activate('Пустой');
      });
      await page.getByRole('button', { name: 'Проверить активный лист' }).click();
      await page.getByText('Лист «Пустой» пуст.').waitFor();
      await shoot(page, '04-check-empty');
      await noAxeViolations(page);
      await page.getByRole('button', { name: 'Вставить шаблон плана' }).click();
      await page.getByText(/^Шаблон плана вставлен на новый лист «План мероприятий»/).waitFor();
      expect(await fake(page, (h) => h.activeSheet())).toBe('План мероприятий');

      await fake(page, (h) => {
        h.addSheet('Заметки', [['Просто заметки'], ['к совещанию']]);
        h.activate('Заметки');
      });
      await page.getByRole('button', { name: 'Проверить активный лист' }).click();
      await page.getByText('На листе «Заметки» нет таблицы плана.').waitFor();
      expect(await page.getByRole('button', { name: 'Проверить «План 2025»' }).count()).toBe(1);
      await shoot(page, '05-check-not-a-plan');
      await page.getByRole('button', { name: 'Проверить «План 2025»' }).click();
      await page.getByRole('list', { name: 'Ошибки' }).waitFor();
      expect(await fake(page, (h) => h.activeSheet())).toBe('План 2025');
    });
  });

  describe('results, criteria and the report', () => {
    it('keeps the main action and the summary on top and folds repeated notices', async () => {
      await fake(page, (h) => h.addResults('Результаты 2024', 1000));
      await tab(page, 'Критерии');
      await page.getByRole('button', { name: 'Найти таблицы результатов' }).click();
      await page.getByText(/^Найдено таблиц: 2; строк результатов:/).waitFor(LONG);
      expect(await page.getByText(`строк результатов: 4${NB}016.`, { exact: false }).count()).toBe(
        1,
      );
      const fold = page.getByRole('button', { name: /^Одинаковые названия школ: 111 — показать$/ });
      expect(await fold.count()).toBe(1);
      const compute = page.getByRole('button', { name: 'Рассчитать критерии ШНОР' });
      expect((await compute.boundingBox())!.y).toBeLessThan(300);
      // The plan sheet holds a plan, not a results table that failed.
      expect(await page.getByText(/«План 2025»: на листе нет таблицы результатов/).count()).toBe(0);
      // The filter names kinds in Russian.
      const options = await page
        .getByRole('combobox', { name: 'Фильтр по виду замечания' })
        .locator('option')
        .allTextContents();
      expect(options).toContain(`Одинаковые названия школ (111)`);
      for (const o of options) expect(o).not.toMatch(/^[a-z]+(-[a-z]+)+ \(/);
      await shoot(page, '06-results-found', [320, 450]);
      await noAxeViolations(page);
      await fold.click();
      expect(
        await page
          .getByRole('button', { name: /^Одинаковые названия школ: 111 — скрыть$/ })
          .count(),
      ).toBe(1);
    });

    it('shows an error where the user is, far down a long list', async () => {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const last = page.getByRole('button', { name: /^[A-Z]+\d+: / }).last();
      await fake(page, (h) => h.faults.failAt(1));
      await last.click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await inViewport(page, alert)).toBe(true);
      expect(await alert.evaluate((a) => a === document.activeElement)).toBe(true);
      await page.screenshot({
        path: join(__dirname, '..', '..', 'test-output', 'screenshots', '07-error-in-view-320.png'),
      });
      await fake(page, (h) => h.faults.reset());
    });

    it('promises in the report preview the names the sheets will really get', async () => {
      await tab(page, 'Отчёт');
      await page.getByRole('button', { name: 'Подготовить отчёт' }).click();
      const created = page.getByRole('list', { name: 'Будут созданы' });
      await created.waitFor(LONG);
      const names = await created.getByRole('listitem').allTextContents();
      expect(names).toContain('Результаты (2)');
      expect(names).not.toContain('Результаты');
      await shoot(page, '08-report-preview', [320, 450]);
      await noAxeViolations(page);
    });

    it('computes the criteria and names the sheets written, on a client with a lower request limit', async () => {
      await tab(page, 'Критерии');
      await fake(page, (h) => h.faults.limitRequests(1_000_000));
      await page.getByRole('button', { name: 'Рассчитать критерии ШНОР' }).click();
      await page.getByText('Критерии рассчитаны').waitFor(LONG);
      // Requests over the limit were refused and sent again in halves.
      expect(await fake(page, (h) => h.faults.refused)).toBeGreaterThan(0);
      await fake(page, (h) => h.faults.reset());
      expect(await page.getByText(/Листы: .*«Результаты \(2\)»/).count()).toBe(1);
      expect(await page.getByText(`Школ: 1${NB}004; годы: 2023, 2024`).count()).toBe(1);
      await shoot(page, '09-results-computed', [320, 450]);
      await noAxeViolations(page);
    });

    it('names the sheets the whole criteria run wrote after a failed write is repeated', async () => {
      await fake(page, (h) => h.faults.failAtWrite(2));
      const compute = page.getByRole('button', { name: 'Рассчитать критерии ШНОР' });
      await compute.click();
      const alert = page.getByRole('alert');
      await alert.waitFor(LONG);
      expect(await alert.textContent()).toMatch(/^Расчёт критериев не выполнен/);
      await fake(page, (h) => h.faults.reset());
      await compute.click();
      const done = page.getByText(/Листы: «/);
      await done.waitFor(LONG);
      expect(await done.textContent()).toMatch(/«Результаты \(2\)»/);
      expect(await page.getByText(/^Создано листов: 0, заменено: [1-9]/).count()).toBe(1);
    });

    it('runs one workbook job at a time: the other tabs say why their buttons wait', async () => {
      await tab(page, 'Отчёт');
      await page.getByRole('button', { name: 'Подготовить отчёт' }).click();
      const write = page.getByRole('button', { name: /^Создать листы/ });
      await write.waitFor(LONG);
      await fake(page, (h) => h.faults.delay(400));
      // A double click starts one write.
      await write.dblclick();
      await page.getByRole('button', { name: 'Отменить', exact: true }).waitFor();
      // Progress names the phase and counts sheets.
      await page
        .getByText(
          /^Запись отчёта\. (Записываю данные листов|Оформляю листы): [\d\u00A0]+\u00A0из\u00A0[\d\u00A0]+ листов?/,
        )
        .waitFor(LONG);
      await shoot(page, '10-report-writing');
      await tab(page, 'Критерии');
      expect(
        await page.getByRole('button', { name: 'Рассчитать критерии ШНОР' }).isDisabled(),
      ).toBe(true);
      await page.getByText(/^Сейчас идёт запись отчёта \(вкладка «Отчёт по школам»\)/).waitFor();
      await shoot(page, '11-another-job-running');
      await noAxeViolations(page);
      await fake(page, (h) => h.faults.delay(0));
      await tab(page, 'Отчёт');
      await page.getByRole('button', { name: /^Открыть «Оглавление»$/ }).waitFor(LONG);
      expect((await fake(page, (h) => h.sheets())).filter((s) => s === 'Оглавление')).toHaveLength(
        1,
      );
      expect(await fake(page, (h) => h.charts('Свод'))).toEqual([
        expect.objectContaining({ type: 'ColumnClustered', title: 'Доля ШНОР по муниципалитетам' }),
      ]);
      await shoot(page, '12-report-done');
      await noAxeViolations(page);
    });

    it('says after a failed and resumed write what the whole write did', async () => {
      await page.getByRole('button', { name: 'Подготовить отчёт' }).click();
      const write = page.getByRole('button', { name: /^Создать листы/ });
      await write.waitFor(LONG);
      await fake(page, (h) => h.faults.failAtWrite(1));
      await write.click();
      const alert = page.getByRole('alert');
      await alert.waitFor(LONG);
      expect(await alert.textContent()).toMatch(/запись продолжится с места остановки/);
      await shoot(page, '13-report-failed');
      await page.getByRole('button', { name: 'Продолжить запись' }).click();
      const done = page.getByText(/Создано: 0\u00A0листов, заменено: [1-9]/);
      await done.waitFor(LONG);
      await fake(page, (h) => h.faults.reset());
    });
  });

  describe('a sheet deleted or renamed while the report is written', () => {
    for (const [what, arm, check] of [
      [
        'deleted',
        (h: FakeExcelHandle) => h.faults.deleteSheetAtWrite(1, 'Оглавление'),
        'Оглавление',
      ],
      [
        'renamed',
        (h: FakeExcelHandle) => h.faults.renameSheetAtWrite(1, 'Свод', 'Мой свод'),
        'Свод',
      ],
    ] as const)
      it(`continues the write when a sheet was ${what}: the sheet is made again`, async () => {
        await tab(page, 'Отчёт');
        await page.getByRole('button', { name: 'Подготовить отчёт' }).click();
        const write = page.getByRole('button', { name: /^Создать листы/ });
        await write.waitFor(LONG);
        await fake(page, arm);
        await write.click();
        const alert = page.getByRole('alert');
        await alert.waitFor(LONG);
        expect(await alert.textContent()).toMatch(/переименовали или удалили/);
        await page.getByRole('button', { name: 'Продолжить запись' }).click();
        await page.getByText(/Отчёт готов/).waitFor(LONG);
        expect(await fake(page, (h) => h.sheets())).toContain(check);
        expect(await fake(page, (h) => h.sheets())).not.toContain('Мой свод');
        expect(await fake(page, (h) => h.text('Оглавление', 'A1'))).not.toBe('');
        await fake(page, (h) => h.faults.reset());
      });
  });

  describe('settings and help', () => {
    it('accepts the plan period as people write it and keeps the select readable at 320 px', async () => {
      await tab(page, 'Настройки');
      const period = page.getByRole('textbox', { name: /Период плана/ });
      await period.fill('2025 год');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Настройки сохранены в книге.').waitFor();
      const select = page.getByRole('combobox', { name: /Процедура — это/ });
      const fits = await select.evaluate((el) => {
        const s = el as HTMLSelectElement;
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(s).font;
        probe.style.whiteSpace = 'nowrap';
        probe.textContent = s.options[s.selectedIndex]!.text;
        document.body.append(probe);
        const wide = probe.offsetWidth;
        probe.remove();
        return wide + 24 <= s.clientWidth;
      });
      expect(fits).toBe(true);
      await shoot(page, '14-settings', [320, 450]);
      await noAxeViolations(page);
    });

    it('opens the help from inside the pane and from the ribbon address, offline', async () => {
      await page.getByRole('button', { name: 'Справка' }).click();
      await page.getByRole('heading', { name: 'Что означают замечания' }).waitFor();
      await shoot(page, '15-help', [320, 450]);
      await noAxeViolations(page);
      const help = await open('view=help');
      await help.getByRole('heading', { name: 'Справка', level: 2 }).waitFor();
      for (const name of [
        'Вкладки панели',
        'Стандартная структура плана',
        'Правило ШНОР и его настройки',
        'Что означают замечания',
        'Куда пишутся листы',
      ])
        expect(await help.getByRole('heading', { name }).count()).toBe(1);
      await help.getByText(/^План: содержание мероприятий/).click();
      expect(await help.getByText('Нет срока', { exact: true }).count()).toBe(1);
      await help.close();
    });
  });

  describe('other clients', () => {
    it('follows the dark Office theme with readable contrast', async () => {
      const dark = await open('view=check&run=check&theme=dark');
      await dark.getByRole('list', { name: 'Ошибки' }).waitFor(LONG);
      const background = await dark.evaluate(
        () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
      );
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      expect((r! + g! + b!) / 3).toBeLessThan(80);
      await shoot(dark, '16-check-dark');
      await noAxeViolations(dark);
      await tab(dark, 'Настройки');
      await shoot(dark, '17-settings-dark');
      await noAxeViolations(dark);
      await dark.close();
    });

    it('says what an older Excel cannot do at the top of the tab it affects, in plain words', async () => {
      const old = await open('view=check&run=check&api=1.8');
      await old.getByRole('list', { name: 'Ошибки' }).waitFor(LONG);
      const limits = old.getByRole('tabpanel').getByText(/объединённых ячейках/);
      expect(await limits.count()).toBe(1);
      expect(await old.getByRole('button', { name: /^Исправить/ }).count()).toBe(0);
      await shoot(old, '18-check-old-excel');
      await noAxeViolations(old);
      await tab(old, 'Отчёт');
      await old
        .getByRole('tabpanel')
        .getByText(/не будет автофильтра/)
        .waitFor();
      await old.getByRole('button', { name: 'Подготовить отчёт' }).click();
      await old.getByRole('button', { name: /^Создать листы/ }).click(LONG);
      const done = old.getByText(/Создано: /);
      await done.waitFor(LONG);
      expect(await done.textContent()).not.toMatch(/ExcelApi|автофильтр/);
      await shoot(old, '19-report-old-excel');
      expect(await old.getByText(/ExcelApi/).count()).toBe(0);
      await old.close();
    });

    it('puts a fix and a criteria run on Excel’s undo stack as one step where Excel can', async () => {
      const modern = await open('view=check&run=check&api=1.20');
      await modern.getByRole('list', { name: 'Ошибки' }).waitFor(LONG);
      const sheetsBefore = await fake(modern, (h) => h.sheets());
      await modern.getByRole('button', { name: /^Исправить всё, что можно/ }).click();
      await modern.getByRole('button', { name: 'Исправить', exact: true }).click();
      await modern.getByText('Исправлено: 2').waitFor();
      // No copy: copying a sheet would empty Excel's undo list.
      expect(await fake(modern, (h) => h.sheets())).toEqual(sheetsBefore);
      expect(await fake(modern, (h) => h.text('План 2025', 'A7'))).toBe('2.');
      expect(await fake(modern, (h) => h.undo())).toBe(true);
      expect(await fake(modern, (h) => h.text('План 2025', 'A7'))).toBe('2');
      expect(await fake(modern, (h) => h.text('План 2025', 'D6'))).toBe('(далее — ЦОКО)');

      // The first run hides the add-in's registry sheet, which Excel cannot undo; a later run
      // that only rewrites its sheets is one step.
      await tab(modern, 'Критерии');
      const compute = modern.getByRole('button', { name: 'Рассчитать критерии ШНОР' });
      await compute.click();
      await modern.getByText('Критерии рассчитаны').waitFor(LONG);
      expect(await fake(modern, (h) => h.text('Настройки', 'B3'))).toBe('0.3');
      await modern.getByText(/^Параметры правила ШНОР/).click();
      await modern.getByRole('textbox', { name: /Порог доли «2», %/ }).fill('35');
      await compute.click();
      await modern
        .getByText(/Последнее действие: расчёт критериев\. Его можно отменить и клавишами Ctrl\+Z/)
        .waitFor(LONG);
      expect(await fake(modern, (h) => h.text('Настройки', 'B3'))).toBe('0.35');
      expect(await fake(modern, (h) => h.undo())).toBe(true);
      expect(await fake(modern, (h) => h.text('Настройки', 'B3'))).toBe('0.3');
      await modern.close();
    });

    it('after a write that failed on a fresh workbook, counts the sheets the whole write created', async () => {
      const fresh = await open('view=report');
      await fresh.getByRole('button', { name: 'Подготовить отчёт' }).click();
      const write = fresh.getByRole('button', { name: /^Создать листы \((\d+)\)$/ });
      await write.waitFor(LONG);
      const total = Number(/\((\d+)\)/.exec((await write.textContent())!)![1]);
      await fake(fresh, (h) => h.faults.failAtWrite(1));
      await write.click();
      await fresh.getByRole('alert').waitFor(LONG);
      await fake(fresh, (h) => h.faults.reset());
      await fresh.getByRole('button', { name: 'Продолжить запись' }).click();
      await fresh.getByText(new RegExp(`Создано: ${total}${NB}листов?, заменено: 0`)).waitFor(LONG);
      // And the pane can take the whole report back.
      await fresh.getByRole('button', { name: 'Отменить последнее действие надстройки' }).click();
      await fresh.getByText('Действие отменено').waitFor(LONG);
      expect(await fake(fresh, (h) => h.sheets())).toEqual(['План 2025', 'Результаты']);
      await fresh.close();
    });
  });

  it('ran without page errors and asked for nothing outside this machine', () => {
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
