/**
 * run.sh for a lab's bundle: every step in order under `set -euo pipefail`; the command whose
 * output a step expects is re-run until it succeeds and (with LAB_MATCHER) its output matches,
 * then the step's check is retried until it passes, each within STEP_TIMEOUT seconds; the
 * cleanup only when asked. Generated from the same Lab the page renders, so the page and the
 * script cannot disagree: manifests are read from LAB_MANIFESTS (default: the bundle's
 * manifests/ folder; CI points it at the built site, where the page's URLs lead).
 */
import {commandsForMode, type Lab, type LabCommand, type LabMode, type LabStep} from './model';
import {quoteInContext, renderForScript, shellQuote} from './placeholders';

export interface ScriptOptions {
  /** Course number of the lab, for the header (optional). */
  readonly number?: number;
  /** Where the page lives, for the header (optional). */
  readonly pageUrl?: string;
}

/** The generated script's file name inside the bundle. */
export const RUN_SCRIPT = 'run.sh';

/** The shell variable run.sh reads manifests from (a folder or a URL, without a trailing slash). */
export const MANIFESTS_VARIABLE = 'LAB_MANIFESTS';

/**
 * A command with `{{manifest:FILE}}` turned into `{{LAB_MANIFESTS}}/FILE`, so that run.sh reads
 * the file from wherever LAB_MANIFESTS points. Rendered for the page with LAB_MANIFESTS set to
 * the lab's published folder, it is exactly the page's command (a unit test proves it).
 */
export function withManifestsVariable(command: string): string {
  return command.replace(/\{\{\s*manifest:([A-Za-z0-9][A-Za-z0-9._-]*)\s*\}\}/g, `{{${MANIFESTS_VARIABLE}}}/$1`);
}

/** A lab or task command as a script runs it (manifests read from LAB_MANIFESTS). */
export function render(command: string): string {
  return renderForScript(withManifestsVariable(command));
}

function commandLines(commands: readonly LabCommand[], lab: Lab): string[] {
  const out: string[] = [];
  for (const command of commands) {
    if (command.mode && lab.modes.length > 1) {
      out.push(`if [ "\${MODE}" = ${command.mode} ]; then`, render(command.run), 'fi');
    } else if (!command.mode || command.mode === lab.modes[0]) {
      out.push(render(command.run));
    }
  }
  return out;
}

