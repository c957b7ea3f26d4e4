import {describe, expect, it} from 'vitest';
import {LabError} from '@site/src/lib/labs/model';
import {parseLab, readLab} from '@site/src/lib/labs/parse';
import {formatProblem} from '@site/src/lib/problem';
import {checkCommand} from '@site/src/lib/validate';

const VALID = `id: demo-lab
title: A demo lab
summary: Shows the format.
minutes: 10
difficulty: beginner
modes: [sidecar, ambient]
prerequisites:
  - lab: sidecar-install
  - doc: /docs/why-mesh/
    label: Why a service mesh
variables:
  - name: NAMESPACE
    default: bookinfo
    description: Where Bookinfo runs.
steps:
  - id: apply
    title: Apply it
    body: Apply **the** manifest.
    commands:
      - run: kubectl apply -n {{NAMESPACE}} -f {{manifest:dr.yaml}}
      - run: kubectl label namespace {{NAMESPACE}} istio-injection=enabled
        mode: sidecar
    manifests: [dr.yaml]
    expect:
      match: like
      output: |
        NAME   HOST   AGE
        ...
    hint: Run lab 2 first.
    check: kubectl get destinationrule reviews -n {{NAMESPACE}}
cleanup:
  - run: kubectl delete -n {{NAMESPACE}} -f {{manifest:dr.yaml}}
`;

const OPTIONS = {file: 'labs/demo-lab/lab.yaml', folderId: 'demo-lab', manifestFiles: ['dr.yaml'], knownLabIds: ['sidecar-install', 'demo-lab']};

/** Parses and returns the issues as `file:line: message` strings (empty when valid). */
function issuesOf(text: string, options = OPTIONS): string[] {
  try {
    parseLab(text, options);
    return [];
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    return error.issues.map(formatProblem);
  }
}

