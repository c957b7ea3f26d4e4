/**
 * lab.yaml → validated Lab with every problem located as `file:line: message`. The one lab
 * reader: the site's lab plugin, the unit tests and `npm run check:content` all read labs here,
 * and every command is checked by the one command rulebook (src/lib/validate/shell.ts).
 * Pure: the caller reads the files (src/plugins/labs/load.ts does it for the site and tests).
 */
import Ajv, {type ErrorObject} from 'ajv';
import {inFile, type LocalProblem, type Problem} from '../problem';
import {checkShell, previousReleaseScope} from '../validate/shell';
import {checkUrls} from '../validate/urls';
import {parseYamlDocument, pathToString, pointerToPath, type PathItem, type YamlDocument} from '../yaml';
import schema from './lab.schema.json';
import {LabError, type Lab, type LabCommand} from './model';
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

/** Where a command of the lab is written: its text (with {{placeholders}}) and first line. */
export interface LabCommandSite {
  readonly text: string;
  readonly line: number;
}

export interface LabReading {
  /** The lab, when it has the lab's shape (it may still have problems). */
  readonly lab?: Lab;
  readonly problems: readonly Problem[];
  /** Every command (runs of all modes, checks, cleanup), for checks that need a process (bash -n). */
  readonly commands: readonly LabCommandSite[];
  /** Commands and URLs the rulebook checked, for the content checker's summary. */
  readonly counted: {readonly commands: number; readonly istioctl: number; readonly urls: number};
}

const ajv = new Ajv({allErrors: true, strict: true});
const validateSchema = ajv.compile<Lab>(schema);

/** Turns lab.yaml text into a Lab; throws LabError listing every located problem. */
export function parseLab(text: string, options: ParseOptions): Lab {
  const {lab, problems} = readLab(text, options);
  if (problems.length > 0 || !lab) throw new LabError(problems);
  return lab;
}

/** Reads lab.yaml text; never throws. */
export function readLab(text: string, options: ParseOptions): LabReading {
  const {file} = options;
  const none = {commands: [], counted: {commands: 0, istioctl: 0, urls: 0}};
  const {document, problems: syntax} = parseYamlDocument(text);
  if (syntax.length > 0) return {...none, problems: inFile(file, 1, syntax)};
  const data = document?.data;
  if (!document || data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {...none, problems: [{file, line: 1, message: 'a lab.yaml must be a mapping (id:, title:, steps: …)'}]};
  }
  if (!validateSchema(data)) return {...none, problems: schemaProblems(validateSchema.errors ?? [], document, file, 'the lab')};
  const reader = new LabReader(data, document, options);
  reader.checkLab();
  reader.checkSteps();
  return {lab: data, problems: reader.problems, commands: reader.commands, counted: reader.counted};
}

/** The checks of a lab that has the schema's shape: references between its parts, and commands. */
class LabReader {
  readonly problems: Problem[] = [];
  readonly commands: LabCommandSite[] = [];
  readonly counted = {commands: 0, istioctl: 0, urls: 0};
  private readonly variables = new Set<string>();
  private readonly manifests: ReadonlySet<string>;

  constructor(
    private readonly lab: Lab,
    private readonly doc: YamlDocument,
    private readonly options: ParseOptions,
  ) {
    this.manifests = new Set(options.manifestFiles ?? []);
  }

  private problem(path: readonly PathItem[], message: string): void {
    this.problems.push({file: this.options.file, line: this.doc.lineOf(path), message});
  }

  /** Problems found inside the text at `path` (lines within that text). */
  private problemsIn(path: readonly PathItem[], found: readonly LocalProblem[]): void {
    this.problems.push(...inFile(this.options.file, this.doc.textLine(path), found));
  }

  private modeProblem(mode: string | undefined, path: readonly PathItem[]): void {
    if (mode && !this.lab.modes.includes(mode as Lab['modes'][number])) {
      this.problem(path, `mode "${mode}" is not one of the lab's modes (${this.lab.modes.join(', ')})`);
    }
  }

