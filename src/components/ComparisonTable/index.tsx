import React from 'react';
import type {ComparisonCell, ComparisonTableData} from '@site/src/lib/tables';
import styles from './styles.module.css';

function Cell({value}: {value: ComparisonCell}): React.JSX.Element {
  if (typeof value === 'string') return <>{value}</>;
  const label = value.mark ? 'Yes' : 'No';
  return (
    <span className={styles.mark}>
      <span aria-hidden="true" className={value.mark ? styles.yes : styles.no}>
        {value.mark ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{label}</span>
      {value.note ? <span className={styles.note}>{value.note}</span> : null}
    </span>
  );
}

/**
 * Renders a comparison table from typed data (src/data). The first column holds row headers;
 * on narrow screens the table scrolls inside its own focusable region instead of the page.
 */
export default function ComparisonTable<K extends string>({
  table,
}: {
  table: ComparisonTableData<K>;
}): React.JSX.Element {
  const captionId = `table-${table.id}`;
  return (
    <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId}>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {table.columns.map((column, columnIndex) =>
                columnIndex === 0 ? (
                  <th key={column.key} scope="row">
                    <Cell value={row[column.key]} />
                  </th>
                ) : (
                  <td key={column.key}>
                    <Cell value={row[column.key]} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
