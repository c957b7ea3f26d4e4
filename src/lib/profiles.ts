/**
 * Installation profiles as data: which components each profile installs, and the helpers the
 * profile picker and the profile × component table share. Pure TypeScript, no React.
 */
import type {ComparisonCell, ComparisonTableData} from './tables';

/** One installable component (a Deployment or DaemonSet an istioctl profile may turn on). */
export interface MeshComponent<C extends string> {
  readonly id: C;
  /** The Kubernetes workload name as you see it in `kubectl get pods -n istio-system`. */
  readonly name: string;
  readonly role: string;
}

/** One built-in configuration profile. `installs` must name every component (the compiler checks). */
export interface InstallProfile<P extends string, C extends string> {
  readonly name: P;
  readonly purpose: string;
  readonly useWhen: string;
  /** Something a learner could get wrong about the profile; optional. */
  readonly caution?: string;
  readonly installs: Readonly<Record<C, boolean>>;
}

/** The components a profile installs, in the order the component list gives them. */
export function installedComponents<P extends string, C extends string>(
  profile: InstallProfile<P, C>,
  components: readonly MeshComponent<C>[],
): MeshComponent<C>[] {
  return components.filter((component) => profile.installs[component.id]);
}

/** The components a profile leaves out, in list order. */
export function omittedComponents<P extends string, C extends string>(
  profile: InstallProfile<P, C>,
  components: readonly MeshComponent<C>[],
): MeshComponent<C>[] {
  return components.filter((component) => !profile.installs[component.id]);
}

/**
 * A profile named in free text (a URL parameter, say), or the fallback when the text names none.
 * Matching ignores case and surrounding spaces.
 */
export function pickProfile<P extends string>(value: string | null | undefined, names: readonly P[], fallback: P): P {
  const wanted = (value ?? '').trim().toLowerCase();
  return names.find((name) => name.toLowerCase() === wanted) ?? fallback;
}

/**
 * The profile × component matrix as a comparison table: one row per component, one ✓/✗ column
 * per profile. Built from the same data the picker shows, so the two can never disagree.
 */
export function profileComponentTable<P extends string, C extends string>(
  id: string,
  caption: string,
  profiles: readonly InstallProfile<P, C>[],
  components: readonly MeshComponent<C>[],
): ComparisonTableData<'component' | P> {
  const columns = [
    {key: 'component' as const, label: 'Component'},
    ...profiles.map((profile) => ({key: profile.name, label: profile.name})),
  ];
  const rows = components.map((component) => {
    const cells: Record<string, ComparisonCell> = {component: component.name};
    for (const profile of profiles) cells[profile.name] = {mark: profile.installs[component.id]};
    // Every key of 'component' | P was filled just above; the index signature cannot say so.
    return cells as Readonly<Record<'component' | P, ComparisonCell>>;
  });
  return {id, caption, columns, rows};
}
