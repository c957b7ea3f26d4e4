import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseLab} from '@site/src/lib/labs/parse';
import {renderForPage} from '@site/src/lib/labs/placeholders';
import {generateRunScript, withManifestsVariable} from '@site/src/lib/labs/script';
import {loadAllLabs} from '@site/src/plugins/labs/load';

const LAB = parseLab(
  `id: demo-lab
title: Demo
summary: A lab for the script tests.
minutes: 5
difficulty: beginner
modes: [sidecar, ambient]
variables:
  - name: NAMESPACE
    default: my shop
    description: Where it runs.
steps:
  - id: first
    title: First step
    commands:
      - run: kubectl create namespace {{NAMESPACE}}
      - run: kubectl label namespace {{NAMESPACE}} istio-injection=enabled
        mode: sidecar
      - run: kubectl label namespace {{NAMESPACE}} istio.io/dataplane-mode=ambient
        mode: ambient
    expect:
      match: contains
      output: labeled
    hint: Is the cluster up? Try \`kubectl get nodes\` and "$KUBECONFIG".
    check: kubectl get namespace {{NAMESPACE}}
  - id: waypoint
    title: Only in ambient
    mode: ambient
    commands:
      - run: kubectl apply -f {{manifest:waypoint.yaml}}
    hint: Apply the waypoint.
  - id: last
    title: Last step
    commands:
      - run: |
          kubectl apply -f - <<EOF
          kind: ConfigMap
          EOF
    hint: Heredocs work too.
cleanup:
  - run: kubectl delete namespace {{NAMESPACE}}
  - run: kubectl delete -f {{manifest:waypoint.yaml}}
    mode: ambient
`,
  {file: 'demo/lab.yaml', folderId: 'demo-lab', manifestFiles: ['waypoint.yaml']},
);

/** A bundle folder with run.sh and a fake kubectl that logs its arguments (and fails on demand). */
function bundle(): {dir: string; run: (args: string[], env?: Record<string, string>) => {status: number; out: string; log: string[]}} {
  const dir = mkdtempSync(path.join(tmpdir(), 'lab-script-'));
  mkdirSync(path.join(dir, 'manifests'));
  mkdirSync(path.join(dir, 'bin'));
  writeFileSync(path.join(dir, 'manifests', 'waypoint.yaml'), 'kind: Gateway\n');
  writeFileSync(path.join(dir, 'run.sh'), generateRunScript(LAB, {number: 99}), {mode: 0o755});
  const kubectl = path.join(dir, 'bin', 'kubectl');
  writeFileSync(
    kubectl,
    `#!/usr/bin/env bash
printf '%s|' "$@" >> "$FAKE_LOG"; echo >> "$FAKE_LOG"
if [ -n "\${FAIL_ON:-}" ] && [[ "$*" == *"$FAIL_ON"* ]]; then echo "fake failure" >&2; exit 1; fi
if [ "$1" = label ]; then echo "namespace/x labeled"; fi
`,
  );
  chmodSync(kubectl, 0o755);
  const run = (args: string[], env: Record<string, string> = {}) => {
    const log = path.join(dir, `log-${Math.random().toString(36).slice(2)}`);
    writeFileSync(log, '');
    const result = spawnSync('bash', [path.join(dir, 'run.sh'), ...args], {
      cwd: tmpdir(),
      env: {PATH: `${path.join(dir, 'bin')}:${process.env.PATH ?? ''}`, FAKE_LOG: log, CHECK_INTERVAL: '0', STEP_TIMEOUT: '0', ...env},
      encoding: 'utf8',
    });
    return {status: result.status ?? -1, out: `${result.stdout}${result.stderr}`, log: readFileSync(log, 'utf8').split('\n').filter(Boolean)};
  };
  return {dir, run};
}

