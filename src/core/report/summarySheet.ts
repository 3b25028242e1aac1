/**
 * «Свод»: per municipality and year the number of schools with results, of ШНОР, the share of
 * ШНОР (a formula) and how many left the list; a region total (formulas over the rows above);
 * then the region indicators of docs/domain.md §3.5 with their numerators and denominators.
 */
import { a1 } from '../grid';
import type { CriteriaResult } from '../criteria/types';
import type { SheetPatch } from '../patch';
import { SheetBuilder } from './sheetBuilder';
import { COLORS, HEADER_STYLE, PERCENT, TABLE_STYLE, TITLE_STYLE } from './style';

export interface MunicipalityYear {
  schools: number;
  shnor: number;
  left: number;
}

/** Counts per municipality (sorted by name) and year. */
export function countByMunicipality(
  result: CriteriaResult,
): Map<string, Map<number, MunicipalityYear>> {
  const out = new Map<string, Map<number, MunicipalityYear>>();
  for (const s of result.schools) {
    const m = s.municipality || 'Муниципалитет не указан';
    let byYear = out.get(m);
    if (!byYear) out.set(m, (byYear = new Map()));
    for (const y of result.years) {
      const sy = s.years[String(y)];
      if (!sy?.hasResults) continue;
      let c = byYear.get(y);
      if (!c) byYear.set(y, (c = { schools: 0, shnor: 0, left: 0 }));
      c.schools++;
      if (sy.shnor) c.shnor++;
      if (sy.leftList) c.left++;
    }
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b, 'ru')));
}

const PER_YEAR = ['Школ', 'ШНОР', 'Доля ШНОР', 'Вышли'];

export function buildSummarySheet(
  name: string,
  order: number,
  result: CriteriaResult,
  indexSheet: string,
): SheetPatch {
  const b = new SheetBuilder(name, 'summary', order);
  const years = result.years;
  b.set(0, 0, 'Свод по муниципалитетам').format(0, 0, 0, 0, TITLE_STYLE);
  b.link(1, 0, indexSheet, '← Оглавление');
  const h1 = 3;
  const h2 = 4;
  b.set(h1, 0, 'Муниципалитет').merge(h1, 0, h2, 0);
  years.forEach((y, i) => {
    const c = 1 + i * PER_YEAR.length;
    b.set(h1, c, y).merge(h1, c, h1, c + PER_YEAR.length - 1);
    b.setRow(h2, c, PER_YEAR);
  });
  const right = years.length * PER_YEAR.length;
  b.format(h1, 0, h2, right, HEADER_STYLE);

  const counts = countByMunicipality(result);
  let r = h2 + 1;
  const top = r;
  const totals = years.map(() => ({ schools: 0, shnor: 0, left: 0 }));
  for (const [m, byYear] of counts) {
    b.set(r, 0, m);
    years.forEach((y, i) => {
      const c = 1 + i * PER_YEAR.length;
      const v = byYear.get(y) ?? { schools: 0, shnor: 0, left: 0 };
      const t = totals[i]!;
      t.schools += v.schools;
      t.shnor += v.shnor;
      t.left += v.left;
      b.setRow(r, c, [v.schools, v.shnor]);
      b.formula(
        r,
        c + 2,
        `=IF(${a1(r, c)}>0,${a1(r, c + 1)}/${a1(r, c)},"")`,
        v.schools > 0 ? v.shnor / v.schools : '',
      );
      b.set(r, c + 3, v.left);
    });
    r++;
  }
  const bottom = r - 1;
  b.set(r, 0, 'Итого по региону');
  years.forEach((_, i) => {
    const c = 1 + i * PER_YEAR.length;
    const t = totals[i]!;
    const sum = (cc: number) => (bottom >= top ? `=SUM(${a1(top, cc)}:${a1(bottom, cc)})` : '=0');
    b.formula(r, c, sum(c), t.schools);
    b.formula(r, c + 1, sum(c + 1), t.shnor);
    b.formula(
      r,
      c + 2,
      `=IF(${a1(r, c)}>0,${a1(r, c + 1)}/${a1(r, c)},"")`,
      t.schools > 0 ? t.shnor / t.schools : '',
    );
    b.formula(r, c + 3, sum(c + 3), t.left);
    b.format(top, c + 2, r, c + 2, { numFmt: PERCENT });
  });
  b.format(top, 0, r, right, TABLE_STYLE);
  b.format(r, 0, r, right, { bold: true, fill: COLORS.section });

  b.set(
    r + 1,
    0,
    'Школ — с результатами учитываемых процедур; вышли — были ШНОР в прошлом году и не стали ШНОР в этом.',
  );
  b.format(r + 1, 0, r + 1, 0, { italic: true, fontColor: COLORS.muted });

  // Region indicators.
  r += 3;
  b.set(r, 0, 'Показатели региона').format(r, 0, r, 0, { bold: true, fontSize: 12 });
  r++;
  b.setRow(r, 0, ['Показатель', 'Год', 'Числитель', 'Знаменатель', 'Значение']).format(
    r,
    0,
    r,
    4,
    HEADER_STYLE,
  );
  const indTop = r + 1;
  // Grouped by indicator in the engine's order, years ascending within each.
  const rank = new Map<string, number>();
  for (const ind of result.indicators) if (!rank.has(ind.id)) rank.set(ind.id, rank.size);
  const indicators = [...result.indicators].sort(
    (x, y) => rank.get(x.id)! - rank.get(y.id)! || x.year - y.year,
  );
  for (const ind of indicators) {
    r++;
    b.setRow(r, 0, [ind.title, ind.year, ind.numerator, ind.denominator]);
    b.formula(r, 4, `=IF(${a1(r, 3)}>0,${a1(r, 2)}/${a1(r, 3)},"")`, ind.value ?? '');
  }
  if (indicators.length) {
    b.format(indTop, 0, r, 4, TABLE_STYLE);
    b.format(indTop, 0, r, 0, { wrap: false });
    b.format(indTop, 4, r, 4, { numFmt: PERCENT });
  }
  b.widths([58, ...Array.from({ length: Math.max(right, 4) }, () => 14)]);
  b.freeze(h2 + 1, 1);
  b.print({ orientation: 'landscape', fitToWidth: true, titleRows: `${h1 + 1}:${h2 + 1}` });
  b.tab(COLORS.tab);
  return b.build();
}
