/**
 * readResults: every results table the user pasted, in any of the shapes of docs/domain.md §3.1–§3.2,
 * normalised into ResultRow[]; rows that cannot be used are listed with the reason, never dropped
 * silently.
 */
import type { Grid } from '../grid';
import type { RecognisedTable } from './recognisedTable';
import { sortIssues, type Issue } from '../issue';
import { Collector } from './collector';
import { DEFAULT_MAX_PARTICIPANTS } from '../settings';
import { schoolIdentityIssues } from './identity';
import { resultsIssue } from './issues';
import { readSheet } from './sheet';
import { canonicalSubject } from './vocabulary';
import type { NotHeld, ProcedureType, ResultRow } from './types';

export interface ReadResultsOptions {
  /** File name, for messages. */
  file?: string;
  /** Read only this sheet (by name as the user sees it; case does not matter). */
  sheet?: string;
  /** Values for what the table does not say (a federal export without title lines, say). */
  defaults?: { year?: number; type?: ProcedureType; grade?: number; subject?: string };
  /** Which calendar year a school year "2022/2023" stands for: spring (2023, default) or autumn (2022). */
  schoolYear?: 'spring' | 'autumn';
  /** Counts above this per school and procedure are errors (settings.maxParticipants). */
  maxParticipants?: number;
}

export interface ResultsRead {
  rows: ResultRow[];
  tables: RecognisedTable[];
  issues: Issue[];
  notHeld: NotHeld[];
}

/** Reads every results table of the given sheets (or of `opts.sheet` only). */
export function readResults(grids: Grid[], opts: ReadResultsOptions = {}): ResultsRead {
  const collector = new Collector();
  const defaults = opts.defaults && {
    ...opts.defaults,
    subject: canonicalSubject(opts.defaults.subject ?? '')?.subject,
  };
  const sheetOpts = {
    file: opts.file,
    schoolYear: opts.schoolYear ?? 'spring',
    defaults,
    maxCount: opts.maxParticipants ?? DEFAULT_MAX_PARTICIPANTS,
  };
  // Sheet names compare as Excel compares them: ignoring case (and stray spaces typed around).
  const wanted = opts.sheet?.trim().toLowerCase();
  const chosen =
    wanted === undefined ? grids : grids.filter((g) => g.sheet.trim().toLowerCase() === wanted);
  const tables: RecognisedTable[] = [];
  const withoutTables: Grid[] = [];
  for (const grid of chosen) {
    const found = readSheet(grid, collector, sheetOpts);
    if (found.length === 0) withoutTables.push(grid);
    tables.push(...found);
  }
  const where = (sheet: string) => ({ file: opts.file, sheet, r: -1, c: 0 });

  if (opts.sheet !== undefined && chosen.length === 0) {
    const names = grids.map((g) => `«${g.sheet}»`).join(', ');
    collector.issues.push(
      resultsIssue(
        'results-header-not-found',
        where(opts.sheet),
        `такого листа в книге нет${names ? ` (есть листы ${names})` : ''}.`,
        'Укажите имя листа так, как оно написано на ярлычке листа.',
      ),
    );
  } else if (chosen.length === 0) {
    collector.issues.push(
      resultsIssue('results-empty', where(''), 'в книге нет ни одного листа с данными.'),
    );
  } else if (tables.length === 0) {
    for (const sheet of chosen.map((g) => g.sheet))
      collector.issues.push(
        resultsIssue(
          'results-header-not-found',
          where(sheet),
          'в первых 30 строках не найдена строка заголовка таблицы результатов (нужны столбец школы, например «ОО» или «Наименование ОО», и столбец чисел, например «Кол-во участников» или «Кол-во «2»»).',
          'Вставьте таблицу с заголовком или переименуйте столбцы так, как описано в справке.',
        ),
      );
  } else {
    for (const grid of withoutTables)
      collector.issues.push(
        resultsIssue(
          'results-sheet-skipped',
          where(grid.sheet),
          'на листе нет таблицы результатов; лист пропущен.',
        ),
      );
    if (collector.rows.length === 0 && collector.notHeld().length === 0)
      collector.issues.push(
        resultsIssue(
          'results-empty',
          where(tables[0]!.sheet),
          `таблицы найдены (${tables.length}), но ни одной строки результатов прочитать не удалось; причины указаны у строк.`,
        ),
      );
    reportMissingYears(collector, opts.file);
    collector.issues.push(...schoolIdentityIssues(collector.rows));
  }

  return {
    rows: collector.rows,
    tables,
    issues: sortIssues(collector.issues),
    notHeld: collector.notHeld(),
  };
}

const MISSING_YEARS_EXAMPLES = 5;

/** One summary for all schools that lack some years the others have. */
function reportMissingYears(collector: Collector, file: string | undefined): void {
  const lacking = collector.schoolsMissingYears(MISSING_YEARS_EXAMPLES);
  const first = lacking.examples[0]?.row;
  if (!first) return;
  const examples = lacking.examples
    .map(
      ({ row, missing }) =>
        `«${row.schoolName}»${row.schoolCode ? ` (${row.schoolCode})` : ''} — нет ${missing.join(', ')}`,
    )
    .join('; ');
  const more =
    lacking.count > lacking.examples.length
      ? ` и ещё ${lacking.count - lacking.examples.length}`
      : '';
  const years = [...collector.allYears].sort((a, b) => a - b).join(', ');
  collector.issues.push(
    resultsIssue(
      'results-missing-years',
      { file, sheet: first.source.sheet, r: first.source.row - 1, c: 0 },
      `у ${lacking.count} шк. нет результатов за некоторые годы из ${years}: ${examples}${more}. Для этих лет их статус ШНОР не определяется.`,
    ),
  );
}
