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
 * Renders a comparison table from typed data (src/data). The first column holds row headers.
 * Its look is the site's one table style (`sml-table` in src/css/custom.css): it fits the text
 * column on a wide screen and turns into one card per row on a narrow one. The explicit roles
 * keep it a table for screen readers when the cards change how its parts are displayed.
 */
export default function ComparisonTable<K extends string>({
  table,
}: {
  table: ComparisonTableData<K>;
}): React.JSX.Element {
  const captionId = `table-${table.id}`;
  return (
    <div className="sml-table">
      <table role="table" aria-labelledby={captionId}>
        <caption id={captionId}>{table.caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {table.columns.map((column) => (
              <th key={column.key} scope="col" role="columnheader">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {table.rows.map((row, index) => (
            <tr key={index} role="row">
              {table.columns.map((column, columnIndex) =>
                columnIndex === 0 ? (
                  <th key={column.key} scope="row" role="rowheader">
                    <Cell value={row[column.key]} />
                  </th>
                ) : (
                  <td key={column.key} role="cell" data-label={column.label}>
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
