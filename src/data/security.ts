import type {ComparisonTableData} from '@site/src/lib/tables';

type MtlsModeColumn = 'mode' | 'accepts' | 'sidecar' | 'ambient' | 'use';

/** Part 6: what each PeerAuthentication mode means on the receiving side, in both data-plane modes. */
export const mtlsModesTable: ComparisonTableData<MtlsModeColumn> = {
  id: 'peer-authentication-modes',
  caption: 'PeerAuthentication modes: what the receiving workload accepts',
  columns: [
    {key: 'mode', label: 'Mode'},
    {key: 'accepts', label: 'Accepts'},
    {key: 'sidecar', label: 'Sidecar mode'},
    {key: 'ambient', label: 'Ambient mode'},
    {key: 'use', label: 'Use it for'},
  ],
  rows: [
    {
      mode: 'PERMISSIVE (the default)',
      accepts: 'Both mutual TLS and plaintext on the same port.',
      sidecar: {mark: true, note: 'The inbound listener detects TLS and serves both.'},
      ambient: {mark: true, note: 'ztunnel takes HBONE from the mesh and plaintext from outside it.'},
      use: 'Migration: meshed clients already use mTLS while unmeshed ones keep working.',
    },
    {
      mode: 'STRICT',
      accepts: 'Only mutual TLS with a certificate issued by the mesh CA.',
      sidecar: {mark: true, note: 'A plaintext client gets a reset connection (curl exit 56).'},
      ambient: {mark: true, note: 'ztunnel resets plaintext connections (curl exit 56).'},
      use: 'The target state for every namespace once all clients are in the mesh.',
    },
    {
      mode: 'DISABLE',
      accepts: 'Only plaintext.',
      sidecar: {mark: true, note: 'Turns mTLS off for the selected workload or port.'},
      ambient: {mark: false, note: 'Ignored: ztunnel always speaks HBONE (mTLS) between meshed pods.'},
      use: 'Rare, temporary exceptions in sidecar mode, e.g. a port scraped by a system outside the mesh.',
    },
    {
      mode: 'UNSET',
      accepts: 'Whatever the parent scope says.',
      sidecar: {mark: true, note: 'Inherits namespace, then mesh-wide, then PERMISSIVE.'},
      ambient: {mark: true, note: 'Same inheritance.'},
      use: 'Port-level or workload policies that change only part of the inherited setting.',
    },
  ],
};

type ScopeColumn = 'scope' | 'where' | 'selector' | 'precedence' | 'example';

/** Part 6: the scopes at which PeerAuthentication (and other security policies) apply. */
export const policyScopesTable: ComparisonTableData<ScopeColumn> = {
  id: 'security-policy-scopes',
  caption: 'Where a security policy applies: mesh, namespace, workload and port',
  columns: [
    {key: 'scope', label: 'Scope'},
    {key: 'where', label: 'Namespace of the resource'},
    {key: 'selector', label: 'Selector'},
    {key: 'precedence', label: 'Precedence (PeerAuthentication)'},
    {key: 'example', label: 'Typical use'},
  ],
  rows: [
    {
      scope: 'Mesh-wide',
      where: 'The root namespace (istio-system unless meshConfig.rootNamespace says otherwise)',
      selector: 'None; keep one, named default. (A root-namespace PeerAuthentication that does have a selector is not ignored: it acts as a workload-level policy for matching workloads in every namespace.)',
      precedence: 'Lowest: used when nothing narrower exists.',
      example: 'STRICT for the whole mesh once the migration is done.',
    },
    {
      scope: 'Namespace',
      where: 'The namespace it governs',
      selector: 'None. At most one selector-less policy per namespace.',
      precedence: 'Overrides the mesh-wide policy.',
      example: 'STRICT for one team\'s namespace while others stay PERMISSIVE.',
    },
    {
      scope: 'Workload',
      where: 'The workload\'s namespace',
      selector: 'selector.matchLabels picks the pods.',
      precedence: 'Overrides namespace and mesh policies for those pods. Avoid two matching policies: Istio then uses the oldest.',
      example: 'PERMISSIVE for one legacy service in a STRICT namespace.',
    },
    {
      scope: 'Port',
      where: 'The workload\'s namespace',
      selector: 'Required: portLevelMtls only works together with a selector.',
      precedence: 'Narrowest: overrides the workload mode for the listed container ports.',
      example: 'DISABLE on a metrics port scraped from outside the mesh (sidecar mode).',
    },
  ],
};

type VerifyColumn = 'method' | 'command' | 'proves' | 'mode';

