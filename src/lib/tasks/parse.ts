/**
 * task.yaml → validated Task with every problem located as `file:line: message`. The one task
 * reader: the tasks plugin, the unit tests and `npm run check:content` read tasks here. It uses
 * the lab engine's pieces: the YAML-with-positions parser, the schema-error wording of the lab
 * reader, the placeholder scanner, and the one command rulebook (src/lib/validate/shell.ts) for
 * every setup, solution, cleanup command and verify check. Pure: the caller reads the files
 * (src/plugins/tasks/load.ts).
 */
import Ajv from 'ajv';
import {schemaProblems, type LabCommandSite, type ParseOptions} from '../labs/parse';
import {parseTemplate, placeholderProblems} from '../labs/placeholders';
import {inFile, type LocalProblem, type Problem} from '../problem';
import {checkShell} from '../validate/shell';
import {checkUrls} from '../validate/urls';
import {parseYamlDocument, type PathItem, type YamlDocument} from '../yaml';
import {competencyOf, domainOf, isCompetencyId, isDomainId} from './competencies';
import {TaskError, type Task, type TaskCommand} from './model';
import schema from './task.schema.json';

/** A task is read with the same options as a lab (file, folder id, manifests, known lab ids). */
export type TaskReadOptions = ParseOptions;

/** Where a command or check of the task is written: its text and first line. */
export type TaskCommandSite = LabCommandSite;

export interface TaskReading {
  /** The task, when it has the task's shape (it may still have problems). */
  readonly task?: Task;
  readonly problems: readonly Problem[];
  /** Every command and check, for checks that need a process (bash -n). */
  readonly commands: readonly TaskCommandSite[];
  /** Commands and URLs the rulebook checked, for the content checker's summary. */
  readonly counted: {readonly commands: number; readonly istioctl: number; readonly urls: number};
}

const ajv = new Ajv({allErrors: true, strict: true});
const validateSchema = ajv.compile<Task>(schema);

/** Namespaces a task must not work in: it makes and deletes its own `task-…` namespaces. */
const SHARED_NAMESPACES = new Set(['bookinfo', 'default']);

/** Turns task.yaml text into a Task; throws TaskError listing every located problem. */
export function readTask(text: string, options: TaskReadOptions): Task {
  const {task, problems} = inspectTask(text, options);
  if (problems.length > 0 || !task) throw new TaskError(problems);
  return task;
}

/** Reads task.yaml text; never throws. */
export function inspectTask(text: string, options: TaskReadOptions): TaskReading {
  const {file} = options;
  const none = {commands: [], counted: {commands: 0, istioctl: 0, urls: 0}};
  const {document, problems: syntax} = parseYamlDocument(text);
  if (syntax.length > 0) return {...none, problems: inFile(file, 1, syntax)};
  const data = document?.data;
  if (!document || data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {...none, problems: [{file, line: 1, message: 'a task.yaml must be a mapping (id:, title:, scenario: …)'}]};
  }
  if (!validateSchema(data)) return {...none, problems: schemaProblems(validateSchema.errors ?? [], document, file, 'the task')};
  const reader = new TaskReader(data, document, options);
  reader.checkIdentity();
  reader.checkPrerequisites();
  reader.checkCommands();
  reader.checkProse();
  return {task: data, problems: reader.problems, commands: reader.commands, counted: reader.counted};
}

class TaskReader {
  readonly problems: Problem[] = [];
  readonly commands: TaskCommandSite[] = [];
  readonly counted = {commands: 0, istioctl: 0, urls: 0};
  private readonly manifests: ReadonlySet<string>;

  constructor(
    private readonly task: Task,
    private readonly doc: YamlDocument,
    private readonly options: TaskReadOptions,
  ) {
    this.manifests = new Set(options.manifestFiles ?? []);
  }

  private problem(path: readonly PathItem[], message: string): void {
    this.problems.push({file: this.options.file, line: this.doc.lineOf(path), message});
  }

  private problemsIn(path: readonly PathItem[], found: readonly LocalProblem[]): void {
    this.problems.push(...inFile(this.options.file, this.doc.textLine(path), found));
  }

