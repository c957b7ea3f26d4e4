import {describe, expect, it} from 'vitest';
import {checkReferences, checkResource, ruleResource, type RuleResource} from '@site/src/lib/rules';

const vs = (http: unknown[], extra: Record<string, unknown> = {}): RuleResource => ({kind: 'VirtualService', name: 'r', spec: {hosts: ['reviews'], http, ...extra}});
const to = (host: string, subset?: string, weight?: number) => ({destination: {host, ...(subset ? {subset} : {})}, ...(weight === undefined ? {} : {weight})});
const rulesOf = (resource: RuleResource) => checkResource(resource).map((f) => `${f.rule} ${f.path.join('.')}`);

describe('VirtualService rules', () => {
  it('accept a plain weighted route', () => {
    expect(checkResource(vs([{route: [to('reviews', 'v1', 50), to('reviews', 'v2', 50)]}]))).toEqual([]);
  });

  it('reject a route that redirects and forwards, or answers directly and forwards', () => {
    expect(rulesOf(vs([{redirect: {uri: '/x'}, route: [to('a')]}]))).toEqual(['http-route-conflict spec.http.0.redirect']);
    expect(rulesOf(vs([{directResponse: {status: 503}, route: [to('a')]}]))).toEqual(['http-route-conflict spec.http.0.directResponse']);
    expect(rulesOf(vs([{redirect: {uri: '/x'}, directResponse: {status: 503}}]))).toEqual(['http-route-conflict spec.http.0.redirect']);
    expect(rulesOf(vs([{redirect: {uri: '/x'}, fault: {abort: {httpStatus: 500}}}]))).toEqual(['http-route-conflict spec.http.0.redirect']);
    expect(rulesOf(vs([{mirror: {host: 'a'}, mirrors: [{destination: {host: 'b'}}], route: [to('a')]}]))).toEqual(['http-route-conflict spec.http.0.mirror']);
  });

  it('reject a route with nowhere to send the request, and a delegating route that also routes', () => {
    expect(rulesOf(vs([{timeout: '1s'}]))).toEqual(['http-route-action spec.http.0']);
    expect(rulesOf(vs([{delegate: {name: 'd'}, route: [to('a')]}]))).toEqual(['http-route-conflict spec.http.0.route']);
    expect(checkResource(vs([{delegate: {name: 'd'}}]))).toEqual([]);
  });

  it('reject negative weights and all-zero weights, and only note a sum other than 100', () => {
    expect(rulesOf(vs([{route: [to('a', 'v1', -5), to('a', 'v2', 105)]}]))).toEqual(['route-weight spec.http.0.route.0.weight']);
    expect(rulesOf(vs([{route: [to('a', 'v1', 0), to('a', 'v2', 0)]}]))).toEqual(['route-weight spec.http.0.route']);
    const sum = checkResource(vs([{route: [to('a', 'v1', 30), to('a', 'v2', 30)]}]));
    expect(sum).toEqual([expect.objectContaining({rule: 'route-weight-sum', severity: 'info'})]);
    expect(rulesOf({kind: 'VirtualService', spec: {tcp: [{route: [to('a', 'v1', 0), to('a', 'v2', 0)]}]}})).toEqual(['route-weight spec.tcp.0.route']);
  });

  it('reject fault percentages outside 0 or 0.0001–100 and mirror percentages outside 0–100', () => {
    const fault = (value: number) => vs([{route: [to('a')], fault: {abort: {httpStatus: 500, percentage: {value}}}}]);
    expect(rulesOf(fault(150))).toEqual(['percentage-range spec.http.0.fault.abort.percentage.value']);
    expect(rulesOf(fault(0.00001))).toEqual(['percentage-range spec.http.0.fault.abort.percentage.value']);
    expect(checkResource(fault(0))).toEqual([]);
    expect(checkResource(fault(100))).toEqual([]);
    expect(rulesOf(vs([{route: [to('a')], mirror: {host: 'b'}, mirrorPercentage: {value: 101}}]))).toEqual(['percentage-range spec.http.0.mirrorPercentage.value']);
    expect(rulesOf(vs([{route: [to('a')], mirrors: [{destination: {host: 'b'}, percentage: {value: -1}}]}]))).toEqual(['percentage-range spec.http.0.mirrors.0.percentage.value']);
  });
});

