import type {ComparisonTableData} from '@site/src/lib/tables';

type ModelColumn = 'model' | 'controlPlanes' | 'discovery' | 'traffic' | 'eastWest' | 'fits';

/** Part 8: multi-cluster deployment models. */
export const multiClusterModelsTable: ComparisonTableData<ModelColumn> = {
  id: 'multicluster-models',
  caption: 'Multi-cluster deployment models compared',
  columns: [
    {key: 'model', label: 'Model'},
    {key: 'controlPlanes', label: 'Control planes'},
    {key: 'discovery', label: 'How endpoints are discovered'},
    {key: 'traffic', label: 'Cross-cluster traffic path'},
    {key: 'eastWest', label: 'East-west gateway'},
    {key: 'fits', label: 'Good fit'},
  ],
  rows: [
    {
      model: 'Primary-remote, one network',
      controlPlanes: 'One istiod, in the primary cluster; the remote cluster has none.',
      discovery: 'The primary’s istiod reads both API servers (a remote secret for the remote cluster).',
      traffic: 'Pod to pod directly: pod IPs are routable between the clusters.',
      eastWest: {mark: false, note: 'Only to expose istiod to the remote, if its address is not reachable otherwise.'},
      fits: 'Few clusters run by one team; smallest footprint.',
    },
    {
      model: 'Primary-remote, different networks',
      controlPlanes: 'One istiod, in the primary cluster.',
      discovery: 'As above; remote proxies reach istiod through the primary’s east-west gateway.',
      traffic: 'Through the destination cluster’s east-west gateway (port 15443, mTLS passed through).',
      eastWest: {mark: true, note: 'In every cluster; the primary’s also exposes istiod.'},
      fits: 'Separate VPCs or clouds with one operations team.',
    },
    {
      model: 'Multi-primary, one network',
      controlPlanes: 'One istiod per cluster.',
      discovery: 'Each istiod reads every API server through remote secrets.',
      traffic: 'Pod to pod directly.',
      eastWest: {mark: false},
      fits: 'High availability of the control plane; each cluster keeps working alone.',
    },
    {
      model: 'Multi-primary, different networks',
      controlPlanes: 'One istiod per cluster.',
      discovery: 'Each istiod reads every API server through remote secrets.',
      traffic: 'Through the destination cluster’s east-west gateway.',
      eastWest: {mark: true, note: 'In every cluster, exposing services with AUTO_PASSTHROUGH.'},
      fits: 'Regions or clouds that must survive each other’s failure.',
    },
    {
      model: 'External control plane',
      controlPlanes: 'istiod runs outside the data-plane clusters (for example in a management cluster).',
      discovery: 'The external istiod reads the data-plane clusters’ API servers.',
      traffic: 'As in the network layout underneath (direct or through gateways).',
      eastWest: {mark: false, note: 'Needed only for different networks.'},
      fits: 'Platform teams that run the mesh as a service for other teams.',
    },
  ],
};

type ExtensionColumn = 'mechanism' | 'api' | 'changes' | 'runsOn' | 'risk' | 'useFor';

/** Part 8: the ways to change what the proxies do, from safest to most fragile. */
export const extensionMechanismsTable: ComparisonTableData<ExtensionColumn> = {
  id: 'extension-mechanisms',
  caption: 'Ways to extend or customise the proxies, safest first',
  columns: [
    {key: 'mechanism', label: 'Mechanism'},
    {key: 'api', label: 'API'},
    {key: 'changes', label: 'What it changes'},
    {key: 'runsOn', label: 'Runs on'},
    {key: 'risk', label: 'Upgrade risk'},
    {key: 'useFor', label: 'Use it for'},
  ],
  rows: [
    {
      mechanism: 'Telemetry API',
      api: 'Telemetry (telemetry.istio.io/v1)',
      changes: 'Metrics, access logs and tracing: providers, sampling, custom span tags.',
      runsOn: 'Sidecars, gateways, waypoints (ztunnel: L4 metrics and logs)',
      risk: 'Low: a stable, versioned API.',
      useFor: 'Custom span tags, sampling rates, turning access logs on for one namespace.',
    },
    {
      mechanism: 'Extension providers',
      api: 'meshConfig.extensionProviders, selected by Telemetry or AuthorizationPolicy CUSTOM',
      changes: 'Plugs an external service in: tracer, log sink, external authorizer (ext_authz).',
      runsOn: 'Envoy-based proxies',
      risk: 'Low',
      useFor: 'OAuth/OPA-style external authorization, OpenTelemetry export.',
    },
    {
      mechanism: 'TrafficExtension',
      api: 'TrafficExtension (extensions.istio.io/v1alpha1), since Istio 1.30',
      changes: 'Adds a Wasm module or an inline Lua script to the HTTP filter chain at a chosen phase.',
      runsOn: 'Sidecars, gateways, waypoints',
      risk: 'Medium: alpha API; your code runs in every request.',
      useFor: 'Header manipulation, custom auth, request transformation.',
    },
    {
      mechanism: 'WasmPlugin',
      api: 'WasmPlugin (extensions.istio.io/v1alpha1)',
      changes: 'Adds a Wasm module (from an OCI image or URL) at a chosen phase.',
      runsOn: 'Sidecars, gateways, waypoints (with targetRefs)',
      risk: 'Medium: still served, but superseded by TrafficExtension.',
      useFor: 'Existing Wasm deployments; new work should start with TrafficExtension.',
    },
    {
      mechanism: 'EnvoyFilter',
      api: 'EnvoyFilter (networking.istio.io/v1alpha3 only)',
      changes: 'Patches the generated Envoy configuration directly (listeners, clusters, filters).',
      runsOn: 'Sidecars and gateways; waypoints only as an Alpha feature (targetRefs to the waypoint Gateway)',
      risk: 'High: depends on Envoy internals and names Istio may change in any release.',
      useFor: 'The rare setting no API exposes; keep it small, scoped and tested on upgrade.',
    },
  ],
};
