/**
 * «Сверить с региональным планом»: the user names the sheet of the workbook holding the regional
 * plan (pasted there: Office has no file picker a pane can use); the plan check then compares the
 * checked plan with it. «Не сверять» turns it off.
 */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { RegionalOutcome } from '../../app/checkPlans';
import { plural } from '../format';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
  },
});

export interface RegionalPickProps {
  /** The sheets one may pick (null until asked for). */
  choices: string[] | null;
  /** The sheet compared with now ("" when none). */
  sheet: string;
  outcome: RegionalOutcome;
  onOpen: () => void;
  onPick: (sheet: string) => void;
  disabled?: boolean;
}

export function RegionalPick({
  choices,
  sheet,
  outcome,
  onOpen,
  onPick,
  disabled,
}: RegionalPickProps) {
  const styles = useStyles();
  const [value, setValue] = useState(sheet);
  return (
    <div>
      {choices === null ? (
        <Button onClick={onOpen} disabled={disabled}>
          Сверить с региональным планом
        </Button>
      ) : choices.length === 0 ? (
        <p>
          В книге нет другого листа. Вставьте региональный план на отдельный лист и нажмите «Сверить
          с региональным планом» снова.
        </p>
      ) : (
        <div className={styles.row}>
          <Field label="Лист с региональным планом">
            <Select value={value} onChange={(_, d) => setValue(d.value)}>
              <option value="">Не сверять</option>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" onClick={() => onPick(value)} disabled={disabled}>
            Сверить
          </Button>
        </div>
      )}
      {sheet && outcome ? (
        <p>
          {outcome.planFound
            ? `Сверено с региональным планом на листе «${sheet}»: ${plural(outcome.addressed, 'мероприятие', 'мероприятия', 'мероприятий')} для муниципалитетов. Несовпадения — в списке замечаний.`
            : `На листе «${sheet}» региональный план не найден: нужна таблица с номером, мероприятием, сроком и исполнителями.`}
        </p>
      ) : null}
    </div>
  );
}
