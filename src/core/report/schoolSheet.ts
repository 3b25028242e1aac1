/**
 * One school's tab (docs/domain.md §5): who the school is, its status by year in words, its risk
 * factors, the roadmap skeleton it completes, and the procedure × year matrix of participants,
 * failed and share failed (a formula; ≥ threshold highlighted by a conditional format that
 * references the threshold cell, so changing the threshold re-highlights).
 *
 * The roadmap comes before the matrix so that the checker finds its header in the first rows and
 * its footer note ends the plan table before the matrix starts.
 */
import { a1, columnLetter } from '../grid';
import type { SchoolCriteria } from '../criteria/types';
import type { SheetPatch } from '../patch';
import { roadmapRows, type RoadmapInput } from './roadmap';
import { SheetBuilder } from './sheetBuilder';
import { dynamicsText, shnorMark, statusSentence } from './status';
import {
  COLORS,
  HEADER_STYLE,
  HEADING_STYLE,
  PERCENT,
  SECTION_STYLE,
  TABLE_STYLE,
  TITLE_STYLE,
} from './style';

export interface SchoolSheetInput {
  school: SchoolCriteria;
  /** Every year of the report, ascending (a year without results still gets its columns). */
  years: number[];
  name: string;
  key: string;
  order: number;
  indexSheet: string;
  riskFactors: string[];
  roadmap: Omit<RoadmapInput, 'riskFactors'>;
  threshold: number;
  /** Formula for the threshold cell ("=Порог"), when the workbook holds the settings sheet. */
  thresholdFormula?: string;
}

const TYPE_ORDER: Record<string, number> = { ВПР: 0, ОГЭ: 1, ЕГЭ: 2 };

interface ProcedureKey {
  label: string;
  type: string;
  grade: number;
  subject: string;
}

/** Procedures the school has in any year, in the order ВПР by grade, ОГЭ, ЕГЭ; Russian first. */
export function schoolProcedures(school: SchoolCriteria): ProcedureKey[] {
  const byLabel = new Map<string, ProcedureKey>();
  for (const y of Object.values(school.years))
    for (const p of Object.values(y.shares))
      if (!byLabel.has(p.label))
        byLabel.set(p.label, {
          label: p.label,
          type: p.type,
          grade: p.grade ?? 0,
          subject: p.subject,
        });
  return [...byLabel.values()].sort(
    (a, b) =>
      (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9) ||
      a.grade - b.grade ||
      Number(!a.subject.startsWith('Русский')) - Number(!b.subject.startsWith('Русский')) ||
      a.subject.localeCompare(b.subject, 'ru'),
  );
}

/** The last year in which the school has results, or null. */
export function lastResultYear(school: SchoolCriteria): number | null {
  const ys = Object.keys(school.years).map(Number);
  return ys.length ? Math.max(...ys) : null;
}

/** № and Мероприятие wide for the roadmap; the matrix's year columns reuse the rest. */
const WIDTHS = [7, 48, 16, 18, 28, 16, 14, 16];

