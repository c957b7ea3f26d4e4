import {describe, expect, it} from 'vitest';
import {formatProblem} from '@site/src/lib/problem';
import {COMPETENCIES, EXAM_DOMAINS} from '@site/src/lib/tasks/competencies';
import {TaskError} from '@site/src/lib/tasks/model';
import {inspectTask, readTask} from '@site/src/lib/tasks/parse';
import {checkTaskFile} from '@site/src/lib/validate';

const VALID = `id: traffic-demo
title: Route a demo
domain: traffic
competencies: [traffic-routing]
minutes: 5
mode: sidecar
prerequisites:
  - lab: sidecar-install
scenario: |
  The namespace \`task-demo\` runs helloworld.
setup:
  - run: kubectl create namespace task-demo --dry-run=client -o yaml | kubectl apply -f -
  - run: kubectl apply -n task-demo -f {{manifest:start.yaml}}
solution:
  body: Apply **the** route.
  commands:
    - run: kubectl apply -n task-demo -f {{manifest:solution.yaml}}
  manifests: [solution.yaml]
verify:
  - criterion: A VirtualService for helloworld exists
    check: kubectl get virtualservice -n task-demo -o jsonpath='{.items[*].spec.hosts}' | grep -q helloworld
    hint: Create a VirtualService whose \`hosts\` lists \`helloworld\`.
cleanup:
  - run: kubectl delete namespace task-demo --ignore-not-found
`;

const OPTIONS = {
  file: 'labs/tasks/traffic-demo/task.yaml',
  folderId: 'traffic-demo',
  manifestFiles: ['start.yaml', 'solution.yaml'],
  knownLabIds: ['sidecar-install', 'ambient-install'],
};

function issuesOf(text: string, options = OPTIONS): string[] {
  return inspectTask(text, options).problems.map(formatProblem);
}

