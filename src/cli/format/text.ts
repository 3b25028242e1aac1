/**
 * Text report of the `check` command: per file and sheet a summary line, then the issues in the
 * order a person walks the sheet, wrapped for an 80–120 column terminal; a total at the end.
 */
import {
  countBySeverity,
  SEVERITY_RU,
  sortIssues,
  type Issue,
  type Severity,
} from '../../core/issue';
import {
  periodText,
  reportedSheets,
  type CheckedFile,
  type CheckedSheet,
} from '../../core/plan/reviewPatch';

/** Width the lines are wrapped to. */
const WIDTH = 110;

/** Russian plural: plural(5, 'мероприятие', 'мероприятия', 'мероприятий') → "5 мероприятий". */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word =
    m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${word}`;
}

function counts(n: Record<Severity, number>): string {
  return `ошибок ${n.error}, предупреждений ${n.warning}, сведений ${n.info}`;
}

/**
 * Wraps `text` to `width`, breaking only at spaces; spacing inside a line (the aligned columns of
 * an issue line, the leading indent) is kept; continuation lines start with `indent` spaces.
 */
export function wrap(text: string, indent: number, width = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const part of text.match(/\s+|\S+/g) ?? []) {
    if (/^\s/.test(part)) {
      line += part;
      continue;
    }
    if (line.trim() && line.length + part.length > width) {
      lines.push(line.trimEnd());
      line = ' '.repeat(indent);
    }
    line += part;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.join('\n');
}

/** The mark of a remark against a baseline: «[новое]», «[осталось]». */
const STATE_MARK = { new: '[новое] ', unchanged: '[осталось] ' } as const;

function issueLine(i: Issue): string {
  const head = `    ${(i.cell || '—').padEnd(6)} ${SEVERITY_RU[i.severity].padEnd(14)} ${i.code}  `;
  const mark = i.state ? STATE_MARK[i.state] : '';
  const body = i.fix ? `${i.message} → ${i.fix}` : i.message;
  const why = i.accepted
    ? ` [принято: ${i.accepted.justification.trim() || 'без обоснования'}]`
    : '';
  return wrap(head + mark + body + why, 8);
}

/** Issues that count: accepted remarks are listed apart and counted apart. */
const open = (issues: readonly Issue[]): Issue[] => issues.filter((i) => !i.accepted);

function comparisonLine(f: CheckedFile): string | null {
  const c = f.comparison;
  if (!c) return null;
  if (c.baselineFile === null)
    return '  В прошлой проверке этого файла не было: все замечания новые.';
  const parts = [`исправлено ${c.fixed}, осталось ${c.unchanged}, новых ${c.new}`];
  if (c.accepted) parts.push(`принятых замечаний ${c.accepted}`);
  if (c.stale) parts.push(`устаревших отметок «Принято» ${c.stale}`);
  return wrap(`  По сравнению с прошлой проверкой: ${parts.join('; ')}.`, 4);
}

function sheetLines(s: CheckedSheet): string {
  const n = countBySeverity(open(s.issues));
  if (!s.isPlan) return wrap(`  Лист «${s.sheet}»: таблица плана не найдена; ${counts(n)}`, 4);
  const what = `${plural(s.activities.length, 'мероприятие', 'мероприятия', 'мероприятий')}, ${plural(s.sections.length, 'раздел', 'раздела', 'разделов')}`;
  return `${wrap(`  Лист «${s.sheet}»: ${what}; ${counts(n)}`, 4)}\n    Период: ${periodText(s.period)}`;
}

/**
 * The other files found in folders, for one line: "3 (.json, .txt)"; workbooks among them are ones
 * this program generated, named in full.
 */
function ignoredLine(ignored: string[]): string {
  const ext = (f: string) => /\.[^./\\]+$/.exec(f)?.[0]?.toLowerCase() ?? 'без расширения';
  const own = ignored.filter((f) => ext(f) === '.xlsx' || ext(f) === '.xlsm');
  const others = ignored.filter((f) => !own.includes(f));
  const exts = [...new Set(others.map(ext))].sort();
  const lines = [];
  if (others.length)
    lines.push(wrap(`Не книги Excel, пропущены: ${others.length} (${exts.join(', ')}).`, 2));
  if (own.length)
    lines.push(
      wrap(
        `Книги, созданные программой (не планы), пропущены: ${own.map((f) => `«${f}»`).join(', ')}.`,
        2,
      ),
    );
  return lines.join('\n');
}

/**
 * The report a file at a time, so a folder of thousands of plans is printed as it is checked:
 * `file` gives a file's lines, `end` the total (kept as numbers), `ignored` the other files found
 * in folders (only counted). The pieces, each followed by a newline, make formatCheckText's text.
 */
export class CheckTextReport {
  private readonly total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private files = 0;
  private plans = 0;
  private activities = 0;
  private unread = 0;

  file(f: CheckedFile): string {
    this.files++;
    const out: string[] = [];
    if (f.error !== undefined) {
      this.unread++;
      // most reasons say it themselves («Файл «…» не проверен: …»): not twice
      const said = f.error.includes('не проверен');
      out.push(`Файл ${f.file}`, wrap(`  ${said ? '' : 'не проверен. '}${f.error}`, 4));
      return out.join('\n');
    }
    out.push(`Файл ${f.file}`);
    const compared = comparisonLine(f);
    if (compared) out.push(compared);
    const sheets = reportedSheets(f);
    if (!sheets.length) out.push('  Листов с планом не найдено.');
    for (const s of sheets) {
      out.push(sheetLines(s));
      const sorted = sortIssues(s.issues);
      for (const i of open(sorted)) out.push(issueLine(i));
      const accepted = sorted.filter((i) => i.accepted);
      if (accepted.length) {
        out.push(`    Принятые замечания: ${accepted.length}`);
        for (const i of accepted) out.push(issueLine(i));
      }
      if (s.fixed?.length) {
        out.push(`    Исправлено с прошлой проверки: ${s.fixed.length}`);
        for (const r of s.fixed)
          out.push(wrap(`    ${(r.cell || '—').padEnd(6)} было: ${r.message}`, 8));
      }
      const n = countBySeverity(open(s.issues));
      this.total.error += n.error;
      this.total.warning += n.warning;
      this.total.info += n.info;
      if (s.isPlan) {
        this.plans++;
        this.activities += s.activities.length;
      }
    }
    return out.join('\n');
  }

  /** The total after an empty line, then the other files found in folders. */
  end(ignored: string[] = []): string {
    const checked = this.files - this.unread;
    // a file that could not be checked is an error, as the JSON counts it
    const total = { ...this.total, error: this.total.error + this.unread };
    const out = [
      '',
      wrap(
        `Итого: ${plural(this.files, 'файл', 'файла', 'файлов')} (проверено ${checked}, не проверено ${this.unread}), ` +
          `${plural(this.plans, 'план', 'плана', 'планов')}, ${plural(this.activities, 'мероприятие', 'мероприятия', 'мероприятий')}; ${counts(total)}.`,
        2,
      ),
    ];
    if (ignored.length) out.push(ignoredLine(ignored));
    return out.join('\n');
  }
}

/** The report of all the files at once; `ignored` are the other files found in folders. */
export function formatCheckText(files: CheckedFile[], ignored: string[] = []): string {
  const report = new CheckTextReport();
  return [...files.map((f) => report.file(f)), report.end(ignored)].join('\n');
}
