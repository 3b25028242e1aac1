/**
 * Small pieces every view uses: a Russian status message that comes into view (and takes the
 * focus) when it reports an error, and a busy line that names the phase and counts what it can.
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
import { useEffect, useRef, type ReactNode } from 'react';
import { ofTotal } from './format';

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
  row: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  bar: {
    scrollMarginTop: tokens.spacingVerticalXXL,
    scrollMarginBottom: tokens.spacingVerticalXXL,
  },
});

/**
 * A message bar. An error is brought into view and focused, so a user far down a long list sees
 * it and a screen reader reads it; other notices stay where they are.
 */
export function NoticeBar({ notice }: { notice: Notice }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.intent !== 'error' || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'nearest' });
    ref.current.focus({ preventScroll: true });
  }, [notice]);
  if (!notice) return null;
  return (
    <MessageBar
      ref={ref}
      className={styles.bar}
      tabIndex={notice.intent === 'error' ? -1 : undefined}
      intent={notice.intent}
      role={notice.intent === 'error' ? 'alert' : 'status'}
    >
      <MessageBarBody>
        {notice.title ? <MessageBarTitle>{notice.title}</MessageBarTitle> : null}
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface BusyState {
  /** The phase, as a person says it: «Записываю листы отчёта». */
  label: string;
  /** Step of the whole action: «шаг 2 из 3». */
  step?: { n: number; of: number };
  done?: number;
  total?: number;
  /** What the count counts («листов»), shown after «12 из 407». */
  unit?: string;
  /** What is being worked on now (a sheet name). */
  detail?: string;
  /** Share of the work done, for the bar, when it is not done ÷ total. */
  fraction?: number;
  onCancel?: () => void;
}

/** A spinner with the phase, or a progress bar when the amount of work is known; cancel when possible. */
export function Busy({ label, step, done, total, unit, detail, fraction, onCancel }: BusyState) {
  const styles = useStyles();
  const known = total !== undefined && total > 0 && done !== undefined;
  const bar = fraction ?? (known ? done / total : undefined);
  const phase = step ? `Шаг ${ofTotal(step.n, step.of)}: ${lower(label)}` : label;
  const counted = known ? `${ofTotal(done, total)}${unit ? ` ${unit}` : ''}` : '';
  return (
    <div className={styles.busy} aria-live="polite">
      {bar !== undefined ? (
        <ProgressBar value={bar} max={1} thickness="large" aria-label={phase} />
      ) : (
        <Spinner size="tiny" label={phase} labelPosition="after" />
      )}
      <div className={styles.row}>
        {known ? <span>{`${phase}: ${counted}${detail ? ` — «${detail}»` : ''}`}</span> : null}
        {!known && bar !== undefined ? <span>{phase}</span> : null}
        {!known && detail ? <span>{`«${detail}»`}</span> : null}
        {onCancel ? (
          <Button size="small" onClick={onCancel}>
            Отменить
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function Section({ children, label }: { children: ReactNode; label?: string }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={label}>
      {children}
    </section>
  );
}
