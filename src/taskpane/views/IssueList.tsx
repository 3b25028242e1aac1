/**
 * Issues grouped by severity with counts, filters by severity and by kind (the code's Russian
 * title from the catalogue), and a row per issue that selects its cell in Excel on click or
 * Enter. Sheet text is shown as React text only.
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
import { useMemo, useState } from 'react';
import { SEVERITY_RU, countBySeverity, type Issue, type Severity } from '../../core/issue';
import { issueTitle } from '../../core/issueCatalogue';
import { issueKey, type PlanFix } from '../fixes';

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

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
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
  text: { display: 'flex', flexDirection: 'column', gap: '2px' },
  fix: { color: tokens.colorNeutralForeground3 },
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
  disabled?: boolean;
}

export function IssueList({ issues, onSelect, fixes, onFix, disabled }: IssueListProps) {
  const styles = useStyles();
  const counts = countBySeverity(issues);
  const [shown, setShown] = useState<Record<Severity, boolean>>({
    error: true,
    warning: true,
    info: true,
  });
  const [code, setCode] = useState('');
  const codes = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of issues) m.set(i.code, (m.get(i.code) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [issues]);
  const visible = issues.filter((i) => shown[i.severity] && (code === '' || i.code === code));

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
            {`${GROUP_TITLE[s]}: ${counts[s]}`}
          </ToggleButton>
        ))}
        <Select
          aria-label="Фильтр по виду замечания"
          size="small"
          value={code}
          onChange={(_, d) => setCode(d.value)}
        >
          <option value="">Все виды замечаний</option>
          {codes.map(([c, n]) => (
            <option key={c} value={c}>{`${issueTitle(c)} (${n})`}</option>
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
                {String(group.length)}
              </Badge>
            </h3>
            <ul className={styles.list} aria-label={GROUP_TITLE[s]}>
              {group.map((issue, n) => {
                const fix = fixes?.get(issueKey(issue));
                const body = (
                  <>
                    <span className={styles.cell}>{issue.cell || 'лист'}</span>
                    <span className={styles.text}>
                      <span>{issue.message}</span>
                      {issue.fix ? (
                        <Caption1 className={styles.fix}>{`Что сделать: ${issue.fix}`}</Caption1>
                      ) : null}
                    </span>
                  </>
                );
                return (
                  <li key={`${issueKey(issue)}|${n}`} className={styles.item}>
                    {issue.cell ? (
                      <button
                        type="button"
                        className={styles.issue}
                        title={`Перейти к ячейке ${issue.cell} (${SEVERITY_RU[issue.severity]})`}
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
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
