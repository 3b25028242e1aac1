/**
 * Issues grouped by severity (errors first) with counts, filters by severity and by kind, and a row
 * per issue that selects its cell in Excel on click or Enter. Many issues of one kind (280 schools
 * with the same name) fold into one row that opens on request, so a long list never buries what
 * matters. Sheet text is shown as React text only.
 */
import {
  Badge,
  Button,
  Caption1,
  Select,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { countBySeverity, type Issue, type Severity } from '../../core/issue';
import { acceptable } from '../acceptances';
import { issueKey, type PlanFix } from '../fixes';
import { count } from '../format';
import { issueTitle } from '../../core/issueCatalogue';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const GROUP_TITLE: Record<Severity, string> = {
  error: 'Ошибки',
  warning: 'Предупреждения',
  info: 'Сведения',
};
const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};
/** A kind with more issues than this in one severity folds into one row. */
export const FOLD_AT = 5;
/** Issues of an opened fold shown at a time. */
const PAGE = 50;

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  codeFilter: { maxWidth: '100%', minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  issue: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  sheetWide: { cursor: 'default' },
  cell: {
    flexShrink: 0,
    minWidth: '44px',
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  fix: { color: tokens.colorNeutralForeground2 },
  fold: { justifyContent: 'flex-start', textAlign: 'left', maxWidth: '100%' },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
});

export interface IssueListProps {
  issues: Issue[];
  onSelect: (issue: Issue) => void;
  fixes?: Map<string, PlanFix>;
  onFix?: (fix: PlanFix) => void;
  /** «Принять» on the remarks that can be accepted (acceptances.ts). */
  onAccept?: (issue: Issue) => void;
  disabled?: boolean;
}

function IssueRow({
  issue,
  onSelect,
  fix,
  onFix,
  onAccept,
  disabled,
}: {
  issue: Issue;
  onSelect: (issue: Issue) => void;
  fix?: PlanFix;
  onFix?: (fix: PlanFix) => void;
  onAccept?: (issue: Issue) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const fixId = useId();
  // The button's name is its content, «C8: message»; the fix is its description (aria-hidden here,
  // read through aria-describedby), so the name stays the visible label (WCAG 2.5.3).
  const body = (
    <>
      <span className={styles.cell}>{issue.cell ? `${issue.cell}:` : 'лист'}</span>
      <span className={styles.text}>
        <span>{issue.message}</span>
        {issue.fix ? (
          <Caption1 id={fixId} className={styles.fix} aria-hidden={issue.cell ? true : undefined}>
            {`Что сделать: ${issue.fix}`}
          </Caption1>
        ) : null}
      </span>
    </>
  );
  return (
    <li className={styles.item}>
      {issue.cell ? (
        <button
          type="button"
          className={styles.issue}
          aria-describedby={issue.fix ? fixId : undefined}
          onClick={() => onSelect(issue)}
        >
          {body}
        </button>
      ) : (
        <div className={`${styles.issue} ${styles.sheetWide}`}>{body}</div>
      )}
      {fix && onFix ? (
        <Button
          size="small"
          disabled={disabled}
          onClick={() => onFix(fix)}
          aria-label={`Исправить: ${fix.description}`}
        >
          Исправить
        </Button>
      ) : null}
      {onAccept && acceptable(issue) ? (
        <Button
          size="small"
          disabled={disabled}
          onClick={() => onAccept(issue)}
          aria-label={`Принять замечание: ${issue.cell ? `${issue.cell}: ` : ''}${issue.message}`}
        >
          Принять
        </Button>
      ) : null}
    </li>
  );
}

/** Issues in order, the kinds with more than FOLD_AT issues folded at their first place. */
function foldByKind(issues: Issue[]): Array<Issue | { code: string; issues: Issue[] }> {
  const byCode = new Map<string, Issue[]>();
  for (const i of issues) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  const out: Array<Issue | { code: string; issues: Issue[] }> = [];
  const placed = new Set<string>();
  for (const i of issues) {
    const same = byCode.get(i.code)!;
    if (same.length <= FOLD_AT) out.push(i);
    else if (!placed.has(i.code)) {
      placed.add(i.code);
      out.push({ code: i.code, issues: same });
    }
  }
  return out;
}

export function IssueList({ issues, onSelect, fixes, onFix, onAccept, disabled }: IssueListProps) {
  const styles = useStyles();
  const counts = countBySeverity(issues);
  const [shown, setShown] = useState<Record<Severity, boolean>>({
    error: true,
    warning: true,
    info: true,
  });
  const [code, setCode] = useState('');
  /** Opened folds: code → how many of its issues are shown. */
  const [opened, setOpened] = useState<Record<string, number>>({});
  const codes = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of issues) m.set(i.code, (m.get(i.code) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [issues]);
  const visible = issues.filter((i) => shown[i.severity] && (code === '' || i.code === code));

  const row = (issue: Issue, n: number) => (
    <IssueRow
      key={`${issueKey(issue)}|${n}`}
      issue={issue}
      onSelect={onSelect}
      fix={fixes?.get(issueKey(issue))}
      onFix={onFix}
      onAccept={onAccept}
      disabled={disabled}
    />
  );

  return (
    <div>
      <div className={styles.filters} role="group" aria-label="Фильтр по важности">
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={shown[s]}
            aria-pressed={shown[s]}
            onClick={() => setShown({ ...shown, [s]: !shown[s] })}
          >
            {`${GROUP_TITLE[s]}: ${count(counts[s])}`}
          </ToggleButton>
        ))}
        <Select
          className={styles.codeFilter}
          aria-label="Фильтр по виду замечания"
          size="small"
          value={code}
          onChange={(_, d) => setCode(d.value)}
        >
          <option value="">Все виды замечаний</option>
          {codes.map(([c, n]) => (
            <option key={c} value={c}>{`${issueTitle(c)} (${count(n)})`}</option>
          ))}
        </Select>
      </div>
      {visible.length === 0 ? <p>Нет замечаний, подходящих под фильтр.</p> : null}
      {SEVERITIES.map((s) => {
        const group = visible.filter((i) => i.severity === s);
        if (group.length === 0) return null;
        return (
          <div key={s}>
            <h3 className={styles.heading}>
              {`${GROUP_TITLE[s]} `}
              <Badge appearance="filled" color={BADGE[s]}>
                {count(group.length)}
              </Badge>
            </h3>
            <ul className={styles.list} aria-label={GROUP_TITLE[s]}>
              {foldByKind(group).map((entry, n) => {
                if (!('code' in entry && 'issues' in entry)) return row(entry, n);
                const open = opened[entry.code] ?? 0;
                const title = `${issueTitle(entry.code)}: ${count(entry.issues.length)}`;
                return [
                  <li key={`fold|${entry.code}`} className={styles.item}>
                    <Button
                      className={styles.fold}
                      size="small"
                      appearance="subtle"
                      aria-expanded={open > 0}
                      onClick={() => setOpened({ ...opened, [entry.code]: open > 0 ? 0 : PAGE })}
                    >
                      {`${title} — ${open > 0 ? 'скрыть' : 'показать'}`}
                    </Button>
                  </li>,
                  ...entry.issues.slice(0, open).map((i, k) => row(i, n * 100_000 + k)),
                  open > 0 && open < entry.issues.length ? (
                    <li key={`more|${entry.code}`} className={styles.item}>
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => setOpened({ ...opened, [entry.code]: open + PAGE })}
                      >
                        {`Показать ещё (осталось ${count(entry.issues.length - open)})`}
                      </Button>
                    </li>
                  ) : null,
                ];
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
