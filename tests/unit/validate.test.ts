import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {
  checkCommand,
  checkLabFile,
  checkMarkdownFile,
  checkUrls,
  extractCodeBlocks,
  parseBashErrors,
  parseShell,
  validateManifest,
  versionProblems,
} from '../../src/lib/validate';

const messages = (text: string, options = {}): string[] => validateManifest(text, options).problems.map((p) => p.message);

const DR = (extra: string): string => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
${extra}`;

describe('YAML manifests', () => {
  it('accepts a valid Istio resource and a core kind', () => {
    expect(messages(`${DR('')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n`)).toEqual([]);
  });
  it('reports YAML syntax errors with their line', () => {
    const r = validateManifest('a: b\n  c: d\n- e\n');
    expect(r.problems[0]?.message).toMatch(/^YAML:/);
  });
  it('reports unknown fields, with a hint for consecutiveErrors, on the right line', () => {
    const r = validateManifest(DR('  trafficPolicy:\n    outlierDetection:\n      consecutiveErrors: 5\n'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({line: 9});
    expect(r.problems[0]!.message).toContain('unknown field "spec.trafficPolicy.outlierDetection.consecutiveErrors"');
    expect(r.problems[0]!.message).toContain('consecutive5xxErrors');
  });
  it('reports wrong enum values and missing required fields', () => {
    expect(messages(DR('  trafficPolicy:\n    tls:\n      mode: STRICT\n')).join()).toMatch(/must be one of DISABLE, SIMPLE/);
    expect(messages('apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: x\nspec: {}\n').join()).toMatch(/missing required field "spec.host"/);
  });
  it('rejects old API versions unless outdated, and unserved ones always', () => {
    const old = DR('').replace('networking.istio.io/v1', 'networking.istio.io/v1beta1');
    expect(messages(old).join()).toMatch(/use apiVersion networking.istio.io\/v1 .*still served/);
    expect(messages(old, {outdated: true})).toEqual([]);
    const envoy = 'apiVersion: networking.istio.io/v1beta1\nkind: EnvoyFilter\nmetadata:\n  name: x\nspec: {}\n';
    expect(messages(envoy).join()).toMatch(/use apiVersion networking.istio.io\/v1alpha3/);
  });
  it('tells Istio Gateway from Gateway API Gateway', () => {
    const gw = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n';
    expect(messages(gw)).toEqual([]);
    expect(messages(gw.replace('gatewayClassName: istio', 'selector: {istio: ingressgateway}')).join()).toMatch(/unknown field "spec.selector"/);
  });
  it('gives core kinds basic checks', () => {
    expect(messages('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec: {}\n').join()).toMatch(/spec.selector/);
    expect(messages('apiVersion: v1\nkind: Deployment\nmetadata:\n  name: x\n').join()).toMatch(/apiVersion "v1" is wrong.*apps\/v1/);
    expect(messages('apiVersion: v1\nkind: Service\nmetadata: {}\n').join()).toMatch(/metadata.name/);
    expect(messages('kind: Service\nmetadata:\n  name: x\n').join()).toMatch(/missing apiVersion/);
    expect(messages('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: x\n').join()).toMatch(/unknown kind/);
  });
  it('validates fragments against the sub-schema (a list or one item)', () => {
    const item = '- route:\n  - destination:\n      host: reviews\n';
    expect(messages(item, {fragment: 'VirtualService.spec.http'})).toEqual([]);
    expect(messages('route:\n- destination:\n    host: reviews\n', {fragment: 'VirtualService.spec.http'})).toEqual([]);
    expect(messages('- rout:\n  - destination:\n      host: reviews\n', {fragment: 'VirtualService.spec.http'}).join()).toMatch(/unknown field "\[0\].rout"/);
    expect(messages('a: 1\n', {fragment: 'VirtualService.spec.nope'}).join()).toMatch(/has no field "nope"/);
  });
  it('applies Istio validation rules beyond the schema', () => {
    const vs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  hosts: [a]\n  http:\n  - redirect:\n      uri: /b\n    route:\n    - destination:\n        host: a\n';
    expect(messages(vs).join()).toMatch(/VirtualService: an http route may redirect or forward to a route, not both/);
    const lb = DR('  trafficPolicy:\n    loadBalancer:\n      localityLbSetting:\n        distribute:\n        - from: a/*\n          to: {"b/*": 100}\n        failover:\n        - from: a\n          to: b\n');
    expect(messages(lb).join()).toMatch(/distribute or failover/);
    const ap = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: x\nspec:\n  rules:\n  - from:\n    - source:\n        principals: ["spiffe://cluster.local/ns/a/sa/b"]\n';
    expect(messages(ap).join()).toMatch(/spiffe:\/\//);
  });
  it('knows 1.30/1.31 additions (TrafficExtension, HTTPRedirect.prefixRewrite)', () => {
    const te = 'apiVersion: extensions.istio.io/v1alpha1\nkind: TrafficExtension\nmetadata:\n  name: x\nspec:\n  phase: STATS\n  lua:\n    inlineCode: "function envoy_on_request(h) end"\n';
    expect(messages(te)).toEqual([]);
    expect(messages(te.replace('inlineCode', 'code')).join()).toMatch(/unknown field "spec.lua.code"/);
    expect(messages('redirect:\n  prefixRewrite: /\n', {fragment: 'VirtualService.spec.http'})).toEqual([]);
  });
});

describe('Markdown blocks', () => {
  it('reads fences, languages, meta and lines', () => {
    const blocks = extractCodeBlocks('x\n```yaml fragment="VirtualService.spec.http" \na: 1\n```\n````md\n```bash\nls\n```\n````\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({lang: 'yaml', meta: {fragment: 'VirtualService.spec.http'}, startLine: 3, body: 'a: 1'});
    expect(blocks[1]).toMatchObject({lang: 'md'});
  });
  it('fails an invalid= block that validates, and counts marked blocks with reasons', () => {
    const text = '```yaml invalid="should fail"\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n```\n```yaml nocheck="Helm values"\nfoo: 1\n```\n```text\nout\n```\n';
    const r = checkMarkdownFile(text, 'p.mdx');
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: block marked invalid="should fail" validates cleanly: the example is not actually invalid',
    ]);
    expect(r.counts.marked).toEqual({invalid: {'should fail': 1}, nocheck: {'Helm values': 1}});
    expect(r.counts.other).toEqual({text: 1});
  });
  it('maps block problems to file lines', () => {
    const r = checkMarkdownFile('# t\n\n```bash\nls\n$ kubectl version --short\n```\n', 'p.md');
    expect(r.problems.map((p) => p.line)).toEqual([5, 5]);
    expect(r.problems.map((p) => p.message).join()).toMatch(/prompt.*--short|--short.*prompt/s);
  });
});

describe('shell commands', () => {
  const firstWords = (text: string): string[] => parseShell(text).commands.map((c) => c.words[0] ?? '');
  it('finds commands across pipes, &&, continuations and $( ), with quotes removed', () => {
    const {commands} = parseShell('a 1 && b "2 3" | c\nd \\\n  --x\necho $(istioctl version)\n');
    expect(commands.map((c) => c.words[0])).toEqual(['a', 'b', 'c', 'd', 'istioctl', 'echo']);
    expect(commands.find((c) => c.words[0] === 'b')?.words).toEqual(['b', '2 3']);
    expect(commands.find((c) => c.words[0] === 'd')?.words).toEqual(['d', '--x']);
    expect(commands.find((c) => c.words[0] === 'istioctl')?.line).toBe(4);
  });
  it('skips heredoc bodies and redirections', () => {
    expect(firstWords('cat <<EOF | kubectl apply -f -\nistioctl nonsense\nEOF\nls > /dev/null\n')).toEqual(['cat', 'kubectl', 'ls']);
  });
  it('finds commands inside loops, conditions, assignments and functions, not the keywords', () => {
    const text = 'for i in $(seq 1 3); do kubectl get pods; done\nPOD=$(kubectl get pod -o name)\nif istioctl x precheck; then echo ok; fi\nf() { istioctl version; }\n';
    expect(firstWords(text)).toEqual(['seq', 'kubectl', 'kubectl', 'istioctl', 'echo', 'istioctl']);
    expect(parseShell('kubectl get -n "${NS}" pods').commands[0]?.words).toEqual(['kubectl', 'get', '-n', '$NS', 'pods']);
  });
  it('reports text bash cannot parse, with its line', () => {
    expect(parseShell('ls\nif then fi\n')).toEqual({commands: [], syntaxError: {line: 2, message: expect.stringContaining('if')}});
    expect(checkCommand('echo "unclosed').join()).toMatch(/^not valid bash: /);
  });
  it('accepts real istioctl commands with global and command flags', () => {
    for (const ok of [
      'istioctl install --set profile=demo -y',
      'istioctl -n bookinfo proxy-config route deploy/productpage-v1 --name 9080 -o json',
      'istioctl pc log deploy/x --level debug',
      'istioctl ztunnel-config workloads --node kind-worker',
      'istioctl waypoint apply -n bookinfo --enroll-namespace --wait',
      'istioctl x describe pod productpage-v1-abc -n bookinfo',
      'istioctl dashboard kiali',
      'istioctl tag set prod --revision 1-31-1 --overwrite',
      'istioctl x precheck',
      'istioctl analyze -A',
      'istioctl manifest generate --set profile=ambient',
      'istioctl --context kind-a -i istio-system version',
      'istioctl admin log --level ads:debug',
      'istioctl x authz check deploy/productpage-v1',
    ]) {
      expect(checkCommand(ok), ok).toEqual([]);
    }
  });
  it('rejects removed istioctl commands, unknown commands and unknown flags', () => {
    expect(checkCommand('istioctl profile list').join()).toMatch(/profile.*removed/);
    expect(checkCommand('istioctl verify-install').join()).toMatch(/removed/);
    expect(checkCommand('istioctl authn tls-check x').join()).toMatch(/tls-check` was removed/);
    expect(checkCommand('istioctl manifest apply -f x.yaml').join()).toMatch(/manifest apply.*istioctl install/);
    expect(checkCommand('istioctl describe pod x').join()).toMatch(/x describe/);
    expect(checkCommand('istioctl proxy-config clusterz x').join()).toMatch(/unknown command/);
    expect(checkCommand('istioctl waypoint apply --service-account x').join()).toMatch(/unknown flag --service-account/);
    expect(checkCommand('istioctl proxy-config').join()).toMatch(/needs a subcommand/);
  });
  it('checks kubectl verbs and removed flags', () => {
    expect(checkCommand('kubectl version --short').join()).toMatch(/--short/);
    expect(checkCommand('kubectl apply f app.yaml').join()).toMatch(/missing dash/);
    expect(checkCommand('kubectl exec -it deploy/curl -- sh').join()).toMatch(/interactive/);
    expect(checkCommand('kubectl exec -ti deploy/curl -- sh').join()).toMatch(/interactive/);
    expect(checkCommand('kubectl exec deploy/curl -- curl -si http://x').join()).toBe('');
    expect(checkCommand('kubectl gett pods').join()).toMatch(/not a kubectl command/);
    expect(checkCommand('kubectl -n bookinfo get pods')).toEqual([]);
  });
  it('rejects other Istio versions unless the block is an upgrade between named versions', () => {
    expect(versionProblems('export ISTIO_VERSION=1.24.3').join()).toMatch(/pins Istio 1.31.1/);
    expect(versionProblems('curl -L https://istio.io/downloadIstio | sh -').join()).toMatch(/pin it/);
    expect(versionProblems('helm install istiod istio/istiod --version 1.30.2').join()).toMatch(/1.31.1/);
    expect(versionProblems('istioctl install --set revision=1-24-3').join()).toMatch(/revision 1-24-3/);
    expect(versionProblems('cd istio-1.25.0').join()).toMatch(/istio-1.25.0/);
    expect(versionProblems('export ISTIO_VERSION=1.31.1 && istioctl install --revision 1-31-1')).toEqual([]);
    expect(versionProblems('istioctl install --set revision=1-30-4', {upgradeFrom: '1.30.4'})).toEqual([]);
    expect(versionProblems('istioctl install --set revision=1-29-0', {upgradeFrom: '1.30.4'}).join()).toMatch(/1-29-0/);
  });
  it('reads bash -n errors back to snippet lines', () => {
    expect(parseBashErrors("/tmp/x/3.sh: line 2: syntax error near unexpected token `then'\n/tmp/x/3.sh: line 2: `if then fi'\n")).toEqual([
      {index: 3, line: 2, message: "syntax error near unexpected token `then'"},
    ]);
  });
});

