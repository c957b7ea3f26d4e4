/**
 * Docusaurus plugin "tasks": loads and validates every labs/tasks/<id>/task.yaml (a bad task fails
 * the build with file:line), writes a tiny summary per task as a generated module that only the
 * pages listing tasks import (the task index, the exam map and the landing page's progress; global
 * data would ride on every page), the full task reaching only its page through ./remark.ts; after the
 * build writes each task's files where src/lib/tasks/paths.ts says: setup.sh, solution.sh,
 * verify.sh, cleanup.sh (manifests read from the published folder) and every manifest.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {TaskError, type TaskSummary} from '../../lib/tasks/model';
import {taskPaths} from '../../lib/tasks/paths';
import {generateTaskScripts} from '../../lib/tasks/script';
import {loadAllTasks, TASKS_DIR, taskSummary, type LoadedTask} from './load';

/** Imported as '@generated/tasks/default/task-summaries.json' (see src/types/generated-tasks.d.ts). */
export const TASK_SUMMARIES_FILE = 'task-summaries.json';

/** Every file a task publishes, relative to its folder on the site. */
export function publishedTaskFiles(loaded: LoadedTask, siteUrl: string, baseUrl: string): {name: string; content: string; mode: number}[] {
  const {id} = loaded.task;
  const paths = taskPaths(id, `${siteUrl}${baseUrl}`);
  const scripts = generateTaskScripts(loaded.task, {filesUrl: paths.files, pageUrl: paths.page});
  return [
    ...Object.entries(scripts).map(([name, content]) => ({name, content, mode: 0o755})),
    ...Object.keys(loaded.manifests)
      .sort()
      .map((name) => ({name, content: loaded.manifests[name] as string, mode: 0o644})),
  ];
}

export default function tasksPlugin(context: LoadContext): Plugin<LoadedTask[]> {
  const {siteDir, siteConfig} = context;
  return {
    name: 'tasks',

    getPathsToWatch() {
      return [path.join(siteDir, TASKS_DIR, '**/*.yaml')];
    },

    async loadContent() {
      try {
        return loadAllTasks(siteDir);
      } catch (error) {
        if (error instanceof TaskError) throw new Error(error.message);
        throw error;
      }
    },

    async contentLoaded({content, actions}) {
      const summaries: TaskSummary[] = content.map((loaded) => taskSummary(siteDir, loaded));
      await actions.createData(TASK_SUMMARIES_FILE, JSON.stringify(summaries));
    },

    async postBuild({content, outDir}) {
      for (const loaded of content) {
        const dir = path.join(outDir, taskPaths(loaded.task.id, '').files);
        mkdirSync(dir, {recursive: true});
        for (const file of publishedTaskFiles(loaded, siteConfig.url, siteConfig.baseUrl)) {
          writeFileSync(path.join(dir, file.name), file.content, {mode: file.mode});
        }
      }
    },
  };
}
