import {describe, expect, it} from 'vitest';
import {
  matchPlaybook,
  matchResponseFlags,
  playbookProblems,
  responseFlagProblems,
  type ResponseFlag,
} from '@site/src/lib/troubleshooting';
import {PLAYBOOK, RESPONSE_FLAGS} from '@site/src/data/operations';

const codes = (flags: readonly ResponseFlag[]): string[] => flags.map((flag) => flag.code);

describe('response flag data', () => {
  it('is complete and has no duplicate codes', () => {
    expect(responseFlagProblems(RESPONSE_FLAGS)).toEqual([]);
  });

  it('covers the flags the course promises, with UC as termination and UF as failure', () => {
    expect(codes(RESPONSE_FLAGS).sort()).toEqual(['DC', 'NR', 'UC', 'UF', 'UH', 'UO', 'URX', 'UT']);
    const byCode = new Map(RESPONSE_FLAGS.map((flag) => [flag.code, flag]));
    expect(byCode.get('UC')?.name).toBe('upstream connection termination');
    expect(byCode.get('UF')?.name).toBe('upstream connection failure');
    expect(byCode.get('UO')?.name).toBe('upstream overflow');
  });

  it('reports duplicate codes and empty fields', () => {
    const broken: ResponseFlag = {...RESPONSE_FLAGS[0]!, meaning: ' '};
    const problems = responseFlagProblems([broken, broken]);
    expect(problems).toContain('flag "UO" appears twice');
    expect(problems).toContain('flag "UO": meaning is empty');
  });
});

describe('matchResponseFlags', () => {
  it('returns every flag for an empty query', () => {
    expect(matchResponseFlags(RESPONSE_FLAGS, '   ')).toHaveLength(RESPONSE_FLAGS.length);
  });

  it('finds a flag by its code, in any case', () => {
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, 'uo'))).toEqual(['UO']);
  });

  it('splits combined flags as Envoy prints them', () => {
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, 'URX,UF')).sort()).toEqual(['UF', 'URX']);
  });

  it('recognises a whole pasted error body by its specific reset reason', () => {
    const pasted =
      'upstream connect error or disconnect/reset before headers. reset reason: connection termination';
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, pasted))).toEqual(['UC']);
  });

  it('recognises a longer pasted message that contains a stored fragment', () => {
    const pasted =
      'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: delayed connect error: Connection refused';
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, pasted))).toEqual(['UF']);
  });

  it('lists every flag that shares a generic message', () => {
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, 'upstream connect error')).sort()).toEqual(['UC', 'UF', 'UO']);
  });

  it('finds flags by status code and by words of the explanation', () => {
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, '504'))).toEqual(['UT']);
    expect(codes(matchResponseFlags(RESPONSE_FLAGS, 'no healthy upstream'))).toEqual(['UH']);
  });

  it('returns nothing for text no flag mentions', () => {
    expect(matchResponseFlags(RESPONSE_FLAGS, 'quantum flux capacitor')).toEqual([]);
  });
});

describe('playbook', () => {
  it('is complete, with unique ids', () => {
    expect(playbookProblems(PLAYBOOK)).toEqual([]);
  });

  it('covers the symptoms the syllabus lists', () => {
    const ids = PLAYBOOK.map((entry) => entry.id);
    for (const id of [
      'sidecar-not-injected',
      'services-cannot-talk',
      'virtualservice-not-applied',
      'high-latency',
      'certificate-problems',
      'kiali-prometheus-wiring',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('never suggests commands that no longer exist', () => {
    const commands = PLAYBOOK.flatMap((entry) => entry.checks.map((check) => check.command)).join('\n');
    expect(commands).not.toMatch(/authn tls-check|verify-install|profile list|--short|localhost:15000/);
  });

  it('matches every word of a query, anywhere in an entry', () => {
    expect(matchPlaybook(PLAYBOOK, 'grafana url').map((entry) => entry.id)).toEqual(['kiali-prometheus-wiring']);
    expect(matchPlaybook(PLAYBOOK, '').length).toBe(PLAYBOOK.length);
    expect(matchPlaybook(PLAYBOOK, 'nothing-like-this-anywhere')).toEqual([]);
  });

  it('reports a bad id and empty lists', () => {
    expect(playbookProblems([{id: 'Bad Id', symptom: 's', causes: [], checks: [], fixes: []}])).toEqual([
      'playbook id "Bad Id" must be lowercase words joined by dashes',
      'playbook "Bad Id": no causes',
      'playbook "Bad Id": no checks',
      'playbook "Bad Id": no fixes',
    ]);
  });
});