describe('DestinationRule rules', () => {
  const dr = (trafficPolicy: unknown): RuleResource => ({kind: 'DestinationRule', spec: {host: 'reviews', subsets: [{name: 'v1', trafficPolicy}]}});
  it('reject distribute and failover together, on a subset too', () => {
    const locality = {loadBalancer: {localityLbSetting: {distribute: [{from: 'a/*', to: {'b/*': 100}}], failover: [{from: 'a', to: 'b'}]}}};
    expect(rulesOf(dr(locality))).toEqual(['locality-distribute-failover spec.subsets.0.trafficPolicy.loadBalancer.localityLbSetting']);
  });
  it('reject locality weights that do not add up to 100 and ejection percentages over 100', () => {
    expect(rulesOf(dr({loadBalancer: {localityLbSetting: {distribute: [{from: 'a/*', to: {'b/*': 60, 'c/*': 30}}]}}}))).toEqual([
      'percentage-range spec.subsets.0.trafficPolicy.loadBalancer.localityLbSetting.distribute.0.to',
    ]);
    expect(rulesOf(dr({outlierDetection: {maxEjectionPercent: 120}}))).toEqual(['percentage-range spec.subsets.0.trafficPolicy.outlierDetection.maxEjectionPercent']);
    expect(checkResource(dr({outlierDetection: {maxEjectionPercent: 100}}))).toEqual([]);
  });
});

describe('AuthorizationPolicy rules', () => {
  it('warn that a spiffe:// principal never matches, and accept the plain form', () => {
    const ap = (principal: string): RuleResource => ({kind: 'AuthorizationPolicy', spec: {rules: [{from: [{source: {notPrincipals: [principal]}}]}]}});
    const [finding, ...rest] = checkResource(ap('spiffe://cluster.local/ns/a/sa/b'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({rule: 'principal-spiffe-prefix', severity: 'warning', path: ['spec', 'rules', 0, 'from', 0, 'source', 'notPrincipals', 0]});
    expect(finding?.message).toContain('cluster.local/ns/a/sa/b');
    expect(checkResource(ap('cluster.local/ns/a/sa/b'))).toEqual([]);
  });
  it('never throw on a half-written resource', () => {
    for (const spec of [null, 'x', {rules: 'x'}, {rules: [null, {from: [null]}]}, {http: [null, 3]}]) {
      for (const kind of ['AuthorizationPolicy', 'VirtualService', 'DestinationRule']) expect(() => checkResource({kind, spec})).not.toThrow();
    }
  });
});

describe('references between resources', () => {
  const manifests = [
    {kind: 'VirtualService', metadata: {name: 'reviews', namespace: 'bookinfo'}, spec: {hosts: ['reviews'], http: [{route: [to('reviews', 'v1', 90), to('reviews', 'v3', 10)]}]}},
    {kind: 'DestinationRule', metadata: {name: 'reviews', namespace: 'bookinfo'}, spec: {host: 'reviews.bookinfo.svc.cluster.local', subsets: [{name: 'v1'}, {name: 'v2'}]}},
  ];
  const resources = manifests.map((m) => ruleResource(m)!);

  it('find a subset no DestinationRule for the host defines', () => {
    const findings = checkReferences(resources, {services: [{name: 'reviews', namespace: 'bookinfo'}]});
    expect(findings).toEqual([
      expect.objectContaining({resource: 0, rule: 'destination-subset-unknown', path: ['spec', 'http', 0, 'route', 1, 'destination', 'subset']}),
    ]);
    expect(findings[0]?.message).toMatch(/"v3".*defines v1, v2/);
  });

  it('find a destination host no Service or ServiceEntry has, resolving short names in the namespace', () => {
    const findings = checkReferences(resources, {services: [{name: 'reviews', namespace: 'default'}]});
    expect(findings.map((f) => f.rule)).toEqual(['destination-host-unknown', 'destination-host-unknown', 'destination-subset-unknown']);
    expect(findings[0]?.message).toContain('reviews.bookinfo.svc.cluster.local');
    const withEntry = [...resources, {kind: 'ServiceEntry', spec: {hosts: ['*.bookinfo.svc.cluster.local']}}];
    expect(checkReferences(withEntry).map((f) => f.rule)).toEqual(['destination-subset-unknown']);
  });

  it('count Services in the set and say when no DestinationRule defines subsets at all', () => {
    const set: RuleResource[] = [
      {kind: 'Service', name: 'ratings'},
      {kind: 'VirtualService', spec: {http: [{route: [to('ratings', 'v1')]}]}},
    ];
    const findings = checkReferences(set);
    expect(findings).toEqual([expect.objectContaining({resource: 1, rule: 'destination-subset-unknown'})]);
    expect(findings[0]?.message).toBe('subset "v1": no DestinationRule for ratings defines subsets');
  });
});
