/**
 * The one rulebook for what a learner types, applied to Markdown shell blocks by the content
 * checker and to every lab command by the lab reader (src/lib/labs/parse.ts): no `$ ` prompts,
 * real kubectl verbs and no removed kubectl flags, no interactive `kubectl exec -it`, istioctl
 * commands and flags of the pinned release, no other Istio version, and (for lab commands) pinned
 * sample URLs. Commands come from a real bash parser (./shellSyntax.ts).
 */
import {GATEWAY_API_VERSION, ISTIO_MINOR, ISTIO_VERSION, UPGRADE_FROM_VERSION} from '../../data/course';
import type {LocalProblem} from '../problem';
import {checkIstioctlArgs} from './istioctl';
import {parseShell} from './shellSyntax';
import {checkUrls} from './urls';

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
  /**
   * A command of the in-place upgrade lab (see previousReleaseScope): `use` lets it run the
   * UPGRADE_FROM_VERSION istioctl by its folder path; `download` (that lab's download step) also
   * lets it download that release with `ISTIO_VERSION=`.
   */
  readonly previousRelease?: PreviousReleaseScope;
}

export type PreviousReleaseScope = 'download' | 'use';

/** The one lab that installs the release before the pinned one, and its step that downloads it. */
export const PREVIOUS_RELEASE_LAB = {id: 'in-place-upgrade', downloadStep: 'previous-istioctl'} as const;

/** What a lab command may do with UPGRADE_FROM_VERSION: nothing outside PREVIOUS_RELEASE_LAB. */
export function previousReleaseScope(labId: string, stepId: string | undefined): PreviousReleaseScope | undefined {
  if (labId !== PREVIOUS_RELEASE_LAB.id) return undefined;
  return stepId === PREVIOUS_RELEASE_LAB.downloadStep ? 'download' : 'use';
}

/** `istio-1.30.3/bin/istioctl` (also `./…` or `$PWD/…`): the previous release's istioctl, by path. */
const PREVIOUS_ISTIOCTL = new RegExp(`^(?:\\./|\\$PWD/|\\$\\{PWD\\}/)?istio-${UPGRADE_FROM_VERSION.replace(/\./g, '\\.')}/bin/istioctl$`);

export const isPreviousIstioctl = (word: string, options: VersionOptions): boolean =>
  options.previousRelease !== undefined && PREVIOUS_ISTIOCTL.test(word);

const previousAllowed = (version: string, options: VersionOptions, scope: PreviousReleaseScope): boolean =>
  version === UPGRADE_FROM_VERSION && (options.previousRelease === 'download' || options.previousRelease === scope);

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
    if (v !== ISTIO_VERSION && !(allowedMinor(minor, options) && minor !== ISTIO_MINOR) && !previousAllowed(v, options, 'download')) {
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
    if (m[1] !== ISTIO_VERSION && !(allowedMinor(minor, options) && minor !== ISTIO_MINOR) && !previousAllowed(m[1]!, options, 'use')) {
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
  for (const m of text.matchAll(/kubernetes-sigs\/gateway-api\/(?:releases\/download\/|\S*\?ref=)(v\d+\.\d+\.\d+)/g)) {
    if (m[1] !== GATEWAY_API_VERSION) problems.push(`Gateway API ${m[1]}: Istio ${ISTIO_MINOR} is built against Gateway API ${GATEWAY_API_VERSION} (GATEWAY_API_VERSION in src/data/course.ts)`);
  }
  if (/istio\.io\/downloadIstio/.test(text) && !/ISTIO_VERSION=/.test(text)) {
    problems.push(`downloadIstio without ISTIO_VERSION=${ISTIO_VERSION} installs whatever is newest; pin it`);
  }
  return problems;
}

export interface CommandCheckOptions extends VersionOptions {
  /** Report text bash cannot parse (the lab reader does; the content checker runs `bash -n`). */
  readonly syntax?: boolean;
  /** Check URLs too (a lab command; a Markdown page's URLs are checked with the whole page). */
  readonly urls?: boolean;
}

export interface ShellResult {
  readonly problems: LocalProblem[];
  readonly commands: number;
  readonly istioctl: number;
  readonly urls: number;
}

const isTool = (word: string, tool: string): boolean => word === tool || word.endsWith(`/${tool}`);

/** Words that run the command after them (`sudo kubectl …`), and assignments before a command. */
const WRAPPERS = new Set(['sudo', 'time', 'exec', 'command', 'env', 'watch', 'xargs', 'nohup']);

function commandWords(words: readonly string[]): readonly string[] {
  let start = 0;
  while (start < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]!) || WRAPPERS.has(words[start]!))) start++;
  return words.slice(start);
}

export const PROMPT_MESSAGE = 'a "$ " prompt: write only what the learner types (output goes in a text block)';
/** A line that starts with a prompt; replace with '$1' to drop the prompt. */
export const PROMPT_LINE = /^(\s*)\$( |$)/gm;

/** All the per-command rules for a shell block or lab command (bash -n is separate; see bash.ts). */
export function checkShell(text: string, options: CommandCheckOptions = {}): ShellResult {
  const problems: LocalProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (/^\s*\$( |$)/.test(line)) problems.push({line: index + 1, message: PROMPT_MESSAGE});
    for (const message of versionProblems(line, options)) problems.push({line: index + 1, message});
  });
  const urls = options.urls ? checkUrls(text) : {problems: [], urls: 0};
  problems.push(...urls.problems);
  const parsed = parseShell(text.replace(PROMPT_LINE, '$1'));
  if (parsed.syntaxError && options.syntax) {
    problems.push({line: parsed.syntaxError.line, message: `not valid bash: ${parsed.syntaxError.message}`});
  }
  let commands = 0;
  let istioctl = 0;
  for (const command of parsed.commands) {
    const words = commandWords(command.words);
    const tool = words[0];
    if (tool === undefined) continue;
    commands++;
    // the previous release's own istioctl, run by its path: its flags are that release's, not the pinned one's
    if (isPreviousIstioctl(tool, options)) continue;
    let messages: string[] = [];
    if (isTool(tool, 'istioctl')) {
      istioctl++;
      messages = checkIstioctlArgs(words.slice(1));
    } else if (isTool(tool, 'kubectl')) {
      messages = checkKubectl(words.slice(1));
    }
    for (const message of messages) problems.push({line: command.line, message});
  }
  return {problems, commands, istioctl, urls: urls.urls};
}

/** One command as a lab holds it → messages (syntax and URLs included). */
export function checkCommand(command: string, options: CommandCheckOptions = {syntax: true, urls: true}): string[] {
  return checkShell(command, options).problems.map((problem) => problem.message);
}
