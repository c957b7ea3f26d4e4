/**
 * Prints the job matrix of the Labs-on-kind workflow for a change (logic: src/lib/labs/matrix.ts):
 * the labs' jobs and the practice tasks' jobs (labs/tasks/<id>/).
 *
 *   tsx scripts/labs-matrix.ts all                      every lab and every task
 *   tsx scripts/labs-matrix.ts --changed FILE           paths listed in FILE, one a line
 *   git diff --name-only A...B | tsx scripts/labs-matrix.ts --changed -
 *   … --github-output                                   also write matrix=… and versions to $GITHUB_OUTPUT
 *
 * Prints a table for people; with --github-output the workflow reads `matrix` (JSON, the jobs),
 * `any` (true when there is a job) and the pinned versions.
 */
import {appendFileSync, readFileSync} from 'node:fs';
import {ISTIO_VERSION} from '../src/data/course';
import {buildMatrix, selectLabs, selectTasks, taskJobs, type MatrixJob, type MatrixLab, type MatrixTask, type Selection} from '../src/lib/labs/matrix';
import {modesOf} from '../src/lib/tasks/model';
import {loadAllLabs} from '../src/plugins/labs/load';
import {loadAllTasks} from '../src/plugins/tasks/load';

const CLUSTER_LAB_VARIABLES = ['K8S_VERSION', 'KIND_VERSION'] as const;

function usage(): never {
  console.error('usage: labs-matrix.ts all | --changed FILE|- [--github-output]');
  process.exit(2);
}

function readChanged(source: string): string[] {
  const text = readFileSync(source === '-' ? 0 : source, 'utf8');
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

function table(jobs: readonly MatrixJob[]): string {
  const rows = jobs.map((job) => [job.kind, job.lab, job.mode, `${job.minutes}m`, job.plan]);
  const header = ['kind', 'lab', 'mode', 'limit', 'plan'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 4 ? cell : cell.padEnd(widths[column] as number))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function main(argv: readonly string[]): void {
  const githubOutput = argv.includes('--github-output');
  const args = argv.filter((arg) => arg !== '--github-output');
  const loaded = loadAllLabs(process.cwd());
  const labs: MatrixLab[] = loaded.map(({lab, number}) => ({
    id: lab.id,
    number: number ?? 999,
    modes: lab.modes,
    prerequisites: (lab.prerequisites ?? []).flatMap((item) => ('lab' in item ? [item.lab] : [])),
  }));
  const tasks: MatrixTask[] = loadAllTasks(process.cwd()).map(({task}) => ({
    id: task.id,
    modes: modesOf(task),
    prerequisites: task.prerequisites.flatMap((item) => ('lab' in item ? [item.lab] : [])),
  }));
  let selection: Selection;
  let chosenTasks: readonly string[];
  if (args[0] === 'all' && args.length === 1) {
    selection = {all: true};
    chosenTasks = tasks.map((task) => task.id);
  } else if (args[0] === '--changed' && args[1] && args.length === 2) {
    const changed = readChanged(args[1]);
    selection = selectLabs(changed, labs);
    chosenTasks = selectTasks(changed, tasks);
  } else usage();
  const jobs = [...buildMatrix(selection, labs), ...taskJobs(chosenTasks, tasks, labs)];

  // Lab 1 tells learners which kind and Kubernetes to use; the workflow uses the same.
  const clusterLab = loaded.find(({lab}) => lab.id === 'local-cluster')?.lab;
  const versions: Record<string, string> = {ISTIO_VERSION};
  for (const name of CLUSTER_LAB_VARIABLES) {
    const value = clusterLab?.variables?.find((variable) => variable.name === name)?.default;
    if (!value) throw new Error(`labs/local-cluster/lab.yaml has no default for ${name}`);
    versions[name] = value;
  }

  console.log(`Labs: ${selection.all ? 'all (engine, versions or workflow changed, or asked for)' : selection.labs.join(' ') || 'none'}`);
  console.log(`Tasks: ${chosenTasks.length === tasks.length && tasks.length > 0 ? 'all' : chosenTasks.join(' ') || 'none'}`);
  console.log(`Pinned: ${Object.entries(versions).map(([name, value]) => `${name}=${value}`).join(' ')}`);
  console.log(`${jobs.length} jobs`);
  console.log(table(jobs));
  if (githubOutput) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) throw new Error('--github-output needs GITHUB_OUTPUT');
    const lines = [
      `matrix=${JSON.stringify({include: jobs})}`,
      `any=${jobs.length > 0}`,
      ...Object.entries(versions).map(([name, value]) => `${name.toLowerCase()}=${value}`),
    ];
    appendFileSync(file, `${lines.join('\n')}\n`);
  }
}

main(process.argv.slice(2));
