/**
 * The course's content checker (pure TypeScript). The CLI is scripts/check-content.ts
 * (`npm run check:content`); the lab engine can call validateManifest and checkCommand directly.
 */
export {validateManifest, fragmentSchema, type ManifestOptions, type ManifestResult} from './manifest';
export {checkCommand, checkShell, splitCommands, replacePlaceholders, versionProblems, type CommandCheckOptions, type ShellResult} from './shell';
export {checkIstioctlArgs} from './istioctl';
export {checkUrls, type UrlResult} from './urls';
export {extractCodeBlocks, parseMeta, frontMatter, type CodeBlock} from './markdown';
export {checkMarkdownFile, checkLabFile, checkManifestFile, labCommands, type FileResult} from './content';
export {parseBashErrors, BASH_N_DRIVER, type BashSnippet, type BashError} from './bash';
export {kindInfo, kindsNamed, groupOf, type KindInfo} from './kinds';
export {emptyCounts, mergeCounts, formatProblem, type Counts, type Problem, type LocalProblem} from './types';
