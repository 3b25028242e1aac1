/**
 * «Оглавление»: one row per school with a link to its tab, municipality, full name, code and
 * ШНОР by year; an autofilter over the table so a curator can pick a municipality or the list.
 */
import { areaA1 } from '../grid';
import { widthToFit } from '../layout/text';
import type { SchoolCriteria } from '../criteria/types';
import type { SheetPatch } from '../patch';
import { SheetBuilder } from './sheetBuilder';
import { COLORS, HEADER_STYLE, TABLE_STYLE, TITLE_STYLE } from './style';

export interface IndexSheetInput {
  name: string;
  order: number;
  title: string;
  /** "Данные на 01.11.2024, порог доли «2» 30 %" and similar facts for the line under the title. */
  subtitle: string;
  years: number[];
  schools: Array<{ school: SchoolCriteria; sheet: string }>;
  /** Other generated sheets worth a link at the top (summary, timeline, criteria). */
  links: Array<{ sheet: string; text: string }>;
}

export function buildIndexSheet(input: IndexSheetInput): SheetPatch {
  const b = new SheetBuilder(input.name, 'index', input.order);
  b.set(0, 0, input.title).format(0, 0, 0, 0, TITLE_STYLE);
  b.set(1, 0, input.subtitle).format(1, 0, 1, 0, { fontColor: COLORS.muted });
  input.links.forEach((l, i) => b.link(2, 1 + i, l.sheet, l.text));
  const head = 4;
  const header = [
    '№',
    'Лист школы',
    'Муниципалитет',
    'Полное наименование',
    'Код ОО',
    ...input.years.map((y) => `ШНОР ${y}`),
  ];
  b.setRow(head, 0, header).format(head, 0, head, header.length - 1, HEADER_STYLE);
  input.schools.forEach(({ school, sheet }, i) => {
    const r = head + 1 + i;
    b.set(r, 0, i + 1);
    b.link(r, 1, sheet, sheet, 'A1', school.name);
    b.setRow(r, 2, [school.municipality, school.name, school.code]);
    input.years.forEach((y, j) => {
      const sy = school.years[String(y)];
      b.set(r, 5 + j, sy ? (sy.shnor ? 'ШНОР' : '—') : 'нет данных');
      if (sy?.shnor) b.format(r, 5 + j, r, 5 + j, { bold: true, fontColor: COLORS.lowFont });
    });
  });
  const last = head + Math.max(input.schools.length, 1);
  if (input.schools.length) b.format(head + 1, 0, last, header.length - 1, TABLE_STYLE);
  b.autoFilter(areaA1({ top: head, left: 0, bottom: last, right: header.length - 1 }));
  b.freeze(head + 1, 2);
  // municipalities on one line each: a wrapped name makes its rows twice as tall
  const municipality = widthToFit(
    input.schools.map((s) => s.school.municipality),
    {},
    24,
    45,
  );
  b.widths([6, 30, municipality, 60, 12, ...input.years.map(() => 13)]);
  b.print({ orientation: 'landscape', fitToWidth: true, titleRows: `${head + 1}:${head + 1}` });
  b.tab(COLORS.tab);
  return b.build();
}
