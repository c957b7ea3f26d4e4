/**
 * Dry runs: the generated run.sh and scripts/labs-run.sh in real bash, with kubectl, istioctl and
 * kind replaced by bin/replay, which prints what the real tools printed (tests/fixtures/labs-dryrun/).
 * No cluster: what is proven is the retry, matching, failure report and leftovers logic.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseLab} from '@site/src/lib/labs/parse';
import {createBundle} from '@site/src/plugins/labs/bundle';
import type {LoadedLab} from '@site/src/plugins/labs/load';
import {diffSnapshots, judgeCleanedCluster, parseSnapshot} from '@site/src/lib/labs/leftovers';

const ROOT = process.cwd();
const FIXTURES = path.join(ROOT, 'tests/fixtures/labs-dryrun');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MATCHER = `${TSX} ${path.join(ROOT, 'src/plugins/labs/verify-outputs.ts')} match`;

function loadFixtureLab(): LoadedLab {
  const dir = path.join(FIXTURES, 'lab');
  const manifests = Object.fromEntries(readdirSync(path.join(dir, 'manifests')).map((name) => [name, readFileSync(path.join(dir, 'manifests', name), 'utf8')]));
  const lab = parseLab(readFileSync(path.join(dir, 'lab.yaml'), 'utf8'), {file: 'lab.yaml', folderId: 'dryrun-demo', manifestFiles: Object.keys(manifests)});
  return {lab, dir, manifests, number: 99};
}

const started: string[] = [];
afterAll(() => {
  // Stop the stand-in port-forwards a scenario left running (their pids are in tunnel.pid files).
  for (const file of started) if (existsSync(file)) spawnSync('kill', [readFileSync(file, 'utf8').trim()]);
});

/** A scratch folder with the lab's bundle unpacked and the replaying tools on PATH. */
async function workspace(scenario: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `labs-dryrun-${scenario}-`));
  const bin = path.join(dir, 'bin');
  const state = path.join(dir, 'state');
  for (const folder of [bin, state, path.join(dir, 'bundles')]) mkdirSync(folder);
  for (const tool of ['kubectl', 'istioctl', 'kind']) symlinkSync(path.join(FIXTURES, 'bin/replay'), path.join(bin, tool));
  writeFileSync(path.join(dir, 'bundles', 'dryrun-demo.tar.gz'), await createBundle(loadFixtureLab()));
  spawnSync('tar', ['-xzf', path.join(dir, 'bundles', 'dryrun-demo.tar.gz'), '-C', dir]);
  const env = (extra: Record<string, string>) => ({
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: dir,
    REPLAY_DIR: path.join(FIXTURES, scenario),
    REPLAY_STATE: state,
    CHECK_INTERVAL: '0.1',
    ...extra,
  });
  const calls = () => readFileSync(path.join(state, 'calls.log'), 'utf8').split('\n').filter(Boolean);
  const runScript = (args: string[], extra: Record<string, string> = {}) => {
    const result = spawnSync('bash', [path.join(dir, 'dryrun-demo', 'run.sh'), ...args], {env: env(extra), encoding: 'utf8', timeout: 120_000});
    started.push(path.join(dir, 'dryrun-demo', 'tunnel.pid'));
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
  };
  return {dir, env, calls, runScript};
}

describe('run.sh dry run: outputs settle', () => {
  it('re-runs a step\'s command until its output matches, retries checks, strips colours, and passes', async () => {
    const {dir, calls, runScript} = await workspace('settles');
    const outputs = path.join(dir, 'outputs');
    const result = runScript([], {LAB_MATCHER: MATCHER, LAB_OUTPUT_DIR: outputs, STEP_TIMEOUT: '60'});
    expect(result.status, result.stderr).toBe(0);
    // The pods table was read three times (PodInitializing, 1/2, 2/2); the route twice (503, then the page).
    expect(calls().filter((call) => call === 'kubectl get pods -n demo')).toHaveLength(3);
    expect(calls().filter((call) => call.startsWith('kubectl exec -n demo deploy/curl'))).toHaveLength(2);
    // The rollout check failed once and was retried.
    expect(calls().filter((call) => call.startsWith('kubectl -n istio-system rollout status'))).toHaveLength(2);
    expect(result.stdout).toMatch(/==> Step 2: Deploy the app and wait for its sidecars[\s\S]*settled after 3 attempts/);
    expect(result.stdout).toMatch(/==> Step 4: Call the product page through the mesh[\s\S]*settled after 2 attempts/);
    // The saved output is the last (matching) one; the coloured cluster-info matched its plain expectation.
    expect(readFileSync(path.join(outputs, 'pods.txt'), 'utf8')).toContain('2/2     Running');
    expect(readFileSync(path.join(outputs, 'cluster-info.txt'), 'utf8')).toContain('\u001b[0;32mKubernetes control plane');
    expect(readdirSync(outputs).filter((name) => name.endsWith('.verdict'))).toEqual([]);
    expect(result.stdout).toContain('Lab dryrun-demo: all steps done.');
  }, 120_000);

  it('without a matcher it still retries a last command that fails (a grep before the route propagates)', async () => {
    const {calls, runScript} = await workspace('settles');
    const result = runScript([], {STEP_TIMEOUT: '60'});
    expect(result.status, result.stderr).toBe(0);
    expect(calls().filter((call) => call === 'kubectl get pods -n demo')).toHaveLength(1);
    expect(calls().filter((call) => call.startsWith('kubectl exec -n demo deploy/curl'))).toHaveLength(2);
  }, 120_000);
});

