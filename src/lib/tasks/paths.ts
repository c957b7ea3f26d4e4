/**
 * Where a practice task lives on the site: the one place its URL layout is spelled out. The page
 * component, the tasks plugin (which writes the files), the task index and the tests use it.
 *
 *   <base>docs/exam/tasks/<id>/     the task's page
 *   <base>tasks/<id>/setup.sh       the starting state (also solution.sh, verify.sh, cleanup.sh)
 *   <base>tasks/<id>/<file>         each manifest
 */

export const TASK_SCRIPTS = ['setup.sh', 'solution.sh', 'verify.sh', 'cleanup.sh'] as const;
export type TaskScriptName = (typeof TASK_SCRIPTS)[number];

export interface TaskPaths {
  readonly page: string;
  /** The folder its published files sit in (ends with "/"). */
  readonly files: string;
  readonly setup: string;
  readonly solution: string;
  readonly verify: string;
  readonly cleanup: string;
  /** One published manifest, by its file name under manifests/. */
  file(name: string): string;
}

/** The URLs of a task under `baseUrl` ("/", "/repo/", an origin + base, or "" for build-relative). */
export function taskPaths(id: string, baseUrl = '/'): TaskPaths {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`taskPaths: "${id}" is not a task id`);
  const base = baseUrl === '' || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const files = `${base}tasks/${id}/`;
  return {
    page: `${base}docs/exam/tasks/${id}/`,
    files,
    setup: `${files}setup.sh`,
    solution: `${files}solution.sh`,
    verify: `${files}verify.sh`,
    cleanup: `${files}cleanup.sh`,
    file: (name) => `${files}${name}`,
  };
}

/** The one command a learner pastes to run a published script. */
export function pipeCommand(scriptUrl: string): string {
  return `curl -fsSL ${scriptUrl} | bash`;
}
