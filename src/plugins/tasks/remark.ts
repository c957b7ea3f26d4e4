/**
 * Remark plugin: for every `<Task id="x" />` in an MDX page, loads and validates
 * labs/tasks/x/task.yaml and passes the page data (task, solution manifests, prerequisite labs)
 * as the component's `data` prop, exactly as `<Lab id>` gets its lab (src/plugins/labs/remark.ts).
 * An unknown id or a bad task fails the build with the MDX file:line and the task's own file:line.
 */
import {statSync} from 'node:fs';
import path from 'node:path';
import {TaskError, type TaskPageData} from '../../lib/tasks/model';
import {injectComponentData} from '../labs/remark';
import {loadTask, TASKS_DIR, taskPageData} from './load';

export interface RemarkTasksOptions {
  readonly siteDir: string;
}

const cache = new Map<string, {stamp: string; data: TaskPageData}>();

/** Changes when task.yaml or its folder (a manifest added or removed) changes. */
function stampOf(siteDir: string, id: string): string {
  const dir = path.join(siteDir, TASKS_DIR, id);
  try {
    const manifests = path.join(dir, 'manifests');
    return [path.join(dir, 'task.yaml'), dir, manifests].map((file) => String(statSync(file, {throwIfNoEntry: false})?.mtimeMs ?? 0)).join('/');
  } catch {
    return 'missing';
  }
}

function pageData(siteDir: string, id: string): TaskPageData {
  const stamp = stampOf(siteDir, id);
  const hit = cache.get(id);
  if (hit && hit.stamp === stamp) return hit.data;
  const data = taskPageData(siteDir, loadTask(siteDir, id));
  cache.set(id, {stamp, data});
  return data;
}

export default function remarkTasks(options: RemarkTasksOptions) {
  return injectComponentData(options.siteDir, 'Task', 'traffic-header-routing', (id) => pageData(options.siteDir, id), (error): error is TaskError => error instanceof TaskError);
}