describe('parseLab', () => {
  it('turns a valid lab.yaml into the typed model', () => {
    const lab = parseLab(VALID, OPTIONS);
    expect(lab.id).toBe('demo-lab');
    expect(lab.modes).toEqual(['sidecar', 'ambient']);
    expect(lab.steps[0]?.commands[1]).toEqual({run: 'kubectl label namespace {{NAMESPACE}} istio-injection=enabled', mode: 'sidecar'});
    expect(lab.steps[0]?.expect?.match).toBe('like');
    expect(lab.prerequisites).toEqual([{lab: 'sidecar-install'}, {doc: '/docs/why-mesh/', label: 'Why a service mesh'}]);
    expect(issuesOf(VALID)).toEqual([]);
  });

  it('reports a missing required field at the line of the mapping that lacks it', () => {
    const text = VALID.replace('    hint: Run lab 2 first.\n', '');
    expect(issuesOf(text)).toEqual(['labs/demo-lab/lab.yaml:16: steps[0] is missing "hint"']);
  });

  it('reports an unknown field at the line of its key', () => {
    const text = VALID.replace('minutes: 10\n', 'minutes: 10\nduration: 5\n');
    expect(issuesOf(text)).toEqual(['labs/demo-lab/lab.yaml:5: the lab has an unknown field "duration"']);
  });

  it('reports a bad enum value, a bad id and a bad variable name with their lines', () => {
    const text = VALID.replace('difficulty: beginner', 'difficulty: easy')
      .replace('  - id: apply', '  - id: Apply_It')
      .replace('name: NAMESPACE', 'name: namespace');
    expect(issuesOf(text)).toEqual([
      'labs/demo-lab/lab.yaml:5: difficulty must be one of: beginner, intermediate, advanced',
      'labs/demo-lab/lab.yaml:12: variables[0].name must be UPPER_SNAKE_CASE (e.g. NAMESPACE)',
      'labs/demo-lab/lab.yaml:16: steps[0].id must be lowercase words joined by dashes (e.g. request-routing)',
    ]);
  });

  it('reports a wrong type and an unknown matcher in plain words', () => {
    const text = VALID.replace('minutes: 10', 'minutes: ten').replace('match: like', 'match: fuzzy');
    expect(issuesOf(text)).toEqual([
      'labs/demo-lab/lab.yaml:4: minutes must be an integer (a whole number)',
      'labs/demo-lab/lab.yaml:25: steps[0].expect.match must be one of: exact, contains, not-contains, like',
    ]);
  });

  it('explains a malformed prerequisite once, not once per alternative', () => {
    const text = VALID.replace('  - lab: sidecar-install\n', '  - lab: sidecar-install\n    doc: /docs/x/\n');
    expect(issuesOf(text)).toEqual([
      'labs/demo-lab/lab.yaml:8: prerequisites[0] must be either {lab: <lab id>} or {doc: /docs/…/, label: <text>}',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(issuesOf(VALID.replace('title: Apply it', 'title: [Apply it'))[0]).toMatch(/^labs\/demo-lab\/lab\.yaml:\d+:\d+: YAML: /);
    expect(issuesOf(VALID.replace('minutes: 10\n', 'minutes: 10\nminutes: 12\n'))).toEqual([
      'labs/demo-lab/lab.yaml:5:1: YAML: the key "minutes" appears twice in one mapping (map keys must be unique)',
    ]);
    expect(issuesOf('- just\n- a list\n')).toEqual(['labs/demo-lab/lab.yaml:1: a lab.yaml must be a mapping (id:, title:, steps: …)']);
  });

  it('checks placeholders, manifests, ids and modes against the rest of the lab', () => {
    const text = VALID.replace('-f {{manifest:dr.yaml}}\n      - run', '-f {{manifest:missing.yaml}} {{OTHER}} {{ what }}\n      - run')
      .replace('manifests: [dr.yaml]', 'manifests: [dr.yaml, nope.yaml]')
      .replace('modes: [sidecar, ambient]', 'modes: [ambient]');
    expect(issuesOf(text, {...OPTIONS, folderId: 'other-folder'})).toEqual([
      'labs/demo-lab/lab.yaml:1: id "demo-lab" must equal the folder name "other-folder"',
      'labs/demo-lab/lab.yaml:20: {{manifest:missing.yaml}}: no file manifests/missing.yaml in this lab',
      'labs/demo-lab/lab.yaml:20: {{OTHER}} is not a declared variable (declare it under "variables")',
      'labs/demo-lab/lab.yaml:20: {{ what }} is not a placeholder: use {{NAME}} for a variable or {{manifest:FILE}} for a manifest',
      'labs/demo-lab/lab.yaml:22: mode "sidecar" is not one of the lab\'s modes (ambient)',
      'labs/demo-lab/lab.yaml:23: no file manifests/nope.yaml in this lab',
    ]);
  });

  it('rejects duplicate step ids and unknown prerequisite labs', () => {
    const text = VALID.replace('lab: sidecar-install', 'lab: no-such-lab').replace(
      'cleanup:',
      'steps_again: x\ncleanup:',
    );
    expect(issuesOf(text)).toEqual(['labs/demo-lab/lab.yaml:31: the lab has an unknown field "steps_again"']);
    const twice = VALID.replace('cleanup:', `  - id: apply\n    title: Again\n    commands: [{run: echo hi}]\n    hint: none\ncleanup:`);
    expect(issuesOf(twice)).toEqual(['labs/demo-lab/lab.yaml:31: step id "apply" is used twice']);
    expect(issuesOf(VALID.replace('lab: sidecar-install', 'lab: no-such-lab'))).toEqual([
      'labs/demo-lab/lab.yaml:8: no lab "no-such-lab" in the course catalogue (src/data/labCatalog.ts)',
    ]);
  });

  it('throws an Error whose message lists every issue', () => {
    expect(() => parseLab(VALID.replace('difficulty: beginner', 'difficulty: easy'), OPTIONS)).toThrow(
      /Invalid lab:\n {2}labs\/demo-lab\/lab\.yaml:5: difficulty must be one of/,
    );
  });
});

describe('command rules', () => {
  const withCommand = (command: string): string => VALID.replace('kubectl label namespace {{NAMESPACE}} istio-injection=enabled', command);

  it('are the content checker\'s rulebook, worded the same, at the command\'s line', () => {
    for (const command of [
      '$ kubectl get pods',
      'kubectl exec -n x deploy/curl -ti -- sh',
      'curl -L https://istio.io/downloadIstio | ISTIO_VERSION=1.20.0 sh -',
      'kubectl apply -f https://raw.githubusercontent.com/istio/istio/master/samples/curl/curl.yaml',
      'export PATH="$PWD/istio-1.24.3/bin:$PATH"',
      'istioctl verify-install',
      'if then fi',
    ]) {
      const expected = checkCommand(command).map((message) => `labs/demo-lab/lab.yaml:21: ${message}`);
      expect(expected, command).toHaveLength(1);
      expect(issuesOf(withCommand(command)), command).toEqual(expected);
    }
  });

  it('place a problem in a multi-line command at its own line', () => {
    const text = VALID.replace('      - run: kubectl label namespace {{NAMESPACE}} istio-injection=enabled\n', '      - run: |\n          echo one\n          kubectl version --short\n');
    expect(issuesOf(text)).toEqual([expect.stringMatching(/^labs\/demo-lab\/lab\.yaml:23: kubectl version --short/)]);
  });

  it('pass plain commands, and count what they checked', () => {
    expect(issuesOf(withCommand('kubectl exec deploy/curl -- curl -s productpage:9080'))).toEqual([]);
    expect(issuesOf(withCommand('echo "$HOME"'))).toEqual([]);
    const reading = readLab(VALID, OPTIONS);
    expect(reading.counted).toEqual({commands: 4, istioctl: 0, urls: 0});
    expect(reading.commands.map((command) => command.line)).toEqual([20, 21, 30, 32]);
  });

  it('check the links in a step\'s prose', () => {
    const text = VALID.replace('body: Apply **the** manifest.', 'body: See https://istio.io/v1.24/docs/tasks/.');
    expect(issuesOf(text)).toEqual([expect.stringMatching(/^labs\/demo-lab\/lab\.yaml:18: https:\/\/istio\.io\/v1\.24\/docs\/tasks\/: link the current docs/)]);
  });
});
