/**
 * The four scripts of a practice task, generated from its task.yaml and published at
 * tasks/<id>/ (src/lib/tasks/paths.ts): setup.sh, solution.sh, cleanup.sh and verify.sh. A learner
 * runs each with `curl -fsSL URL | bash`, so a script carries everything: manifests are read from
 * LAB_MANIFESTS, which defaults to the task's published folder (CI points it at a local copy of
 * the site). Commands are rendered by the lab engine's placeholder code, like run.sh.
 *
 * verify.sh checks each criterion in order, retrying a failing check up to VERIFY_TRIES times
 * (default 5) VERIFY_INTERVAL seconds apart (default 2), prints `PASS  <criterion>` or
 * `FAIL  <criterion>` and an indented `hint: …`, then `N of M criteria passed`, and exits 1 when
 * any failed. A check's status is its last command's (pipefail off, as at a prompt), and its
 * output is shown only with VERIFY_VERBOSE=1.
 */
import {ISTIO_VERSION} from '../../data/course';
import {shellQuote} from '../labs/placeholders';
import {MANIFESTS_VARIABLE, plainText, render} from '../labs/script';
import type {Task, TaskCommand} from './model';
import type {TaskScriptName} from './paths';

export interface TaskScriptOptions {
  /** The task's published folder (ends with "/"): LAB_MANIFESTS' default. */
  readonly filesUrl: string;
  /** The task's page, for the header. */
  readonly pageUrl?: string;
}

/** Stops a script whose commands need istioctl when it is not on PATH (a piped script is a fresh shell). */
export const ISTIOCTL_GUARD =
  `command -v istioctl >/dev/null || { echo 'istioctl is not on PATH: put the ${ISTIO_VERSION} istioctl on PATH first (lab 1)' >&2; exit 1; }`;