/** Part 6: four ways (plus the sidecar tools) to confirm that traffic really uses mutual TLS. */
export const mtlsVerificationTable: ComparisonTableData<VerifyColumn> = {
  id: 'mtls-verification-methods',
  caption: 'Verifying mutual TLS: what to run and what it proves',
  columns: [
    {key: 'method', label: 'Method'},
    {key: 'command', label: 'Where to look'},
    {key: 'proves', label: 'What it proves'},
    {key: 'mode', label: 'Data-plane mode'},
  ],
  rows: [
    {
      method: 'ztunnel workload table',
      command: 'istioctl ztunnel-config workloads: the PROTOCOL column',
      proves: 'HBONE means the pod is captured and its mesh traffic is tunnelled over mTLS. It does not mean plaintext is refused: that needs STRICT.',
      mode: 'Ambient',
    },
    {
      method: 'Prometheus metrics',
      command: 'connection_security_policy label on istio_requests_total or istio_tcp_connections_opened_total',
      proves: 'mutual_tls on real, recorded traffic; none exposes plaintext connections.',
      mode: 'Both',
    },
    {
      method: 'Kiali',
      command: 'Traffic Graph with the Security display option (padlocks on edges); the mTLS icon in the masthead',
      proves: 'Which edges carried mTLS traffic in the chosen time window, and the mesh-wide mode.',
      mode: 'Both',
    },
    {
      method: 'ztunnel access logs',
      command: 'kubectl logs -n istio-system ds/ztunnel: src.identity and dst.identity',
      proves: 'The SPIFFE identities at each end of a connection; plaintext connections have no source identity.',
      mode: 'Ambient',
    },
    {
      method: 'istioctl x describe pod',
      command: 'istioctl x describe pod <pod> -n <ns>',
      proves: 'The effective PeerAuthentication mode for the pod and the DestinationRules that affect it.',
      mode: 'Sidecar',
    },
    {
      method: 'Proxy secrets',
      command: 'istioctl proxy-config secret <pod> -n <ns>',
      proves: 'The proxy holds a valid workload certificate (default) and root (ROOTCA), with serial numbers and expiry.',
      mode: 'Sidecar (ambient: istioctl ztunnel-config certificates)',
    },
  ],
};

type ActionColumn = 'action' | 'effect' | 'order' | 'needs' | 'use';

/** Part 6: AuthorizationPolicy actions and the order in which the proxy evaluates them. */
export const authorizationActionsTable: ComparisonTableData<ActionColumn> = {
  id: 'authorization-actions',
  caption: 'AuthorizationPolicy actions and how they combine',
  columns: [
    {key: 'action', label: 'Action'},
    {key: 'effect', label: 'When a rule matches'},
    {key: 'order', label: 'Evaluated'},
    {key: 'needs', label: 'Needs'},
    {key: 'use', label: 'Use it for'},
  ],
  rows: [
    {
      action: 'CUSTOM',
      effect: 'The request is sent to an external authorizer, which allows or denies it.',
      order: 'First. A denial ends evaluation; an allow moves on to DENY.',
      needs: 'An extension provider (envoyExtAuthzHttp or envoyExtAuthzGrpc) in meshConfig, named in provider.name.',
      use: 'Decisions Istio cannot make itself: OPA, an in-house policy service, OAuth2 proxies.',
    },
    {
      action: 'DENY',
      effect: 'The request is refused (HTTP 403, or a reset connection at L4).',
      order: 'Second. Any matching DENY policy wins over every ALLOW policy.',
      needs: 'Nothing extra.',
      use: 'Guard rails that must hold whatever else is allowed, e.g. no DELETE from outside a namespace.',
    },
    {
      action: 'ALLOW (the default when action is omitted)',
      effect: 'The request is allowed.',
      order: 'Third. With no ALLOW policy on the workload, everything is allowed; with at least one, only requests that match one are.',
      needs: 'Nothing extra.',
      use: 'Allow lists: who may call this service, with which methods and paths.',
    },
    {
      action: 'AUDIT',
      effect: 'The request is marked for audit logging; it is neither allowed nor denied by this policy.',
      order: 'Alongside the others; it never changes the decision.',
      needs: 'A telemetry provider that acts on the audit flag (few do).',
      use: 'Recording access to sensitive paths without changing behaviour.',
    },
  ],
};

type CaColumn = 'option' | 'rootKey' | 'setup' | 'fit';

/** Part 6: where workload certificates come from, from the default to production set-ups. */
export const caOptionsTable: ComparisonTableData<CaColumn> = {
  id: 'certificate-authority-options',
  caption: 'Certificate authority options for the mesh',
  columns: [
    {key: 'option', label: 'Option'},
    {key: 'rootKey', label: 'Where the root key lives'},
    {key: 'setup', label: 'How it is set up'},
    {key: 'fit', label: 'Good for'},
  ],
  rows: [
    {
      option: 'istiod self-signed CA (default)',
      rootKey: 'In the istio-ca-secret Secret in istio-system, generated at first start.',
      setup: 'Nothing to do.',
      fit: 'Labs and single clusters where no other system needs to trust the mesh.',
    },
    {
      option: 'Plugged-in intermediate (cacerts)',
      rootKey: 'Offline, with you. Only the intermediate key is in the cluster.',
      setup: 'Create the cacerts Secret with ca-cert.pem, ca-key.pem, root-cert.pem and cert-chain.pem before installing.',
      fit: 'Several clusters sharing one root; a root kept by your security team.',
    },
    {
      option: 'cert-manager with istio-csr',
      rootKey: 'Wherever the cert-manager issuer keeps it (a CA Secret, Vault, a cloud CA…).',
      setup: 'istio-csr serves Istio\'s certificate API; istiod\'s own CA server is turned off and workloads are pointed at istio-csr.',
      fit: 'Teams already running cert-manager; short-lived intermediates rotated automatically.',
    },
    {
      option: 'HashiCorp Vault (directly or through cert-manager)',
      rootKey: 'In Vault\'s PKI engine, behind Vault\'s access policies and audit log.',
      setup: 'Issue the mesh intermediate from Vault (then plug it in as cacerts), or let cert-manager/istio-csr sign through a Vault issuer.',
      fit: 'Organisations whose PKI already lives in Vault.',
    },
  ],
};

