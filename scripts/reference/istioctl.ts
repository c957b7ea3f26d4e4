/** istioctl.json: the command tree of istioctl read from the cobra sources (see cobra.ts). */
import {commandTree, type CommandInfo} from './cobra';
import type {GitTree} from './git';
import {GoPackages} from './golang';

/** Source folders the istioctl root command is built from (its own and those it imports commands or flags from). */
export const ISTIOCTL_SOURCES = ['istioctl', 'operator/cmd', 'tools/bug-report', 'pkg/collateral', 'pkg/log', 'pkg/cmd', 'pkg/version'];

export function istioctlTree(tree: GitTree): CommandInfo {
  const paths = ISTIOCTL_SOURCES.flatMap((d) => tree.filesUnder(d)).filter((p) => p.endsWith('.go') && !p.endsWith('_test.go'));
  const go = new GoPackages();
  for (const [path, text] of tree.readMany(paths)) go.add(path, text);
  return commandTree(go);
}

export function countTree(root: CommandInfo): {commands: number; flags: number; aliases: number} {
  let commands = 0;
  let flags = 0;
  let aliases = 0;
  const visit = (c: CommandInfo): void => {
    commands++;
    flags += c.flags?.length ?? 0;
    aliases += c.aliases?.length ?? 0;
    c.commands?.forEach(visit);
  };
  visit(root);
  return {commands, flags, aliases};
}
