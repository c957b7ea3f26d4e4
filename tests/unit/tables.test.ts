import {describe, expect, it} from 'vitest';
import {tableProblems, type ComparisonTableData} from '@site/src/lib/tables';
import {whyMeshTables} from '@site/src/data/whyMesh';

describe('comparison table data', () => {
  it.each(whyMeshTables.map((table) => [table.id, table] as const))('table %s is complete', (_id, table) => {
    expect(tableProblems(table)).toEqual([]);
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
