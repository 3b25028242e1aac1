/**
 * What the check found about the sheet itself: the plan's facts, or — for an empty sheet or a sheet
 * without a plan — what to do instead, in one short line with the button that does it.
 */
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetCheck } from '../../core/plan/check';
import { periodText } from '../../core/plan/reviewPatch';
import { plural } from '../format';

const useStyles = makeStyles({
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '2px',
  },
  term: { color: tokens.colorNeutralForeground3 },
  /** Fluent's Text is inline even as a <p>: one line each. */
  line: { display: 'block', margin: `0 0 ${tokens.spacingVerticalXS}` },
  value: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export const HEADER_HINT =
  'Шапка плана — строка со столбцами «№», «Мероприятие», «Срок», «Ответственные» в первых 30 строках листа.';

export function PlanFacts({ check }: { check: SheetCheck }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts} aria-label="Сведения о плане">
      <dt className={styles.term}>Лист</dt>
      <dd className={styles.value}>{check.sheet}</dd>
      <dt className={styles.term}>Шапка</dt>
      <dd className={styles.value}>{`строка ${check.headerRow ?? '—'}`}</dd>
      <dt className={styles.term}>Период</dt>
      <dd className={styles.value}>{periodText(check.period)}</dd>
      <dt className={styles.term}>Содержание</dt>
      <dd
        className={styles.value}
      >{`${plural(check.sections.length, 'раздел', 'раздела', 'разделов')}, ${plural(check.activities.length, 'мероприятие', 'мероприятия', 'мероприятий')}`}</dd>
    </dl>
  );
}

export interface NotAPlanProps {
  check: SheetCheck;
  /** The sheet holds nothing at all. */
  empty: boolean;
  /** Sheets of the workbook where a plan table was found. */
  plansElsewhere: string[];
  disabled: boolean;
  onInsertTemplate: () => void;
  onCheckSheet: (sheet: string) => void;
}

/** An empty sheet, or a sheet with data but no plan table. */
export function NotAPlan({
  check,
  empty,
  plansElsewhere,
  disabled,
  onInsertTemplate,
  onCheckSheet,
}: NotAPlanProps) {
  const styles = useStyles();
  return (
    <div role="status">
      <Text weight="semibold" as="p" className={styles.line}>
        {empty ? `Лист «${check.sheet}» пуст.` : `На листе «${check.sheet}» нет таблицы плана.`}
      </Text>
      {plansElsewhere.length > 0 ? (
        <>
          <Caption1 as="p" className={styles.line}>
            {plansElsewhere.length === 1 ? 'План найден на листе:' : 'План найден на листах:'}
          </Caption1>
          <div className={styles.actions}>
            {plansElsewhere.map((sheet) => (
              <Button
                key={sheet}
                size="small"
                disabled={disabled}
                onClick={() => onCheckSheet(sheet)}
              >
                {`Проверить «${sheet}»`}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <Caption1 as="p" className={styles.line}>
          {HEADER_HINT}
        </Caption1>
      )}
      <p>
        <Button disabled={disabled} onClick={onInsertTemplate}>
          Вставить шаблон плана
        </Button>
      </p>
    </div>
  );
}