export function buildSchoolSheet(input: SchoolSheetInput): SheetPatch {
  const { school, years } = input;
  const b = new SheetBuilder(input.name, input.key, input.order);
  const lastCol = Math.max(7, 1 + years.length * 3);

  b.link(0, 0, input.indexSheet, '← Оглавление', 'A1', 'Вернуться к списку школ');
  b.set(1, 0, school.name).format(1, 0, 1, 0, TITLE_STYLE).merge(1, 0, 1, 7);
  b.set(
    2,
    0,
    `Код ОО: ${school.code || '—'} · ${school.municipality || 'муниципалитет не указан'}`,
  ).merge(2, 0, 2, 7);
  b.format(2, 0, 2, 0, { fontColor: COLORS.muted });

  // Status by year.
  let r = 4;
  b.set(r, 0, 'Статус по годам').format(r, 0, r, 0, HEADING_STYLE);
  r++;
  b.setRow(r, 0, [
    'Год',
    'Основание',
    'ШНОР',
    'Лет подряд в перечне',
    'Вышла из перечня',
    'Динамика к прошлому году',
  ]);
  b.format(r, 0, r, 5, HEADER_STYLE);
  const statusTop = r + 1;
  years.forEach((year, i) => {
    r++;
    const y = school.years[String(year)];
    b.setRow(r, 0, [
      year,
      statusSentence(y),
      shnorMark(y),
      y && y.consecutiveYears > 0 ? y.consecutiveYears : '—',
      y?.leftList ? 'да' : '—',
      dynamicsText(y, i === 0),
    ]);
    if (y?.shnor) b.format(r, 2, r, 2, { bold: true, fontColor: COLORS.lowFont, fill: COLORS.low });
  });
  b.format(statusTop, 0, r, 5, TABLE_STYLE);
  b.format(statusTop, 0, r, 0, { hAlign: 'center' });

  // Risk factors.
  r += 2;
  b.set(r, 0, 'Факторы риска').format(r, 0, r, 0, HEADING_STYLE);
  if (input.riskFactors.length) {
    input.riskFactors.forEach((f, i) => {
      r++;
      b.setRow(r, 0, [`${i + 1})`, f]).merge(r, 1, r, 7);
    });
  } else {
    r++;
    b.set(r, 0, 'Факторы риска не указаны.').format(r, 0, r, 0, {
      italic: true,
      fontColor: COLORS.muted,
    });
  }

  // Roadmap skeleton.
  r += 2;
  const roadmap = roadmapRows({ ...input.roadmap, riskFactors: input.riskFactors });
  for (const row of roadmap) {
    b.setRow(r, 0, row.values);
    switch (row.kind) {
      case 'title':
        b.format(r, 0, r, 0, HEADING_STYLE).merge(r, 0, r, 7);
        break;
      case 'header':
        b.format(r, 0, r, 7, HEADER_STYLE);
        break;
      case 'section':
        b.format(r, 0, r, 7, SECTION_STYLE).merge(r, 1, r, 7);
        break;
      case 'activity':
        b.format(r, 0, r, 7, TABLE_STYLE);
        break;
      case 'footer':
        b.format(r, 0, r, 0, { italic: true, fontColor: COLORS.muted }).merge(r, 0, r, 7);
        break;
    }
    r++;
  }

  // Procedure × year matrix.
  r += 1;
  b.set(r, 0, 'Результаты оценочных процедур').format(r, 0, r, 0, HEADING_STYLE);
  r++;
  b.setRow(r, 0, [null, 'Порог низкого результата (доля «2» не меньше)']);
  const thresholdRef = `$${columnLetter(2)}$${r + 1}`;
  if (input.thresholdFormula) b.formula(r, 2, input.thresholdFormula, input.threshold);
  else b.set(r, 2, input.threshold);
  b.format(r, 2, r, 2, { numFmt: '0%', bold: true });
  r++;
  const head1 = r;
  const head2 = r + 1;
  b.set(head1, 1, 'Процедура').merge(head1, 1, head2, 1);
  years.forEach((year, i) => {
    const c = 2 + i * 3;
    b.set(head1, c, year).merge(head1, c, head1, c + 2);
    b.setRow(head2, c, ['Участников', '«2»', 'Доля «2»']);
  });
  b.format(head1, 1, head2, 1 + years.length * 3, HEADER_STYLE);
  r = head2 + 1;
  const procs = schoolProcedures(school);
  const matrixTop = r;
  for (const p of procs) {
    b.set(r, 1, p.label);
    years.forEach((year, i) => {
      const res = school.years[String(year)]?.shares[p.label];
      if (!res) return;
      const c = 2 + i * 3;
      b.set(r, c, res.participants).set(r, c + 1, res.failed);
      if (res.participants > 0)
        b.formula(r, c + 2, `=${a1(r, c + 1)}/${a1(r, c)}`, res.failed / res.participants);
    });
    r++;
  }
  const matrixBottom = r - 1;
  if (procs.length) {
    b.format(matrixTop, 1, matrixBottom, 1 + years.length * 3, TABLE_STYLE);
    years.forEach((_, i) => {
      const c = 4 + i * 3;
      const range = `${columnLetter(c)}${matrixTop + 1}:${columnLetter(c)}${matrixBottom + 1}`;
      b.format(matrixTop, c, matrixBottom, c, { numFmt: PERCENT });
      b.conditional({
        range,
        operator: 'greaterThanOrEqual',
        value: `=${thresholdRef}`,
        style: { fill: COLORS.low, fontColor: COLORS.lowFont, bold: true },
      });
    });
  } else {
    b.set(r, 1, 'Результатов нет.');
    r++;
  }
  r++;
  b.set(r, 1, 'Доля «2» = «2» ÷ участников. Выделены процедуры с долей не ниже порога.').format(
    r,
    1,
    r,
    1,
    { italic: true, fontColor: COLORS.muted },
  );

  b.widths(Array.from({ length: lastCol + 1 }, (_, c) => WIDTHS[c] ?? 13));
  b.print({ orientation: 'landscape', fitToWidth: true, titleRows: '2:3' });
  b.tab(Object.values(school.years).some((y) => y.shnor) ? COLORS.shnorTab : COLORS.tab);
  return b.build();
}
