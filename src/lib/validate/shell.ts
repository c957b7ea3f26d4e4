/**
 * Shell text → simple commands (words), with line numbers, and the per-command rules:
 * no `$ ` prompts, real kubectl verbs and no removed kubectl flags, no `kubectl exec -it`,
 * istioctl commands and flags of the pinned release, and no other Istio version.
 */
import {ISTIO_MINOR, ISTIO_VERSION} from '../../data/course';
import {checkIstioctlArgs} from './istioctl';
import type {LocalProblem} from './types';

export interface SimpleCommand {
  /** Shell words (quotes removed, `$VAR` kept as written). */
  readonly words: string[];
  /** 1-based line (within the checked text) where the command starts. */
  readonly line: number;
}

/** Replaces lab placeholders so the text is plain shell: {{VAR}} → a word, {{manifest:F}} → a URL. */
export function replacePlaceholders(text: string): string {
  return text
    .replace(/\{\{\s*manifest:([^}\s]+)\s*\}\}/g, 'https://labs.example.invalid/manifests/$1')
    .replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, 'placeholder-$1');
}

/**
 * Splits shell text into simple commands. Understands quotes, `\` line continuations, comments,
 * `&& || ; | &` and `$( … )` (commands inside are returned too). Heredoc bodies are skipped.
 */
export function splitCommands(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let startLine = 1;
  const heredocs: string[] = [];
  const stack: {words: string[]; word: string; inWord: boolean; startLine: number; wordLine: number}[] = [];
  const endWord = (): void => {
    if (inWord) {
      if (words.length === 0) startLine = wordLine;
      words.push(word);
    }
    word = '';
    inWord = false;
  };
  let wordLine = 1;
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) out.push({words, line: startLine});
    words = [];
  };
  const addChar = (c: string): void => {
    if (!inWord) wordLine = line;
    inWord = true;
    word += c;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      if (heredocs.length > 0) {
        endCommand();
        // skip heredoc bodies
        for (const tag of heredocs.splice(0)) {
          while (i < text.length) {
            const nl = text.indexOf('\n', i + 1);
            const bodyLine = text.slice(i + 1, nl === -1 ? text.length : nl);
            i = nl === -1 ? text.length : nl;
            line++;
            if (bodyLine.replace(/^\t+/, '') === tag) break;
          }
        }
        line--;
        continue;
      }
      if (stack.length === 0) endCommand();
      else endWord();
      continue;
    }
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        i++;
        line++;
        endWord();
        continue;
      }
      addChar(text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const part = text.slice(i + 1, end === -1 ? text.length : end);
      if (!inWord) wordLine = line;
      inWord = true;
      word += part;
      line += (part.match(/\n/g) ?? []).length;
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '"') {
      if (!inWord) wordLine = line;
      inWord = true;
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\') j++;
        if (text[j] === '\n') line++;
      }
      word += text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = (nl === -1 ? text.length : nl) - 1;
      continue;
    }
    if (c === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      // command substitution: its contents are checked as their own command
      if (!inWord) wordLine = line;
      stack.push({words, word, inWord: true, startLine, wordLine});
      words = [];
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if (c === ')' && stack.length > 0) {
      endCommand();
      const outer = stack.pop()!;
      words = outer.words;
      word = `${outer.word}$(…)`;
      inWord = true;
      startLine = outer.startLine;
      wordLine = outer.wordLine;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      endWord();
      const m = /^<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(text.slice(i));
      if (m) {
        heredocs.push(m[2]!);
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === ';' || c === '&' || c === '|') {
      endCommand();
      if (text[i + 1] === c) i++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    addChar(c);
  }
  endCommand();
  return out;
}

const KUBECTL_VERBS = new Set([
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'patch', 'plugin', 'port-forward', 'proxy',
  'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait', 'alpha', 'options',
]);

/** kubectl global flags that take a value (so the next word is not the verb). */
const KUBECTL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--as', '--request-timeout']);

function checkKubectl(args: readonly string[]): string[] {
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) {
    const flag = args[i]!;
    i += !flag.includes('=') && KUBECTL_VALUE_FLAGS.has(flag) ? 2 : 1;
  }
  const verb = args[i];
  if (verb === undefined) return [];
  if (verb.startsWith('$')) return [];
  if (!KUBECTL_VERBS.has(verb)) return [`kubectl ${verb}: not a kubectl command`];
  const rest = args.slice(i + 1);
  const problems: string[] = [];
  if (verb === 'version' && rest.includes('--short')) {
    problems.push('kubectl version --short: the --short flag was removed (kubectl 1.28); plain `kubectl version` is already short');
  }
  if (['apply', 'create', 'delete', 'replace', 'diff'].includes(verb) && rest[0] === 'f') {
    problems.push(`kubectl ${verb} f: missing dash, write \`kubectl ${verb} -f\``);
  }
  if (verb === 'run' && rest.some((a) => a.startsWith('--generator'))) problems.push('kubectl run --generator was removed');
  if (verb === 'get' && rest.some((a) => a.startsWith('--export'))) problems.push('kubectl get --export was removed');
  if (verb === 'exec' || verb === 'attach' || verb === 'run' || verb === 'debug') {
    const before = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    const short = before.filter((a) => /^-[A-Za-z]+$/.test(a)).join('');
    const interactive = (short.includes('i') && short.includes('t')) || (before.includes('--stdin') && before.includes('--tty'));
    if (interactive) {
      problems.push(`kubectl ${verb} -it: interactive sessions hang when pasted into a script; run the command directly (kubectl ${verb} deploy/curl -- …)`);
    }
  }
  return problems;
}

