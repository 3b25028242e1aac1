/**
 * Reads the schools' risk factors from a sheet the user keeps: a header with the school code (or
 * name) and one or more columns whose header mentions "фактор" / "риск"; several factors in one
 * cell may be separated by ";" or line breaks. Factors are kept as written (the list is the
 * user's data, docs/domain.md §4).
 */
import { a1, valueAt, type Grid } from '../grid';
import { defineIssues, type Issue } from '../issue';
import { cellText, foldKey } from '../text';

export const RISK_FACTOR_ISSUES = defineIssues('report', {
  'risk-factors-over-three': {
    severity: 'info',
    title: 'Больше трёх факторов риска',
    description:
      'У школы на листе факторов риска указано больше трёх факторов; обычно назначают не более трёх. В отчёт попадают все.',
    action: 'Проверьте список факторов школы.',
  },
});
declare module '../issue' {
  interface IssueRegistry {
    'report/riskFactors': typeof RISK_FACTOR_ISSUES;
  }
}

export interface RiskFactorsRead {
  /** By school code (and by folded name when a row has no code). */
  bySchool: Map<string, string[]>;
  /** Sheets the factors were read from. */
  sheets: string[];
  issues: Issue[];
}

const CODE_HEADERS = new Set(['кодоо', 'код', 'логиноо', 'логин']);
const NAME_HEADERS = new Set(['оо', 'наименованиеоо', 'образовательнаяорганизация', 'школа']);

function isFactorHeader(key: string): boolean {
  return key.includes('фактор') || key.startsWith('риск');
}

/** Key under which a school's factors are found: the code, else the folded name. */
export function riskKey(code: string, name: string): string {
  return code ? code.trim().toLowerCase() : `name:${foldKey(name)}`;
}

export function readRiskFactors(grids: Grid[]): RiskFactorsRead {
  const out: RiskFactorsRead = { bySchool: new Map(), sheets: [], issues: [] };
  for (const grid of grids) {
    const last = Math.min(grid.rows.length, 10);
    for (let r = 0; r < last; r++) {
      const row = grid.rows[r] ?? [];
      let codeCol = -1;
      let nameCol = -1;
      const factorCols: number[] = [];
      row.forEach((cell, c) => {
        const key = foldKey(cellText(cell?.v ?? null));
        if (CODE_HEADERS.has(key) && codeCol < 0) codeCol = c;
        else if (NAME_HEADERS.has(key) && nameCol < 0) nameCol = c;
        else if (isFactorHeader(key)) factorCols.push(c);
      });
      if (!factorCols.length || (codeCol < 0 && nameCol < 0)) continue;
      out.sheets.push(grid.sheet);
      for (let rr = r + 1; rr < grid.rows.length; rr++) {
        const code = codeCol >= 0 ? cellText(valueAt(grid, rr, codeCol)) : '';
        const name = nameCol >= 0 ? cellText(valueAt(grid, rr, nameCol)) : '';
        if (!code && !name) continue;
        const factors = factorCols
          .flatMap((c) => cellText(valueAt(grid, rr, c)).split(/[;\n]/))
          .map((f) => f.replace(/\s+/g, ' ').trim())
          .filter(Boolean);
        if (!factors.length) continue;
        const key = riskKey(code, name);
        const known = out.bySchool.get(key) ?? [];
        const merged = [...known, ...factors.filter((f) => !known.includes(f))];
        out.bySchool.set(key, merged);
        if (merged.length > 3 && known.length <= 3)
          out.issues.push({
            severity: 'info',
            code: 'risk-factors-over-three',
            message: `У школы ${code || name} указано больше трёх факторов риска (лист «${grid.sheet}», строка ${rr + 1}); обычно назначают не более трёх.`,
            sheet: grid.sheet,
            cell: a1(rr, factorCols[0]!),
            row: rr + 1,
          });
      }
      break;
    }
  }
  return out;
}
