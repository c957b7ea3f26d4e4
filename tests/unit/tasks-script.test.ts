import {describe, expect, it} from 'vitest';
import {readTask} from '@site/src/lib/tasks/parse';
import {generateTaskScripts, ISTIOCTL_GUARD} from '@site/src/lib/tasks/script';

const TASK = readTask(
  `id: troubleshoot-demo
title: Demo
domain: troubleshooting
competencies: [troubleshoot-config]
minutes: 4
mode: any
prerequisites:
  - lab: sidecar-install
scenario: Find it.
setup:
  - run: kubectl apply -n task-demo -f {{manifest:start.yaml}}
solution:
  body: Fix it.
  commands:
    - run: kubectl apply -n task-demo -f {{manifest:fix.yaml}}
verify:
  - criterion: analyze is clean
    check: istioctl analyze -n task-demo
    hint: Read the **IST0101** message; see [the page](/docs/operations/).
cleanup:
  - run: kubectl delete namespace task-demo --ignore-not-found
  - run: kubectl delete clusterrole task-demo --ignore-not-found
`,
  {file: 'task.yaml', manifestFiles: ['start.yaml', 'fix.yaml']},
);
const scripts = generateTaskScripts(TASK, {filesUrl: 'https://example.org/base/tasks/troubleshoot-demo/', pageUrl: 'https://example.org/base/docs/exam/tasks/troubleshoot-demo/'});

describe('generated task scripts', () => {
  it('read manifests from LAB_MANIFESTS, which defaults to the published folder', () => {
    expect(scripts['setup.sh']).toContain('LAB_MANIFESTS="${LAB_MANIFESTS:-https://example.org/base/tasks/troubleshoot-demo}"');
    expect(scripts['setup.sh']).toContain('kubectl apply -n task-demo -f "${LAB_MANIFESTS}"/start.yaml');
    expect(scripts['solution.sh']).toContain('kubectl apply -n task-demo -f "${LAB_MANIFESTS}"/fix.yaml');
    expect(scripts['setup.sh']).toContain('# Run: curl -fsSL https://example.org/base/tasks/troubleshoot-demo/setup.sh | bash');
  });

  it('setup, solution and cleanup stop on errors; verify does not (it reports every criterion)', () => {
    for (const name of ['setup.sh', 'solution.sh', 'cleanup.sh'] as const) expect(scripts[name]).toContain('\nset -euo pipefail\n');
    expect(scripts['verify.sh']).toContain('\nset -uo pipefail\n');
  });

  it('checks istioctl is on PATH only in the scripts that use it', () => {
    expect(scripts['verify.sh']).toContain(ISTIOCTL_GUARD);
    expect(scripts['setup.sh']).not.toContain(ISTIOCTL_GUARD);
  });

  it('verify.sh gives each criterion its check function, text and plain-text hint, then the count', () => {
    expect(scripts['verify.sh']).toContain('check_1() {\nistioctl analyze -n task-demo\n}');
    expect(scripts['verify.sh']).toContain("criterion check_1 'analyze is clean' 'Read the IST0101 message; see the page.'");
    expect(scripts['verify.sh']).toMatch(/echo "\$\{passed\} of \$\{total\} criteria passed"\n\[ "\$\{passed\}" -eq "\$\{total\}" \]\n$/);
  });

  it('cleanup.sh runs every command even when one fails, and exits 1 if any did', () => {
    expect(scripts['cleanup.sh']).toContain('cleanup_1 || failed=1');
    expect(scripts['cleanup.sh']).toContain('cleanup_2 || failed=1');
    expect(scripts['cleanup.sh']).toMatch(/exit "\$\{failed\}"\n$/);
  });
});
