/**
 * Checks one istioctl invocation (its words after `istioctl`) against the command tree generated
 * from the release's cobra sources (src/data/istio-reference/istioctl.json, `npm run
 * reference:update`). Parsing follows cobra/pflag: subcommands are found between flags, a flag
 * consumes the next word only when it takes a value, persistent flags are inherited, short
 * flags may be combined (`-yv`) or carry their value (`-ojson`).
 */
import {ISTIO_MINOR} from '../../data/course';
import {ISTIOCTL_TREE, type IstioctlCommand, type IstioctlFlag} from '../../data/istio-reference/reference';

const DATA = 'src/data/istio-reference/istioctl.json';

/**
 * Commands that existed in older releases and are absent from the tree, with what to use instead
 * (history the source tree cannot tell; tests/unit/reference-istioctl.test.ts checks that none of
 * these names exists in the generated tree).
 */
export const REMOVED_ISTIOCTL: Readonly<Record<string, string>> = {
  profile: '`istioctl profile` (list/dump/diff) was removed; profiles are documented at https://istio.io/latest/docs/setup/additional-setup/config-profiles/ and selected with `istioctl install --set profile=NAME`',
  'verify-install': '`istioctl verify-install` was removed; check the install with `istioctl version`, `kubectl get pods -n istio-system` and `istioctl analyze`',
  authn: '`istioctl authn tls-check` was removed; use `istioctl x describe pod` or `istioctl proxy-config` to see mTLS settings',
  register: '`istioctl register` was removed; use WorkloadEntry / `istioctl x workload entry configure`',
  deregister: '`istioctl deregister` was removed',
  operator: '`istioctl operator` was removed with the in-cluster operator (Istio 1.24); use `istioctl install` or Helm',
  'x uninstall': '`istioctl x uninstall` moved to `istioctl uninstall`',
  'x wait': '`istioctl x wait` was removed; wait with `kubectl wait` or `kubectl rollout status`',
};

const childOf = (node: IstioctlCommand, word: string): IstioctlCommand | undefined =>
  node.commands?.find((c) => c.name === word || c.aliases?.includes(word));

/** Paths (e.g. `experimental describe`) of commands named `name` anywhere in the tree. */
function elsewhere(name: string): string[] {
  const found: string[] = [];
  const visit = (node: IstioctlCommand, path: string[]): void => {
    for (const c of node.commands ?? []) {
      const here = [...path, c.name];
      if ((c.name === name || c.aliases?.includes(name)) && !c.errorOnly && path.length > 0) found.push(here.join(' ').replace(/^experimental /, 'x '));
      visit(c, here);
    }
  };
  visit(ISTIOCTL_TREE, []);
  return found;
}

/** Flags usable at a node: its own plus the persistent flags of its ancestors. */
class FlagScope {
  private readonly inherited: IstioctlFlag[] = [];
  private own: readonly IstioctlFlag[] = [];

  enter(node: IstioctlCommand): void {
    this.inherited.push(...this.own.filter((f) => f.persistent));
    this.own = node.flags ?? [];
  }

  find(name: string, short: boolean): IstioctlFlag | undefined {
    const match = (f: IstioctlFlag): boolean => (short ? f.short === name : f.name === name);
    return this.own.find(match) ?? this.inherited.find(match);
  }
}

interface Parsed {
  path: string[];
  node: IstioctlCommand;
  problems: string[];
}

/** Walks the words: finds the command path and checks every flag against the final command. */
function parse(args: readonly string[]): Parsed | string {
  let node = ISTIOCTL_TREE;
  const path: string[] = [];
  const scope = new FlagScope();
  scope.enter(node);
  const flags: {name: string; short: boolean; hasValue: boolean}[] = [];
  let positional = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') break;
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq === -1 ? undefined : eq);
      const flag = scope.find(name, false);
      const hasValue = eq !== -1 || (flag?.value === true && i + 1 < args.length);
      if (flag?.value && eq === -1) i++;
      flags.push({name, short: false, hasValue});
      continue;
    }
    if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      const letters = word.slice(1);
      for (let j = 0; j < letters.length; j++) {
        const c = letters[j]!;
        const flag = scope.find(c, true);
        if (flag?.value) {
          const rest = letters.slice(j + 1).replace(/^=/, '');
          const hasValue = rest !== '' || i + 1 < args.length;
          if (rest === '') i++;
          flags.push({name: c, short: true, hasValue});
          break;
        }
        flags.push({name: c, short: true, hasValue: true});
        if (letters[j + 1] === '=') break;
      }
      continue;
    }
    if (positional) continue;
    const child = childOf(node, word);
    if (child) {
      path.push(child.name);
      node = child;
      scope.enter(node);
      continue;
    }
    const tried = [...path, word].join(' ');
    const removed = REMOVED_ISTIOCTL[tried.replace(/^experimental /, 'x ')] ?? (path.length === 0 ? REMOVED_ISTIOCTL[word] : undefined);
    if (removed) return `istioctl ${tried}: not in Istio ${ISTIO_MINOR}: ${removed}`;
    if (node.commands && !node.runnable) {
      const other = elsewhere(word);
      const hint = other.length > 0 ? `; did you mean \`istioctl ${other[0]}\`?` : ` (known: ${node.commands.map((c) => c.name).join(', ')})`;
      return `istioctl ${tried}: unknown command${path.length ? ` for "istioctl ${path.join(' ')}"` : ''} on Istio ${ISTIO_MINOR}${hint}`;
    }
    positional = true;
  }
  const problems: string[] = [];
  for (const f of flags) {
    const shown = f.short ? `-${f.name}` : `--${f.name}`;
    const flag = scope.find(f.name, f.short);
    if (!flag) problems.push(`istioctl ${path.join(' ') || '(root)'}: unknown flag ${shown} on Istio ${ISTIO_MINOR} (${DATA})`);
    else if (flag.value && !f.hasValue) problems.push(`istioctl ${path.join(' ')}: flag ${shown} needs a value`);
  }
  return {path, node, problems};
}

/** Messages for one istioctl call; args are the shell words after `istioctl`. */
export function checkIstioctlArgs(args: readonly string[]): string[] {
  const parsed = parse(args);
  if (typeof parsed === 'string') return [parsed];
  const {path, node, problems} = parsed;
  if (path.length === 0) {
    const onlyHelp = args.every((a) => ['--help', '-h'].includes(a));
    return args.length === 0 || onlyHelp ? problems : ['istioctl: no command given', ...problems];
  }
  if (node.errorOnly) {
    const other = elsewhere(node.name);
    return [`istioctl ${path.join(' ')}: only prints an error on Istio ${ISTIO_MINOR}${other.length ? `; use \`istioctl ${other[0]}\`` : ''}`];
  }
  if (node.commands && !node.runnable) {
    problems.unshift(`istioctl ${path.join(' ')}: needs a subcommand (${node.commands.map((c) => c.name).join(', ')})`);
  }
  return problems;
}
