/**
 * YAML text → plain data that remembers where every key and value was written. Built on the
 * `yaml` package (it keeps source ranges; js-yaml does not). Never throws: syntax problems come
 * back as located messages in plain words, one per line.
 */
import {isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, Scalar, type Document, type Node, type YAMLError} from 'yaml';
import type {LocalProblem} from '../problem';
import type {YamlPath} from './path';

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One YAML document that parsed cleanly, with its data and a way back to the source. */
export interface YamlDocument {
  /** The document as plain data (objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
  /** Where the document's content starts. */
  readonly start: Position;
  /**
   * Where the field at `path` is written: the key of a mapping entry, the start of a list item.
   * When the path does not exist, the nearest part of it that does.
   */
  locate(path: YamlPath): Position;
  /** `locate(path).line`. */
  lineOf(path: YamlPath): number;
  /** Where the value at `path` starts (for `key: value`, the value; else as `locate`). */
  valueAt(path: YamlPath): Position;
  /** The line of a string value's first character: the line after `|` or `>` for a block scalar. */
  textLine(path: YamlPath): number;
}

export interface ParsedYaml {
  /** The documents that parsed cleanly and hold something (not empty, not only `null`), in order. */
  readonly documents: readonly YamlDocument[];
  /** YAML syntax problems (lines within the text). */
  readonly problems: readonly LocalProblem[];
}

export interface YamlOptions {
  /** Repeated keys in one mapping are a problem (default true, as Kubernetes rejects them). */
  readonly uniqueKeys?: boolean;
}

/** Parses every document of a multi-document stream (`---` separated). */
export function parseYaml(text: string, options: YamlOptions = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {lineCounter, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true});
  // An empty stream parses to an EmptyStream (not an array): nothing to check.
  const docs = Array.isArray(parsed) ? parsed : [];
  return collect(docs, text, lineCounter);
}

/** Parses text that must hold one document (a lab.yaml): a second document is a problem. */
export function parseYamlDocument(text: string, options: YamlOptions = {}): {document?: YamlDocument; problems: readonly LocalProblem[]} {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true});
  const {documents, problems} = collect([doc], text, lineCounter);
  return {document: documents[0], problems};
}

function collect(docs: readonly Document.Parsed[], text: string, lineCounter: LineCounter): ParsedYaml {
  const documents: YamlDocument[] = [];
  const problems: LocalProblem[] = [];
  for (const doc of docs) {
    const errors = [...doc.errors, ...doc.warnings];
    problems.push(...yamlProblems(errors, text, lineCounter));
    if (errors.length > 0) continue;
    const document = locatedDocument(doc, lineCounter);
    if (document.data !== null && document.data !== undefined) documents.push(document);
  }
  return {documents, problems: dedupe(problems)};
}

/** Plain words for the syntax mistakes people make most; other messages are the parser's own. */
function plainWords(error: YAMLError, text: string): string {
  const own = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent: YAML indents with spaces only';
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim();
      return `${key ? `the key "${key}"` : 'a key'} appears twice in one mapping (map keys must be unique)`;
    }
    case 'MULTIPLE_DOCS':
      return 'this file holds one document: remove the extra `---`';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${own} (a missing ":" or a line indented too far?)`;
    default:
      return own;
  }
}

/** YAML errors → located problems, `YAML: ` first so a reader knows it is syntax. */
function yamlProblems(errors: readonly YAMLError[], text: string, lineCounter: LineCounter): LocalProblem[] {
  return errors.map((error) => {
    const {line, col} = lineCounter.linePos(error.pos[0]);
    return {line, column: col, message: `YAML: ${plainWords(error, text)}`};
  });
}

/** One problem per line: the parser often reports one mistake several times over. */
function dedupe(problems: readonly LocalProblem[]): LocalProblem[] {
  const seen = new Set<number>();
  return problems.filter((problem) => !seen.has(problem.line) && seen.add(problem.line));
}

interface Found {
  /** Offset of the nearest existing part of the path (key of a map entry, start of an item). */
  readonly at: number;
  /** The node at the full path, when it exists. */
  readonly node?: unknown;
}

function find(doc: Document.Parsed, path: YamlPath): Found {
  let node: unknown = doc.contents;
  let at = (node as Node | null)?.range?.[0] ?? 0;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) return {at};
      at = (pair.key as Node).range?.[0] ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
      node = node.items[part];
      at = (node as Node | null)?.range?.[0] ?? at;
    } else {
      return {at};
    }
  }
  return {at, node};
}

function locatedDocument(doc: Document.Parsed, lineCounter: LineCounter): YamlDocument {
  const position = (offset: number): Position => {
    const {line, col} = lineCounter.linePos(offset);
    return {line, column: col};
  };
  const locate = (path: YamlPath): Position => position(find(doc, path).at);
  const valueAt = (path: YamlPath): Position => {
    const found = find(doc, path);
    return position((found.node as Node | null | undefined)?.range?.[0] ?? found.at);
  };
  return {
    data: doc.toJS(),
    start: position((doc.contents as Node | null)?.range?.[0] ?? doc.range[0]),
    locate,
    lineOf: (path) => locate(path).line,
    valueAt,
    textLine: (path) => {
      const {node} = find(doc, path);
      const line = valueAt(path).line;
      return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) ? line + 1 : line;
    },
  };
}