export interface VersionOptions {
  /** Allowed minor besides the pinned one (a block marked upgrade-from="1.30.x"). */
  readonly upgradeFrom?: string;
}

function allowedMinor(minor: string, options: VersionOptions): boolean {
  if (minor === ISTIO_MINOR) return true;
  return options.upgradeFrom !== undefined && options.upgradeFrom.startsWith(`${minor}.`);
}

/** Other Istio versions in a command line (rule 5). */
export function versionProblems(text: string, options: VersionOptions = {}): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/ISTIO_VERSION=["']?([\w.${}-]+)/g)) {
    const v = m[1]!;
    if (v.startsWith('$')) continue;
    const minor = v.split('.').slice(0, 2).join('.');
    if (v !== ISTIO_VERSION && !(allowedMinor(minor, options) && minor !== ISTIO_MINOR)) {
      problems.push(`ISTIO_VERSION=${v}: the course pins Istio ${ISTIO_VERSION}`);
    }
  }
  for (const m of text.matchAll(/release-(1\.\d+)/g)) {
    if (!allowedMinor(m[1]!, options)) problems.push(`release-${m[1]}: use release-${ISTIO_MINOR}`);
  }
  for (const m of text.matchAll(/(?:--revision[= ]|revision=|-r\s+)(1-(\d+)(?:-\d+)?)\b/g)) {
    if (!allowedMinor(`1.${m[2]}`, options)) problems.push(`revision ${m[1]}: name revisions after the pinned release (${ISTIO_VERSION.replace(/\./g, '-')})`);
  }
  for (const m of text.matchAll(/istio-(1\.\d+\.\d+)\b/g)) {
    const minor = m[1]!.split('.').slice(0, 2).join('.');
    if (m[1] !== ISTIO_VERSION && !(allowedMinor(minor, options) && minor !== ISTIO_MINOR)) {
      problems.push(`istio-${m[1]}: the course pins Istio ${ISTIO_VERSION}`);
    }
  }
  if (/\bhelm\b/.test(text) && /\bistio\/(base|istiod|gateway|cni|ztunnel)\b|istio-release|ghcr\.io\/istio/.test(text)) {
    for (const m of text.matchAll(/--version[= ]["']?([\w.${}-]+)/g)) {
      const v = m[1]!;
      if (v.startsWith('$')) continue;
      const minor = v.replace(/^v/, '').split('.').slice(0, 2).join('.');
      if (v.replace(/^v/, '') !== ISTIO_VERSION && !(allowedMinor(minor, options) && minor !== ISTIO_MINOR)) {
        problems.push(`helm --version ${v}: Istio charts must be installed at ${ISTIO_VERSION}`);
      }
    }
  }
  if (/istio\.io\/downloadIstio/.test(text) && !/ISTIO_VERSION=/.test(text)) {
    problems.push(`downloadIstio without ISTIO_VERSION=${ISTIO_VERSION} installs whatever is newest; pin it`);
  }
  return problems;
}

export interface CommandCheckOptions extends VersionOptions {
  /** Text is a lab command (one command string) rather than a Markdown block. */
  readonly lab?: boolean;
}

export interface ShellResult {
  readonly problems: LocalProblem[];
  readonly commands: number;
  readonly istioctl: number;
}

const isTool = (word: string, tool: string): boolean => word === tool || word.endsWith(`/${tool}`);

/** All the per-command rules for a shell block or lab command (not bash -n; see bash.ts). */
export function checkShell(text: string, options: CommandCheckOptions = {}): ShellResult {
  const problems: LocalProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((l, idx) => {
    if (/^\s*\$ /.test(l) || /^\s*\$$/.test(l)) {
      problems.push({line: idx + 1, message: 'shell prompt "$ " in a command block: write only what the learner types (output goes in a text block)'});
    }
    for (const message of versionProblems(l, options)) problems.push({line: idx + 1, message});
  });
  const plain = replacePlaceholders(text.replace(/^(\s*)\$ /gm, '$1'));
  let commands = 0;
  let istioctl = 0;
  for (const cmd of splitCommands(plain)) {
    let words = cmd.words;
    while (words.length > 0 && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!) || ['sudo', 'time', 'exec', 'command', 'env', 'watch', 'xargs', 'nohup'].includes(words[0]!))) {
      words = words.slice(1);
    }
    if (words.length === 0) continue;
    commands++;
    const tool = words[0]!;
    let messages: string[] = [];
    if (isTool(tool, 'istioctl')) {
      istioctl++;
      messages = checkIstioctlArgs(words.slice(1));
    } else if (isTool(tool, 'kubectl')) {
      messages = checkKubectl(words.slice(1));
    }
    for (const message of messages) problems.push({line: cmd.line, message});
  }
  return {problems, commands, istioctl};
}

/** One command string (as a lab engine would hold it) → messages. */
export function checkCommand(command: string, options: CommandCheckOptions = {lab: true}): string[] {
  return checkShell(command, options).problems.map((p) => p.message);
}
