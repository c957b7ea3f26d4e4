/**
 * Remark plugin: for every `<Lab id="x" />` in an MDX page, loads and validates labs/x/lab.yaml
 * and passes the parsed lab to the component as a `data` prop. Only that page's bundle carries
 * the lab, so global data stays small. An unknown id or a bad lab fails the build with the MDX
 * file:line and the lab's own file:line messages.
 */
import {statSync} from 'node:fs';
import path from 'node:path';
import {LabError, type LabPageData} from '../../lib/labs/model';
import {LABS_DIR, labPageData, loadLab} from './load';

export interface RemarkLabsOptions {
  readonly siteDir: string;
}

/** The few mdast/MDX node fields this plugin touches. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: {start: {line: number}};
}
interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
export interface VFileLike {
  path?: string;
  history?: string[];
}

/** An estree expression for a JSON value (what MDX needs for `prop={…}`). */
type Estree = Record<string, unknown>;
export function jsonToEstree(value: unknown): Estree {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return {type: 'Literal', value};
  if (typeof value === 'number') {
    return value < 0
      ? {type: 'UnaryExpression', operator: '-', prefix: true, argument: {type: 'Literal', value: -value}}
      : {type: 'Literal', value};
  }
  if (Array.isArray(value)) return {type: 'ArrayExpression', elements: value.map(jsonToEstree)};
  if (typeof value === 'object') {
    return {
      type: 'ObjectExpression',
      properties: Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => ({
          type: 'Property',
          kind: 'init',
          method: false,
          shorthand: false,
          computed: false,
          key: {type: 'Literal', value: key},
          value: jsonToEstree(item),
        })),
    };
  }
  throw new Error(`cannot pass ${typeof value} to an MDX prop`);
}

function walk(node: MdxNode, visit: (node: MdxNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

const cache = new Map<string, {stamp: string; data: LabPageData}>();

function stampOf(siteDir: string, id: string): string {
  const dir = path.join(siteDir, LABS_DIR, id);
  try {
    return String(statSync(path.join(dir, 'lab.yaml')).mtimeMs) + String(statSync(dir).mtimeMs);
  } catch {
    return 'missing';
  }
}

function pageData(siteDir: string, id: string): LabPageData {
  const stamp = stampOf(siteDir, id);
  const hit = cache.get(id);
  if (hit && hit.stamp === stamp && stamp !== 'missing') return hit.data;
  const data = labPageData(loadLab(siteDir, id));
  cache.set(id, {stamp, data});
  return data;
}

/**
 * A remark transformer that, for every `<NAME id="x" />` in an MDX page, sets the component's
 * `data` prop to `load(x)`. `load` throws to fail the build; its message is prefixed with the
 * page's file:line. Shared by `<Lab>` (here) and `<Task>` (src/plugins/tasks/remark.ts).
 */
export function injectComponentData(siteDir: string, name: string, example: string, load: (id: string) => unknown, isOwnError: (error: unknown) => error is Error) {
  return (tree: MdxNode, file: VFileLike): void => {
    const where = (node: MdxNode): string =>
      `${path.relative(siteDir, file.path ?? file.history?.[0] ?? 'unknown.mdx')}:${node.position?.start.line ?? 0}`;
    walk(tree, (node) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== name) return;
      const attributes = node.attributes ?? [];
      const idAttribute = attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id');
      if (!idAttribute || typeof idAttribute.value !== 'string') {
        throw new Error(`${where(node)}: <${name}> needs a literal id, e.g. <${name} id="${example}" />`);
      }
      let data: unknown;
      try {
        data = load(idAttribute.value);
      } catch (error) {
        if (isOwnError(error)) throw new Error(`${where(node)}: <${name} id="${idAttribute.value}">: ${error.message}`);
        throw error;
      }
      const expression = jsonToEstree(data);
      node.attributes = [
        ...attributes.filter((attribute) => !(attribute.type === 'mdxJsxAttribute' && attribute.name === 'data')),
        {
          type: 'mdxJsxAttribute',
          name: 'data',
          value: {
            type: 'mdxJsxAttributeValueExpression',
            value: JSON.stringify(data),
            data: {estree: {type: 'Program', sourceType: 'module', comments: [], body: [{type: 'ExpressionStatement', expression}]}},
          },
        } as MdxAttribute,
      ];
    });
  };
}

export default function remarkLabs(options: RemarkLabsOptions) {
  return injectComponentData(options.siteDir, 'Lab', 'sidecar-install', (id) => pageData(options.siteDir, id), (error): error is LabError => error instanceof LabError);
}
