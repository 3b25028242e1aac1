/**
 * «Принятые замечания: N»: the remarks the user accepted, apart from the issue list, each with its
 * justification and «Отменить принятие»; then the acceptances that match nothing now.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../core/issue';
import type { Acceptance } from '../../core/review/acceptance';
import { count } from '../format';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  text: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  note: { color: tokens.colorNeutralForeground2 },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
});

export interface AcceptedListProps {
  /** The remarks marked accepted by the check. */
  accepted: Issue[];
  /** Acceptances of this sheet that match no remark now. */
  stale: Acceptance[];
  onRevoke: (target: { id: string; sheet: string }) => void;
  disabled?: boolean;
}

export function AcceptedList({ accepted, stale, onRevoke, disabled }: AcceptedListProps) {
  const styles = useStyles();
  if (accepted.length === 0 && stale.length === 0) return null;
  const where = (cell: string) => (cell ? `${cell}: ` : '');
  return (
    <div>
      {accepted.length > 0 ? (
        <>
          <h3 className={styles.heading}>{`Принятые замечания: ${count(accepted.length)}`}</h3>
          <ul className={styles.list} aria-label="Принятые замечания">
            {accepted.map((i, n) => (
              <li key={`${i.id ?? ''}|${n}`} className={styles.item}>
                <span className={styles.text}>
                  <span>{`${where(i.cell)}${i.message}`}</span>
                  <Caption1 className={styles.note}>
                    {i.accepted?.justification
                      ? `Обоснование: ${i.accepted.justification}`
                      : 'Обоснование не записано.'}
                  </Caption1>
                </span>
                <Button
                  size="small"
                  disabled={disabled}
                  aria-label={`Отменить принятие: ${where(i.cell)}${i.message}`}
                  onClick={() => onRevoke({ id: i.id ?? '', sheet: i.sheet })}
                >
                  Отменить принятие
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {stale.length > 0 ? (
        <>
          <h3
            className={styles.heading}
          >{`Принятые раньше, больше не встречаются: ${count(stale.length)}`}</h3>
          <ul className={styles.list} aria-label="Принятые раньше, больше не встречаются">
            {stale.map((a, n) => (
              <li key={`${a.id}|${n}`} className={styles.item}>
                <span className={styles.text}>
                  <span>{`${where(a.cell)}${a.message}`}</span>
                  {a.justification ? (
                    <Caption1 className={styles.note}>{`Обоснование: ${a.justification}`}</Caption1>
                  ) : null}
                </span>
                <Button
                  size="small"
                  disabled={disabled}
                  aria-label={`Отменить принятие: ${where(a.cell)}${a.message}`}
                  onClick={() => onRevoke({ id: a.id, sheet: a.sheet })}
                >
                  Отменить принятие
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