/** A markdown hint as one line of plain text for a terminal. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function header(lab: Lab, options: ScriptOptions): string[] {
  const multiMode = lab.modes.length > 1;
  const title = options.number === undefined ? lab.title : `Lab ${options.number}: ${lab.title}`;
  const variables = lab.variables ?? [];
  return [
    '#!/usr/bin/env bash',
    '# Lab commands are written for a learner at a prompt: a variable a step sets may be meant for',
    '# the learner\'s own later use, and loop counters go unused. Not bugs in a lab script.',
    '# shellcheck disable=SC2034',
    `# ${title}`,
    `# Generated from labs/${lab.id}/lab.yaml by Service Mesh Labs; edit the lab, not this file.`,
    ...(options.pageUrl ? [`# Page: ${options.pageUrl}`] : []),
    '#',
    `# Usage: ./${RUN_SCRIPT} [--cleanup | --cleanup-only]${multiMode ? ' [--mode sidecar|ambient]' : ''}`,
    '#   Runs every step in order and checks each one. --cleanup (or CLEANUP=1) also runs the',
    '#   cleanup at the end; --cleanup-only runs just the cleanup.',
    ...(variables.length > 0
      ? ['#   Variables come from the environment, e.g.:', `#   ${variables.map((v) => `${v.name}=${shellQuote(v.default)}`).join(' ')} ./${RUN_SCRIPT}`]
      : []),
    '#   STEP_TIMEOUT (seconds, default 300): how long a step\'s output and check may take to settle;',
    '#   they are retried every CHECK_INTERVAL seconds (default 5) until then.',
    '#   LAB_OUTPUT_DIR=DIR saves the output of each step that has an expected output to DIR/<step>.txt.',
    '#   LAB_MATCHER="CMD" matches it: CMD KIND EXPECTED-FILE ACTUAL-FILE exits 0 on a match (CI sets',
    '#   it to the course\'s matcher); the step is retried until it matches.',
    `#   ${MANIFESTS_VARIABLE}=DIR-OR-URL: where the manifests are read from (default: manifests).`,
    'set -euo pipefail',
    '# Let the ERR trap below see failures inside functions too.',
    'set -o errtrace',
    'cd "$(dirname "$0")"',
    '',
  ];
}

function settings(lab: Lab): string[] {
  const multiMode = lab.modes.length > 1;
  const lines: string[] = [];
  for (const variable of lab.variables ?? []) {
    lines.push(`# ${variable.description.replace(/\s+/g, ' ')}`);
    lines.push(`export ${variable.name}="\${${variable.name}:-${quoteInContext(variable.default, 'double').replace(/}/g, '\\}')}}"`);
  }
  if (multiMode) lines.push(`MODE="\${MODE:-${lab.modes[0]}}"`);
  lines.push(
    `${MANIFESTS_VARIABLE}="\${${MANIFESTS_VARIABLE}:-manifests}"`,
    'CLEANUP="${CLEANUP:-0}"',
    'CLEANUP_ONLY=0',
    'STEP_TIMEOUT="${STEP_TIMEOUT:-300}"',
    'CHECK_INTERVAL="${CHECK_INTERVAL:-5}"',
    'read -r -a MATCHER <<< "${LAB_MATCHER:-}"',
    'OUTPUT_DIR="${LAB_OUTPUT_DIR:-}"',
    'if [ "${#MATCHER[@]}" -gt 0 ] && [ -z "${OUTPUT_DIR}" ]; then OUTPUT_DIR="$(mktemp -d)"; fi',
    'while [ "$#" -gt 0 ]; do',
    '  case "$1" in',
    '    --cleanup) CLEANUP=1 ;;',
    '    --cleanup-only) CLEANUP_ONLY=1 ;;',
    ...(multiMode ? ['    --mode) MODE="${2:?--mode needs sidecar or ambient}"; shift ;;'] : []),
    `    -h | --help) sed -n '/^# Usage/,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;`,
    `    *) echo "${RUN_SCRIPT}: unknown argument: $1 (try --help)" >&2; exit 2 ;;`,
    '  esac',
    '  shift',
    'done',
  );
  if (multiMode) {
    lines.push(
      'case "${MODE}" in',
      `  ${lab.modes.join(' | ')}) ;;`,
      `  *) echo "${RUN_SCRIPT}: MODE must be ${lab.modes.join(' or ')}, not \${MODE}" >&2; exit 2 ;;`,
      'esac',
    );
  }
  return lines;
}

/** The functions every run.sh carries: steps and groups, failure, capture, retry. */
const RUNTIME: readonly string[] = [
  '',
  '# The step being run, for messages; a failing command prints the step and its hint.',
  "CURRENT_STEP=''",
  "CURRENT_HINT=''",
  '# In GitHub Actions each step is a collapsible group, closed before any failure is printed.',
  'IN_GROUP=0',
  'group_end() { if [ "${IN_GROUP}" = 1 ]; then echo "::endgroup::"; IN_GROUP=0; fi; }',
  'step_start() { # step_start NUMBER TITLE',
  '  group_end',
  '  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::group::Step $1: $2"; IN_GROUP=1; fi',
  '  echo "==> Step $1: $2"',
  '  CURRENT_STEP="$1 ($2)"',
  '}',
  'fail_step() { # fail_step WHY: print the step, why and its hint, and stop',
  '  capture_end',
  '  group_end',
  '  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::error title=Step ${CURRENT_STEP} failed::$1"; fi',
  '  echo "Step ${CURRENT_STEP} failed: $1" >&2',
  '  echo "Hint: ${CURRENT_HINT}" >&2',
  '  exit 1',
  '}',
  'on_error() {',
  '  group_end',
  '  if [ -n "${CURRENT_STEP}" ]; then',
  '    echo "Step ${CURRENT_STEP} failed." >&2',
  '    echo "Hint: ${CURRENT_HINT}" >&2',
  '  fi',
  '}',
  'trap on_error ERR',
  '',
  '# capture_start STEP / capture_end: copy the output in between to OUTPUT_DIR/STEP.txt.',
  "CAPTURE_PID=''",
  'capture_start() {',
  '  if [ -n "${OUTPUT_DIR}" ]; then',
  '    mkdir -p "${OUTPUT_DIR}"',
  '    exec 3>&1 4>&2',
  '    exec > >(tee "${OUTPUT_DIR}/$1.txt") 2>&1',
  '    CAPTURE_PID=$!',
  '  fi',
  '}',
  'capture_end() {',
  '  if [ -n "${CAPTURE_PID}" ]; then',
  '    exec 1>&3 2>&4 3>&- 4>&-',
  '    wait "${CAPTURE_PID}" || true',
  "    CAPTURE_PID=''",
  '  fi',
  '}',
  '',
  '# expect_output STEP KIND RUN EXPECTED: run the function RUN (the command whose output the step',
  '# expects) until it succeeds and its output matches what EXPECTED prints, or STEP_TIMEOUT passes.',
  'expect_output() {',
  '  local step="$1" kind="$2" attempt=1 status deadline=$((SECONDS + STEP_TIMEOUT))',
  '  while :; do',
  '    capture_start "${step}"',
  '    if "$3"; then status=0; else status=$?; fi',
  '    capture_end',
  '    if [ "${status}" = 0 ]; then',
  '      [ "${#MATCHER[@]}" -gt 0 ] || break',
  '      "$4" > "${OUTPUT_DIR}/${step}.expected"',
  '      if "${MATCHER[@]}" "${kind}" "${OUTPUT_DIR}/${step}.expected" "${OUTPUT_DIR}/${step}.txt" > "${OUTPUT_DIR}/${step}.verdict" 2>&1; then',
  '        rm -f "${OUTPUT_DIR}/${step}.verdict"',
  '        break',
  '      fi',
  '    fi',
  '    if [ "${SECONDS}" -ge "${deadline}" ]; then',
  '      if [ "${status}" != 0 ]; then fail_step "its last command still exits with status ${status} after ${attempt} attempts"; fi',
  '      group_end',
  '      cat "${OUTPUT_DIR}/${step}.verdict" >&2',
  '      fail_step "its output still does not match after ${attempt} attempts (${STEP_TIMEOUT}s)"',
  '    fi',
  '    attempt=$((attempt + 1))',
  '    sleep "${CHECK_INTERVAL}"',
  '  done',
  '  if [ "${attempt}" -gt 1 ]; then echo "    settled after ${attempt} attempts"; fi',
  '}',
  '',
  '# verify CHECK: retry the step\'s check until it passes or STEP_TIMEOUT passes.',
  'verify() {',
  '  local attempt=1 log deadline=$((SECONDS + STEP_TIMEOUT))',
  '  log="$(mktemp)"',
  '  until "$1" > "${log}" 2>&1; do',
  '    if [ "${SECONDS}" -ge "${deadline}" ]; then',
  '      group_end',
  '      echo "The check printed:" >&2',
  '      cat "${log}" >&2',
  '      rm -f "${log}"',
  '      fail_step "the check still fails after ${attempt} attempts (${STEP_TIMEOUT}s)"',
  '    fi',
  '    attempt=$((attempt + 1))',
  '    sleep "${CHECK_INTERVAL}"',
  '  done',
  '  rm -f "${log}"',
  '  echo "    ok: step ${CURRENT_STEP} checked"',
  '}',
  '',
];

