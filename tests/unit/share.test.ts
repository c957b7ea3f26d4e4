import {compressToEncodedURIComponent} from 'lz-string';
import {describe, expect, it} from 'vitest';
import {decodeScenario, encodeScenario, MAX_ENCODED_LENGTH, type SharedScenario} from '../../src/lib/share';

const scenario: SharedScenario = {
  playground: 'request-routing',
  example: 'fault-abort',
  yaml: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews # ü ✓ 日本\n',
  settings: {
    source: 'productpage-v1',
    host: 'reviews',
    port: '9080',
    method: 'GET',
    path: '/reviews/1?x=<script>alert(1)</script>',
    headers: 'end-user: jason\nx-test: a:b',
    count: 250,
    concurrency: 4,
    seed: 42,
    waypoint: true,
  },
};

/** A small seeded generator so the fuzz cases are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('sharing a scenario in a link', () => {
  it('round-trips the YAML, the example, the request and the run settings', () => {
    const encoded = encodeScenario(scenario);
    expect(encoded).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(decodeScenario(encoded)).toEqual({ok: true, scenario});
  });

  it('keeps a typical scenario well under the accepted length', () => {
    const yaml = 'spec:\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n'.repeat(20);
    expect(encodeScenario({...scenario, yaml}).length).toBeLessThan(MAX_ENCODED_LENGTH / 4);
  });

  it('names the character that cannot appear in a link', () => {
    const result = decodeScenario('abc%3Cscript%3E');
    expect(result).toEqual({ok: false, message: expect.stringMatching(/^character 4 of the scenario parameter \("%"\)/)});
  });

  it('rejects an empty, oversized, truncated or non-JSON parameter with a message', () => {
    expect(decodeScenario('')).toMatchObject({ok: false, message: expect.stringMatching(/empty/)});
    expect(decodeScenario('A'.repeat(MAX_ENCODED_LENGTH + 1))).toMatchObject({ok: false, message: expect.stringMatching(/characters long/)});
    const encoded = encodeScenario(scenario);
    expect(decodeScenario(encoded.slice(0, 20))).toMatchObject({ok: false});
    expect(decodeScenario(compressToEncodedURIComponent('kind: VirtualService'))).toMatchObject({ok: false, message: expect.stringMatching(/not valid JSON/)});
  });

  it('names the field that has the wrong type or range', () => {
    const payload = (changes: Record<string, unknown>) =>
      compressToEncodedURIComponent(JSON.stringify({v: 1, p: 'a', e: 'b', y: '', r: ['s', 'h', '', 'GET', '/', ''], o: [1, 1, 0, 0], ...changes}));
    expect(decodeScenario(payload({}))).toMatchObject({ok: true});
    expect(decodeScenario(payload({v: 2}))).toMatchObject({ok: false, message: expect.stringMatching(/format version/)});
    expect(decodeScenario(payload({y: 7}))).toMatchObject({ok: false, message: 'field "y" (YAML) is not text.'});
    expect(decodeScenario(payload({o: [1e9, 1, 0, 0]}))).toMatchObject({ok: false, message: expect.stringMatching(/^field "o\[0\]" \(requests\)/)});
    expect(decodeScenario(payload({r: ['s', 'h', '80a', 'GET', '/', '']}))).toMatchObject({ok: false, message: expect.stringMatching(/port/)});
    expect(decodeScenario(payload({p: '../../etc'}))).toMatchObject({ok: false, message: expect.stringMatching(/playground id/)});
    expect(decodeScenario(payload({y: 'x'.repeat(50_000)}))).toMatchObject({ok: false});
  });

  it('never throws on 600 random and mutated links, and every answer is a scenario or a message', () => {
    const random = generator(7);
    const encoded = encodeScenario(scenario);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$%<>"\'&=/ü\u0000';
    const pick = (text: string) => text[Math.floor(random() * text.length)] ?? '';
    const cases: string[] = [];
    for (let index = 0; index < 200; index += 1) {
      const length = Math.floor(random() * 400);
      cases.push(Array.from({length}, () => pick(alphabet)).join(''));
    }
    for (let index = 0; index < 300; index += 1) {
      const chars = [...encoded];
      const edits = 1 + Math.floor(random() * 5);
      for (let edit = 0; edit < edits; edit += 1) {
        const at = Math.floor(random() * chars.length);
        const kind = random();
        if (kind < 0.33) chars.splice(at, 1);
        else if (kind < 0.66) chars.splice(at, 0, pick(alphabet.slice(0, 65)));
        else chars[at] = pick(alphabet.slice(0, 65));
      }
      cases.push(chars.join(''));
    }
    for (let index = 0; index < 100; index += 1) {
      const value = [null, 1, 'x', [], {}, {v: 1}, {v: 1, p: 'a', e: 'b', y: 'y', r: 'nope', o: {}}][index % 7];
      cases.push(compressToEncodedURIComponent(JSON.stringify(value) + (index > 50 ? '}' : '')));
    }
    expect(cases).toHaveLength(600);
    for (const input of cases) {
      const result = decodeScenario(input);
      if (result.ok) {
        expect(typeof result.scenario.yaml).toBe('string');
        expect(Number.isInteger(result.scenario.settings.count)).toBe(true);
      } else {
        expect(result.message.length).toBeGreaterThan(10);
      }
    }
  });
});
