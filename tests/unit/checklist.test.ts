import {describe, expect, it} from 'vitest';
import {
  checklistProblems,
  groupItems,
  parseChecklistState,
  serialiseChecklistState,
  toggleItem,
} from '@site/src/lib/checklist';
import {PRODUCTION_CHECKLIST} from '@site/src/data/practice';

const ids = PRODUCTION_CHECKLIST.map((item) => item.id);

describe('production checklist data', () => {
  it('is complete, with unique ids and course routes', () => {
    expect(checklistProblems(PRODUCTION_CHECKLIST)).toEqual([]);
  });

  it('includes the best practices the syllabus names', () => {
    for (const id of [
      'strict-mtls',
      'explicit-timeouts',
      'outlier-detection',
      'gitops',
      'analyze-in-ci',
      'narrow-start',
      'ambient-when-overhead',
      'sidecar-scoping',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('rejects a route without a trailing slash', () => {
    const [first] = PRODUCTION_CHECKLIST;
    expect(checklistProblems([{...first!, learnMore: '/docs/security'}])).toEqual([
      `checklist "${first!.id}": learnMore must be a /docs/…/ route with a trailing slash`,
    ]);
  });
});

describe('checklist storage', () => {
  it('round-trips the ticked items', () => {
    const done = new Set(['strict-mtls', 'gitops']);
    expect(parseChecklistState(serialiseChecklistState(done), ids)).toEqual(done);
  });

  it('stores the same state as the same string', () => {
    expect(serialiseChecklistState(new Set(['b', 'a']))).toBe(serialiseChecklistState(new Set(['a', 'b'])));
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a bare array', '["strict-mtls"]'],
    ['another version', '{"version":2,"done":["strict-mtls"]}'],
    ['done is not a list', '{"version":1,"done":"strict-mtls"}'],
  ])('tolerates %s by starting empty', (_label, raw) => {
    expect(parseChecklistState(raw, ids)).toEqual(new Set());
  });

  it('drops unknown ids and non-strings but keeps the valid ones', () => {
    const raw = JSON.stringify({version: 1, done: ['strict-mtls', 'gone-item', 42, null]});
    expect(parseChecklistState(raw, ids)).toEqual(new Set(['strict-mtls']));
  });

  it('toggles without changing the original set', () => {
    const start = new Set(['gitops']);
    const next = toggleItem(start, 'strict-mtls');
    expect(next).toEqual(new Set(['gitops', 'strict-mtls']));
    expect(toggleItem(next, 'gitops')).toEqual(new Set(['strict-mtls']));
    expect(start).toEqual(new Set(['gitops']));
  });
});

describe('groupItems', () => {
  it('keeps groups in first-appearance order and every item once', () => {
    const groups = groupItems(PRODUCTION_CHECKLIST);
    expect(groups[0]?.group).toBe('Security');
    expect(groups.flatMap((group) => group.items).length).toBe(PRODUCTION_CHECKLIST.length);
  });
});
