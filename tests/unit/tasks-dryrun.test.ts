/**
 * Dry runs of the practice-task scripts: the generated verify.sh and scripts/labs-run.sh's
 * task:ID action in real bash, with kubectl and istioctl replaced by a tiny file-backed stand-in
 * (tests/fixtures/tasks-dryrun/bin/fake-cluster). What is proven: PASS/FAIL lines with hints,
 * retries, the setup → FAIL → solution → PASS judgement, and leftovers after the cleanup.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {LAB_CATALOG} from '@site/src/data/labCatalog';
import {readTask} from '@site/src/lib/tasks/parse';
import {publishedTaskFiles} from '@site/src/plugins/tasks';

const ROOT = process.cwd();
const FIXTURES = path.join(ROOT, 'tests/fixtures/tasks-dryrun');
const ID = 'traffic-dryrun';

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tasks-dryrun-'));
  const bin = path.join(dir, 'bin');
  const state = path.join(dir, 'state');
  const tasks = path.join(dir, 'tasks');
  for (const folder of [bin, state, path.join(tasks, ID)]) mkdirSync(folder, {recursive: true});
  for (const tool of ['kubectl', 'istioctl']) symlinkSync(path.join(FIXTURES, 'bin/fake-cluster'), path.join(bin, tool));
  const taskDir = path.join(FIXTURES, ID);
  const task = readTask(readFileSync(path.join(taskDir, 'task.yaml'), 'utf8'), {
    file: 'task.yaml',
    folderId: ID,
    manifestFiles: ['solution.yaml'],
    knownLabIds: LAB_CATALOG.map((lab) => lab.id),
  });
  const manifests = {'solution.yaml': readFileSync(path.join(taskDir, 'manifests/solution.yaml'), 'utf8')};
  for (const file of publishedTaskFiles({task, dir: taskDir, manifests}, 'https://example.org', '/')) {
    writeFileSync(path.join(tasks, ID, file.name), file.content, {mode: file.mode});
  }
  const env = (extra: Record<string, string> = {}) => ({
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: dir,
    FAKE_STATE: state,
    LAB_MANIFESTS: path.join(tasks, ID),
    VERIFY_INTERVAL: '0.1',
    ...extra,
  });
  const calls = (prefix: string) => readFileSync(path.join(state, 'calls.log'), 'utf8').split('\n').filter((call) => call.startsWith(prefix));
  const script = (name: string, extra: Record<string, string> = {}) => {
    const result = spawnSync('bash', [path.join(tasks, ID, name)], {env: env(extra), encoding: 'utf8', timeout: 60_000});
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
  };
  const labsRun = (extra: Record<string, string> = {}) => {
    const work = path.join(dir, 'work');
    const result = spawnSync('bash', [path.join(ROOT, 'scripts/labs-run.sh'), 'sidecar', `task:${ID}`], {
      env: env({LABS_TASKS: tasks, LABS_WORK: work, LABS_TASK_SETTLE: '5', ...extra}),
      encoding: 'utf8',
      timeout: 180_000,
    });
    return {status: result.status, stdout: result.stdout, summary: readFileSync(path.join(work, 'summary.md'), 'utf8'), work};
  };
  return {script, calls, labsRun};
}

describe('verify.sh dry run', () => {
  it('prints FAIL with the hint as plain text, the count, and exits 1 when a criterion is not met', () => {
    const {script, calls} = workspace();
    expect(script('setup.sh').status).toBe(0);
    const result = script('verify.sh', {VERIFY_TRIES: '3'});
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'PASS  The namespace task-dry exists',
      'FAIL  Requests reach v2',
      '      hint: Route to subset v2; see the routing page.',
      '1 of 2 criteria passed',
      '',
    ]);
    // The failing check was tried VERIFY_TRIES times; the passing one once.
    expect(calls('kubectl exec')).toHaveLength(3);
    expect(calls('kubectl get namespace task-dry')).toHaveLength(1);
  });

  it('passes every criterion after the solution and exits 0', () => {
    const {script} = workspace();
    script('setup.sh');
    expect(script('solution.sh').status).toBe(0);
    const result = script('verify.sh');
    expect(result.stdout).toBe('PASS  The namespace task-dry exists\nPASS  Requests reach v2\n2 of 2 criteria passed\n');
    expect(result.status).toBe(0);
  });

  it('retries a check that has not settled yet, and gives up after VERIFY_TRIES', () => {
    const settling = workspace();
    settling.script('setup.sh');
    settling.script('solution.sh');
    const passed = settling.script('verify.sh', {FAKE_SLOW: '2', VERIFY_TRIES: '5'});
    expect(passed.status).toBe(0);
    expect(settling.calls('kubectl exec')).toHaveLength(3);

    const slow = workspace();
    slow.script('setup.sh');
    slow.script('solution.sh');
    const failed = slow.script('verify.sh', {FAKE_SLOW: '9', VERIFY_TRIES: '4', VERIFY_VERBOSE: '1'});
    expect(failed.status).toBe(1);
    expect(slow.calls('kubectl exec')).toHaveLength(4);
    expect(failed.stdout).toContain('FAIL  Requests reach v2\n      hint: Route to subset v2; see the routing page.\n');
  });
});

describe('labs-run.sh task:ID dry run', () => {
  it('judges setup → verify FAILS → solution → verify PASSES → cleanup, with no leftovers', () => {
    const {labsRun, calls} = workspace();
    const run = labsRun();
    expect(run.status, run.stdout).toBe(0);
    expect(run.summary).toContain(`| PASS | task:${ID} | setup |`);
    expect(run.summary).toContain(`| PASS | task:${ID} | verify fails before the solution (1 criteria) |`);
    expect(run.summary).toContain(`| PASS | task:${ID} | verify passes after the solution |`);
    expect(run.summary).toContain(`| PASS | task:${ID} leftovers | none |`);
    expect(calls('kubectl delete namespace task-dry')).toHaveLength(1);
  }, 180_000);

  it('fails a task whose verify already passes right after setup (it would not test the learner)', () => {
    const run = workspace().labsRun({FAKE_SOLVED_AT_START: '1'});
    expect(run.status).toBe(1);
    expect(run.summary).toContain(`| FAIL | task:${ID} | verify must fail right after setup (exit 0; see logs/task-${ID}.log) |`);
  }, 180_000);

  it('fails a task whose verify never passes after the solution, within LABS_TASK_SETTLE', () => {
    const run = workspace().labsRun({FAKE_SLOW: '1000', LABS_TASK_SETTLE: '1'});
    expect(run.status).toBe(1);
    expect(run.summary).toContain(`| FAIL | task:${ID} | verify still fails after the solution (see logs/task-${ID}.log) |`);
  }, 180_000);

  it('reports what the task\'s cleanup left behind', () => {
    const run = workspace().labsRun({FAKE_KEEP_NAMESPACE: '1'});
    expect(run.status).toBe(1);
    expect(run.summary).toMatch(new RegExp(`\\| FAIL \\| task:${ID} leftovers \\| .*namespace left behind: task-dry`));
    expect(readFileSync(path.join(run.work, 'logs', `task:${ID}.leftovers.txt`), 'utf8')).toContain('namespace left behind: task-dry');
  }, 180_000);
});