describe('run.sh dry run: an output that never settles', () => {
  it('fails after STEP_TIMEOUT with expected vs actual and the hint, outside any open ::group::', async () => {
    const {dir, calls, runScript} = await workspace('never-settles');
    const outputs = path.join(dir, 'outputs');
    const result = runScript([], {LAB_MATCHER: MATCHER, LAB_OUTPUT_DIR: outputs, STEP_TIMEOUT: '3', GITHUB_ACTIONS: 'true'});
    expect(result.status).toBe(1);
    const attempts = calls().filter((call) => call === 'kubectl get pods -n demo').length;
    expect(result.stderr).toContain(`failed: its output still does not match after ${attempts} attempts (3s)`);
    expect(result.stderr).toContain('like match failed: output does not look like the expected table: expected line 2');
    expect(result.stderr).toContain('  expected: productpage-v1-6b746f74dc-9stvs   2/2     Running   0          30s');
    expect(result.stderr).toContain('  actual:   productpage-v1-7c74cbdbcc-8bsvz   1/1     Running   0          40s');
    expect(result.stderr).toContain('Step 2 (Deploy the app and wait for its sidecars) failed: its output still');
    expect(result.stderr).toContain('Hint: 1/2 means the sidecar is not ready yet; 1/1 means the namespace has no injection label.');
    // Every group is closed before the failure is printed, and the failure is an annotation.
    const stdout = result.stdout.split('\n');
    expect(stdout.filter((line) => line.startsWith('::group::'))).toHaveLength(2);
    expect(stdout.filter((line) => line === '::endgroup::')).toHaveLength(2);
    expect(result.stdout).toContain('::error title=Step 2 (Deploy the app and wait for its sidecars) failed::');
    // Artifacts: the last output, what was expected and the verdict stay in the output folder.
    expect(readdirSync(outputs).sort()).toEqual(['install.expected', 'install.txt', 'pods.expected', 'pods.txt', 'pods.verdict']);
    expect(readFileSync(path.join(outputs, 'pods.verdict'), 'utf8')).toContain('--- actual:');
  }, 120_000);
});

describe('labs-run.sh dry run: leftovers after a lab\'s cleanup', () => {
  it('runs a test action and reports the label, webhook, mesh config, file and process the cleanup left', async () => {
    const {dir, env} = await workspace('leftovers');
    const work = path.join(dir, 'work');
    const result = spawnSync('bash', [path.join(ROOT, 'scripts/labs-run.sh'), 'sidecar', 'test:dryrun-demo'], {
      env: env({LABS_BUNDLES: path.join(dir, 'bundles'), LABS_WORK: work, LABS_STEP_TIMEOUT: '60', LABS_MATCHER: 'true'}),
      encoding: 'utf8',
      timeout: 180_000,
    });
    started.push(path.join(work, 'labs', 'dryrun-demo', 'tunnel.pid'));
    expect(result.status, result.stderr).toBe(1);
    const summary = readFileSync(path.join(work, 'summary.md'), 'utf8');
    expect(summary).toContain('| PASS | test:dryrun-demo | steps |');
    expect(summary).toContain('| FAIL | test:dryrun-demo leftovers |');
    const report = readFileSync(path.join(work, 'logs', 'test:dryrun-demo.leftovers.txt'), 'utf8');
    expect(report).toContain('namespace-label: namespace bookinfo: label left behind: istio.io/use-waypoint=waypoint');
    expect(report).toContain('webhook: webhook left behind: mutatingwebhookconfiguration.admissionregistration.k8s.io/istio-revision-tag-default');
    expect(report).toContain('mesh-config: mesh config (istio ConfigMap) changed:\n    + enableTracing: true');
    expect(report).toMatch(/process: process left behind: \d+ kubectl port-forward -n demo svc\/productpage 9080:9080/);
    expect(report).toMatch(/file: file left behind: .*\/labs\/dryrun-demo\/tunnel\.pid/);
    expect(report).not.toContain('crd:');
    // Artifacts the workflow uploads: the run's log, outputs and both snapshots.
    expect(readdirSync(path.join(work, 'snapshots')).sort()).toEqual(['after-dryrun-demo', 'before-dryrun-demo']);
    expect(readFileSync(path.join(work, 'logs', 'dryrun-demo.log'), 'utf8')).toContain('==> Cleanup');
  }, 180_000);
});

