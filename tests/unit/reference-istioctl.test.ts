import {describe, expect, it} from 'vitest';
import {checkIstioctlArgs, REMOVED_ISTIOCTL} from '../../src/lib/validate/istioctl';
import {ISTIOCTL_TREE, type IstioctlCommand} from '../../src/data/istio-reference/reference';

const check = (line: string): string[] => checkIstioctlArgs(line.split(/\s+/).filter(Boolean));

describe('istioctl command tree generated from the cobra sources', () => {
  it('rejects flags and commands the hand-written list wrongly accepted (issue 12)', () => {
    expect(check('proxy-status -f dump.json').join()).toMatch(/unknown flag -f/);
    expect(check('proxy-status --verbose').join()).toMatch(/unknown flag --verbose/);
    expect(check('ztunnel-config workloads --ztunnel-admin-port 15000').join()).toMatch(/unknown flag --ztunnel-admin-port/);
    expect(check('x workload entry configure --external-ip 1.2.3.4 -f wg.yaml -o out').join()).toMatch(/unknown flag --external-ip/);
    expect(check('analyze -f x.yaml').join()).toMatch(/unknown flag -f/);
    expect(check('create-remote-secret -f x').join()).toMatch(/unknown flag -f/);
    expect(check('create-remote-secret -r 1-31-1').join()).toMatch(/unknown flag -r/);
    expect(check('x precheck --filename x.yaml').join()).toMatch(/unknown flag --filename/);
    expect(check('x wait --for=distribution VirtualService x').join()).toMatch(/not in Istio/);
    expect(check('dashboard kiali -l app=kiali').join()).toMatch(/unknown flag -l/);
  });

  it('accepts flags and aliases that exist in 1.31 and the old list rejected', () => {
    for (const line of [
      'proxy-status -v 1',
      'proxy-status --verbosity 1 deploy/productpage-v1',
      'waypoint apply -n bookinfo -w',
      'install --charts ./manifests -y',
      'uninstall --force --purge -y',
      '--as admin --as-group system:masters --kubeclient-timeout 30s version',
      'pc a deploy/x',
      'pc rc pod/a.ns pod/b.ns',
      'zc pol',
      'tag show',
      'manifest apply -f x.yaml',
      'ztunnel-config workloads --proxy-admin-port 15000',
      'x workload entry configure --externalIP 1.2.3.4 -f wg.yaml -o out',
      'x precheck -f 1.30.0',
      'dashboard envoy -l app=productpage',
    ]) {
      expect(check(line), line).toEqual([]);
    }
  });

  it('lets a flag that takes a value consume the next word, and a switch not', () => {
    // -s is --set (takes a value), so "profile=demo" is its value and -y a switch
    expect(check('install -s profile=demo -y')).toEqual([]);
    // --purge is a switch: "extra" would be a positional argument of uninstall, not a flag value
    expect(check('uninstall --purge -y')).toEqual([]);
    expect(check('pc cluster deploy/x -ojson')).toEqual([]);
    expect(check('uninstall -yv --purge')).toEqual([]);
    expect(check('install --set').join()).toMatch(/--set needs a value/);
  });

  it('finds the subcommand after flags with values and inherits persistent flags', () => {
    expect(check('-n bookinfo proxy-config route deploy/productpage-v1 --name 9080 -o json')).toEqual([]);
    expect(check('--context kind-a -i istio-system version')).toEqual([]);
    expect(check('x describe pod x -n bookinfo')).toEqual([]);
  });

  it('reports commands that only print an error, and points to the real one', () => {
    expect(check('authz check deploy/x').join()).toMatch(/only prints an error.*istioctl x authz/);
    expect(check('describe pod x').join()).toMatch(/did you mean `istioctl x describe`/);
  });

  it('keeps removed-command hints only for names the release does not have', () => {
    const names = new Set<string>();
    const visit = (c: IstioctlCommand, path: string[]): void => {
      for (const child of c.commands ?? []) {
        for (const n of [child.name, ...(child.aliases ?? [])]) names.add([...path, n].join(' ').replace(/^experimental /, 'x '));
        visit(child, [...path, child.name]);
      }
    };
    visit(ISTIOCTL_TREE, []);
    for (const removed of Object.keys(REMOVED_ISTIOCTL)) expect(names.has(removed), removed).toBe(false);
  });
});

describe('generated reference data', () => {
  it('records where every file came from (repository, ref, commit)', async () => {
    for (const name of ['schemas', 'samples', 'istioctl', 'values', 'outputs']) {
      const data = (await import(`../../src/data/istio-reference/${name}.json`)) as {source: {repository: string; ref: string; commit: string}[]};
      expect(data.source[0], name).toMatchObject({repository: 'istio/istio', ref: expect.stringMatching(/^release-\d+\.\d+$/), commit: expect.stringMatching(/^[0-9a-f]{40}$/)});
    }
  });

  it('lists only sample paths that are on the branch', async () => {
    const {SAMPLE_PATHS} = await import('../../src/data/istio-reference/reference');
    expect(SAMPLE_PATHS.has('samples/bookinfo/platform/kube/bookinfo.yaml')).toBe(true);
    expect(SAMPLE_PATHS.has('samples/bookinfo/platform/kube/bookinfo-waypoints.yaml')).toBe(false);
  });
});