describe('URLs', () => {
  it('pins raw sample URLs to release-1.31 and known files', () => {
    const base = 'https://raw.githubusercontent.com/istio/istio';
    expect(checkUrls(`${base}/release-1.31/samples/curl/curl.yaml`).problems).toEqual([]);
    expect(checkUrls(`${base}/master/samples/curl/curl.yaml`).problems[0]?.message).toMatch(/release-1.31 \(not master\)/);
    expect(checkUrls(`${base}/release-1.24/samples/curl/curl.yaml`).problems[0]?.message).toMatch(/not release-1.24/);
    expect(checkUrls(`${base}/release-1.31/samples/sleeep/sleep.yaml`).problems[0]?.message).toMatch(/no file/);
  });
  it('accepts only https://istio.io/latest/ links', () => {
    expect(checkUrls('see https://istio.io/latest/docs/ops/ and https://istio.io/downloadIstio').problems).toEqual([]);
    expect(checkUrls('https://istio.io/v1.24/docs/x/').problems).toHaveLength(1);
    expect(checkUrls('https://preliminary.istio.io/latest/docs/').problems).toHaveLength(1);
    expect(checkUrls('https://istio.io/docs/tasks/').problems).toHaveLength(1);
    expect(checkUrls('http://istio.io/latest/docs/').problems).toHaveLength(1);
  });
});

