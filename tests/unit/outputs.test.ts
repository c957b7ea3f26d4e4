/** What the course claims Istio prints and accepts (src/lib/validate/outputs.ts, printed.ts, values.ts). */
import {describe, expect, it} from 'vitest';
import {checkClaimsOfFile, checkLabClaims, checkMarkdownClaims} from '../../src/lib/validate/outputs';
import {grepVerdict, logLineVerdict} from '../../src/lib/validate/printed';
import {checkIstioOperatorDocs, checkValuesFile, helmSetProblem, istioctlSetProblem} from '../../src/lib/validate/values';

const FENCE = '```';
const md = (...parts: string[]): string => parts.join('\n');
const block = (lang: string, body: string, meta = ''): string => `${FENCE}${lang}${meta ? ` ${meta}` : ''}\n${body}\n${FENCE}\n`;

describe('outputs after istioctl commands', () => {
  it('flags a proxy-status table in the pre-1.27 format and names the real header', () => {
    const text = md(
      block('bash', 'istioctl proxy-status'),
      block('text', 'NAME           CLUSTER      CDS      LDS      EDS      RDS      ECDS     ISTIOD     VERSION\nx.ns   Kubernetes   SYNCED ...'),
    );
    const {problems} = checkMarkdownClaims(text, 'doc.mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(6);
    expect(problems[0]!.message).toMatch(/is not printed by Istio 1\.31 \(closest: "NAME CLUSTER/);
  });

  it('accepts the 1.31 headers, including the verbose proxy-status one', () => {
    const text = md(
      block('bash', 'istioctl proxy-status'),
      block('text', 'NAME        CLUSTER        ISTIOD        VERSION     SUBSCRIBED TYPES\nx   y   z'),
      block('bash', 'istioctl ztunnel-config workloads'),
      block('text', 'NAMESPACE    POD NAME      ADDRESS      NODE       WAYPOINT PROTOCOL'),
    );
    const result = checkMarkdownClaims(text, 'doc.mdx');
    expect(result.problems).toEqual([]);
    expect(result.counts.headers).toBe(2);
  });

  it('flags a wrong column name (ztunnel-config workloads has ADDRESS, not IP)', () => {
    const text = md(block('bash', 'istioctl zc workloads'), block('text', 'NAMESPACE    POD NAME      IP      NODE       WAYPOINT PROTOCOL'));
    expect(checkMarkdownClaims(text, 'd.md').problems[0]!.message).toMatch(/closest: "NAMESPACE POD NAME ADDRESS NODE WAYPOINT PROTOCOL"/);
  });

  it('checks analyzer levels by code (IST0102 is Info)', () => {
    const bad = md(block('bash', 'istioctl analyze -A'), block('text', 'Warning [IST0102] (Namespace legacy) The namespace is not enabled for Istio injection.'));
    expect(checkMarkdownClaims(bad, 'd.md').problems[0]!.message).toMatch(/closest: "Info \[IST0102\]/);
    const good = md(block('bash', 'istioctl analyze -A'), block('text', 'Info [IST0102] (Namespace legacy) The namespace is not enabled for Istio injection.'));
    expect(checkMarkdownClaims(good, 'd.md').problems).toEqual([]);
  });

  it('skips kubectl tables in a block that mixes kubectl and istioctl, and counts outdated= exceptions', () => {
    const mixed = md(block('bash', 'kubectl get pods -n istio-system\nistioctl tag list'), block('text', 'NAME     READY   STATUS    RESTARTS   AGE'));
    expect(checkMarkdownClaims(mixed, 'd.md').problems).toEqual([]);
    const marked = md(block('bash', 'istioctl proxy-status'), block('text', 'NAME  CDS  LDS', 'outdated="shows 1.26 output"'));
    const result = checkMarkdownClaims(marked, 'd.md');
    expect(result.problems).toEqual([]);
    expect(result.counts.outdated).toEqual({'shows 1.26 output': 1});
  });
});

describe('log lines and greps', () => {
  it('flags the istiod line no release prints and accepts the real ones', () => {
    const bad = md(block('bash', 'kubectl logs -n istio-system deploy/istiod | grep -i "plugged-in"'), block('text', '2026-09-14T09:41:37.512840Z\tinfo\tUse plugged-in cert at etc/cacerts/ca-key.pem'));
    expect(checkMarkdownClaims(bad, 'd.md').problems.map((p) => p.message).join()).toMatch(/"2026.*Use plugged-in cert.*" is not printed/);
    expect(logLineVerdict('2026-09-14T09:41:37.512840Z\tinfo\tUse local CA certificate', 'istio').verdict).toEqual({ok: true});
    expect(logLineVerdict('2026-09-14T09:41:37Z info ca Use self-signed certificate as the CA certificate', 'istio').verdict).toEqual({ok: true});
  });

  it('matches ztunnel access lines with their fields, and Envoy lines are not Istio strings', () => {
    expect(logLineVerdict('2026-09-15T10:14:07.402311Z\tinfo\taccess\tconnection complete\tsrc.addr=10.0.0.1:1 direction="inbound"', 'ztunnel').verdict).toEqual({ok: true});
    expect(logLineVerdict('2026-09-15T10:14:07Z info access peer rejected the handshake src.addr=1', 'ztunnel').verdict?.ok).toBe(false);
    expect(logLineVerdict('[2026-09-15T10:21:43.517Z] "GET /reviews/0 HTTP/1.1" 200 -', 'proxy').kind).toBe('envoy');
  });

  it('requires a grep pattern to come from the messages, not from a bare %v', () => {
    expect(grepVerdict('Use plugged-in cert', 'istio').ok).toBe(false);
    expect(grepVerdict('Use local CA certificate', 'istio').ok).toBe(true);
    expect(grepVerdict('connection complete', 'ztunnel').ok).toBe(true);
    expect(grepVerdict('src.identity="spiffe://x"', 'ztunnel').ok).toBe(true);
    expect(grepVerdict('GET /get', 'proxy').ok).toBe(true);
    expect(grepVerdict('signing ca files|Use local CA certificate|Use self-signed certificate', 'istio').ok).toBe(true);
    expect(grepVerdict('Use local CA certificate|Use plugged-in cert', 'istio')).toEqual({ok: false, closest: expect.any(String)});
  });

  it('checks a lab step: its grep on istiod logs and its expected output', () => {
    const lab = `steps:
  - id: log
    commands:
      - run: kubectl logs -n istio-system deploy/istiod | grep "plugged-in"
    expect:
      match: contains
      output: |
        Use plugged-in cert at etc/cacerts/ca-key.pem
    check: kubectl logs -n istio-system deploy/istiod | grep -q "Use plugged-in cert"
`;
    const {problems} = checkLabClaims(lab, 'labs/x/lab.yaml');
    expect(problems.map((p) => p.line)).toEqual([8, 9]);
    const marked = lab.replace('  - id: log\n', '  - id: log\n    # outdated="fixed in the next release"\n');
    expect(checkLabClaims(marked, 'labs/x/lab.yaml').problems.map((p) => p.line)).toEqual([10]);
  });
});

describe('--set paths, values files and IstioOperator overlays', () => {
  it('checks istioctl --set paths against the IstioOperator spec, values and meshConfig', () => {
    expect(istioctlSetProblem('profile=demo')).toBeNull();
    expect(istioctlSetProblem('meshConfig.accessLogFile=/dev/stdout')).toBeNull();
    expect(istioctlSetProblem('values.pilot.env.PILOT_X=true')).toBeNull();
    expect(istioctlSetProblem('spec.components.cni.enabled=true')).toBeNull();
    expect(istioctlSetProblem('meshConfig.accesLogFile=/dev/stdout')).toMatch(/no field "meshConfig.accesLogFile".*closest: "meshConfig.accessLogFile"/);
    expect(istioctlSetProblem('values.pilot.enabeld=true')).toMatch(/no field "values.pilot.enabeld"/);
  });

  it('checks helm --set paths per chart (istiod accepts the legacy pilot. prefix)', () => {
    expect(helmSetProblem('istiod', 'pilot.cni.enabled=true')).toBeNull();
    expect(helmSetProblem('istiod', 'env.PILOT_X=true')).toBeNull();
    expect(helmSetProblem('gateway', 'service.type=NodePort')).toBeNull();
    expect(helmSetProblem('istiod', 'meshConfig.accessLogFile=/dev/stdout')).toBeNull();
    expect(helmSetProblem('base', 'pilot.env.X=1')).toMatch(/no field "pilot"/);
  });

  it('checks the --set paths of a practice task in its setup, solution, verify and cleanup', () => {
    const task = [
      'id: install-x',
      'setup:',
      '  - run: istioctl install -y --set meshConfig.accesLogFile=/dev/stdout',
      'solution:',
      '  commands:',
      '    - run: istioctl install -y --set meshConfig.accessLogFile=/dev/stdout',
      'verify:',
      '  - check: istioctl install --dry-run --set values.pilot.enabeld=true',
      'cleanup:',
      '  - run: helm upgrade --install gw istio/gateway --set service.typ=ClusterIP',
      '',
    ].join('\n');
    const result = checkClaimsOfFile(task, 'labs/tasks/install-x/task.yaml');
    expect(result?.problems.map((p) => p.line)).toEqual([3, 8, 10]);
    expect(result?.counts.setPaths).toBe(4);
  });

  it('checks values files and IstioOperator overlays key by key with lines', () => {
    expect(checkValuesFile('pilot:\n  env:\n    X: "1"\nglobal:\n  hubb: x\n', 'istiod')).toEqual([
      {line: 5, message: expect.stringMatching(/no field "global.hubb".*closest: "global.hub"/)},
    ]);
    const overlay = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  components:\n    egressGateways:\n      - name: istio-egressgateway\n        enabled: true\n        enabeld: true\n';
    const result = checkIstioOperatorDocs(overlay);
    expect(result.overlays).toBe(1);
    expect(result.problems).toEqual([{line: 9, message: expect.stringMatching(/no field "components.egressGateways.enabeld".*closest: "components.egressGateways.enabled"/)}]);
  });

  it('checks yaml blocks marked values="CHART" and values="IstioOperator" (spec alone or whole overlay)', () => {
    const text = md(
      block('yaml', 'pilot:\n  env:\n    X: "1"\nreplicas: 2', 'values="istiod"'),
      block('yaml', 'meshConfig:\n  accessLogFile: /dev/stdout\n  acessLogEncoding: JSON', 'values="IstioOperator"'),
    );
    const {problems, counts} = checkMarkdownClaims(text, 'd.md');
    expect(counts.valuesFiles).toBe(1);
    expect(counts.overlays).toBe(1);
    expect(problems.map((p) => [p.line, p.message.replace(/ on Istio.*/, '')])).toEqual([
      [5, 'values for chart istiod: no field "replicas"'],
      [11, 'IstioOperator spec: no field "meshConfig.acessLogEncoding"'],
    ]);
  });

  it('reports --set paths in shell blocks with their line', () => {
    const text = block('bash', 'istioctl install -y \\\n  --set meshConfig.outboundTrafficPolicy.mod=REGISTRY_ONLY');
    const {problems, counts} = checkMarkdownClaims(text, 'd.md');
    expect(counts.setPaths).toBe(1);
    expect(problems).toEqual([{file: 'd.md', line: 2, message: expect.stringMatching(/closest: "meshConfig.outboundTrafficPolicy.mode"/)}]);
  });
});