export function usesIstioctl(texts: readonly string[]): boolean {
  return texts.some((text) => /(^|[\s;&|(])istioctl\s/.test(text));
}

function header(task: Task, name: TaskScriptName, what: string, options: TaskScriptOptions): string[] {
  return [
    '#!/usr/bin/env bash',
    '# Task commands are written for a learner at a prompt; a variable a command sets may go unused.',
    '# shellcheck disable=SC2034',
    `# Practice task ${task.id}: ${task.title.replace(/\n/g, ' ')}`,
    `# ${name}: ${what}`,
    `# Generated from labs/tasks/${task.id}/task.yaml by Service Mesh Labs; edit the task, not this file.`,
    ...(options.pageUrl ? [`# Page: ${options.pageUrl}`] : []),
    `# Run: curl -fsSL ${options.filesUrl}${name} | bash`,
    `#   ${MANIFESTS_VARIABLE}=DIR-OR-URL: where the task's manifests are read from (default: the site).`,
  ];
}

function preamble(texts: readonly string[], options: TaskScriptOptions, strict: boolean): string[] {
  return [
    strict ? 'set -euo pipefail' : 'set -uo pipefail',
    `${MANIFESTS_VARIABLE}="\${${MANIFESTS_VARIABLE}:-${options.filesUrl.replace(/\/$/, '')}}"`,
    ...(usesIstioctl(texts) ? [ISTIOCTL_GUARD] : []),
    '',
  ];
}

/** A command or check as the script runs it (trailing newlines of a block scalar dropped). */
function line(text: string): string {
  return render(text.replace(/\s+$/, ''));
}

function commandLines(commands: readonly TaskCommand[]): string[] {
  return commands.map((command) => line(command.run));
}

export function generateSetupScript(task: Task, options: TaskScriptOptions): string {
  const runs = task.setup.map((command) => command.run);
  return [
    ...header(task, 'setup.sh', 'creates the starting state of the task.', options),
    ...preamble(runs, options, true),
    `echo ${shellQuote(`==> Setting up task ${task.id}`)}`,
    ...commandLines(task.setup),
    `echo ${shellQuote(`Ready: task ${task.id} is set up. Solve it, then run verify.sh.`)}`,
    '',
  ].join('\n');
}

export function generateSolutionScript(task: Task, options: TaskScriptOptions): string {
  const runs = task.solution.commands.map((command) => command.run);
  return [
    ...header(task, 'solution.sh', 'applies the solution (what a learner would type).', options),
    ...preamble(runs, options, true),
    `echo ${shellQuote(`==> Applying the solution of task ${task.id}`)}`,
    ...commandLines(task.solution.commands),
    '',
  ].join('\n');
}

/** Cleanup is best effort: every command runs, the script exits 1 when one failed. */
export function generateCleanupScript(task: Task, options: TaskScriptOptions): string {
  const runs = task.cleanup.map((command) => command.run);
  const lines = [...header(task, 'cleanup.sh', 'removes everything the task created.', options), ...preamble(runs, options, true)];
  lines.push(`echo ${shellQuote(`==> Cleaning up task ${task.id}`)}`, 'failed=0');
  task.cleanup.forEach((command, index) => lines.push(`cleanup_${index + 1}() {`, line(command.run), '}', `cleanup_${index + 1} || failed=1`));
  lines.push('exit "${failed}"', '');
  return lines.join('\n');
}

const VERIFY_RUNTIME: readonly string[] = [
  'VERIFY_TRIES="${VERIFY_TRIES:-5}"',
  'VERIFY_INTERVAL="${VERIFY_INTERVAL:-2}"',
  'VERIFY_VERBOSE="${VERIFY_VERBOSE:-0}"',
  'passed=0',
  'total=0',
  '# criterion CHECK TEXT HINT: retry the function CHECK until it exits 0 or VERIFY_TRIES run out.',
  'criterion() {',
  '  local try=1 log',
  '  total=$((total + 1))',
  '  log="$(mktemp)"',
  '  until (set +o pipefail; "$1") > "${log}" 2>&1; do',
  '    if [ "${try}" -ge "${VERIFY_TRIES}" ]; then',
  '      echo "FAIL  $2"',
  '      echo "      hint: $3"',
  '      if [ "${VERIFY_VERBOSE}" = 1 ]; then sed \'s/^/      | /\' "${log}"; fi',
  '      rm -f "${log}"',
  '      return 0',
  '    fi',
  '    try=$((try + 1))',
  '    sleep "${VERIFY_INTERVAL}"',
  '  done',
  '  rm -f "${log}"',
  '  echo "PASS  $2"',
  '  passed=$((passed + 1))',
  '}',
  '',
];

export function generateVerifyScript(task: Task, options: TaskScriptOptions): string {
  const checks = task.verify.map((criterion) => criterion.check);
  const lines = [
    ...header(task, 'verify.sh', 'checks the cluster, one line per criterion: PASS or FAIL with a hint.', options),
    '#   VERIFY_TRIES (default 5) tries per criterion, VERIFY_INTERVAL (default 2) seconds apart;',
    '#   VERIFY_VERBOSE=1 shows what a failing check printed.',
    ...preamble(checks, options, false),
    ...VERIFY_RUNTIME,
  ];
  task.verify.forEach((criterion, index) => lines.push(`check_${index + 1}() {`, line(criterion.check), '}'));
  lines.push('');
  task.verify.forEach((criterion, index) => {
    const hint = plainText(criterion.hint);
    if (hint.includes('$') || criterion.criterion.includes('$')) lines.push('# shellcheck disable=SC2016');
    lines.push(`criterion check_${index + 1} ${shellQuote(criterion.criterion.trim())} ${shellQuote(hint)}`);
  });
  lines.push('echo "${passed} of ${total} criteria passed"', '[ "${passed}" -eq "${total}" ]', '');
  return lines.join('\n');
}

/** All four scripts, by published file name. */
export function generateTaskScripts(task: Task, options: TaskScriptOptions): Record<TaskScriptName, string> {
  return {
    'setup.sh': generateSetupScript(task, options),
    'solution.sh': generateSolutionScript(task, options),
    'verify.sh': generateVerifyScript(task, options),
    'cleanup.sh': generateCleanupScript(task, options),
  };
}