/** The index, per mode, of the last command that runs in that mode. */
function lastCommandFor(commands: readonly LabCommand[], modes: readonly LabMode[]): Map<LabMode, number> {
  const last = new Map<LabMode, number>();
  for (const mode of modes) {
    commands.forEach((command, index) => {
      if (!command.mode || command.mode === mode) last.set(mode, index);
    });
  }
  return last;
}

/** Functions of a step: its check, and for a step with `expect` the output command and text. */
function stepFunctions(lab: Lab, step: LabStep, number: number): string[] {
  const multiMode = lab.modes.length > 1;
  const out: string[] = [];
  if (step.check) out.push(`check_${number}() {`, render(step.check), '}', '');
  if (step.expect) {
    const modes = multiMode ? lab.modes : [lab.modes[0] as LabMode];
    const commands = multiMode ? step.commands : commandsForMode(step.commands, lab.modes[0] as LabMode);
    const last = lastCommandFor(commands, modes);
    const indexes = [...new Set(last.values())].sort((a, b) => a - b);
    out.push(`output_${number}() {`);
    // One command for all modes, or a case whose status is that of the mode's command.
    if (indexes.length === 1) out.push(render((commands[indexes[0] as number] as LabCommand).run));
    else {
      out.push('case "${MODE}" in');
      for (const index of indexes) {
        const forModes = modes.filter((mode) => last.get(mode) === index);
        out.push(`${forModes.join(' | ')})`, render((commands[index] as LabCommand).run), ';;');
      }
      out.push('esac');
    }
    out.push('}', `expected_${number}() {`, `cat <<'EXPECTED_OUTPUT'`, step.expect.output.replace(/\n$/, ''), 'EXPECTED_OUTPUT', '}', '');
  }
  return out;
}

