import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {
  parseTemplate,
  placeholderProblems,
  quoteInContext,
  renderForPage,
  renderForScript,
  shellQuote,
} from '@site/src/lib/labs/placeholders';

const manifestUrl = (file: string) => `https://example.org/course/labs/demo/${file}`;

const END = '<<end of words>>';

/** What bash makes of each command line: its words (one bash process for all of them). */
function bashWordsOfEach(commandLines: readonly string[], env: Record<string, string> = {}): string[][] {
  const script = commandLines.map((line) => `set -- ${line}\nprintf '%s\\0' "$@" '${END}'`).join('\n');
  const out = execFileSync('bash', ['-c', script], {env: {...env, PATH: process.env.PATH ?? ''}}).toString();
  const words = out.split('\0').slice(0, -1);
  const result: string[][] = [[]];
  for (const word of words) {
    if (word === END) result.push([]);
    else result[result.length - 1]?.push(word);
  }
  return result.slice(0, -1);
}

function bashWords(commandLine: string, env: Record<string, string> = {}): string[] {
  return bashWordsOfEach([commandLine], env)[0] ?? [];
}

// These tests ask a real bash what it makes of each line: allow for a slow fork on a busy machine.
describe('shell quoting', {timeout: 30_000}, () => {
  it('leaves plain words bare and single-quotes everything else', () => {
    expect(shellQuote('bookinfo')).toBe('bookinfo');
    expect(shellQuote('https://a.b/c-d_e.yaml')).toBe('https://a.b/c-d_e.yaml');
    expect(shellQuote('my ns')).toBe(`'my ns'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf ~)')).toBe(`'$(rm -rf ~)'`);
  });

  it('keeps any value one literal word in every quote context, as bash sees it', () => {
    const nasty = [`my ns`, `it's "quoted"`, '$(touch /tmp/pwned) `id` $HOME', 'a\\b', '*', '', 'tab\there', 'semi;colon|pipe&'];
    const lines = nasty.flatMap((value) => [
      shellQuote(value),
      `"x${quoteInContext(value, 'double')}y"`,
      `'x${quoteInContext(value, 'single')}y'`,
    ]);
    const expected = nasty.flatMap((value) => [[value], [`x${value}y`], [`x${value}y`]]);
    expect(bashWordsOfEach(lines)).toEqual(expected);
  });
});

describe('placeholders', {timeout: 30_000}, () => {
  it('finds variables and manifests with the quote context they sit in', () => {
    expect(parseTemplate(`kubectl -n {{NS}} apply -f {{manifest:a.yaml}} -l "app={{APP}}" 'x {{Y}}'`)).toEqual([
      {kind: 'text', text: 'kubectl -n '},
      {kind: 'variable', name: 'NS', quote: 'bare', raw: '{{NS}}'},
      {kind: 'text', text: ' apply -f '},
      {kind: 'manifest', file: 'a.yaml', quote: 'bare', raw: '{{manifest:a.yaml}}'},
      {kind: 'text', text: ' -l "app='},
      {kind: 'variable', name: 'APP', quote: 'double', raw: '{{APP}}'},
      {kind: 'text', text: `" 'x `},
      {kind: 'variable', name: 'Y', quote: 'single', raw: '{{Y}}'},
      {kind: 'text', text: `'`},
    ]);
  });

  it('starts a fresh bare context inside "$( … )" and restores the outer one after it', () => {
    const command = `echo "pod: $(kubectl get pod -n {{NS}} -o name | grep "{{APP}}") in {{NS}}" {{NS}}`;
    expect(
      parseTemplate(command)
        .filter((segment) => segment.kind === 'variable')
        .map((segment) => segment.kind === 'variable' && `${segment.name}:${segment.quote}`),
    ).toEqual(['NS:bare', 'APP:double', 'NS:double', 'NS:bare']);
    const values = {NS: 'my ns', APP: 'a b'};
    const template = `echo "$(printf '%s,' {{NS}} "{{APP}}")" {{NS}}`;
    expect(bashWords(renderForPage(template, {values, manifestUrl}))).toEqual(['echo', 'my ns,a b,', 'my ns']);
    expect(bashWords(renderForScript(template), values)).toEqual(['echo', 'my ns,a b,', 'my ns']);
  });

  it('leaves Go templates (kubectl -o go-template) and shell variables alone', () => {
    const command = `kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}' && echo "$GATEWAY_URL"`;
    expect(parseTemplate(command)).toEqual([{kind: 'text', text: command}]);
    expect(placeholderProblems(command, new Set(), new Set())).toEqual([]);
  });

  it('substitutes the learner\'s values live, quoted for the shell, and manifest URLs', () => {
    const command = 'kubectl apply -n {{NS}} -f {{manifest:dr.yaml}} && echo "ns={{NS}}"';
    expect(renderForPage(command, {values: {NS: 'bookinfo'}, manifestUrl})).toBe(
      'kubectl apply -n bookinfo -f https://example.org/course/labs/demo/dr.yaml && echo "ns=bookinfo"',
    );
    expect(renderForPage(command, {values: {NS: 'my ns'}, manifestUrl})).toBe(
      `kubectl apply -n 'my ns' -f https://example.org/course/labs/demo/dr.yaml && echo "ns=my ns"`,
    );
    expect(renderForPage('echo {{NS}}', {values: {NS: '$(id)'}, manifestUrl})).toBe(`echo '$(id)'`);
    expect(bashWords(renderForPage('{{A}} "{{A}}" \'{{A}}\'', {values: {A: `a'b"c$d`}, manifestUrl}))).toEqual([
      `a'b"c$d`,
      `a'b"c$d`,
      `a'b"c$d`,
    ]);
  });

  it('turns placeholders into quoted shell expansions and local manifest paths for run.sh', () => {
    expect(renderForScript('kubectl apply -n {{NS}} -f {{manifest:dr.yaml}} -l "app={{APP}}" \'{{APP}}\'')).toBe(
      `kubectl apply -n "\${NS}" -f manifests/dr.yaml -l "app=\${APP}" ''"\${APP}"''`,
    );
    expect(bashWords(renderForScript('{{NS}} "x{{NS}}" \'y{{NS}}\''), {NS: 'my ns'})).toEqual(['my ns', 'xmy ns', 'ymy ns']);
  });

  it('reports unknown variables, unknown manifests and malformed placeholders', () => {
    expect(
      placeholderProblems('{{NS}} {{OTHER}} {{manifest:x.yaml}} {{manifest:y.yaml}} {{lower}}', new Set(['NS']), new Set(['x.yaml'])),
    ).toEqual([
      '{{OTHER}} is not a declared variable (declare it under "variables")',
      '{{manifest:y.yaml}}: no file manifests/y.yaml in this lab',
      '{{lower}} is not a placeholder: use {{NAME}} for a variable or {{manifest:FILE}} for a manifest',
    ]);
  });
});