describe('lab.yaml', () => {
  it('is read by the lab reader: command problems at their lines, snippets rendered as run.sh renders them', () => {
    const text = [
      'id: x', 'title: X', 'summary: S', 'minutes: 1', 'difficulty: beginner', 'modes: [sidecar]',
      'variables:', '  - {name: NS, default: a, description: d}',
      'steps:', '  - id: a', '    title: A', '    hint: h', '    commands:',
      '      - run: kubectl exec -it -n {{NS}} deploy/curl -- sh',
      '      - run: |', '          echo one', '          istioctl verify-install',
      'cleanup:', '  - run: kubectl delete -f {{manifest:a.yaml}}', '',
    ].join('\n');
    const r = checkLabFile(text, {file: 'labs/x/lab.yaml', manifestFiles: ['a.yaml']});
    expect(r.problems.map((p) => `${p.line}: ${p.message.slice(0, 26)}`)).toEqual(['14: kubectl exec -it: interact', '17: istioctl verify-install: n']);
    expect(r.snippets.map((s) => [s.startLine, s.text])).toEqual([
      [14, 'kubectl exec -it -n "${NS}" deploy/curl -- sh'],
      [16, 'echo one\nistioctl verify-install\n'],
      [19, 'kubectl delete -f manifests/a.yaml'],
    ]);
    expect(r.counts).toMatchObject({commands: 4, istioctl: 1});
  });
});

