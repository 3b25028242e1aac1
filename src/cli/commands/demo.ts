/**
 * `shnor-roadmap demo`: a fictional region (results for three years, risk factors, a regional
 * plan), written as ordinary input workbooks, then run through check, criteria and report, so a
 * new user sees every part of the product on data that looks real. Deterministic: the same files
 * on every run.
 */
import { mkdir } from 'fs/promises';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkPlans } from '../../app/checkPlans';
import { NEW_WORKBOOK } from '../../app/types';
import { countBySeverity } from '../../core/issue';
import type { Grid } from '../../core/grid';
import { generatePlanGrid } from '../../core/synthetic/plan';
import { generateRegion } from '../../core/synthetic/region';
import { resultsGrid, riskGrid } from '../../core/synthetic/regionGrids';
import { isoDateOption, parseCommandArgs, stringOption } from '../args';
import { displayPath } from '../files';
import { FileError, fsErrorRu } from '../fsErrors';
import { EXIT, type Io } from '../io';
import type { Command } from '../command';
import { withOutput } from '../output';
import { readSettingsFile } from '../settingsFile';
import { describeRun, runReport } from '../reportRun';

const USAGE = `Использование: shnor-roadmap demo [--out ПАПКА] [--as-of ГГГГ-ММ-ДД]

Создаёт вымышленный регион (результаты ВПР, ОГЭ и ЕГЭ за три года, факторы риска школ,
региональный план мероприятий), записывает его в папку как обычные книги Excel и прогоняет
через проверку плана, расчёт критериев ШНОР и построение отчёта. Данные всегда одни и те же.

Параметры:
  --out ПАПКА          куда записать файлы (по умолчанию ./demo-output)
  --as-of ГГГГ-ММ-ДД   дата для просроченных мероприятий (по умолчанию 01.07 года плана,
                       чтобы демонстрация не зависела от сегодняшней даты)
  --help               эта справка`;

const OPTIONS = { out: { type: 'string' }, 'as-of': { type: 'string' } } as const;

/** The demo region: small enough to open at once, large enough for every case. */
export const DEMO = {
  schools: 36,
  seed: 2024,
  years: [2022, 2023, 2024],
  planYear: 2025,
  planActivities: 36,
} as const;

export const DEMO_FILES = {
  results: 'Результаты ОП 2022-2024.xlsx',
  risks: 'Факторы риска.xlsx',
  plan: 'План мероприятий 2025.xlsx',
  report: 'Отчёт по школам.xlsx',
} as const;

/** Writes grids as plain sheets (values and merges) — an input file as a user would have it. */
export async function writeGridsFile(grids: Grid[], file: string): Promise<void> {
  const wb = gridsWorkbook(grids);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  await withOutput(file, { shown: file }, (out) => out.replaceWith(data));
}

function gridsWorkbook(grids: Grid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet);
    g.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.v === null) return;
        const v = cell.v;
        // exceljs writes strings as text (never formulas), numbers, booleans and dates as they are.
        ws.getCell(r + 1, c + 1).value =
          typeof v === 'object' && !(v instanceof Date) ? v.error : v;
        if (typeof v === 'string' && v.includes('\n'))
          ws.getCell(r + 1, c + 1).alignment = { wrapText: true, vertical: 'top' };
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    const widths =
      g.rows[0]?.map((c) => Math.min(60, Math.max(10, String(c?.v ?? '').length + 2))) ?? [];
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, OPTIONS);
  const dir = path.resolve(io.cwd, stringOption(parsed, 'out') ?? 'demo-output');
  const asOfText = stringOption(parsed, 'as-of');
  // A fixed mid-plan date keeps the demo deterministic: part of the plan is done, part is overdue.
  const asOf = asOfText ? isoDateOption('as-of', asOfText) : `${DEMO.planYear}-07-01`;
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new FileError(fsErrorRu(e, displayPath(io.cwd, dir), 'create-folder'));
  }
  const at = (name: string) => path.join(dir, name);

  const region = generateRegion({ schools: DEMO.schools, seed: DEMO.seed, years: [...DEMO.years] });
  const planGrid = generatePlanGrid({
    activities: DEMO.planActivities,
    seed: DEMO.seed,
    year: DEMO.planYear,
  });
  await writeGridsFile([resultsGrid(region)], at(DEMO_FILES.results));
  await writeGridsFile([riskGrid(region)], at(DEMO_FILES.risks));
  await writeGridsFile([{ ...planGrid, sheet: 'План' }], at(DEMO_FILES.plan));
  io.out(
    `Вымышленный регион: ${region.schools.length} школ в ${region.municipalities.length} муниципалитетах, ` +
      `результаты ${DEMO.years[0]}–${DEMO.years[DEMO.years.length - 1]} (${region.rows.length} строк), план на ${DEMO.planYear} год.`,
  );
  io.out(`Исходные файлы записаны в ${displayPath(io.cwd, dir)}/`);

  const settings = await readSettingsFile(undefined, io.cwd);
  const checked = checkPlans({
    files: [{ file: DEMO_FILES.plan, sheets: [{ ...planGrid, sheet: 'План' }] }],
    settings,
    asOf,
    workbook: NEW_WORKBOOK,
  });
  const checks = checked.results.files[0]!.sheets;
  const counts = countBySeverity(checks.flatMap((c) => c.issues));
  const plan = checks.find((c) => c.isPlan);
  io.out(
    `Проверка плана: мероприятий ${plan?.activities.length ?? 0}; ошибок ${counts.error}, предупреждений ${counts.warning}, сведений ${counts.info} ` +
      `(подробно: shnor-roadmap check "${displayPath(io.cwd, at(DEMO_FILES.plan))}").`,
  );

  const result = await runReport({
    inputs: [at(DEMO_FILES.results), at(DEMO_FILES.risks)],
    out: at(DEMO_FILES.report),
    plan: at(DEMO_FILES.plan),
    settings,
    asOf,
    cwd: io.cwd,
  });
  io.out(describeRun(result, io.cwd));
  io.out(
    `Откройте «${displayPath(io.cwd, at(DEMO_FILES.report))}» в Excel: начните с листа «Оглавление».`,
  );
  return EXIT.ok;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'вымышленный регион: исходные файлы и готовый отчёт, чтобы посмотреть всё на примере',
  usage: USAGE,
  run,
};
