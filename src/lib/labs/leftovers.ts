/**
 * Leftovers: what a lab changed in the cluster and on the machine, comparing a snapshot taken
 * before the lab with one taken after its cleanup. Pure logic; scripts/labs-run.sh collects the
 * snapshots (raw kubectl/ps/ls output, one file per part) and scripts/labs-leftovers.ts reports.
 *
 * A snapshot folder holds:
 *   namespaces.json          kubectl get namespaces -o json
 *   crds.txt                 kubectl get crd -o name
 *   webhooks.txt             kubectl get mutatingwebhookconfigurations,validatingwebhookconfigurations -o name
 *   clusterroles.txt         kubectl get clusterroles,clusterrolebindings -o name
 *   meshconfig.txt           the `mesh` key of the istio ConfigMap in istio-system (absent: no file)
 *   kind-clusters.txt        kind get clusters
 *   processes.txt            ps -eo pid=,args= (every process; filtered here)
 *   files.txt                /tmp/istio-labs-* and the entries of the lab folders, one path a line
 */

export interface Snapshot {
  /** Namespace name → phase and labels ("key=value", sorted). */
  readonly namespaces: ReadonlyMap<string, {readonly phase: string; readonly labels: readonly string[]}>;
  readonly crds: ReadonlySet<string>;
  readonly webhooks: ReadonlySet<string>;
  readonly clusterRbac: ReadonlySet<string>;
  /** null when the cluster has no istio ConfigMap. */
  readonly meshConfig: string | null;
  readonly kindClusters: ReadonlySet<string>;
  /** "PID ARGS" of the processes a lab may start: port-forwards, dashboards, tunnels, kind. */
  readonly processes: ReadonlySet<string>;
  readonly files: ReadonlySet<string>;
}

export interface Leftover {
  readonly kind: 'namespace' | 'namespace-label' | 'crd' | 'webhook' | 'cluster-rbac' | 'mesh-config' | 'kind-cluster' | 'process' | 'file';
  readonly message: string;
}

/** Processes a lab can leave running: the tools the labs start in the background. */
const LAB_PROCESS = /(^|\/)(kubectl|istioctl|kind|stern|minikube|helm|fortio)(\s|$)/;
/** Labels Kubernetes sets itself on every namespace. */
const AUTOMATIC_LABEL = /^kubernetes\.io\/metadata\.name=/;

const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);
const MESH_CRD = /istio\.io|gateway\.networking\.k8s\.io/;
const MESH_NAME = /istio|kiali|prometheus|grafana|jaeger|ztunnel/;

function nameSet(text: string | undefined): Set<string> {
  return new Set((text ?? '').split('\n').map((line) => line.trim()).filter(Boolean));
}

interface NamespaceList {
  readonly items?: readonly {
    readonly metadata?: {readonly name?: string; readonly labels?: Readonly<Record<string, string>>};
    readonly status?: {readonly phase?: string};
  }[];
}