describe('check-content CLI', () => {
  it('passes the good fixtures and reports every broken rule in the bad ones', () => {
    const bad = spawnSync('npx', ['tsx', 'scripts/check-content.ts', 'tests/unit/fixtures/validate'], {encoding: 'utf8'});
    expect(bad.status).toBe(1);
    const lines = bad.stdout.split('\n').filter((l) => /^\S+:\d+: /.test(l));
    // the good page and the good lab produce nothing
    expect(lines.filter((l) => !l.includes('/bad-lab/'))).toEqual([]);
    expect(bad.stdout).toContain('bad-lab/lab.yaml:10: https://raw.githubusercontent.com/istio/istio/master/');
    expect(bad.stdout).toContain('bad-lab/lab.yaml:12: kubectl exec -it');
    expect(bad.stdout).toContain('bad-lab/lab.yaml:13: istioctl verify-install');
    expect(bad.stdout).toMatch(/bad-lab\/lab.yaml:14: not valid bash: /);
    expect(bad.stdout).toContain('bad-lab/lab.yaml:15: istioctl proxy-config cluster: unknown flag --frobnicate');
    expect(bad.stdout).toContain('bad-lab/manifests/dr.yaml:9: DestinationRule');
    expect(bad.stdout).toMatch(/checked \d+ manifests, .*: 6 problems$/m);
  }, 60_000);
});
