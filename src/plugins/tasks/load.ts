/**
 * Reads practice tasks from disk (Node only): labs/tasks/<id>/task.yaml + manifests/*.yaml.
 * Used by the tasks plugin, its remark plugin, check:content, the matrix and the unit tests.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {LAB_CATALOG} from '../../data/labCatalog';
import {inFile, type Problem} from '../../lib/problem';
import {readTask} from '../../lib/tasks/parse';
import {TASKS_FOLDER, TaskError, type Task, type TaskPageData, type TaskSummary} from '../../lib/tasks/model';
import {taskPaths} from '../../lib/tasks/paths';
import {parseYaml} from '../../lib/yaml';
import {labPagePath, LABS_DIR} from '../labs/load';

export const TASKS_DIR = `${LABS_DIR}/${TASKS_FOLDER}`;
/** Task pages live in this docs folder, one `<id>.mdx` each, served at `taskPaths(id).page`. */
export const TASK_DOCS_DIR = 'docs/13-exam/tasks';

export interface LoadedTask {
  readonly task: Task;
  /** Absolute path of labs/tasks/<id>/. */
  readonly dir: string;
  /** File name → text, every file in manifests/. */
  readonly manifests: Readonly<Record<string, string>>;
}

/** Ids of the folders under labs/tasks/ that hold a task.yaml. */
export function taskIds(siteDir: string): string[] {
  const root = path.join(siteDir, TASKS_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'task.yaml')))
    .map((entry) => entry.name)
    .sort();
}

function relative(siteDir: string, file: string): string {
  return path.relative(siteDir, file).split(path.sep).join('/');
}

/** The files of a task's manifests/ folder, sorted. */
export function manifestFilesOf(dir: string): string[] {
  const manifestDir = path.join(dir, 'manifests');
  return existsSync(manifestDir) ? readdirSync(manifestDir).filter((name) => statSync(path.join(manifestDir, name)).isFile()).sort() : [];
}

/** What the task reader needs to know about a task's folder. */
export function taskReadOptions(siteDir: string, id: string) {
  const dir = path.join(siteDir, TASKS_DIR, id);
  return {
    file: relative(siteDir, path.join(dir, 'task.yaml')),
    folderId: id,
    manifestFiles: manifestFilesOf(dir),
    knownLabIds: LAB_CATALOG.map((entry) => entry.id),
  };
}

/** Loads and validates one task; throws TaskError with every located issue. */
export function loadTask(siteDir: string, id: string): LoadedTask {
  const dir = path.join(siteDir, TASKS_DIR, id);
  const taskFile = path.join(dir, 'task.yaml');
  if (!existsSync(taskFile)) {
    const known = taskIds(siteDir);
    throw new TaskError([{file: relative(siteDir, taskFile), line: 0, message: `no such task "${id}"${known.length > 0 ? ` (tasks: ${known.join(', ')})` : ''}`}]);
  }
  const options = taskReadOptions(siteDir, id);
  const issues: Problem[] = [];
  const manifests: Record<string, string> = {};
  for (const name of options.manifestFiles) {
    const file = path.join(dir, 'manifests', name);
    const text = readFileSync(file, 'utf8');
    manifests[name] = text;
    if (!/\.ya?ml$/.test(name)) issues.push({file: relative(siteDir, file), line: 0, message: 'manifests/ holds only .yaml files'});
    else issues.push(...inFile(relative(siteDir, file), 1, parseYaml(text).problems));
  }
  let task: Task | undefined;
  try {
    task = readTask(readFileSync(taskFile, 'utf8'), options);
  } catch (error) {
    if (!(error instanceof TaskError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || !task) throw new TaskError(issues);
  return {task, dir, manifests};
}

/** Loads every task; throws one TaskError listing the issues of all of them. */
export function loadAllTasks(siteDir: string): LoadedTask[] {
  const loaded: LoadedTask[] = [];
  const issues: Problem[] = [];
  for (const id of taskIds(siteDir)) {
    try {
      loaded.push(loadTask(siteDir, id));
    } catch (error) {
      if (!(error instanceof TaskError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new TaskError(issues);
  return loaded;
}

/** Route of a task's page, or null when docs/13-exam/tasks/<id>.mdx does not exist (yet). */
export function taskPagePath(siteDir: string, id: string): string | null {
  return existsSync(path.join(siteDir, TASK_DOCS_DIR, `${id}.mdx`)) ? taskPaths(id).page : null;
}

export function taskSummary(siteDir: string, {task}: LoadedTask): TaskSummary {
  return {id: task.id, title: task.title, domain: task.domain, competencies: task.competencies, minutes: task.minutes, path: taskPagePath(siteDir, task.id)};
}

/** What a task page receives: the task, the manifests its solution shows, its prerequisite labs. */
export function taskPageData(siteDir: string, {task, manifests}: LoadedTask): TaskPageData {
  const shown: Record<string, string> = {};
  for (const name of task.solution.manifests ?? []) shown[name] = manifests[name] as string;
  const labs: Record<string, {title: string; path: string}> = {};
  for (const item of task.prerequisites) {
    if (!('lab' in item)) continue;
    const entry = LAB_CATALOG.find((lab) => lab.id === item.lab);
    const page = labPagePath(siteDir, item.lab);
    if (entry && page) labs[item.lab] = {title: `Lab ${entry.number}: ${entry.title}`, path: page};
  }
  return {task, manifests: shown, labs};
}
