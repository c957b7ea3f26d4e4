import {describe, expect, it} from 'vitest';
import {parseYaml, parseYamlDocument, pathFromString, pathToPointer, pathToString, pointerToPath} from '@site/src/lib/yaml';

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 80
---
kind: Service
`;

describe('parseYaml', () => {
  it('reads every document of a stream as plain data', () => {
    const {documents, problems} = parseYaml(VS);
    expect(problems).toEqual([]);
    expect(documents.map((d) => (d.data as {kind: string}).kind)).toEqual(['VirtualService', 'Service']);
    expect(documents[1]?.start).toEqual({line: 14, column: 1});
  });

  it('locates keys, list items and values by path', () => {
    const doc = parseYaml(VS).documents[0]!;
    expect(doc.locate(['spec', 'http', 0, 'route', 0, 'weight'])).toEqual({line: 12, column: 7});
    expect(doc.lineOf(['spec', 'http', 0])).toBe(8);
    expect(doc.valueAt(['spec', 'hosts'])).toEqual({line: 6, column: 10});
    expect(doc.lineOf(['spec', 'hosts', 0])).toBe(6);
  });

  it('falls back to the nearest existing part of a path that does not exist', () => {
    const doc = parseYaml(VS).documents[0]!;
    expect(doc.lineOf(['spec', 'http', 0, 'route', 0, 'destination', 'port'])).toBe(9);
    expect(doc.lineOf(['spec', 'tcp', 3])).toBe(5);
    expect(doc.lineOf([])).toBe(1);
  });

  it('gives the first text line of a block scalar (the line after |)', () => {
    const doc = parseYaml('run: |\n  echo one\nplain: echo two\n').documents[0]!;
    expect(doc.textLine(['run'])).toBe(2);
    expect(doc.textLine(['plain'])).toBe(3);
  });

  it('reports syntax problems once per line, in plain words, and skips the broken document', () => {
    const {documents, problems} = parseYaml('a: 1\n\tb: 2\n---\nkind: Ok\n');
    expect(problems).toEqual([{line: 2, column: 1, message: 'YAML: a tab is used to indent: YAML indents with spaces only'}]);
    expect(documents.map((d) => d.data)).toEqual([{kind: 'Ok'}]);
    expect(parseYaml('a: 1\nb: [\n').problems).toHaveLength(1);
  });

  it('names a repeated key', () => {
    expect(parseYaml('name: a\nname: b\n').problems).toEqual([
      {line: 2, column: 1, message: 'YAML: the key "name" appears twice in one mapping (map keys must be unique)'},
    ]);
  });

  it('treats an empty stream and empty documents as nothing to read', () => {
    expect(parseYaml('')).toEqual({documents: [], problems: []});
    expect(parseYaml('---\n---\n').documents).toEqual([]);
  });
});

describe('parseYamlDocument', () => {
  it('refuses a second document in a one-document file', () => {
    const {document, problems} = parseYamlDocument('id: a\n---\nid: b\n');
    expect(document).toBeUndefined();
    expect(problems[0]?.message).toMatch(/^YAML: this file holds one document/);
  });
});

describe('paths', () => {
  it('convert between JSON pointers, key lists and dotted paths', () => {
    expect(pointerToPath('/spec/http/0/headers/a~1b~0c')).toEqual(['spec', 'http', 0, 'headers', 'a/b~c']);
    expect(pathToPointer(['spec', 'http', 0, 'headers', 'a/b~c'])).toBe('/spec/http/0/headers/a~1b~0c');
    expect(pointerToPath('')).toEqual([]);
    expect(pathToString(['spec', 'http', 0, 'route'])).toBe('spec.http[0].route');
    expect(pathFromString('spec.http[0].route[12].weight')).toEqual(['spec', 'http', 0, 'route', 12, 'weight']);
    expect(pathFromString(pathToString(['a', 1, 'b']))).toEqual(['a', 1, 'b']);
  });
});