  /** id = folder, a known domain whose prefix the id carries, known competencies, one of the domain. */
  checkIdentity(): void {
    const {task, options} = this;
    if (options.folderId !== undefined && task.id !== options.folderId) {
      this.problem(['id'], `id "${task.id}" must equal the folder name "${options.folderId}"`);
    }
    if (!isDomainId(task.domain)) {
      this.problem(['domain'], `domain "${task.domain}" is not an exam domain (installation, traffic, security, troubleshooting)`);
      return;
    }
    const {taskPrefix} = domainOf(task.domain);
    if (!task.id.startsWith(taskPrefix)) this.problem(['id'], `id "${task.id}" must start with "${taskPrefix}" (the prefix of domain ${task.domain})`);
    const known = task.competencies.filter((id, index) => {
      if (isCompetencyId(id)) return true;
      this.problem(['competencies', index], `"${id}" is not a competency id (see src/lib/tasks/competencies.ts)`);
      return false;
    });
    if (known.length === task.competencies.length && !known.some((id) => isCompetencyId(id) && competencyOf(id).domain === task.domain)) {
      this.problem(['competencies'], `no competency of domain ${task.domain}: name at least one ${taskPrefix}… competency`);
    }
  }

  checkPrerequisites(): void {
    const {task, options} = this;
    const labs = task.prerequisites.flatMap((item, index) => ('lab' in item ? [{lab: item.lab, index}] : []));
    if (labs.length === 0) {
      this.problem(['prerequisites'], 'name the lab that leaves the cluster this task starts from (e.g. - lab: sidecar-install)');
    }
    for (const {lab, index} of labs) {
      if (options.knownLabIds && !options.knownLabIds.includes(lab)) {
        this.problem(['prerequisites', index, 'lab'], `no lab "${lab}" in the course catalogue (src/data/labCatalog.ts)`);
      }
    }
  }

  checkCommands(): void {
    const {task} = this;
    const runs: [readonly TaskCommand[], readonly PathItem[]][] = [
      [task.setup, ['setup']],
      [task.solution.commands, ['solution', 'commands']],
      [task.cleanup, ['cleanup']],
    ];
    for (const [commands, path] of runs) {
      commands.forEach((command, index) => {
        this.checkCommand(command.run, [...path, index, 'run']);
        this.checkNamespaces(command.run, [...path, index, 'run']);
      });
    }
    (task.solution.manifests ?? []).forEach((file, index) => {
      if (!this.manifests.has(file)) this.problem(['solution', 'manifests', index], `no file manifests/${file} in this task`);
    });
    task.verify.forEach((criterion, index) => {
      const path = ['verify', index, 'check'];
      this.checkCommand(criterion.check, path);
      if (/^\s*(true|:)\s*$/.test(criterion.check) || /\|\|\s*(true|:)\s*$/.test(criterion.check.trim())) {
        this.problem(path, '[check-no-effect] the check cannot fail (`|| true`): it must exit non-zero when the criterion is not met');
      }
    });
  }

  private checkCommand(command: string, path: readonly PathItem[]): void {
    for (const segment of parseTemplate(command)) {
      if (segment.kind === 'variable') this.problem(path, `${segment.raw}: tasks have no variables; write the name itself (names are fixed by the scenario)`);
    }
    for (const message of placeholderProblems(command, new Set(), this.manifests)) {
      if (!message.includes('is not a declared variable')) this.problem(path, message.replace('in this lab', 'in this task'));
    }
    const result = checkShell(command, {syntax: true, urls: true});
    this.problemsIn(path, result.problems);
    this.commands.push({text: command, line: this.doc.textLine(path)});
    this.counted.commands += result.commands;
    this.counted.istioctl += result.istioctl;
    this.counted.urls += result.urls;
  }

  /** Setup, solution and cleanup stay in the task's own namespaces (never bookinfo or default). */
  private checkNamespaces(command: string, path: readonly PathItem[]): void {
    for (const match of command.matchAll(/(?:^|\s)(?:-n|--namespace)(?:=|\s+)["']?([a-z0-9-]+)/g)) {
      const namespace = match[1] as string;
      if (SHARED_NAMESPACES.has(namespace)) {
        this.problem(path, `namespace ${namespace}: a task works in its own task-… namespaces, which its setup creates and its cleanup deletes`);
      }
    }
  }

  checkProse(): void {
    const {task} = this;
    const prose: [readonly PathItem[], string][] = [
      [['scenario'], task.scenario],
      [['solution', 'body'], task.solution.body],
      ...task.verify.map((criterion, index): [readonly PathItem[], string] => [['verify', index, 'hint'], criterion.hint]),
    ];
    for (const [path, text] of prose) {
      const result = checkUrls(text);
      this.problemsIn(path, result.problems);
      this.counted.urls += result.urls;
    }
  }
}