/** Reads a snapshot from its files (name → text; a missing file is an empty part). */
export function parseSnapshot(files: Readonly<Record<string, string>>): Snapshot {
  const namespaces = new Map<string, {phase: string; labels: string[]}>();
  const list = files['namespaces.json']?.trim() ? (JSON.parse(files['namespaces.json']) as NamespaceList) : {};
  for (const item of list.items ?? []) {
    const name = item.metadata?.name;
    if (!name) continue;
    const labels = Object.entries(item.metadata?.labels ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .filter((label) => !AUTOMATIC_LABEL.test(label))
      .sort();
    namespaces.set(name, {phase: item.status?.phase ?? 'Active', labels});
  }
  const processes = new Set(
    (files['processes.txt'] ?? '')
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter((line) => LAB_PROCESS.test(line.replace(/^\d+ /, '')) && !/labs-(snapshot|run)/.test(line)),
  );
  return {
    namespaces,
    crds: nameSet(files['crds.txt']),
    webhooks: nameSet(files['webhooks.txt']),
    clusterRbac: nameSet(files['clusterroles.txt']),
    meshConfig: files['meshconfig.txt'] === undefined ? null : files['meshconfig.txt'].trim(),
    kindClusters: nameSet(files['kind-clusters.txt']),
    processes,
    files: nameSet(files['files.txt']),
  };
}

function setDiff(kind: Leftover['kind'], what: string, before: ReadonlySet<string>, after: ReadonlySet<string>): Leftover[] {
  const out: Leftover[] = [];
  for (const item of after) if (!before.has(item)) out.push({kind, message: `${what} left behind: ${item}`});
  for (const item of before) if (!after.has(item)) out.push({kind, message: `${what} removed that was there before: ${item}`});
  return out;
}

function namespaceDiff(before: Snapshot, after: Snapshot): Leftover[] {
  const out: Leftover[] = [];
  for (const [name, state] of after.namespaces) {
    const earlier = before.namespaces.get(name);
    if (!earlier) {
      out.push({kind: 'namespace', message: `namespace left behind: ${name}${state.phase === 'Active' ? '' : ` (${state.phase})`}`});
      continue;
    }
    if (state.phase !== earlier.phase) out.push({kind: 'namespace', message: `namespace ${name} is ${state.phase}, was ${earlier.phase}`});
    const added = state.labels.filter((label) => !earlier.labels.includes(label));
    const removed = earlier.labels.filter((label) => !state.labels.includes(label));
    if (added.length > 0) out.push({kind: 'namespace-label', message: `namespace ${name}: label left behind: ${added.join(', ')}`});
    if (removed.length > 0) out.push({kind: 'namespace-label', message: `namespace ${name}: label removed that was there before: ${removed.join(', ')}`});
  }
  for (const name of before.namespaces.keys()) {
    if (!after.namespaces.has(name)) out.push({kind: 'namespace', message: `namespace removed that was there before: ${name}`});
  }
  return out;
}

function meshConfigDiff(before: string | null, after: string | null): Leftover[] {
  if (before === after) return [];
  if (before === null) return [{kind: 'mesh-config', message: 'mesh config (istio ConfigMap) left behind'}];
  if (after === null) return [{kind: 'mesh-config', message: 'mesh config (istio ConfigMap) removed that was there before'}];
  const was = before.split('\n');
  const now = after.split('\n');
  const changes = [...now.filter((line) => !was.includes(line)).map((line) => `+ ${line}`), ...was.filter((line) => !now.includes(line)).map((line) => `- ${line}`)];
  return [{kind: 'mesh-config', message: `mesh config (istio ConfigMap) changed:\n${changes.join('\n')}`}];
}

/** Everything that differs between before the lab and after its cleanup. */
export function diffSnapshots(before: Snapshot, after: Snapshot, allowedFiles: readonly RegExp[] = []): Leftover[] {
  const files = (snapshot: Snapshot) => new Set([...snapshot.files].filter((file) => !allowedFiles.some((pattern) => pattern.test(file))));
  return [
    ...namespaceDiff(before, after),
    ...setDiff('crd', 'CRD', before.crds, after.crds),
    ...setDiff('webhook', 'webhook', before.webhooks, after.webhooks),
    ...setDiff('cluster-rbac', 'cluster-scoped RBAC', before.clusterRbac, after.clusterRbac),
    ...meshConfigDiff(before.meshConfig, after.meshConfig),
    ...setDiff('kind-cluster', 'kind cluster', before.kindClusters, after.kindClusters),
    // A process that was running before and is gone is not the lab's leftover: only new ones count.
    ...setDiff('process', 'process', before.processes, after.processes).filter((leftover) => !leftover.message.includes('removed')),
    ...setDiff('file', 'file', files(before), files(after)),
  ];
}

/** What the cleanup lab must leave: no mesh anywhere, only the system namespaces, no lab process or file. */
export function judgeCleanedCluster(after: Snapshot, allowedFiles: readonly RegExp[] = []): Leftover[] {
  const out: Leftover[] = [];
  for (const name of after.namespaces.keys()) {
    if (!SYSTEM_NAMESPACES.has(name)) out.push({kind: 'namespace', message: `namespace still there: ${name}`});
  }
  for (const [name, state] of after.namespaces) {
    const mesh = state.labels.filter((label) => /istio/.test(label));
    if (mesh.length > 0) out.push({kind: 'namespace-label', message: `namespace ${name} still has mesh labels: ${mesh.join(', ')}`});
  }
  for (const crd of after.crds) if (MESH_CRD.test(crd)) out.push({kind: 'crd', message: `CRD still there: ${crd}`});
  for (const hook of after.webhooks) if (/istio/.test(hook)) out.push({kind: 'webhook', message: `webhook still there: ${hook}`});
  for (const item of after.clusterRbac) if (MESH_NAME.test(item)) out.push({kind: 'cluster-rbac', message: `cluster-scoped RBAC still there: ${item}`});
  if (after.meshConfig !== null) out.push({kind: 'mesh-config', message: 'the istio ConfigMap is still there'});
  for (const process of after.processes) out.push({kind: 'process', message: `process still running: ${process}`});
  for (const file of after.files) {
    if (/\/istio-labs-[^/]*$/.test(file) && !allowedFiles.some((pattern) => pattern.test(file))) out.push({kind: 'file', message: `file still there: ${file}`});
  }
  return out;
}
