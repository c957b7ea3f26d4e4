import {describe, expect, it} from 'vitest';
import {
  createExport,
  decodeRead,
  docPathOf,
  docsOfPart,
  encodeRead,
  EXPORT_FORMAT,
  exportFileName,
  isLabComplete,
  isRead,
  isTaskPassed,
  parseImport,
  partProgress,
  partSlugOf,
  READ_KEY,
  setRead,
  stepsOfMode,
  taskKey,
  type LabSteps,
} from '@site/src/lib/progress';

const when = new Date('2026-11-26T10:00:00.000Z');

describe('pages read (sml.read.v1)', () => {
  it('round-trips marks and unmarks, keeping the first date a page was read', () => {
    expect(READ_KEY).toBe('sml.read.v1');
    let record = setRead(decodeRead(null), '/docs/traffic/', true, when);
    record = setRead(record, '/docs/traffic/', true, new Date('2027-01-01T00:00:00Z'));
    expect(decodeRead(encodeRead(record))).toEqual({pages: {'/docs/traffic/': '2026-11-26T10:00:00.000Z'}});
    expect(isRead(record, '/docs/traffic/')).toBe(true);
    expect(isRead(setRead(record, '/docs/traffic/', false, when), '/docs/traffic/')).toBe(false);
  });

  it('gives an empty record for missing, corrupt or foreign data, and drops malformed entries', () => {
    for (const raw of [null, '', '{not json', '[]', '"pages"', '{"pages":[]}', '{"pages":null}', '{"other":{}}']) {
      expect(decodeRead(raw)).toEqual({pages: {}});
    }
    expect(decodeRead('{"pages":{"/docs/a/":"2026-01-01","/docs/b/":3,"relative":"x"}}')).toEqual({pages: {'/docs/a/': '2026-01-01'}});
  });

  it('keys pages by route without the baseUrl, with a trailing slash', () => {
    expect(docPathOf('/service-mesh-labs/docs/traffic/egress/', '/service-mesh-labs/')).toBe('/docs/traffic/egress/');
    expect(docPathOf('/docs/traffic/egress', '/')).toBe('/docs/traffic/egress/');
    expect(docPathOf('/docs/traffic/#anchor', '/')).toBe('/docs/traffic/');
  });
});

describe('pages read per part', () => {
  const docs = [
    {id: 'traffic/index', path: '/docs/traffic/'},
    {id: 'traffic/virtual-service', path: '/docs/traffic/virtual-service/'},
    {id: 'traffic-extra/index', path: '/docs/traffic-extra/'},
    {id: 'security/index', path: '/docs/security/'},
  ];

  it('counts only the pages of the part, by doc id prefix', () => {
    expect(partSlugOf('/docs/traffic/')).toBe('traffic');
    expect(docsOfPart(docs, 'traffic').map((doc) => doc.id)).toEqual(['traffic/index', 'traffic/virtual-service']);
    const record = {pages: {'/docs/traffic/': 'x', '/docs/security/': 'x', '/docs/traffic-extra/': 'x'}};
    expect(partProgress(docs, 'traffic', record)).toEqual({read: 1, total: 2});
  });
});

describe('labs completed', () => {
  const lab: LabSteps = {
    id: 'mtls',
    modes: ['sidecar', 'ambient'],
    steps: ['setup', 'inject', 'ztunnel', 'check'],
    stepModes: {inject: 'sidecar', ztunnel: 'ambient'},
  };

  it('needs every step of the learner mode ticked', () => {
    expect(stepsOfMode(lab, 'sidecar')).toEqual(['setup', 'inject', 'check']);
    const sidecarDone = JSON.stringify({done: ['setup', 'inject', 'check'], values: {}});
    expect(isLabComplete(lab, sidecarDone, 'sidecar')).toBe(true);
    expect(isLabComplete(lab, sidecarDone, null)).toBe(true);
    expect(isLabComplete(lab, sidecarDone, 'ambient')).toBe(false);
    expect(isLabComplete(lab, JSON.stringify({done: ['setup', 'check'], values: {}}), 'sidecar')).toBe(false);
  });

  it('falls back to the lab first mode when the stored mode is not offered', () => {
    const ambientOnly: LabSteps = {id: 'a', modes: ['ambient'], steps: ['one']};
    expect(isLabComplete(ambientOnly, '{"done":["one"]}', 'sidecar')).toBe(true);
  });

  it('counts corrupt records and foreign step ids as not complete', () => {
    expect(isLabComplete(lab, '{not json', 'sidecar')).toBe(false);
    expect(isLabComplete(lab, 'garbage', 'sidecar')).toBe(false);
    expect(isLabComplete(lab, '{"done":["x","y","z"]}', 'sidecar')).toBe(false);
    expect(isLabComplete({id: 'empty', modes: ['sidecar'], steps: []}, '{"done":[]}', 'sidecar')).toBe(false);
  });
});

describe('tasks passed', () => {
  it('reads sml.task.v1.<id> and accepts only passed: true', () => {
    expect(taskKey('traffic-header-routing')).toBe('sml.task.v1.traffic-header-routing');
    expect(isTaskPassed('{"passed":true,"passedAt":"2026-11-26T10:00:00Z","elapsedSeconds":300}')).toBe(true);
    for (const raw of [null, '', '{"passed":false}', '{"passed":"true"}', '{broken', 'null', '[true]']) {
      expect(isTaskPassed(raw)).toBe(false);
    }
  });
});

describe('export and import of progress', () => {
  const entries: [string, string][] = [
    ['sml.read.v1', '{"pages":{}}'],
    ['other-site', 'x'],
    ['sml.lab.v1.mtls', '{"done":["setup"]}'],
  ];

  it('exports every sml. key and nothing else, in the documented format', () => {
    const data = createExport(entries, when);
    expect(data).toEqual({
      format: 'service-mesh-labs-progress',
      version: 1,
      exportedAt: '2026-11-26T10:00:00.000Z',
      items: {'sml.lab.v1.mtls': '{"done":["setup"]}', 'sml.read.v1': '{"pages":{}}'},
    });
    expect(exportFileName(when)).toBe('service-mesh-labs-progress-2026-11-26.json');
  });

  it('imports what it exported', () => {
    const result = parseImport(JSON.stringify(createExport(entries, when)));
    expect(result).toEqual({ok: true, items: {'sml.lab.v1.mtls': '{"done":["setup"]}', 'sml.read.v1': '{"pages":{}}'}});
  });

  it.each([
    ['', /empty/],
    ['{not json', /not valid JSON/],
    ['[1]', /not an object/],
    [JSON.stringify({format: 'other', version: 1, items: {}}), /"format" is "other"/],
    [JSON.stringify({version: 1, items: {}}), /"format" is missing/],
    [JSON.stringify({format: EXPORT_FORMAT, version: 2, items: {}}), /"version" is 2; this site reads version 1/],
    [JSON.stringify({format: EXPORT_FORMAT, version: 1}), /"items" is missing/],
    [JSON.stringify({format: EXPORT_FORMAT, version: 1, items: {'foreign.key': 'x'}}), /"foreign.key" does not belong/],
    [JSON.stringify({format: EXPORT_FORMAT, version: 1, items: {'sml.read.v1': {pages: {}}}}), /"sml.read.v1" is not text/],
  ])('rejects %j with a message saying what is wrong', (text, message) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
