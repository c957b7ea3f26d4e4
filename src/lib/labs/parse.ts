/**
 * lab.yaml → validated Lab, or a LabError listing every problem as `file:line: message`.
 * Pure: the caller reads the files (src/plugins/labs/load.ts does it for the site and tests).
 */
import Ajv, {type ErrorObject} from 'ajv';
import {isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml';
import {ISTIO_MINOR, ISTIO_VERSION} from '../../data/course';
import schema from './lab.schema.json';
import {LabError, type Lab, type LabCommand, type LabIssue} from './model';
import {placeholderProblems} from './placeholders';

export interface ParseOptions {
  /** Shown in messages, e.g. labs/request-routing/lab.yaml. */
  readonly file: string;
  /** The lab's folder name: the id must equal it. */
  readonly folderId?: string;
  /** Names of the files in the lab's manifests/ folder. */
  readonly manifestFiles?: readonly string[];
  /** Lab ids a prerequisite may name (the course catalogue). */
  readonly knownLabIds?: readonly string[];
}

const ajv = new Ajv({allErrors: true, strict: true});
const validateSchema = ajv.compile<Lab>(schema);

type PathItem = string | number;

/** Turns a parsed lab.yaml into a Lab; throws LabError with every located problem. */
export function parseLab(text: string, options: ParseOptions): Lab {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  const issues: LabIssue[] = [];
  const at = (offset: number | undefined): number => (offset === undefined ? 0 : lineCounter.linePos(offset).line);

  for (const error of [...doc.errors, ...doc.warnings]) {
    issues.push({file: options.file, line: at(error.pos[0]), message: `YAML: ${error.message.split('\n')[0]}`});
  }
  if (issues.length > 0) throw new LabError(issues);

  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new LabError([{file: options.file, line: 1, message: 'a lab.yaml must be a mapping (id:, title:, steps: …)'}]);
  }

  const lineOf = (path: readonly PathItem[], key?: string): number => at(offsetOf(doc, path, key));

  if (!validateSchema(data)) {
    for (const error of relevantErrors(validateSchema.errors ?? [])) {
      const path = pointerToPath(error.instancePath);
      const key =
        error.keyword === 'additionalProperties'
          ? String((error.params as {additionalProperty: string}).additionalProperty)
          : undefined;
      issues.push({file: options.file, line: lineOf(path, key), message: describeSchemaError(error, path)});
    }
    throw new LabError(issues);
  }

  const lab = data;
  const problem = (path: readonly PathItem[], message: string): void => {
    issues.push({file: options.file, line: lineOf(path), message});
  };

  if (options.folderId !== undefined && lab.id !== options.folderId) {
    problem(['id'], `id "${lab.id}" must equal the folder name "${options.folderId}"`);
  }

  const variables = new Set<string>();
  (lab.variables ?? []).forEach((variable, index) => {
    if (variables.has(variable.name)) problem(['variables', index, 'name'], `variable ${variable.name} is declared twice`);
    variables.add(variable.name);
  });
  const manifests = new Set(options.manifestFiles ?? []);

  (lab.prerequisites ?? []).forEach((prerequisite, index) => {
    if (!('lab' in prerequisite)) return;
    if (prerequisite.lab === lab.id) problem(['prerequisites', index, 'lab'], 'a lab cannot be its own prerequisite');
    else if (options.knownLabIds && !options.knownLabIds.includes(prerequisite.lab)) {
      problem(['prerequisites', index, 'lab'], `no lab "${prerequisite.lab}" in the course catalogue (src/data/labCatalog.ts)`);
    }
  });

  const checkCommand = (command: string, path: readonly PathItem[]): void => {
    for (const message of [...placeholderProblems(command, variables, manifests), ...commandProblems(command)]) {
      problem(path, message);
    }
  };
  const checkCommands = (commands: readonly LabCommand[], path: readonly PathItem[]): void => {
    commands.forEach((command, index) => {
      checkCommand(command.run, [...path, index, 'run']);
      if (command.mode && !lab.modes.includes(command.mode)) {
        problem([...path, index, 'mode'], `mode "${command.mode}" is not one of the lab's modes (${lab.modes.join(', ')})`);
      }
    });
  };

  const stepIds = new Set<string>();
  lab.steps.forEach((step, index) => {
    const path = ['steps', index];
    if (stepIds.has(step.id)) problem([...path, 'id'], `step id "${step.id}" is used twice`);
    stepIds.add(step.id);
    if (step.mode && !lab.modes.includes(step.mode)) {
      problem([...path, 'mode'], `mode "${step.mode}" is not one of the lab's modes (${lab.modes.join(', ')})`);
    }
    checkCommands(step.commands, [...path, 'commands']);
    if (step.check !== undefined) checkCommand(step.check, [...path, 'check']);
    (step.manifests ?? []).forEach((file, fileIndex) => {
      if (!manifests.has(file)) problem([...path, 'manifests', fileIndex], `no file manifests/${file} in this lab`);
    });
  });
  checkCommands(lab.cleanup, ['cleanup']);

  if (issues.length > 0) throw new LabError(issues);
  return lab;
}

