import {describe, expect, it} from 'vitest';
import {formatProblem, formatProblems, inFile} from '@site/src/lib/problem';

describe('located problems', () => {
  it('print as file:line: message, with the column when known and no line for a whole file', () => {
    expect(formatProblem({file: 'labs/a/lab.yaml', line: 4, message: 'bad'})).toBe('labs/a/lab.yaml:4: bad');
    expect(formatProblem({file: 'p.yaml', line: 4, column: 7, message: 'bad'})).toBe('p.yaml:4:7: bad');
    expect(formatProblem({file: 'labs/a/lab.yaml', line: 0, message: 'not in the catalogue'})).toBe('labs/a/lab.yaml: not in the catalogue');
  });
  it('say when a problem is only a warning or a note', () => {
    expect(formatProblem({file: 'p.yaml', line: 2, message: 'never matches', severity: 'warning'})).toBe('p.yaml:2: warning: never matches');
    expect(formatProblem({file: 'p.yaml', line: 2, message: 'x', severity: 'error'})).toBe('p.yaml:2: x');
  });
  it('list many sorted by file, line and column', () => {
    const text = formatProblems([
      {file: 'b', line: 1, message: 'b1'},
      {file: 'a', line: 9, message: 'a9'},
      {file: 'a', line: 2, column: 5, message: 'a2:5'},
      {file: 'a', line: 2, column: 1, message: 'a2:1'},
    ]);
    expect(text).toBe('a:2:1: a2:1\na:2:5: a2:5\na:9: a9\nb:1: b1');
  });
  it('place problems of a piece of text at their file lines', () => {
    expect(inFile('docs/x.mdx', 10, [{line: 1, message: 'm'}, {line: 3, column: 2, message: 'n'}])).toEqual([
      {file: 'docs/x.mdx', line: 10, message: 'm'},
      {file: 'docs/x.mdx', line: 12, column: 2, message: 'n'},
    ]);
  });
});
