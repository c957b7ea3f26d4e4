/**
 * The course's content checker (pure TypeScript). scripts/check-content.ts (`npm run
 * check:content`) calls checkMarkdownFile, checkLabFile and checkManifestFile per file and runs
 * `bash -n` over the snippets they return. The lab reader (src/lib/labs/parse.ts) applies the
 * same command rulebook, checkShell, to every lab command.
 */
export {validateManifest, fragmentSchema, type ManifestOptions, type ManifestResult} from './manifest';
export {checkCommand, checkShell, versionProblems, type CommandCheckOptions, type ShellResult} from './shell';
export {parseShell, type ParsedShell, type SimpleCommand} from './shellSyntax';
export {checkIstioctlArgs} from './istioctl';
export {checkUrls, type UrlResult} from './urls';
export {extractCodeBlocks, parseMeta, frontMatter, type CodeBlock} from './markdown';
export {checkMarkdownFile, checkLabFile, checkManifestFile, checkTaskFile, type FileResult} from './content';
export {parseBashErrors, BASH_N_DRIVER, type BashSnippet, type BashError} from './bash';
export {kindInfo, kindsNamed, groupOf, type KindInfo} from './kinds';
export {emptyCounts, mergeCounts, type Counts} from './types';
