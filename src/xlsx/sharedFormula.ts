/**
 * A shared formula's other cells hold only a reference to the first one (`<f t="shared" si="0"/>`);
 * their formula is the first one's with its relative references moved by the distance between
 * the cells, as Excel shows it. Text in quotes is left alone; names, functions and sheet names are
 * not references.
 */
import { columnIndex, columnLetter, MAX_COLUMNS, MAX_ROWS } from '../core/grid';

// A string literal, a quoted sheet name, or a cell reference not followed by "(" or a name character.
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$\\])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.])/g;

/** The master's formula as it reads in a cell `dr` rows and `dc` columns away. */
export function slideFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(
    TOKEN,
    (m: string, colAbs?: string, col?: string, rowAbs?: string, row?: string) => {
      if (col === undefined || row === undefined) return m;
      let c = columnIndex(col);
      let r = Number(row) - 1;
      if (c >= MAX_COLUMNS || r < 0 || r >= MAX_ROWS) return m; // a name such as LOG10, not a cell
      if (!colAbs) c += dc;
      if (!rowAbs) r += dr;
      if (c < 0 || r < 0 || c >= MAX_COLUMNS || r >= MAX_ROWS) return '#REF!';
      return `${colAbs}${columnLetter(c)}${rowAbs}${r + 1}`;
    },
  );
}
