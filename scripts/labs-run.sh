#!/usr/bin/env bash
# Runs one job of the Labs-on-kind matrix: a plan of actions (src/lib/labs/matrix.ts) on the
# current cluster, each lab's run.sh from its published bundle, with snapshots before and after
# every lab for the leftovers check. Every action runs even when an earlier one failed (labs that
# need a failed lab are skipped); the exit status is 1 when anything failed.
#
# Usage: scripts/labs-run.sh MODE ACTION...      actions: keep:ID test:ID teardown:ID final:ID task:ID
#
# A task:ID action proves a practice task (labs/tasks/ID): setup.sh, then verify.sh must FAIL
# (exit 1 with a FAIL line), then solution.sh, then verify.sh must PASS (re-run until it does or
# LABS_TASK_SETTLE seconds pass), then cleanup.sh, with the same leftovers check as a lab.
#
# Environment:
#   LABS_BUNDLES       folder with <id>.tar.gz (default: build/labs)
#   LABS_WORK          where bundles unpack and results go (default: ${RUNNER_TEMP:-/tmp}/labs-run)
#   LABS_SITE          base URL of the served site (…/service-mesh-labs/): run.sh then applies the
#                      manifests from there, as the page's commands do; unset: the bundle's files
#   LABS_STEP_TIMEOUT  seconds a step may take to settle (run.sh STEP_TIMEOUT; default 240)
#   LABS_LAB_TIMEOUT   limit for one run.sh (timeout(1) duration; default 15m)
#   LABS_CLUSTER_NAME  kind cluster name for lab 1 (default: the lab's own, istio-labs; the job's
#                      cluster is called labs-job, so lab 1's cleanup can never delete it)
#   LABS_MATCHER       run.sh LAB_MATCHER (default: the course's matcher through tsx)
#   LABS_TASKS         folder with the published task files, <id>/setup.sh … (default: build/tasks)
#   LABS_TASK_SETTLE   seconds verify.sh may take to pass after the solution (default 180)
#   LABS_VERIFY_TRIES  VERIFY_TRIES for the verify that must fail (default 2: it should fail fast)
# Results: $LABS_WORK/{outputs/<id>/, logs/<id>.log, snapshots/, summary.md}.
set -uo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:?usage: labs-run.sh MODE ACTION...}"
shift
bundles="${LABS_BUNDLES:-${repo}/build/labs}"
work="${LABS_WORK:-${RUNNER_TEMP:-/tmp}/labs-run}"
matcher="${LABS_MATCHER:-${repo}/node_modules/.bin/tsx ${repo}/src/plugins/labs/verify-outputs.ts match}"
tsx="${repo}/node_modules/.bin/tsx"
tasks="${LABS_TASKS:-${repo}/build/tasks}"
mkdir -p "${work}/labs" "${work}/outputs" "${work}/logs" "${work}/snapshots"
summary="${work}/summary.md"
: > "${summary}"
failed=0
broken=()

note() { # note STATUS ACTION DETAIL: one line of the summary
  echo "| $1 | $2 | $3 |" >> "${summary}"
  echo "[labs-run] $1 $2 $3"
  if [ "$1" = FAIL ]; then failed=1; echo "::error title=$2::$3"; fi
}

snapshot() { # snapshot NAME: the cluster's and the machine's state, one file per part
  local dir="${work}/snapshots/$1"
  rm -rf "${dir}"
  mkdir -p "${dir}"
  if kubectl get namespaces >/dev/null 2>&1; then
    # A namespace still being deleted is waited for, so a slow delete is not reported as left.
    kubectl wait --for=delete namespace --field-selector=status.phase=Terminating --timeout=120s >/dev/null 2>&1 || true
    kubectl get namespaces -o json > "${dir}/namespaces.json"
    kubectl get crd -o name > "${dir}/crds.txt"
    kubectl get mutatingwebhookconfigurations,validatingwebhookconfigurations -o name > "${dir}/webhooks.txt"
    kubectl get clusterroles,clusterrolebindings -o name > "${dir}/clusterroles.txt"
    if kubectl get configmap istio -n istio-system >/dev/null 2>&1; then
      kubectl get configmap istio -n istio-system -o jsonpath='{.data.mesh}' > "${dir}/meshconfig.txt"
    fi
  fi
  kind get clusters > "${dir}/kind-clusters.txt" 2>/dev/null || true
  ps -eo pid=,args= > "${dir}/processes.txt"
  { compgen -G '/tmp/istio-labs-*' || true; find "${work}/labs" -mindepth 2 -maxdepth 2; } | sort > "${dir}/files.txt"
}