/** The body of one step inside run_steps(). */
function stepBody(lab: Lab, step: LabStep, number: number): string[] {
  const multiMode = lab.modes.length > 1;
  const hint = plainText(step.hint);
  const body: string[] = [`step_start ${number} ${shellQuote(step.title)}`];
  // The hint is literal text; tell shellcheck a "$" in it is not meant to expand.
  if (hint.includes('$')) body.push('# shellcheck disable=SC2016');
  body.push(`CURRENT_HINT=${shellQuote(hint)}`);
  const commands = multiMode ? step.commands : commandsForMode(step.commands, lab.modes[0] as LabMode);
  if (step.expect) {
    // Everything but the last command of each mode runs once; that one runs in output_N.
    const last = new Set(lastCommandFor(commands, multiMode ? lab.modes : [lab.modes[0] as LabMode]).values());
    body.push(...commandLines(commands.filter((_, index) => !last.has(index)), lab));
    body.push(`expect_output ${shellQuote(step.id)} ${step.expect.match} output_${number} expected_${number}`);
  } else {
    body.push(...commandLines(commands, lab));
  }
  if (step.check) body.push(`verify check_${number}`);
  if (step.mode && multiMode) return [`if [ "\${MODE}" = ${step.mode} ]; then`, ...body, 'fi'];
  return body;
}

export function generateRunScript(lab: Lab, options: ScriptOptions = {}): string {
  const multiMode = lab.modes.length > 1;
  const included = (step: LabStep) => !(step.mode && !multiMode && step.mode !== lab.modes[0]);
  const lines: string[] = [...header(lab, options), ...settings(lab), ...RUNTIME];

  // Checks and output commands are functions, so multi-line commands and pipes keep their meaning.
  lab.steps.forEach((step, index) => {
    if (included(step)) lines.push(...stepFunctions(lab, step, index + 1));
  });
  lines.push('run_steps() {');
  lab.steps.forEach((step, index) => {
    if (included(step)) lines.push(...stepBody(lab, step, index + 1));
  });
  lines.push('group_end', '}', '');

  lines.push('run_cleanup() {', "echo '==> Cleanup'", "CURRENT_STEP=''", '# Best effort: one failing cleanup command does not stop the others.', 'set +e');
  lines.push(...commandLines(multiMode ? lab.cleanup : commandsForMode(lab.cleanup, lab.modes[0] as LabMode), lab));
  lines.push('set -e', '}', '');

  lines.push(
    'if [ "${CLEANUP_ONLY}" = 1 ]; then',
    '  run_cleanup',
    '  exit 0',
    'fi',
    'run_steps',
    'if [ "${CLEANUP}" = 1 ]; then',
    '  run_cleanup',
    'fi',
    `echo ${shellQuote(`Lab ${lab.id}: all steps done.`)}`,
    '',
  );
  return lines.join('\n');
}
