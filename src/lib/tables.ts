/**
 * Types and checks for comparison tables. Pure data: the React component in
 * src/components/ComparisonTable renders it, and tests check every table in src/data.
 */
export type ComparisonCell = string | {readonly mark: boolean; readonly note?: string};

export interface ComparisonColumn<K extends string> {
  readonly key: K;
  readonly label: string;
}

export interface ComparisonTableData<K extends string> {
  /** Unique, URL-safe id: used for the caption's id. */
  readonly id: string;
  readonly caption: string;
  /** The first column is the row header. */
  readonly columns: readonly ComparisonColumn<K>[];
  /** Record<K, …> makes the compiler reject a row that misses a column. */
  readonly rows: readonly Readonly<Record<K, ComparisonCell>>[];
}

/** Problems a table has that the type system cannot see; empty when the table is sound. */
export function tableProblems<K extends string>(table: ComparisonTableData<K>): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9-]+$/.test(table.id)) problems.push(`table id "${table.id}" must be lowercase words joined by dashes`);
  if (table.caption.trim() === '') problems.push(`table ${table.id}: caption is empty`);
  if (table.columns.length < 2) problems.push(`table ${table.id}: needs at least two columns`);
  const keys = new Set<string>();
  for (const column of table.columns) {
    if (keys.has(column.key)) problems.push(`table ${table.id}: column "${column.key}" appears twice`);
    keys.add(column.key);
  }
  if (table.rows.length === 0) problems.push(`table ${table.id}: has no rows`);
  table.rows.forEach((row, index) => {
    for (const column of table.columns) {
      const cell: ComparisonCell | undefined = row[column.key];
      if (cell === undefined) problems.push(`table ${table.id}: row ${index + 1} has no "${column.key}"`);
      else if (typeof cell === 'string' && cell.trim() === '')
        problems.push(`table ${table.id}: row ${index + 1}, column "${column.key}" is empty`);
    }
  });
  return problems;
}