describe('readTask', () => {
  it('turns a valid task.yaml into the typed model', () => {
    const task = readTask(VALID, OPTIONS);
    expect(task.domain).toBe('traffic');
    expect(task.competencies).toEqual(['traffic-routing']);
    expect(task.verify[0]?.criterion).toBe('A VirtualService for helloworld exists');
    expect(task.solution.manifests).toEqual(['solution.yaml']);
  });

  it('throws a TaskError whose message lists file:line problems', () => {
    expect(() => readTask(VALID.replace('minutes: 5', 'minutes: 40'), OPTIONS)).toThrow(TaskError);
    expect(issuesOf(VALID.replace('minutes: 5', 'minutes: 40'))).toEqual(['labs/tasks/traffic-demo/task.yaml:5: minutes must be <= 15']);
  });

  it('reports schema problems at their line: missing fields, unknown fields, bad mode', () => {
    expect(issuesOf(VALID.replace('mode: sidecar', 'mode: both'))).toEqual(['labs/tasks/traffic-demo/task.yaml:6: mode must be one of: sidecar, ambient, any']);
    expect(issuesOf(VALID.replace('minutes: 5\n', 'minutes: 5\ncolour: red\n'))).toEqual(['labs/tasks/traffic-demo/task.yaml:6: the task has an unknown field "colour"']);
    expect(issuesOf(VALID.replace(/cleanup:\n.*\n$/, ''))).toEqual(['labs/tasks/traffic-demo/task.yaml:1: the task is missing "cleanup"']);
    expect(issuesOf(VALID.replace('  - criterion: A VirtualService for helloworld exists', '  - criterion: |\n      two\n      lines'))[0]).toMatch(/:20: verify\[0\]\.criterion must be one line/);
  });

  it('requires id = folder and the domain prefix, a known domain and known competencies of that domain', () => {
    expect(issuesOf(VALID, {...OPTIONS, folderId: 'traffic-other'})).toEqual(['labs/tasks/traffic-demo/task.yaml:1: id "traffic-demo" must equal the folder name "traffic-other"']);
    expect(issuesOf(VALID.replace('domain: traffic', 'domain: security').replace('[traffic-routing]', '[security-authorization]'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:1: id "traffic-demo" must start with "security-" (the prefix of domain security)',
    ]);
    expect(issuesOf(VALID.replace('domain: traffic', 'domain: networking'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:3: domain "networking" is not an exam domain (installation, traffic, security, troubleshooting)',
    ]);
    expect(issuesOf(VALID.replace('[traffic-routing]', '[traffic-routing, traffic-teleport]'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:4: "traffic-teleport" is not a competency id (see src/lib/tasks/competencies.ts)',
    ]);
    expect(issuesOf(VALID.replace('[traffic-routing]', '[security-authorization]'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:4: no competency of domain traffic: name at least one traffic-… competency',
    ]);
  });

  it('requires a real prerequisite lab', () => {
    expect(issuesOf(VALID.replace('lab: sidecar-install', 'lab: sidecar-setup'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:8: no lab "sidecar-setup" in the course catalogue (src/data/labCatalog.ts)',
    ]);
    expect(issuesOf(VALID.replace('  - lab: sidecar-install', '  - doc: /docs/traffic/\n    label: Traffic'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:7: name the lab that leaves the cluster this task starts from (e.g. - lab: sidecar-install)',
    ]);
  });

  it('requires the manifests it names, and no variables or unknown placeholders', () => {
    expect(issuesOf(VALID, {...OPTIONS, manifestFiles: ['start.yaml']})).toEqual([
      'labs/tasks/traffic-demo/task.yaml:17: {{manifest:solution.yaml}}: no file manifests/solution.yaml in this task',
      'labs/tasks/traffic-demo/task.yaml:18: no file manifests/solution.yaml in this task',
    ]);
    expect(issuesOf(VALID.replace('namespace task-demo --ignore', 'namespace {{NAMESPACE}} --ignore'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:24: {{NAMESPACE}}: tasks have no variables; write the name itself (names are fixed by the scenario)',
    ]);
    expect(issuesOf(VALID.replace('namespace task-demo --ignore', 'namespace {{ns}} --ignore'))[0]).toMatch(/:24: \{\{ns\}\} is not a placeholder/);
  });

  it('checks commands and verify checks with the command rulebook: istioctl flags, pinned URLs, -it', () => {
    const check = "    check: istioctl x describe pod -n task-demo --bogus-flag | grep -q helloworld";
    expect(issuesOf(VALID.replace(/ {4}check: .*/, check))[0]).toMatch(/task\.yaml:21: .*--bogus-flag/);
    const url = 'https://raw.githubusercontent.com/istio/istio/release-1.29/samples/curl/curl.yaml';
    expect(issuesOf(VALID.replace('-f {{manifest:start.yaml}}', `-f ${url}`))).toContain('labs/tasks/traffic-demo/task.yaml:13: release-1.29: use release-1.31');
    expect(issuesOf(VALID.replace(/ {4}check: .*/, '    check: kubectl exec -it -n task-demo deploy/curl -- curl -s helloworld:5000'))[0]).toMatch(/:21: kubectl exec -it/);
  });

  it('refuses a check that cannot fail and commands in shared namespaces', () => {
    expect(issuesOf(VALID.replace("| grep -q helloworld", '| grep -q helloworld || true'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:21: [check-no-effect] the check cannot fail (`|| true`): it must exit non-zero when the criterion is not met',
    ]);
    expect(issuesOf(VALID.replace('kubectl apply -n task-demo -f {{manifest:solution.yaml}}', 'kubectl apply -n bookinfo -f {{manifest:solution.yaml}}'))).toEqual([
      'labs/tasks/traffic-demo/task.yaml:17: namespace bookinfo: a task works in its own task-… namespaces, which its setup creates and its cleanup deletes',
    ]);
  });

  it('is linted like a lab: an unguarded create, a label without --overwrite, a bare sleep', () => {
    const text = VALID.replace('kubectl create namespace task-demo --dry-run=client -o yaml | kubectl apply -f -', 'kubectl create namespace task-demo').replace(
      '  - run: kubectl apply -n task-demo -f {{manifest:start.yaml}}',
      '  - run: kubectl label namespace task-demo istio-injection=enabled\n  - run: sleep 10\n  - run: kubectl apply -n task-demo -f {{manifest:start.yaml}}',
    );
    const problems = checkTaskFile(text, OPTIONS).problems.map((problem) => problem.message);
    expect(problems.filter((message) => message.startsWith('[not-idempotent]'))).toHaveLength(2);
    expect(problems.some((message) => message.startsWith('[bare-sleep]'))).toBe(true);
  });
});

describe('competencies', () => {
  it('has the four exam domains, weights summing to 100, and 17 competencies each in a domain', () => {
    expect(EXAM_DOMAINS.map((domain) => domain.id)).toEqual(['installation', 'traffic', 'security', 'troubleshooting']);
    expect(EXAM_DOMAINS.reduce((sum, domain) => sum + domain.weight, 0)).toBe(100);
    expect(COMPETENCIES).toHaveLength(17);
    for (const competency of COMPETENCIES) {
      const domain = EXAM_DOMAINS.find((item) => item.id === competency.domain);
      expect(domain, competency.id).toBeDefined();
      expect(competency.id.startsWith(domain!.taskPrefix.replace(/-$/, '')), competency.id).toBe(true);
    }
  });
});