/** Rules for what a learner types (labs/README.md, "Rules the checks enforce"). */
export function commandProblems(command: string): string[] {
  const problems: string[] = [];
  if (/^\s*\$ /m.test(command)) problems.push('a command must not start with a "$ " prompt: write only what the learner types');
  if (/\bkubectl\s+exec\b[^\n]*\s-(it|ti)\b/.test(command) || /\bkubectl\s+exec\b[^\n]*\s-i\s+-t\b/.test(command)) {
    problems.push('no "kubectl exec -it" (it needs a terminal): use "kubectl exec deploy/NAME -- COMMAND"');
  }
  for (const match of command.matchAll(/ISTIO_VERSION=(\d+\.\d+\.\d+)/g)) {
    if (match[1] !== ISTIO_VERSION) problems.push(`ISTIO_VERSION=${match[1]}: the course pins Istio ${ISTIO_VERSION}`);
  }
  for (const match of command.matchAll(/\bistio-(\d+\.\d+\.\d+)\//g)) {
    if (match[1] !== ISTIO_VERSION) problems.push(`istio-${match[1]}/: the course pins Istio ${ISTIO_VERSION}`);
  }
  for (const match of command.matchAll(/raw\.githubusercontent\.com\/istio\/istio\/([^/\s'"]+)\//g)) {
    if (match[1] !== `release-${ISTIO_MINOR}`) {
      problems.push(`sample URL on "${match[1]}": use the pinned branch release-${ISTIO_MINOR}`);
    }
  }
  return problems;
}

function pointerToPath(pointer: string): PathItem[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where a value (or, with `key`, a key inside a mapping) starts in the source. */
function offsetOf(doc: Document, path: readonly PathItem[], key?: string): number | undefined {
  let node: unknown = doc.contents;
  let last: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === part);
      if (!pair) break;
      last = (pair.key as Node).range?.[0] ?? last;
      node = pair.value;
      if ((node as Node | null)?.range) last = (node as Node).range?.[0];
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if ((node as Node | null)?.range) last = (node as Node).range?.[0];
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair) return (pair.key as Node).range?.[0] ?? last;
  }
  return last;
}

/** Drops the noise ajv reports under a failed oneOf (each branch's own complaints). */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = errors.filter((error) => error.keyword === 'oneOf').map((error) => error.instancePath);
  return errors.filter(
    (error) => error.keyword === 'oneOf' || !oneOfPaths.some((path) => error.instancePath === path || error.instancePath.startsWith(`${path}/`)),
  );
}

function describePath(path: readonly PathItem[]): string {
  if (path.length === 0) return 'the lab';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'text',
  integer: 'an integer (a whole number)',
  number: 'a number',
  boolean: 'true or false',
};

const PATTERN_HINTS: Record<string, string> = {
  '#/definitions/slug/pattern': 'must be lowercase words joined by dashes (e.g. request-routing)',
  '#/properties/variables/items/properties/name/pattern': 'must be UPPER_SNAKE_CASE (e.g. NAMESPACE)',
  '#/properties/steps/items/properties/manifests/items/pattern': 'must be a file name ending in .yaml (e.g. gateway.yaml)',
  '#/properties/prerequisites/items/oneOf/1/properties/doc/pattern': 'must be a course path like /docs/traffic/',
};

function describeSchemaError(error: ErrorObject, path: readonly PathItem[]): string {
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where} has an unknown field "${String(params.additionalProperty)}"`;
    case 'enum':
      return `${where} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `${where} must be ${TYPE_NAMES[String(params.type)] ?? `of type ${String(params.type)}`}`;
    case 'pattern':
      return `${where} ${PATTERN_HINTS[error.schemaPath] ?? `must match ${String(params.pattern)}`}`;
    case 'minItems':
      return `${where} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'uniqueItems':
      return `${where} lists the same item twice`;
    case 'minimum':
    case 'maximum':
      return `${where} ${error.message ?? 'is out of range'}`;
    case 'oneOf':
      return `${where} must be either {lab: <lab id>} or {doc: /docs/…/, label: <text>}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
