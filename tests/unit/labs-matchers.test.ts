import {describe, expect, it} from 'vitest';
import {describeMismatch, matchOutput, normaliseToken, stripAnsi} from '@site/src/lib/labs/matchers';

const PODS = `NAME                              READY   STATUS    RESTARTS   AGE
details-v1-7d775cb4f6-5t9zm       2/2     Running   0          2m
productpage-v1-7c74cbdbcc-8bsvz   2/2     Running   0          2m
ratings-v1-5bb5f4cd7d-ghwlb       2/2     Running   0          2m
`;

describe('expected-output matchers', () => {
  it('exact: equal text, trailing spaces and blank edges ignored', () => {
    expect(matchOutput({match: 'exact', output: 'hello\nworld\n'}, '\nhello   \nworld\n\n').ok).toBe(true);
    expect(matchOutput({match: 'exact', output: 'hello'}, 'hello!').ok).toBe(false);
  });

  it('contains / not-contains', () => {
    expect(matchOutput({match: 'contains', output: 'Installation complete\n'}, '✔ Istiod installed\n✔ Installation complete').ok).toBe(true);
    expect(matchOutput({match: 'contains', output: 'Installation complete'}, 'Error: timed out').ok).toBe(false);
    expect(matchOutput({match: 'not-contains', output: 'RBAC: access denied'}, '<title>Simple Bookstore App</title>').ok).toBe(true);
    const denied = matchOutput({match: 'not-contains', output: 'RBAC: access denied'}, 'RBAC: access denied');
    expect(denied.ok).toBe(false);
    expect(denied.reason).toContain('RBAC: access denied');
  });

  it('like: ignores ages, IP addresses, pod-name suffixes and column widths', () => {
    const actual = `NAME                              READY   STATUS    RESTARTS   AGE
details-v1-6cd699df8c-2khxv   2/2     Running   0          13m5s
productpage-v1-d49bb79b4-8p6wz   2/2     Running   0          45s
ratings-v1-794f65dbb6-q8x2c       2/2     Running   0          1h
`;
    expect(matchOutput({match: 'like', output: PODS}, actual).ok).toBe(true);
    expect(matchOutput({match: 'like', output: PODS}, actual.replace('2/2     Running   0          45s', '1/2     Running   0          45s')).ok).toBe(false);
    expect(
      matchOutput(
        {match: 'like', output: 'NAME   TYPE   CLUSTER-IP   PORT(S)\nistiod   ClusterIP   10.96.1.2   15010/TCP'},
        'NAME   TYPE   CLUSTER-IP   PORT(S)\nistiod   ClusterIP   10.96.200.17   15010/TCP',
      ).ok,
    ).toBe(true);
  });

  it('like: a line "..." skips any number of lines, including none', () => {
    const expected = 'NAME   READY\n...\nreviews-v3-5f9cc6dbd9-k2lmj   2/2\n';
    expect(matchOutput({match: 'like', output: expected}, 'NAME   READY\nreviews-v3-6c5bf657cf-x8wvq   2/2').ok).toBe(true);
    expect(matchOutput({match: 'like', output: expected}, 'NAME READY\na 1/1\nb 1/1\nreviews-v3-6c5bf657cf-x8wvq 2/2').ok).toBe(true);
    expect(matchOutput({match: 'like', output: expected}, 'NAME READY\nreviews-v3-6c5bf657cf-x8wvq 2/2\nextra line').ok).toBe(false);
    expect(matchOutput({match: 'like', output: 'first\n...'}, 'first\nanything\nat all').ok).toBe(true);
  });

  it('masks only real run-to-run noise', () => {
    expect(normaliseToken('5s')).toBe('<age>');
    expect(normaliseToken('3m2s')).toBe('<age>');
    expect(normaliseToken('2d')).toBe('<age>');
    expect(normaliseToken('10.244.0.12')).toBe('<ip>');
    expect(normaliseToken('reviews-v2-6c5bf657cf-x8wvq')).toBe('reviews-v2-<pod>');
    expect(normaliseToken('ztunnel-2bx7k')).toBe('ztunnel-<pod>');
    expect(normaliseToken('details-pages')).toBe('details-pages');
    expect(normaliseToken('2/2')).toBe('2/2');
    expect(normaliseToken('Running')).toBe('Running');
    expect(normaliseToken('v1')).toBe('v1');
  });

  it('strips terminal colour codes before matching (kubectl cluster-info colours its output)', () => {
    const coloured = '\u001b[0;32mKubernetes control plane\u001b[0m is running at \u001b[0;33mhttps://127.0.0.1:40123\u001b[0m\n';
    expect(stripAnsi(coloured)).toBe('Kubernetes control plane is running at https://127.0.0.1:40123\n');
    expect(matchOutput({match: 'contains', output: 'Kubernetes control plane is running at https://127.0.0.1:'}, coloured).ok).toBe(true);
    expect(matchOutput({match: 'exact', output: 'ok'}, '\u001b[1mok\u001b[22m').ok).toBe(true);
  });

  it('like: a mismatch names the expected line, the actual line and how they were compared', () => {
    const actual = PODS.replace('ratings-v1-5bb5f4cd7d-ghwlb       2/2     Running', 'ratings-v1-5bb5f4cd7d-ghwlb       1/2     Running');
    const result = matchOutput({match: 'like', output: PODS}, actual);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('expected line 4');
    expect(result.reason).toContain('expected: ratings-v1-5bb5f4cd7d-ghwlb       2/2     Running   0          2m');
    expect(result.reason).toContain('actual:   ratings-v1-5bb5f4cd7d-ghwlb       1/2     Running   0          2m');
    expect(result.reason).toContain('"ratings-v1-<pod> 2/2 Running 0 <age>" vs "ratings-v1-<pod> 1/2 Running 0 <age>"');
    const short = matchOutput({match: 'like', output: PODS}, PODS.split('\n').slice(0, 2).join('\n'));
    expect(short.reason).toContain('actual:   (no more lines)');
    const long = matchOutput({match: 'like', output: 'A\n'}, 'A\nB\n');
    expect(long.reason).toContain('extra line 2: B');
  });

  it('describes any mismatch with the expected and the actual text side by side', () => {
    const expectation = {match: 'contains' as const, output: 'Installation complete\n'};
    const text = describeMismatch(expectation, 'Error: timed out\n', matchOutput(expectation, 'Error: timed out\n'));
    expect(text).toBe(
      'contains match failed: output does not contain:\nInstallation complete\n--- expected (contains):\n  | Installation complete\n--- actual:\n  | Error: timed out',
    );
    expect(describeMismatch(expectation, '', matchOutput(expectation, ''))).toContain('--- actual:\n  | (nothing)');
  });
});
