/**
 * Small pieces every view uses: a Russian status message and a busy line with progress.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export type Notice = {
  intent: 'success' | 'warning' | 'error' | 'info';
  title?: string;
  text: string;
} | null;

const useStyles = makeStyles({
  busy: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
});

export function NoticeBar({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {notice.title ? <MessageBarTitle>{notice.title}</MessageBarTitle> : null}
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A spinner with a label, or a progress bar when the amount of work is known; cancel when possible. */
export function Busy({
  label,
  done,
  total,
  onCancel,
}: {
  label: string;
  done?: number;
  total?: number;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const known = total !== undefined && total > 0 && done !== undefined;
  return (
    <div className={styles.busy} aria-live="polite">
      {known ? (
        <ProgressBar value={done / total} max={1} thickness="large" aria-label={label} />
      ) : (
        <Spinner size="tiny" label={label} labelPosition="after" />
      )}
      <div className={styles.row}>
        {known ? <span>{`${label}: ${done} из ${total}`}</span> : null}
        {onCancel ? (
          <Button size="small" onClick={onCancel}>
            Отменить
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function Section({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <section className={styles.section}>{children}</section>;
}

/** "5 листов", "1 лист", "2 листа". */
export function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  const word = d === 1 && dd !== 11 ? one : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many;
  return `${n} ${word}`;
}

/** 0.3333 → "33,3 %". */
export function percent(v: number | null): string {
  if (v === null) return '—';
  return `${(Math.round(v * 1000) / 10).toString().replace('.', ',')} %`;
}
