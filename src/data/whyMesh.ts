import type {ComparisonTableData} from '@site/src/lib/tables';

type ApproachColumn = 'concern' | 'inApp' | 'inMesh';

/** Part 1: how each cross-cutting concern is handled with libraries in every service vs by a mesh. */
export const approachesTable: ComparisonTableData<ApproachColumn> = {
  id: 'library-vs-mesh',
  caption: 'Cross-cutting concerns: coded into every service versus handled by the mesh',
  columns: [
    {key: 'concern', label: 'Concern'},
    {key: 'inApp', label: 'Coded into each service'},
    {key: 'inMesh', label: 'Handled by the mesh'},
  ],
  rows: [
    {
      concern: 'Retries and timeouts',
      inApp: 'A client library per language; every team picks its own defaults.',
      inMesh: 'Declared once per route in a VirtualService; the proxy enforces them.',
    },
    {
      concern: 'Encryption in transit',
      inApp: 'Each service loads certificates, configures TLS and rotates keys itself.',
      inMesh: 'Proxies do mutual TLS with certificates issued and rotated by istiod.',
    },
    {
      concern: 'Service identity',
      inApp: 'Shared secrets or API keys passed around in configuration.',
      inMesh: 'A SPIFFE identity derived from the Kubernetes service account.',
    },
    {
      concern: 'Metrics and traces',
      inApp: 'Instrumentation code in every service; names differ between teams.',
      inMesh: 'The same request metrics for every workload, emitted by the proxy.',
    },
    {
      concern: 'Traffic routing (canary, A/B)',
      inApp: 'Feature flags or a custom router; a redeploy to change the split.',
      inMesh: 'Weights and header matches in configuration, changed without a redeploy.',
    },
    {
      concern: 'Changing the policy',
      inApp: 'Edit, build, test and redeploy every affected service.',
      inMesh: 'Apply a new resource; the control plane pushes it to the proxies.',
    },
    {
      concern: 'Third-party or legacy services',
      inApp: {mark: false, note: 'You cannot add the library to code you do not own.'},
      inMesh: {mark: true, note: 'The proxy sits beside the service, so its code stays untouched.'},
    },
  ],
};