describe('generated run.sh', () => {
  const script = generateRunScript(LAB, {number: 99, pageUrl: 'https://example.org/docs/labs/demo-lab/'});

  it('is strict bash with defaults for every variable and mode', () => {
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('\n# Lab 99: Demo\n');
    expect(script).toContain('\nset -euo pipefail\n');
    expect(script).toContain('export NAMESPACE="${NAMESPACE:-my shop}"');
    expect(script).toContain('MODE="${MODE:-sidecar}"');
    expect(script).toContain('kubectl apply -f "${LAB_MANIFESTS}"/waypoint.yaml');
    expect(script).toContain('LAB_MANIFESTS="${LAB_MANIFESTS:-manifests}"');
    expect(script).toContain('# Page: https://example.org/docs/labs/demo-lab/');
  });

  it('passes bash -n and shellcheck', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lab-script-'));
    const file = path.join(dir, 'run.sh');
    writeFileSync(file, script);
    expect(spawnSync('bash', ['-n', file], {encoding: 'utf8'}).stderr).toBe('');
    const lint = spawnSync('shellcheck', ['--shell=bash', file], {encoding: 'utf8'});
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
  });

  it('runs the steps of the chosen mode in order, checks them, and cleans up only when asked', () => {
    const {run} = bundle();
    const sidecar = run([]);
    expect(sidecar.status).toBe(0);
    expect(sidecar.log).toEqual([
      'create|namespace|my shop|',
      'label|namespace|my shop|istio-injection=enabled|',
      'get|namespace|my shop|',
      'apply|-f|-|',
    ]);
    expect(sidecar.out).toContain('==> Step 1: First step');
    expect(sidecar.out).toContain('ok: step 1 (First step) checked');
    expect(sidecar.out).not.toContain('Only in ambient');

    const ambient = run(['--mode', 'ambient', '--cleanup'], {NAMESPACE: 'shop'});
    expect(ambient.status).toBe(0);
    expect(ambient.log).toEqual([
      'create|namespace|shop|',
      'label|namespace|shop|istio.io/dataplane-mode=ambient|',
      'get|namespace|shop|',
      'apply|-f|manifests/waypoint.yaml|',
      'apply|-f|-|',
      'delete|namespace|shop|',
      'delete|-f|manifests/waypoint.yaml|',
    ]);

    expect(run(['--cleanup-only'], {CLEANUP: '0'}).log).toEqual(['delete|namespace|my shop|']);
    expect(run([], {CLEANUP: '1'}).log.at(-1)).toBe('delete|namespace|my shop|');
  });

  it('stops at a failing command or check and prints the step and its hint', () => {
    const {run} = bundle();
    const failed = run([], {FAIL_ON: 'create'});
    expect(failed.status).not.toBe(0);
    expect(failed.out).toContain('Step 1 (First step) failed.');
    expect(failed.out).toContain('Hint: Is the cluster up? Try kubectl get nodes and "$KUBECONFIG".');
    expect(failed.log).toHaveLength(1);

    // The command whose output the step expects is retried until STEP_TIMEOUT, then reported.
    const unsettled = run([], {FAIL_ON: 'label'});
    expect(unsettled.status).toBe(1);
    expect(unsettled.out).toContain('Step 1 (First step) failed: its last command still exits with status 1 after 1 attempts');
    expect(unsettled.out).toContain('Hint: Is the cluster up?');

    const unchecked = run([], {FAIL_ON: 'get namespace'});
    expect(unchecked.status).toBe(1);
    expect(unchecked.out).toContain('Step 1 (First step) failed: the check still fails after 1 attempts (0s)');
    expect(unchecked.out).toContain('The check printed:\nfake failure');
    expect(unchecked.log.filter((line) => line.startsWith('get|'))).toHaveLength(1);
  });

  it('keeps running the cleanup when one cleanup command fails', () => {
    const {run} = bundle();
    const result = run(['--cleanup-only', '--mode', 'ambient'], {FAIL_ON: 'delete namespace'});
    expect(result.status).toBe(0);
    expect(result.log).toEqual(['delete|namespace|my shop|', 'delete|-f|manifests/waypoint.yaml|']);
  });

  it('saves the output of steps with an expected output when LAB_OUTPUT_DIR is set', () => {
    const {dir, run} = bundle();
    const outputs = path.join(dir, 'outputs');
    expect(run([], {LAB_OUTPUT_DIR: outputs}).status).toBe(0);
    expect(readFileSync(path.join(outputs, 'first.txt'), 'utf8')).toBe('namespace/x labeled\n');
    const ambientOutputs = path.join(dir, 'ambient-outputs');
    expect(run(['--mode', 'ambient'], {LAB_OUTPUT_DIR: ambientOutputs}).status).toBe(0);
    expect(readFileSync(path.join(ambientOutputs, 'first.txt'), 'utf8')).toBe('namespace/x labeled\n');
  });

  it('rejects unknown arguments and modes', () => {
    const {run} = bundle();
    expect(run(['--frobnicate']).status).toBe(2);
    expect(run(['--mode', 'proxyless']).status).toBe(2);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.out).toContain('Usage: ./run.sh');
    expect(help.log).toEqual([]);
  });
}, 60_000);

describe('run.sh and the page run the same commands', () => {
  it('every command of every lab, rendered with LAB_MANIFESTS at the published folder, is the page\'s command', () => {
    const site = 'https://example.org/service-mesh-labs/';
    let compared = 0;
    for (const {lab} of loadAllLabs(process.cwd())) {
      const values = Object.fromEntries((lab.variables ?? []).map((variable) => [variable.name, variable.default]));
      const published = `${site}labs/${lab.id}`;
      const commands = [...lab.steps.flatMap((step) => step.commands), ...lab.cleanup].map((command) => command.run);
      for (const command of commands) {
        const page = renderForPage(command, {values, manifestUrl: (file) => `${published}/${file}`});
        const script = renderForPage(withManifestsVariable(command), {values: {...values, LAB_MANIFESTS: published}, manifestUrl: () => 'unused'});
        expect(script, `${lab.id}: ${command}`).toBe(page);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('LAB_MANIFESTS points run.sh at a URL as well as at the bundle folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lab-script-'));
    writeFileSync(path.join(dir, 'run.sh'), generateRunScript(LAB));
    mkdirSync(path.join(dir, 'bin'));
    const log = path.join(dir, 'log');
    writeFileSync(path.join(dir, 'bin', 'kubectl'), `#!/usr/bin/env bash\necho "$*" >> "${log}"\n`, {mode: 0o755});
    const result = spawnSync('bash', [path.join(dir, 'run.sh'), '--mode', 'ambient'], {
      env: {PATH: `${path.join(dir, 'bin')}:${process.env.PATH ?? ''}`, LAB_MANIFESTS: 'http://127.0.0.1:3000/base/labs/demo-lab', STEP_TIMEOUT: '0'},
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('apply -f http://127.0.0.1:3000/base/labs/demo-lab/waypoint.yaml\n');
  });
});
