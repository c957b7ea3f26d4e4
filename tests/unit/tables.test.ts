/// <reference types="vite/client" />
import {describe, expect, it} from 'vitest';
import {tableProblems, type ComparisonTableData} from '@site/src/lib/tables';

/** Every comparison table exported from any module in src/data is checked: no registry to forget. */
const dataModules = import.meta.glob<Record<string, unknown>>('../../src/data/**/*.ts', {eager: true});

function isTable(value: unknown): value is ComparisonTableData<string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'caption' in value &&
    'columns' in value &&
    'rows' in value
  );
}

const tables = Object.entries(dataModules).flatMap(([file, exports]) =>
  Object.values(exports)
    .filter(isTable)
    .map((table) => ({file, table})),
);

describe('comparison table data', () => {
  it('finds the tables in src/data', () => {
    expect(tables.length).toBeGreaterThan(0);
  });

  it.each(tables.map(({file, table}) => [table.id, file, table] as const))(
    'table %s (%s) is complete',
    (_id, _file, table) => {
      expect(tableProblems(table)).toEqual([]);
    },
  );

  it('gives every table a unique id', () => {
    const ids = tables.map(({table}) => table.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
  });

  it('reports an empty cell, a repeated column and a bad id', () => {
    const broken: ComparisonTableData<'a' | 'b'> = {
      id: 'Bad Id',
      caption: 'x',
      columns: [
        {key: 'a', label: 'A'},
        {key: 'a', label: 'A again'},
      ],
      rows: [{a: 'one', b: ' '}],
    };
    const problems = tableProblems(broken);
    expect(problems).toContain('table id "Bad Id" must be lowercase words joined by dashes');
    expect(problems).toContain('table Bad Id: column "a" appears twice');
  });

  it('reports a table without rows', () => {
    expect(
      tableProblems({id: 'empty', caption: 'Empty', columns: [{key: 'a', label: 'A'}, {key: 'b', label: 'B'}], rows: []}),
    ).toEqual(['table empty: has no rows']);
  });
});
