/**
 * The results tables the reader recognised, one card each: where, what kind, which columns, how
 * many rows were read and which were left out and why.
 */
import { Card, CardHeader, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FIELD_RU, type Field } from '../../core/results/headers';
import type { RecognisedTable } from '../../core/results/recognisedTable';
import { count } from '../format';

const LEFT_OUT_SHOWN = 10;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const KIND_RU: Record<RecognisedTable['kind'], string> = {
  long: 'таблица результатов (одна строка на школу, год и процедуру)',
  'federal-export': 'выгрузка «Статистика по отметкам»',
};

function fieldName(field: string): string {
  return FIELD_RU[field as Field] ?? field;
}

export function TableCard({ table }: { table: RecognisedTable }) {
  const styles = useStyles();
  const ctx = table.context;
  const said = ctx
    ? [
        ctx.type,
        ctx.grade ? `${ctx.grade} класс` : '',
        ctx.subject,
        ctx.year ? `${ctx.year} год` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <Card>
      <CardHeader
        header={
          <Text weight="semibold">{`Лист «${table.sheet}», шапка в строке ${table.headerRow}`}</Text>
        }
        description={<Caption1>{KIND_RU[table.kind]}</Caption1>}
      />
      {said ? <Text>{`Из заголовка: ${said}`}</Text> : null}
      <Text>{`Прочитано строк: ${count(table.rowsRead)}; не взято: ${count(table.rowsLeftOut.length)}`}</Text>
      <details>
        <summary>{`Столбцы (${table.columns.length})`}</summary>
        <ul className={styles.list}>
          {table.columns.map((c) => (
            <li
              key={`${c.field}|${c.col}`}
            >{`${fieldName(c.field)} ← столбец ${c.col} «${c.header}»`}</li>
          ))}
        </ul>
      </details>
      {table.rowsLeftOut.length > 0 ? (
        <details>
          <summary>{`Строки, которые не взяты (${count(table.rowsLeftOut.length)})`}</summary>
          <ul className={styles.list}>
            {table.rowsLeftOut.slice(0, LEFT_OUT_SHOWN).map((r) => (
              <li key={r.row}>{`строка ${r.row}: ${r.reason}`}</li>
            ))}
            {table.rowsLeftOut.length > LEFT_OUT_SHOWN ? (
              <li>{`и ещё ${count(table.rowsLeftOut.length - LEFT_OUT_SHOWN)}`}</li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
