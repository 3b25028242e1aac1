import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkReportJson } from '../../src/cli/format/jsonSchema';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { readWorkbook } from '../../src/xlsx/read';
import { loadWorkbook, workbookToBuffer } from '../../src/xlsx/write';

interface Captured {
  io: Io;
  out: string[];
  err: string[];
}

function fakeIo(cwd: string): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd, today: '2023-06-01' },
    out,
    err,
  };
}

async function run(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  const c = fakeIo(cwd);
  const code = await main(['check', ...args], c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

const HEADER = [
  '№ п/п',
  'Наименование мероприятия',
  'Срок исполнения',
  'Ответственные исполнители',
];

/** A small, well-formed 2023 plan: title with the period, two sections, activities with deadlines. */
function cleanPlanRows(): Array<Array<string | number | Date | null>> {
  return [
    [
      null,
      'План мероприятий («дорожная карта») по поддержке школ с низкими образовательными результатами на 2023 год',
    ],
    [
      null,
      'Государственное бюджетное учреждение «Центр оценки качества образования» (далее — ЦОКО)',
    ],
    HEADER,
    ['I', 'Организационно-управленческие механизмы'],
    ['1.', 'Определение целей и показателей работы со ШНОР', 'январь 2023', 'ЦОКО'],
    [
      '2.',
      'Мониторинг образовательных результатов ШНОР по итогам ВПР',
      'февраль–март 2023',
      'ЦОКО, МОУО',
    ],
    [
      '3.',
      'Анализ результатов мониторинга и подготовка адресных рекомендаций',
      'до 15.04.2023',
      'ЦОКО',
    ],
    ['II', 'Методическое сопровождение'],
    [
      '4.',
      'Семинары и курсы повышения квалификации для педагогов ШНОР',
      'в течение 2023 года',
      'ИРО',
    ],
    ['5.', 'Утверждение приказа о мерах поддержки ШНОР', '01.09.2023', 'МОУО'],
    ['6.', 'Анализ эффективности принятых мер', 'декабрь 2023', 'ЦОКО, руководители ОО'],
  ];
}

async function writePlan(
  file: string,
  rows: Array<Array<string | number | Date | null>>,
  sheet = 'План',
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

/** An OLE compound file header with the EncryptedPackage stream name, as Excel writes for a password. */
function fakeEncrypted(): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([
    head,
    Buffer.alloc(504),
    Buffer.from('EncryptedPackage', 'utf16le'),
    Buffer.alloc(64),
  ]);
}

let dir: string;
const clean = () => path.join(dir, 'good', 'чистый.xlsx');
const bad = () => path.join(dir, 'mixed', 'с-ошибками.xlsx');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shnor-check-'));
  mkdirSync(path.join(dir, 'good'));
  mkdirSync(path.join(dir, 'mixed', 'вложенная'), { recursive: true });
  await writePlan(clean(), cleanPlanRows());
  const withErrors = cleanPlanRows();
  withErrors[5] = [
    '2.',
    'Мониторинг образовательных результатов ШНОР по итогам ВПР',
    '01.03-30.12.2022',
    'ЦОКО, МОУО',
  ];
  withErrors[8] = ['4.', 'Семинары и курсы повышения квалификации для педагогов ШНОР', null, 'ИРО'];
  await writePlan(bad(), withErrors);
  await writePlan(path.join(dir, 'mixed', 'вложенная', 'хороший.xlsx'), cleanPlanRows());
  writeFileSync(path.join(dir, 'mixed', 'битый.xlsx'), Buffer.from('PK\u0003\u0004garbage'));
  writeFileSync(
    path.join(dir, 'mixed', 'старый.xls'),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
  );
  writeFileSync(path.join(dir, 'mixed', 'пароль.xlsx'), fakeEncrypted());
  writeFileSync(path.join(dir, 'mixed', '~$с-ошибками.xlsx'), 'lock');
  writeFileSync(path.join(dir, 'only-broken.xlsx'), Buffer.from('not a workbook'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CheckJson = checkReportJson;

describe('shnor-roadmap check', () => {
  it('passes a clean plan with exit 0 and a summary line per sheet', async () => {
    const r = await run(dir, 'good');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Файл good/чистый.xlsx');
    expect(r.out).toContain('  Лист «План»: 6 мероприятий, 2 раздела; ошибок 0');
    expect(r.out).toContain('    Период: 01.01.2023 – 31.12.2023 (из заголовка)');
    expect(r.out).toMatch(
      /Итого: 1 файл \(проверено 1, не проверено 0\), 1 план, 6 мероприятий; ошибок 0/,
    );
    for (const line of r.out.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('exits 1 on a plan with errors and names the cells', async () => {
    const r = await run(dir, bad());
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines.some((l) => /^ {4}C6 +ошибка /.test(l))).toBe(true); // deadline in 2022 for a 2023 plan
    expect(lines.some((l) => /^ {4}C9 +ошибка /.test(l))).toBe(true); // no deadline
    const c6 = lines.findIndex((l) => /^ {4}C6 /.test(l));
    const c9 = lines.findIndex((l) => /^ {4}C9 /.test(l));
    expect(c6).toBeLessThan(c9);
  });

  it('checks the rest of a folder with broken, old, protected and lock files, and exits 1 saying so', async () => {
    const r = await run(dir, 'mixed', '--format', 'json');
    expect(r.code).toBe(1);
    const json = CheckJson.parse(JSON.parse(r.out));
    const byName = new Map(json.files.map((f) => [f.file, f]));
    expect([...byName.keys()].sort()).toEqual(
      [
        'mixed/битый.xlsx',
        'mixed/вложенная/хороший.xlsx',
        'mixed/пароль.xlsx',
        'mixed/с-ошибками.xlsx',
        'mixed/старый.xls',
      ].sort(),
    );
    expect(byName.get('mixed/пароль.xlsx')?.error).toMatch(/защищён паролем/);
    expect(byName.get('mixed/битый.xlsx')?.error).toMatch(/повреждён/);
    expect(byName.get('mixed/старый.xls')?.error).toMatch(/97–2003/);
    const good = byName.get('mixed/вложенная/хороший.xlsx')!;
    expect(good.error).toBeUndefined();
    const plan = good.sheets[0]!;
    expect(plan.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(plan.sections.map((s) => [s.row, s.number])).toEqual([
      [4, 'I'],
      [8, 'II'],
    ]);
    expect(plan.activities.map((a) => a.row)).toEqual([5, 6, 7, 9, 10, 11]);
    expect(plan.activities[1]).toMatchObject({
      number: '2',
      deadline: {
        text: 'февраль-март 2023',
        kind: 'month-range',
        start: '2023-02-01',
        end: '2023-03-31',
      },
      responsible: ['ЦОКО', 'МОУО'],
    });
    expect(
      json.issues.some(
        (i) =>
          i.file === 'mixed/с-ошибками.xlsx' &&
          i.sheet === byName.get('mixed/с-ошибками.xlsx')!.sheets[0]!.sheet &&
          i.severity === 'error' &&
          i.cell === 'C6',
      ),
    ).toBe(true);
    expect(r.err).toMatch(/не проверено файлов — 3/);
    expect(json).toMatchObject({ version: 1, command: 'check', valid: false });
    expect(json.stats).toMatchObject({ files: 5, filesFailed: 3 });
    expect(
      json.issues
        .filter((i) => i.code === 'unreadable-file')
        .map((i) => i.file)
        .sort(),
    ).toEqual(['mixed/битый.xlsx', 'mixed/пароль.xlsx', 'mixed/старый.xls']);
    expect(json.stats.errors).toBe(json.issues.filter((i) => i.severity === 'error').length);
  });

  it('json: a clean plan is valid, with exit 0, and every issue carries its title', async () => {
    const r = await run(dir, 'good', '--format', 'json');
    expect(r.code).toBe(0);
    const json = CheckJson.parse(JSON.parse(r.out));
    expect(json.valid).toBe(true);
    expect(json.files.every((f) => f.valid && f.error === undefined)).toBe(true);
    expect(json.stats).toMatchObject({ filesFailed: 0, errors: 0 });
    expect(json.stats.activities).toBe(
      json.files.flatMap((f) => f.sheets).reduce((n, s) => n + s.activities.length, 0),
    );
  });

  it('passes over its own review workbook left in the folder, and refuses it when named', async () => {
    const folder = path.join(dir, 'with-review');
    mkdirSync(folder);
    await writePlan(path.join(folder, 'план.xlsx'), cleanPlanRows());
    expect(
      (await run(dir, 'with-review', '--out', path.join('with-review', 'замечания.xlsx'))).code,
    ).toBe(0);
    // the clerk saves the review workbook in another program: our registry survives
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(folder, 'замечания.xlsx'));
    await wb.xlsx.writeFile(path.join(folder, 'замечания.xlsx'));

    const again = await run(dir, 'with-review', '--format', 'json');
    expect(again.code).toBe(0);
    const report = CheckJson.parse(JSON.parse(again.out));
    expect(report.files.map((f) => f.file)).toEqual([path.join('with-review', 'план.xlsx')]);
    expect(report.stats.filesIgnored).toBe(1);
    expect(report.stats.errors).toBe(0);

    const named = await run(dir, path.join('with-review', 'замечания.xlsx'));
    expect(named.code).not.toBe(0);
    expect(named.out + named.err).toContain('создан программой');
  });

  it('exits 2 when no file is usable', async () => {
    const r = await run(dir, 'only-broken.xlsx', 'нет-такого');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Ни один файл не удалось проверить.');
  });

  it.each([
    [
      ['--as-of', '01.06.2023', 'good'],
      '--as-of ожидает дату в виде ГГГГ-ММ-ДД, получено «01.06.2023».',
    ],
    [['--format', 'xml', 'good'], '--format ожидает одно из значений: text, json; получено «xml».'],
    [
      ['--period', 'весна', 'good'],
      '--period ожидает год (2023), годы (2023-2024) или учебный год (2022/2023), получено «весна».',
    ],
    [['--verbose', 'good'], 'Неизвестный параметр «--verbose».'],
    [[], 'Укажите хотя бы один файл .xlsx или папку с планами.'],
  ])('exits 2 with a Russian message for bad arguments %j', async (args, message) => {
    const r = await run(dir, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Использование: shnor-roadmap check');
  });

  it('checks only the sheet asked for and says when a file lacks it', async () => {
    const r = await run(dir, 'good', '--sheet', 'Другой');
    expect(r.code).toBe(2);
    expect(r.out).toContain('В файле нет листа «Другой». Листы файла: «План».');
    expect((await run(dir, 'good', '--sheet', 'план')).code).toBe(0);
  });

  it('writes a review workbook with --out, and replaces its sheets on the next run', async () => {
    const out = path.join(dir, 'review.xlsx');
    const first = await run(dir, 'mixed', '--out', 'review.xlsx');
    expect(first.code).toBe(1);
    expect(first.out).toContain('Книга замечаний записана: review.xlsx');
    // The user writes a note on «Замечания» and adds a sheet of their own.
    const wb = await loadWorkbook(readFileSync(out));
    wb.getWorksheet('Замечания')!.getCell('H2').value = 'исправлено';
    wb.addWorksheet('Мои заметки').getCell('A1').value = 'не трогать';
    writeFileSync(out, await workbookToBuffer(wb));
    const second = await run(dir, 'mixed', '--out', 'review.xlsx');
    expect(second.code).toBe(1);
    expect(second.out).toContain(
      'Лист «Замечания» из прошлой проверки был изменён вручную; он заменён новым.',
    );
    const read = await readWorkbook('review.xlsx', readFileSync(out));
    expect(read.sheets.find((s) => s.sheet === 'Мои заметки')?.rows[0]?.[0]?.v).toBe('не трогать');
    const visible = read.sheets.filter((s) => !read.hidden.includes(s.sheet)).map((s) => s.sheet);
    // The edited «Замечания» is kept as the user's own sheet (core/workbook/policy.ts).
    expect(visible).toEqual([
      'Замечания (правки пользователя)',
      'Мои заметки',
      'Сводка',
      'Замечания',
      // one protocol per checked file
      ...[1, 2, 3, 4, 5].map((k) => `Протокол ${k}`),
    ]);
    const summary = read.sheets.find((s) => s.sheet === 'Сводка')!;
    expect(summary.rows[0]?.map((c) => c?.v)).toEqual([
      'Файл',
      'Лист',
      'Название плана',
      'Период',
      'Мероприятий',
      'Ошибок',
      'Предупреждений',
      'Сведений',
      'Принято',
    ]);
    const files = summary.rows.slice(1).map((r) => r?.[0]?.v);
    expect(files).toHaveLength(5);
    expect(files).toContain('mixed/пароль.xlsx');
    const issues = read.sheets.find((s) => s.sheet === 'Замечания')!;
    const errorRows = issues.rows.slice(1).filter((r) => r?.[3]?.v === 'ошибка');
    expect(errorRows.some((r) => r?.[0]?.v === 'mixed/с-ошибками.xlsx' && r?.[2]?.v === 'C6')).toBe(
      true,
    );
  });

  it('does not check its own review workbook lying among the plans', async () => {
    const out = path.join(dir, 'good', 'замечания.xlsx');
    try {
      for (let i = 0; i < 2; i++) {
        const r = await run(dir, 'good', '--out', 'good/замечания.xlsx');
        expect(r.code).toBe(0);
        expect(r.out).not.toContain('Файл good/замечания.xlsx');
      }
      const read = await readWorkbook('замечания.xlsx', readFileSync(out));
      expect(read.sheets.find((s) => s.sheet === 'Сводка')?.rows.length).toBe(2);
    } finally {
      rmSync(out, { force: true });
    }
  });

  it('counts other files in a folder without failing on them', async () => {
    writeFileSync(path.join(dir, 'good', 'описание.txt'), 'x');
    try {
      const r = await run(dir, 'good');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Не книги Excel, пропущены: 1 (.txt).');
    } finally {
      rmSync(path.join(dir, 'good', 'описание.txt'));
    }
  });

  it('is listed in the general help', async () => {
    const c = fakeIo(dir);
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/check +проверить планы/);
  });
});
