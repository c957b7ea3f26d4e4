/** Checks one istioctl invocation (its words after `istioctl`) against the 1.31 command tree. */
import {GLOBAL_FLAGS, ISTIOCTL, REMOVED_ISTIOCTL, type IstioctlCommand} from '../../data/istio-reference/istioctl';

/** Flags that never take a value, so the word after them is a subcommand or argument. */
const BOOLEAN_FLAGS = new Set([
  '-y', '--skip-confirmation', '--force', '--dry-run', '--verify', '--purge', '-A', '--all-namespaces', '-L',
  '--list-analyzers', '-R', '--recursive', '--remote', '-s', '--short', '--overwrite', '--wait', '--reset', '--raw',
  '--all', '-a', '--ignoreUnmeshed', '--cluster-specific', '--full-secrets', '--insecure', '--plaintext', '--verbose',
  '-v', '--create-service-account', '--enroll-namespace', '--ignore-unknown', '--help', '-h', '-x', '--referential',
  '--use-kube', '--browser', '--color', '--waypoint', '--skip-controlplane', '--autoregister', '--capture-dns',
  '--multicluster',
]);

function resolveChild(node: IstioctlCommand, word: string): [string, IstioctlCommand] | undefined {
  for (const [name, child] of Object.entries(node.subcommands ?? {})) {
    if (name === word || child.aliases?.includes(word)) return [name, child];
  }
  return undefined;
}

/** Messages for one istioctl call; args are the shell words after `istioctl`. */
export function checkIstioctlArgs(args: readonly string[]): string[] {
  const problems: string[] = [];
  let node: IstioctlCommand = ISTIOCTL;
  const path: string[] = [];
  const flags: string[] = [];
  let positional = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') break;
    if (word.startsWith('-') && word.length > 1) {
      const name = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
      if (/^-[A-Za-z]{2,}$/.test(name)) {
        // combined short flags like -it are not used by istioctl; check each.
        for (const c of name.slice(1)) flags.push(`-${c}`);
      } else flags.push(name);
      const next = args[i + 1];
      if (!word.includes('=') && !BOOLEAN_FLAGS.has(name) && next !== undefined && !next.startsWith('-')) i++;
      continue;
    }
    if (positional) continue;
    const child = resolveChild(node, word);
    if (child) {
      path.push(child[0]);
      node = child[1];
      continue;
    }
    const tried = [...path, word].join(' ');
    const removed = REMOVED_ISTIOCTL[tried] ?? (path.length === 0 ? REMOVED_ISTIOCTL[word] : undefined);
    if (removed) return [`istioctl ${tried}: not in Istio 1.31: ${removed}`];
    if (node.subcommands && !node.runnable) {
      const known = Object.keys(node.subcommands).join(', ');
      return [`istioctl ${tried}: unknown command${path.length ? ` for "istioctl ${path.join(' ')}"` : ''} on Istio 1.31 (known: ${known})`];
    }
    positional = true;
  }
  if (path.length === 0) {
    if (args.length === 0 || flags.every((f) => f === '--help' || f === '-h' || f === '--version')) return problems;
    return ['istioctl: no command given'];
  }
  if (node.subcommands && !node.runnable) {
    problems.push(`istioctl ${path.join(' ')}: needs a subcommand (${Object.keys(node.subcommands).join(', ')})`);
  }
  const allowed = new Set([...GLOBAL_FLAGS, ...(node.flags ?? [])]);
  for (const flag of flags) {
    if (!allowed.has(flag)) {
      problems.push(`istioctl ${path.join(' ')}: unknown flag ${flag} on Istio 1.31 (src/data/istio-reference/istioctl.ts)`);
    }
  }
  return problems;
}