  checkLab(): void {
    const {lab, options} = this;
    if (options.folderId !== undefined && lab.id !== options.folderId) {
      this.problem(['id'], `id "${lab.id}" must equal the folder name "${options.folderId}"`);
    }
    (lab.variables ?? []).forEach((variable, index) => {
      if (this.variables.has(variable.name)) this.problem(['variables', index, 'name'], `variable ${variable.name} is declared twice`);
      this.variables.add(variable.name);
    });
    (lab.prerequisites ?? []).forEach((prerequisite, index) => {
      if (!('lab' in prerequisite)) return;
      if (prerequisite.lab === lab.id) this.problem(['prerequisites', index, 'lab'], 'a lab cannot be its own prerequisite');
      else if (options.knownLabIds && !options.knownLabIds.includes(prerequisite.lab)) {
        this.problem(['prerequisites', index, 'lab'], `no lab "${prerequisite.lab}" in the course catalogue (src/data/labCatalog.ts)`);
      }
    });
    this.checkProse(['summary'], lab.summary);
  }

  checkSteps(): void {
    const stepIds = new Set<string>();
    this.lab.steps.forEach((step, index) => {
      const path = ['steps', index];
      if (stepIds.has(step.id)) this.problem([...path, 'id'], `step id "${step.id}" is used twice`);
      stepIds.add(step.id);
      this.modeProblem(step.mode, [...path, 'mode']);
      this.checkCommands(step.commands, [...path, 'commands'], step.id);
      if (step.check !== undefined) this.checkCommand(step.check, [...path, 'check'], step.id);
      (step.manifests ?? []).forEach((file, fileIndex) => {
        if (!this.manifests.has(file)) this.problem([...path, 'manifests', fileIndex], `no file manifests/${file} in this lab`);
      });
      if (step.body !== undefined) this.checkProse([...path, 'body'], step.body);
      this.checkProse([...path, 'hint'], step.hint);
    });
    this.checkCommands(this.lab.cleanup, ['cleanup']);
  }

  private checkCommands(commands: readonly LabCommand[], path: readonly PathItem[], stepId?: string): void {
    commands.forEach((command, index) => {
      this.checkCommand(command.run, [...path, index, 'run'], stepId);
      this.modeProblem(command.mode, [...path, index, 'mode']);
    });
  }

  /** stepId: the step the command belongs to (none for cleanup), for the previous-release rule. */
  private checkCommand(command: string, path: readonly PathItem[], stepId?: string): void {
    for (const message of placeholderProblems(command, this.variables, this.manifests)) this.problem(path, message);
    const result = checkShell(command, {syntax: true, urls: true, previousRelease: previousReleaseScope(this.lab.id, stepId)});
    this.problemsIn(path, result.problems);
    this.commands.push({text: command, line: this.doc.textLine(path)});
    this.counted.commands += result.commands;
    this.counted.istioctl += result.istioctl;
    this.counted.urls += result.urls;
  }

  private checkProse(path: readonly PathItem[], text: string): void {
    const result = checkUrls(text);
    this.problemsIn(path, result.problems);
    this.counted.urls += result.urls;
  }
}

/**
 * ajv's errors as located problems in plain words (shared with the task reader, src/lib/tasks):
 * `subject` names the whole document ("the lab", "the task").
 */
export function schemaProblems(errors: readonly ErrorObject[], document: YamlDocument, file: string, subject: string): Problem[] {
  return relevantErrors(errors).map((error): Problem => {
    const path = pointerToPath(error.instancePath);
    const key = error.keyword === 'additionalProperties' ? [String((error.params as {additionalProperty: string}).additionalProperty)] : [];
    return {file, line: document.lineOf([...path, ...key]), message: describeSchemaError(error, path, subject)};
  });
}

/** Drops the noise ajv reports under a failed oneOf (each branch's own complaints). */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = errors.filter((error) => error.keyword === 'oneOf').map((error) => error.instancePath);
  return errors.filter(
    (error) => error.keyword === 'oneOf' || !oneOfPaths.some((path) => error.instancePath === path || error.instancePath.startsWith(`${path}/`)),
  );
}

const describePath = (path: readonly PathItem[], subject: string): string => (path.length === 0 ? subject : pathToString(path));

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
  '#/properties/solution/properties/manifests/items/pattern': 'must be a file name ending in .yaml (e.g. solution.yaml)',
  '#/properties/verify/items/properties/criterion/pattern': 'must be one line (it is printed after PASS or FAIL)',
};

function describeSchemaError(error: ErrorObject, path: readonly PathItem[], subject: string): string {
  const where = describePath(path, subject);
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