describe('the bash the workflow runs', () => {
  it('scripts/labs-run.sh and the replaying stand-in pass bash -n and shellcheck', () => {
    for (const file of ['scripts/labs-run.sh', 'tests/fixtures/labs-dryrun/bin/replay']) {
      expect(spawnSync('bash', ['-n', file], {encoding: 'utf8'}).stderr, file).toBe('');
      const lint = spawnSync('shellcheck', ['--shell=bash', file], {encoding: 'utf8'});
      expect(lint.stdout, file).toBe('');
    }
  });
});

describe('leftovers logic', () => {
  const namespaces = (items: [string, Record<string, string>, string?][]) =>
    JSON.stringify({items: items.map(([name, labels, phase]) => ({metadata: {name, labels: {'kubernetes.io/metadata.name': name, ...labels}}, status: {phase: phase ?? 'Active'}}))});

  it('reports what a cleanup removed that the next lab expects, and ignores processes that ended', () => {
    const before = parseSnapshot({
      'namespaces.json': namespaces([['default', {}], ['bookinfo', {'istio-injection': 'enabled'}]]),
      'crds.txt': 'customresourcedefinition.apiextensions.k8s.io/gateways.networking.istio.io\n',
      'processes.txt': '  101 kubectl port-forward svc/istio-ingressgateway 8080:80\n  102 /usr/bin/bash ./run.sh\n',
    });
    const after = parseSnapshot({'namespaces.json': namespaces([['default', {}]]), 'crds.txt': '', 'processes.txt': '  102 /usr/bin/bash ./run.sh\n'});
    expect(diffSnapshots(before, after).map((leftover) => leftover.message)).toEqual([
      'namespace removed that was there before: bookinfo',
      'CRD removed that was there before: customresourcedefinition.apiextensions.k8s.io/gateways.networking.istio.io',
    ]);
  });

  it('keeps only processes a lab starts, and the allowed release download is not a leftover', () => {
    const after = parseSnapshot({
      'processes.txt': '  7 istioctl dashboard kiali\n  8 node server.js\n  9 /usr/local/bin/kind create cluster\n 10 bash scripts/labs-run.sh sidecar test:x\n',
      'files.txt': '/w/labs/x/istio-1.31.1\n/w/labs/x/kind\n',
    });
    expect([...after.processes]).toEqual(['7 istioctl dashboard kiali', '9 /usr/local/bin/kind create cluster']);
    const leftovers = diffSnapshots(parseSnapshot({}), after, [/(^|\/)istio-\d+\.\d+\.\d+$/]).map((leftover) => leftover.message);
    expect(leftovers).toContain('file left behind: /w/labs/x/kind');
    expect(leftovers.join('\n')).not.toContain('istio-1.31.1');
  });

  it('the cleanup lab is judged by what it must leave: system namespaces only, no mesh, no tunnels', () => {
    const clean = parseSnapshot({
      'namespaces.json': namespaces([['default', {}], ['kube-system', {}], ['local-path-storage', {}]]),
      'crds.txt': 'customresourcedefinition.apiextensions.k8s.io/volumesnapshots.snapshot.storage.k8s.io\n',
      'files.txt': '',
    });
    expect(judgeCleanedCluster(clean)).toEqual([]);
    const dirty = parseSnapshot({
      'namespaces.json': namespaces([['default', {'istio-injection': 'enabled'}], ['istio-system', {}, 'Terminating']]),
      'crds.txt': 'customresourcedefinition.apiextensions.k8s.io/httproutes.gateway.networking.k8s.io\n',
      'webhooks.txt': 'mutatingwebhookconfiguration.admissionregistration.k8s.io/istio-revision-tag-default\n',
      'clusterroles.txt': 'clusterrole.rbac.authorization.k8s.io/kiali\nclusterrole.rbac.authorization.k8s.io/admin\n',
      'meshconfig.txt': 'rootNamespace: istio-system',
      'processes.txt': '44 kubectl port-forward -n istio-system svc/prometheus 9090:9090\n',
      'files.txt': '/tmp/istio-labs-gateway.pid\n',
    });
    expect(judgeCleanedCluster(dirty).map((leftover) => leftover.kind)).toEqual([
      'namespace',
      'namespace-label',
      'crd',
      'webhook',
      'cluster-rbac',
      'mesh-config',
      'process',
      'file',
    ]);
  });
});
