import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {lintLab} from '@site/src/lib/labs/lint';
import {formatProblem} from '@site/src/lib/problem';
import {parseLab} from '@site/src/lib/labs/parse';
import {loadAllLabs} from '@site/src/plugins/labs/load';

const FIXTURE = path.join(process.cwd(), 'tests/fixtures/labs-dryrun/lint/lab.yaml');
const text = readFileSync(FIXTURE, 'utf8');
const bad = parseLab(text, {file: 'lint/lab.yaml', folderId: 'lint-demo', manifestFiles: ['vs.yaml']});
const findings = lintLab(bad, text, 'lint/lab.yaml').map((problem) => formatProblem(problem));

function lineOf(needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('lab lint: a lab with one of each defect', () => {
  it('flags istioctl used before any step puts it on PATH', () => {
    expect(findings).toContain(`lint/lab.yaml:${lineOf('istioctl install')}: [istioctl-no-path] istioctl is used before any step puts it on PATH: add the download/\`export PATH=…/istio-VERSION/bin:$PATH\` step (or a \`command -v istioctl\` check) first`);
  });

  it('flags steps that fail when run twice, but not a label the cleanup removes', () => {
    const idempotency = findings.filter((finding) => finding.includes('[not-idempotent]'));
    expect(idempotency.map((finding) => Number(finding.split(':')[1]))).toEqual([
      lineOf('kubectl create namespace demo'),
      lineOf('kind create cluster'),
      lineOf('helm install'),
      lineOf('mkdir certs'),
      lineOf('istio-injection=enabled'),
    ]);
    expect(idempotency.join('\n')).not.toContain('topology.istio.io/network');
  });

  it('flags a fixed sleep and a background process without a PID file', () => {
    expect(findings.some((finding) => finding.startsWith(`lint/lab.yaml:${lineOf('sleep 10')}: [bare-sleep]`))).toBe(true);
    expect(findings.some((finding) => finding.startsWith(`lint/lab.yaml:${lineOf('port-forward svc/productpage')}: [background-no-pid]`))).toBe(true);
  });

  it('flags contains-expectations any output would match', () => {
    const trivial = findings.filter((finding) => finding.includes('[trivial-expect]'));
    expect(trivial).toHaveLength(2);
    expect(trivial[0]).toContain('prints "of 20 requests were slow" whatever the result');
    expect(trivial[1]).toContain('"Running" is in almost any output');
  });

  it('flags checks that cannot fail or test something the step did not do', () => {
    const checks = findings.filter((finding) => finding.includes('[check-no-effect]'));
    expect(checks).toEqual([
      `lint/lab.yaml:${lineOf('check: kubectl get namespace kube-system')}: [check-no-effect] the check names nothing the step does or talks about (kube-system): check the step's effect`,
      `lint/lab.yaml:${lineOf('|| true')}: [check-no-effect] the check cannot fail`,
    ]);
  });

  it('flags a log read that runs once, not one run.sh retries as a step\'s expected output', () => {
    const logs = findings.filter((finding) => finding.includes('[log-grep-no-retry]'));
    expect(logs).toHaveLength(1);
    expect(logs[0]?.startsWith(`lint/lab.yaml:${lineOf('kubectl logs')}: [log-grep-no-retry]`)).toBe(true);
  });

  it('a literal printed under a condition is a result, not an echo', () => {
    const conditional = parseLab(
      text.replace('END { print n + 0, "of", NR, "requests were slow" }', 'END { print (n > 0 ?"some slow":"none slow") }').replace('output: of 20 requests were slow', 'output: some slow'),
      {file: 'lint/lab.yaml', folderId: 'lint-demo', manifestFiles: ['vs.yaml']},
    );
    expect(lintLab(conditional, text, 'lint/lab.yaml').filter((issue) => issue.message.startsWith('[trivial-expect]'))).toHaveLength(1);
  });

  it('finds nothing else', () => {
    expect(findings).toHaveLength(13);
  });
});

describe('lab lint: what it accepts', () => {
  const good = parseLab(
    `id: good-lab
title: Written to pass
summary: Every rule satisfied.
minutes: 5
difficulty: beginner
modes: [sidecar]
steps:
  - id: path
    title: Put istioctl on PATH
    commands:
      - run: export PATH="$PWD/istio-1.31.1/bin:$PATH"
      - run: istioctl version --remote=false
    expect:
      match: contains
      output: "client version: 1.31.1"
    hint: Download it first.
    check: istioctl version --remote=false | grep -q 1.31.1
  - id: twice
    title: Safe to repeat
    commands:
      - run: kubectl create namespace demo --dry-run=client -o yaml | kubectl apply -f -
      - run: kind get clusters | grep -qx demo || kind create cluster --name demo
      - run: kubectl label namespace demo istio-injection=enabled --overwrite
      - run: kubectl port-forward svc/productpage 9080:9080 >/dev/null 2>&1 & echo $! > /tmp/istio-labs-demo.pid
      - run: until kubectl logs -n demo deploy/curl -c istio-proxy | grep -q 'GET /get'; do sleep 2; done
      - run: curl -s 'http://localhost:9080/api?a=1&b=2'
    hint: Nothing to fix.
    check: kubectl rollout status deployment/productpage -n demo --timeout=10s
  - id: marker
    title: Count failures with a marker the command prints on a condition
    commands:
      - run: for _ in $(seq 1 20); do curl -s http://localhost:9080/ | grep -q 'unavailable' && echo failed || echo ok; done | sort | uniq -c
    expect:
      match: contains
      output: failed
    hint: Nothing failed.
cleanup:
  - run: kill "$(cat /tmp/istio-labs-demo.pid)"
`,
    {file: 'good/lab.yaml', folderId: 'good-lab'},
  );

  it('guarded creates, --overwrite, PID files, loops, quoted ampersands, readiness checks and conditional markers pass', () => {
    expect(lintLab(good, '', 'good/lab.yaml')).toEqual([]);
  });
});

describe('lab lint: the course', () => {
  it('every lab in labs/ passes the lint', () => {
    const findings = loadAllLabs(process.cwd()).flatMap(({lab}) => {
      const file = `labs/${lab.id}/lab.yaml`;
      return lintLab(lab, readFileSync(file, 'utf8'), file).map((problem) => formatProblem(problem));
    });
    expect(findings).toEqual([]);
  });
});
