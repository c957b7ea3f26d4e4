/**
 * run.sh for a lab's bundle: every step in order under `set -euo pipefail`, each step's check
 * (retried while the cluster settles), and the cleanup only when asked. Generated from the same
 * Lab the page renders, so the page and the script cannot disagree.
 */
import {commandsForMode, type Lab, type LabCommand, type LabMode} from './model';
import {quoteInContext, renderForScript, shellQuote} from './placeholders';

export interface ScriptOptions {
  /** Course number of the lab, for the header (optional). */
  readonly number?: number;
  /** Where the page lives, for the header (optional). */
  readonly pageUrl?: string;
}

/** The generated script's file name inside the bundle. */
export const RUN_SCRIPT = 'run.sh';

function commandLines(commands: readonly LabCommand[], lab: Lab): string[] {
  const out: string[] = [];
  for (const command of commands) {
    const text = renderForScript(command.run);
    if (command.mode && lab.modes.length > 1) {
      out.push(`if [ "\${MODE}" = ${command.mode} ]; then`, text, 'fi');
    } else if (!command.mode || command.mode === lab.modes[0]) {
      out.push(text);
    }
  }
  return out;
}

/** A markdown hint as one line of plain text for a terminal. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function generateRunScript(lab: Lab, options: ScriptOptions = {}): string {
  const multiMode = lab.modes.length > 1;
  const title = options.number === undefined ? lab.title : `Lab ${options.number}: ${lab.title}`;
  const variables = lab.variables ?? [];
  const lines: string[] = [
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
    '#   LAB_OUTPUT_DIR=DIR saves the output of each step that has an expected output to DIR/<step>.txt.',
    '#   CHECK_ATTEMPTS and CHECK_INTERVAL (seconds) control how long a failing check is retried.',
    'set -euo pipefail',
    '# Let the ERR trap below see failures inside functions too.',
    'set -o errtrace',
    'cd "$(dirname "$0")"',
    '',
  ];
  for (const variable of variables) {
    lines.push(`# ${variable.description.replace(/\s+/g, ' ')}`);
    lines.push(`export ${variable.name}="\${${variable.name}:-${quoteInContext(variable.default, 'double').replace(/}/g, '\\}')}}"`);
  }
  if (multiMode) lines.push(`MODE="\${MODE:-${lab.modes[0]}}"`);
  lines.push(
    'CLEANUP="${CLEANUP:-0}"',
    'CLEANUP_ONLY=0',
    'CHECK_ATTEMPTS="${CHECK_ATTEMPTS:-30}"',
    'CHECK_INTERVAL="${CHECK_INTERVAL:-5}"',
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
  lines.push(
    '',
    '# The step being run, for messages; a failing command prints the step and its hint.',
    "CURRENT_STEP=''",
    "CURRENT_HINT=''",
    'on_error() {',
    '  if [ -n "${CURRENT_STEP}" ]; then',
    '    echo "Step ${CURRENT_STEP} failed." >&2',
    '    echo "Hint: ${CURRENT_HINT}" >&2',
    '  fi',
    '}',
    'trap on_error ERR',
    '',
    '# verify CHECK_FUNCTION: retry the step\'s check until it passes or the attempts run out.',
    'verify() {',
    '  local attempt=1',
    '  until "$1" >/dev/null 2>&1; do',
    '    if [ "${attempt}" -ge "${CHECK_ATTEMPTS}" ]; then',
    '      echo "Step ${CURRENT_STEP}: the check still fails after ${attempt} attempts:" >&2',
    '      "$1" >&2 || true',
    '      echo "Hint: ${CURRENT_HINT}" >&2',
    '      exit 1',
    '    fi',
    '    attempt=$((attempt + 1))',
    '    sleep "${CHECK_INTERVAL}"',
    '  done',
    '  echo "    ok: step ${CURRENT_STEP} checked"',
    '}',
    '',
    '# capture_start STEP / capture_end: copy the output in between to LAB_OUTPUT_DIR/STEP.txt.',
    'CAPTURE_PID=\'\'',
    'capture_start() {',
    '  if [ -n "${LAB_OUTPUT_DIR:-}" ]; then',
    '    mkdir -p "${LAB_OUTPUT_DIR}"',
    '    exec 3>&1 4>&2',
    '    exec > >(tee "${LAB_OUTPUT_DIR}/$1.txt") 2>&1',
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
  );

  // Each check is a function, so multi-line checks and pipes keep their meaning.
  lab.steps.forEach((step, index) => {
    if (!step.check || (step.mode && !multiMode && step.mode !== lab.modes[0])) return;
    lines.push(`check_${index + 1}() {`, renderForScript(step.check), '}', '');
  });

  lines.push('run_steps() {');
  lab.steps.forEach((step, index) => {
    const number = index + 1;
    if (step.mode && !multiMode && step.mode !== lab.modes[0]) return;
    const body: string[] = [];
    const hint = plainText(step.hint);
    body.push(`echo ${shellQuote(`==> Step ${number}: ${step.title}`)}`);
    body.push(`CURRENT_STEP=${shellQuote(`${number} (${step.title})`)}`);
    // The hint is literal text; tell shellcheck a "$" in it is not meant to expand.
    if (hint.includes('$')) body.push('# shellcheck disable=SC2016');
    body.push(`CURRENT_HINT=${shellQuote(hint)}`);
    const commands = multiMode ? step.commands : commandsForMode(step.commands, lab.modes[0] as LabMode);
    if (step.expect) {
      // Capture from the last command that runs in each mode.
      const modes = multiMode ? lab.modes : [lab.modes[0] as LabMode];
      const lastFor = new Map<LabMode, number>();
      for (const mode of modes) {
        commands.forEach((command, index) => {
          if (!command.mode || command.mode === mode) lastFor.set(mode, index);
        });
      }
      commands.forEach((command, index) => {
        const startsHere = modes.filter((mode) => lastFor.get(mode) === index);
        if (startsHere.length === modes.length) body.push(`capture_start ${shellQuote(step.id)}`);
        else for (const mode of startsHere) body.push(`if [ "\${MODE}" = ${mode} ]; then capture_start ${shellQuote(step.id)}; fi`);
        body.push(...commandLines([command], lab));
      });
      body.push('capture_end');
    } else {
      body.push(...commandLines(commands, lab));
    }
    if (step.check) body.push(`verify check_${number}`);
    if (step.mode && multiMode) lines.push(`if [ "\${MODE}" = ${step.mode} ]; then`, ...body, 'fi');
    else lines.push(...body);
  });
  lines.push('}', '');

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
