/**
 * Every real practice task under labs/tasks/: it loads, has its page, and the four scripts it
 * publishes pass bash -n and shellcheck. The lab enumerations never mistake labs/tasks for a lab.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {taskPaths, TASK_SCRIPTS} from '@site/src/lib/tasks/paths';
import {generateTaskScripts} from '@site/src/lib/tasks/script';
import {labIds} from '@site/src/plugins/labs/load';
import {loadAllTasks, TASK_DOCS_DIR, taskIds, taskPageData, taskSummary} from '@site/src/plugins/tasks/load';

const siteDir = process.cwd();
const tasks = loadAllTasks(siteDir);

describe('practice tasks on disk', () => {
  it('finds the tasks, and the lab loader does not list labs/tasks as a lab', () => {
    expect(taskIds(siteDir)).toEqual(expect.arrayContaining(['traffic-header-routing']));
    expect(labIds(siteDir)).not.toContain('tasks');
    expect(tasks.map((loaded) => loaded.task.id)).toEqual(taskIds(siteDir));
  });

  it.each(tasks.map((loaded) => [loaded.task.id, loaded] as const))('%s has a page that renders it with <Task id>', (id, loaded) => {
    const page = path.join(siteDir, TASK_DOCS_DIR, `${id}.mdx`);
    expect(existsSync(page), `${TASK_DOCS_DIR}/${id}.mdx`).toBe(true);
    expect(readFileSync(page, 'utf8')).toContain(`<Task id="${id}" />`);
    expect(taskSummary(siteDir, loaded).path).toBe(taskPaths(id).page);
    const data = taskPageData(siteDir, loaded);
    expect(Object.keys(data.manifests)).toEqual(loaded.task.solution.manifests ?? []);
    for (const item of loaded.task.prerequisites) if ('lab' in item) expect(data.labs[item.lab]?.path).toMatch(/^\/docs\/labs\//);
  });

  it.each(tasks.map((loaded) => [loaded.task.id, loaded] as const))('%s: every generated script passes bash -n and shellcheck', (id, loaded) => {
    const dir = mkdtempSync(path.join(tmpdir(), `task-scripts-${id}-`));
    const scripts = generateTaskScripts(loaded.task, {filesUrl: taskPaths(id, 'https://example.org/').files});
    expect(Object.keys(scripts)).toEqual([...TASK_SCRIPTS]);
    const files = Object.entries(scripts).map(([name, text]) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      expect(spawnSync('bash', ['-n', file], {encoding: 'utf8'}).stderr, name).toBe('');
      return file;
    });
    const lint = spawnSync('shellcheck', ['--shell=bash', ...files], {encoding: 'utf8'});
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
  });
});
