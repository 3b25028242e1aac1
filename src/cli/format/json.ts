/**
 * JSON report of the `check` command. The shape is a contract for scripts (documented in
 * docs/check-command.md): dates ISO, rows as Excel shows them.
 */
import { sortIssues, type Severity } from '../../core/issue';
import { reportedSheets, type CheckedFile } from '../../core/plan/reviewPatch';
import type { DeadlineKind } from '../../core/plan/types';

export interface CheckJson {
  files: Array<{
    file: string;
    error?: string;
    sheets: Array<{
      sheet: string;
      period: { start: string; end: string } | null;
      sections: Array<{ row: number; number: string; title: string }>;
      activities: Array<{
        row: number;
        number: string;
        title: string;
        deadline: { text: string; kind: DeadlineKind; start: string | null; end: string | null };
        responsible: string[];
      }>;
      issues: Array<{
        severity: Severity;
        code: string;
        message: string;
        cell: string;
        row: number;
        fix?: string;
      }>;
    }>;
  }>;
}

export function checkToJson(files: CheckedFile[]): CheckJson {
  return {
    files: files.map((f) => {
      if (f.error !== undefined) return { file: f.file, error: f.error, sheets: [] };
      return {
        file: f.file,
        sheets: reportedSheets(f).map((s) => ({
          sheet: s.sheet,
          period: s.period ? { start: s.period.start, end: s.period.end } : null,
          sections: s.sections.map((x) => ({ row: x.row, number: x.number, title: x.title })),
          activities: s.activities.map((a) => ({
            row: a.row,
            number: a.number,
            title: a.title,
            deadline: {
              text: a.deadline.text,
              kind: a.deadline.kind,
              start: a.deadline.start,
              end: a.deadline.end,
            },
            responsible: a.responsible.map((e) => e.text),
          })),
          issues: sortIssues(s.issues).map((i) => ({
            severity: i.severity,
            code: i.code,
            message: i.message,
            cell: i.cell,
            row: i.row,
            ...(i.fix !== undefined ? { fix: i.fix } : {}),
          })),
        })),
      };
    }),
  };
}