type IdentityColumn = 'aspect' | 'peer' | 'request';

/** Part 6: the two kinds of identity Istio authenticates. */
export const identityKindsTable: ComparisonTableData<IdentityColumn> = {
  id: 'peer-vs-request-identity',
  caption: 'Peer identity and request identity',
  columns: [
    {key: 'aspect', label: 'Aspect'},
    {key: 'peer', label: 'Peer identity'},
    {key: 'request', label: 'Request identity'},
  ],
  rows: [
    {aspect: 'Who it names', peer: 'The workload that opened the connection', request: 'The user or client behind one request'},
    {aspect: 'Proven by', peer: 'Its mTLS certificate', request: 'A JSON Web Token (JWT) carried in the request'},
    {aspect: 'Configured with', peer: 'PeerAuthentication', request: 'RequestAuthentication'},
    {aspect: 'Written in policies as', peer: 'principals, namespaces', request: 'requestPrincipals, request.auth.claims[…]'},
    {aspect: 'Looks like', peer: 'cluster.local/ns/shop/sa/checkout', request: 'https://auth.example.com/user-1234 (issuer/subject)'},
  ],
};

type JwtOutcomeColumn = 'request' | 'result' | 'why';

/** Part 6: what RequestAuthentication alone does with each kind of request. */
export const jwtOutcomesTable: ComparisonTableData<JwtOutcomeColumn> = {
  id: 'request-authentication-outcomes',
  caption: 'RequestAuthentication on its own: what happens to each request',
  columns: [
    {key: 'request', label: 'Request'},
    {key: 'result', label: 'Result'},
    {key: 'why', label: 'Why'},
  ],
  rows: [
    {
      request: 'Valid token from a listed issuer',
      result: 'Passes, authenticated',
      why: 'The proxy records the request principal (iss/sub) and the claims for policies to use.',
    },
    {
      request: 'Token present but invalid (bad signature, expired, unknown issuer, wrong audience)',
      result: 'Rejected: 401 Jwt verification fails',
      why: 'A token that is there must be valid.',
    },
    {
      request: 'No token at all',
      result: 'Passes, unauthenticated',
      why: 'RequestAuthentication only checks tokens that are present. Requiring one is the job of an AuthorizationPolicy on requestPrincipals.',
    },
  ],
};

type FieldColumn = 'field' | 'matches' | 'layer';

/** Part 6: the fields of an AuthorizationPolicy source (rules[].from[].source). */
export const authzSourcesTable: ComparisonTableData<FieldColumn> = {
  id: 'authorization-source-fields',
  caption: 'Source fields (from): who is calling',
  columns: [
    {key: 'field', label: 'Field'},
    {key: 'matches', label: 'Matches'},
    {key: 'layer', label: 'Layer'},
  ],
  rows: [
    {field: 'principals', matches: 'The peer identity from its mTLS certificate, written cluster.local/ns/NS/sa/SA (no spiffe://).', layer: 'L4'},
    {field: 'namespaces', matches: 'The peer\'s namespace, also taken from its certificate.', layer: 'L4'},
    {field: 'ipBlocks', matches: 'The source IP address of the connection, as IPs or CIDRs.', layer: 'L4'},
    {field: 'remoteIpBlocks', matches: 'The original client IP, from X-Forwarded-For as trusted by the gateway.', layer: 'L7'},
    {field: 'requestPrincipals', matches: 'The validated JWT identity, written issuer/subject.', layer: 'L7'},
  ],
};

/** Part 6: the fields of an AuthorizationPolicy operation (rules[].to[].operation). */
export const authzOperationsTable: ComparisonTableData<FieldColumn> = {
  id: 'authorization-operation-fields',
  caption: 'Operation fields (to): what is being asked for',
  columns: [
    {key: 'field', label: 'Field'},
    {key: 'matches', label: 'Matches'},
    {key: 'layer', label: 'Layer'},
  ],
  rows: [
    {field: 'ports', matches: 'The destination port on the workload (the container port, not the Service port).', layer: 'L4'},
    {field: 'hosts', matches: 'The Host / :authority header.', layer: 'L7'},
    {field: 'methods', matches: 'The HTTP method (gRPC requests are always POST).', layer: 'L7'},
    {field: 'paths', matches: 'The normalised URL path: exact, or with a * prefix or suffix wildcard.', layer: 'L7'},
  ],
};