unpack() { # unpack ID: the lab's bundle, once (a kept lab keeps its folder and downloads)
  [ -d "${work}/labs/$1" ] || tar -xzf "${bundles}/$1.tar.gz" -C "${work}/labs"
}

run_lab() { # run_lab ID [run.sh arguments]: the lab's run.sh with the CI settings, logged
  local id="$1"
  shift
  local settings=(MODE="${mode}" LAB_OUTPUT_DIR="${work}/outputs/${id}" STEP_TIMEOUT="${LABS_STEP_TIMEOUT:-240}" LAB_MATCHER="${matcher}")
  if [ -n "${LABS_SITE:-}" ]; then settings+=(LAB_MANIFESTS="${LABS_SITE%/}/labs/${id}"); fi
  if [ "${id}" = local-cluster ] && [ -n "${LABS_CLUSTER_NAME:-}" ]; then settings+=(CLUSTER_NAME="${LABS_CLUSTER_NAME}"); fi
  echo "[labs-run] ${id} ${*:-(steps)}" | tee -a "${work}/logs/${id}.log"
  env "${settings[@]}" timeout --kill-after=30s "${LABS_LAB_TIMEOUT:-15m}" "${work}/labs/${id}/run.sh" "$@" 2>&1 | tee -a "${work}/logs/${id}.log"
  local status="${PIPESTATUS[0]}"
  if [ "${status}" = 124 ]; then echo "[labs-run] ${id}: stopped after ${LABS_LAB_TIMEOUT:-15m}" | tee -a "${work}/logs/${id}.log"; fi
  return "${status}"
}

leftovers() { # leftovers ACTION BEFORE AFTER
  local report
  if report="$("${tsx}" "${repo}/scripts/labs-leftovers.ts" diff "${work}/snapshots/$2" "${work}/snapshots/$3")"; then
    note PASS "$1 leftovers" "none"
  else
    echo "${report}" > "${work}/logs/$1.leftovers.txt"
    echo "${report}"
    note FAIL "$1 leftovers" "$(echo "${report}" | sed -n '2,$p' | tr '\n' ';' | sed 's/  */ /g')"
  fi
}

task_script() { # task_script ID SCRIPT [VAR=VALUE…]: one of the task's published scripts, logged
  local id="$1" script="$2"
  shift 2
  local manifests="${tasks}/${id}"
  if [ -n "${LABS_SITE:-}" ]; then manifests="${LABS_SITE%/}/tasks/${id}"; fi
  echo "[labs-run] task ${id}: ${script}" | tee -a "${work}/logs/task-${id}.log"
  env LAB_MANIFESTS="${manifests}" "$@" timeout --kill-after=30s "${LABS_LAB_TIMEOUT:-15m}" bash "${tasks}/${id}/${script}" 2>&1 | tee -a "${work}/logs/task-${id}.log" "${work}/outputs/task-${id}.last"
  return "${PIPESTATUS[0]}"
}

task_verify_settles() { # task_verify_settles ID: verify.sh until it passes, or LABS_TASK_SETTLE seconds
  local deadline=$((SECONDS + ${LABS_TASK_SETTLE:-180}))
  until task_script "$1" verify.sh; do
    if [ "${SECONDS}" -ge "${deadline}" ]; then return 1; fi
    sleep 2
  done
}

