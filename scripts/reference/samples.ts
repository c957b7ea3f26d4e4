/** Files a raw.githubusercontent.com URL of the release may name: samples/** and the JWT test keys. */
import type {GitTree} from './git';

export function samplePaths(tree: GitTree): string[] {
  return [...tree.filesUnder('samples'), ...tree.filesUnder('security/tools/jwt/samples')].sort();
}
