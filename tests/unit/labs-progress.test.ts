import {describe, expect, it} from 'vitest';
import {parseBody, parseInline} from '@site/src/lib/labs/markdown';
import {decodeProgress, encodeProgress, progressKey, readItem, writeItem} from '@site/src/lib/labs/progress';

describe('stored lab progress', () => {
  const steps = ['install', 'deploy'];
  const variables = ['NAMESPACE'];

  it('round-trips and uses a versioned key per lab', () => {
    expect(progressKey('sidecar-install')).toBe('sml.lab.v1.sidecar-install');
    const progress = {done: ['install'], values: {NAMESPACE: 'shop'}};
    expect(decodeProgress(encodeProgress(progress), steps, variables)).toEqual(progress);
  });

  it('tolerates missing, corrupt or foreign data', () => {
    const empty = {done: [], values: {}};
    expect(decodeProgress(null, steps, variables)).toEqual(empty);
    expect(decodeProgress('{not json', steps, variables)).toEqual(empty);
    expect(decodeProgress('[1,2]', steps, variables)).toEqual(empty);
    expect(decodeProgress('"text"', steps, variables)).toEqual(empty);
    expect(decodeProgress('{"done":"install","values":[]}', steps, variables)).toEqual(empty);
    expect(decodeProgress('{"done":["install","gone",3,"install"],"values":{"NAMESPACE":7,"OLD":"x"}}', steps, variables)).toEqual({
      done: ['install'],
      values: {},
    });
  });

  it('reads and writes nothing, without throwing, when there is no storage', () => {
    expect(readItem('x')).toBeNull();
    expect(() => writeItem('x', 'y')).not.toThrow();
  });
});

describe('step body markdown', () => {
  it('parses inline code, bold, emphasis and links', () => {
    expect(parseInline('Run `kubectl get pods` and **look** at *READY*, see [the docs](/docs/why-mesh/).')).toEqual([
      {kind: 'text', text: 'Run '},
      {kind: 'code', text: 'kubectl get pods'},
      {kind: 'text', text: ' and '},
      {kind: 'strong', children: [{kind: 'text', text: 'look'}]},
      {kind: 'text', text: ' at '},
      {kind: 'em', children: [{kind: 'text', text: 'READY'}]},
      {kind: 'text', text: ', see '},
      {kind: 'link', href: '/docs/why-mesh/', children: [{kind: 'text', text: 'the docs'}]},
      {kind: 'text', text: '.'},
    ]);
  });

  it('splits paragraphs and bullet lists', () => {
    const blocks = parseBody('First line\ncontinues.\n\n- one\n- two\n  wraps\n');
    expect(blocks).toEqual([
      {kind: 'paragraph', content: [{kind: 'text', text: 'First line continues.'}]},
      {kind: 'list', items: [[{kind: 'text', text: 'one'}], [{kind: 'text', text: 'two wraps'}]]},
    ]);
  });
});