run_task() { # run_task ID: setup, verify must fail, solution, verify must pass, cleanup, leftovers
  local id="$1" status
  : > "${work}/logs/task-${id}.log"
  snapshot "before-task-${id}"
  if task_script "${id}" setup.sh; then
    note PASS "task:${id}" "setup"
    task_script "${id}" verify.sh VERIFY_TRIES="${LABS_VERIFY_TRIES:-2}"
    status=$?
    if [ "${status}" = 1 ] && grep -q '^FAIL  ' "${work}/outputs/task-${id}.last"; then
      note PASS "task:${id}" "verify fails before the solution ($(grep -c '^FAIL  ' "${work}/outputs/task-${id}.last") criteria)"
    else
      note FAIL "task:${id}" "verify must fail right after setup (exit ${status}; see logs/task-${id}.log)"
    fi
    if task_script "${id}" solution.sh; then
      if task_verify_settles "${id}"; then note PASS "task:${id}" "verify passes after the solution"; else note FAIL "task:${id}" "verify still fails after the solution (see logs/task-${id}.log)"; fi
    else
      note FAIL "task:${id}" "solution.sh exited non-zero"
    fi
  else
    note FAIL "task:${id}" "setup.sh exited non-zero (see logs/task-${id}.log)"
  fi
  # The cleanup runs whatever happened, so the next task starts from the same cluster.
  task_script "${id}" cleanup.sh || note FAIL "task:${id}" "cleanup.sh exited non-zero"
  snapshot "after-task-${id}"
  leftovers "task:${id}" "before-task-${id}" "after-task-${id}"
}

act() { # act KIND ID
  local kind="$1" id="$2"
  if { [ "${kind}" = keep ] || [ "${kind}" = test ] || [ "${kind}" = task ]; } && [ "${#broken[@]}" -gt 0 ]; then
    note SKIP "${kind}:${id}" "needs ${broken[*]}, which failed"
    return
  fi
  case "${kind}" in
    keep)
      unpack "${id}"
      snapshot "before-${id}"
      if run_lab "${id}"; then note PASS "keep:${id}" "steps"; else note FAIL "keep:${id}" "steps (see logs/${id}.log)"; broken+=("${id}"); fi
      ;;
    test)
      unpack "${id}"
      snapshot "before-${id}"
      if run_lab "${id}"; then note PASS "test:${id}" "steps"; else note FAIL "test:${id}" "steps (see logs/${id}.log, outputs/${id}/)"; fi
      # The cleanup runs even after a failed step, so the next lab starts from a known state.
      run_lab "${id}" --cleanup-only || note FAIL "test:${id}" "cleanup exited non-zero"
      snapshot "after-${id}"
      leftovers "test:${id}" "before-${id}" "after-${id}"
      ;;
    teardown)
      run_lab "${id}" --cleanup-only || note FAIL "teardown:${id}" "cleanup exited non-zero"
      snapshot "after-${id}"
      leftovers "teardown:${id}" "before-${id}" "after-${id}"
      local kept=()
      for lab in "${broken[@]}"; do [ "${lab}" = "${id}" ] || kept+=("${lab}"); done
      broken=("${kept[@]}")
      ;;
    final)
      unpack "${id}"
      if run_lab "${id}" --cleanup; then note PASS "final:${id}" "steps"; else note FAIL "final:${id}" "steps (see logs/${id}.log)"; fi
      snapshot "after-${id}"
      local report
      if report="$("${tsx}" "${repo}/scripts/labs-leftovers.ts" judge "${work}/snapshots/after-${id}")"; then
        note PASS "final:${id} leaves" "no mesh, namespaces, processes or files"
      else
        echo "${report}"
        note FAIL "final:${id} leaves" "$(echo "${report}" | sed -n '2,$p' | tr '\n' ';' | sed 's/  */ /g')"
      fi
      ;;
    task)
      run_task "${id}"
      ;;
    *)
      note FAIL "${kind}:${id}" "unknown action"
      ;;
  esac
}

echo "| result | action | detail |" >> "${summary}"
echo "|---|---|---|" >> "${summary}"
for action in "$@"; do
  act "${action%%:*}" "${action#*:}"
done
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo "### Labs (${mode}): $*"; cat "${summary}"; } >> "${GITHUB_STEP_SUMMARY}"
fi
exit "${failed}"
