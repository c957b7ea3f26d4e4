/**
 * The istioctl 1.31 command tree the content checker accepts: commands, aliases and flags.
 * Source: istio.io istioctl reference (https://istio.io/latest/docs/reference/commands/istioctl/)
 * and the cobra commands under istio/istio `istioctl/` (root command: global flags
 * --context, -c/--kubeconfig, -i/--istioNamespace, -n/--namespace; `experimental` with aliases
 * `x` and `exp`). See README.md beside this file for how it was compiled and its limits: a flag
 * missing here that does exist in 1.31 is a data bug — add it with its source.
 */

export interface IstioctlCommand {
  /** Extra names (e.g. `pc` for proxy-config). */
  readonly aliases?: readonly string[];
  /** Flags this command accepts, long form with dashes, short form as `-x`. */
  readonly flags?: readonly string[];
  readonly subcommands?: Readonly<Record<string, IstioctlCommand>>;
  /** True when the command itself can run without a subcommand. */
  readonly runnable?: boolean;
}

/** Flags every istioctl command accepts (persistent flags of the root command). */
export const GLOBAL_FLAGS: readonly string[] = [
  '--context',
  '--kubeconfig',
  '-c',
  '--istioNamespace',
  '-i',
  '--namespace',
  '-n',
  '--vklog',
  '--log_output_level',
  '--help',
  '-h',
];

const output = ['-o', '--output'];
const revision = ['-r', '--revision'];
const xds = ['--xds-address', '--xds-port', '--xds-label', '--cert-dir', '--insecure', '--authority', '--plaintext', '--timeout'];
const installFlags = [
  '-f', '--filename', '-s', '--set', '-d', '--manifests', '-y', '--skip-confirmation', '--force', '--dry-run',
  '--verify', '--readiness-timeout', ...revision,
];
const proxyAdmin = ['--proxy-admin-port', '-f', '--file', ...output];
const dashboardFlags = ['--address', '-p', '--port', '--browser', '-l', '--selector', '--ui-port'];
const ztunnelCommon = ['--node', '--file', '-f', ...output, '--ztunnel-admin-port'];

const leaf = (...flags: string[]): IstioctlCommand => ({flags, runnable: true});

export const ISTIOCTL: IstioctlCommand = {
  subcommands: {
    install: {aliases: ['apply'], ...leaf(...installFlags)},
    uninstall: leaf('--purge', '-f', '--filename', '-s', '--set', '-d', '--manifests', '-y', '--skip-confirmation', '--dry-run', '-v', '--verbose', ...revision),
    upgrade: leaf(...installFlags),
    manifest: {
      subcommands: {
        generate: leaf('-f', '--filename', '-s', '--set', '-d', '--manifests', ...output, ...revision, '--cluster-specific', '--component', '--filter', '--dry-run'),
        translate: leaf('-f', '--filename', '-s', '--set', '-d', '--manifests', ...output),
      },
    },
    analyze: leaf(
      '-A', '--all-namespaces', '-L', '--list-analyzers', ...output, '--output-threshold', '--failure-threshold', '-R',
      '--recursive', '-S', '--suppress', '--timeout', '--use-kube', '-v', '--verbose', '--color', '--meshConfigFile',
      '--ignore-unknown', ...revision, '--remote-contexts', '--multicluster', '-f', '--filename',
    ),
    'proxy-status': {aliases: ['ps'], ...leaf(...revision, ...output, ...xds, '--file', '-f', '--verbose', '-v', '--verbosity')},
    'proxy-config': {
      aliases: ['pc'],
      subcommands: {
        all: leaf(...proxyAdmin, '--address', '--port', '--type', '--direction', '--fqdn', '--subset', '--name', '--cluster', '--status', '--verbose', '--waypoint'),
        bootstrap: {aliases: ['b'], ...leaf(...proxyAdmin)},
        cluster: {aliases: ['clusters', 'c'], ...leaf(...proxyAdmin, '--direction', '--fqdn', '--port', '--subset')},
        endpoint: {aliases: ['endpoints', 'ep'], ...leaf(...proxyAdmin, '--address', '--cluster', '--port', '--status')},
        listener: {aliases: ['listeners', 'l'], ...leaf(...proxyAdmin, '--address', '--port', '--type', '--verbose', '--waypoint')},
        log: {aliases: ['o'], ...leaf(...proxyAdmin, '--level', '--reset', '-l', '--selector')},
        route: {aliases: ['routes', 'r'], ...leaf(...proxyAdmin, '--name', '--verbose')},
        secret: {aliases: ['secrets', 's'], ...leaf(...proxyAdmin)},
        ecds: {aliases: ['ec'], ...leaf(...proxyAdmin)},
        'rootca-compare': leaf(...proxyAdmin),
      },
    },
    'ztunnel-config': {
      aliases: ['zc'],
      subcommands: {
        all: leaf(...ztunnelCommon),
        workloads: {aliases: ['workload', 'w'], ...leaf(...ztunnelCommon, '--address', '--workload-node', '--workload-namespace', '--service-account')},
        services: {aliases: ['service', 's', 'svc'], ...leaf(...ztunnelCommon, '--service-namespace')},
        certificates: {aliases: ['certificate', 'certs', 'cert', 'c'], ...leaf(...ztunnelCommon)},
        policies: {aliases: ['policy', 'p'], ...leaf(...ztunnelCommon, '--policy-namespace')},
        connections: {aliases: ['connection', 'conn'], ...leaf(...ztunnelCommon, '--direction', '--raw')},
        log: leaf(...ztunnelCommon, '--level', '--reset'),
      },
    },
    waypoint: {
      subcommands: {
        apply: leaf('--enroll-namespace', '--for', '--name', '--overwrite', '--wait', '--network', ...revision, '--proxy-protocol'),
        delete: leaf('--all', ...revision),
        list: leaf('-A', '--all-namespaces', ...output),
        generate: leaf('--for', '--name', '--network', ...revision),
        status: leaf('--name', '--wait-timeout', '--for'),
      },
    },
    'kube-inject': leaf(
      '-f', '--filename', ...output, '--injectConfigFile', '--meshConfigFile', '--valuesFile', '--injectConfigMapName',
      '--meshConfigMapName', ...revision, '--webhookConfig', '--operatorFileName', '--authority', '--index',
    ),
    dashboard: {
      aliases: ['dash', 'd'],
      subcommands: {
        kiali: leaf(...dashboardFlags),
        grafana: leaf(...dashboardFlags),
        prometheus: leaf(...dashboardFlags),
        jaeger: leaf(...dashboardFlags),
        zipkin: leaf(...dashboardFlags),
        skywalking: leaf(...dashboardFlags),
        envoy: leaf(...dashboardFlags),
        proxy: leaf(...dashboardFlags),
        controlz: leaf(...dashboardFlags, '--ctrlz_port'),
        'istiod-debug': leaf(...dashboardFlags, ...revision),
      },
    },
    tag: {
      subcommands: {
        set: leaf(...revision, '--overwrite', '-y', '--skip-confirmation', '--webhook-name', '--auto-inject-namespaces', '-d', '--manifests'),
        generate: leaf(...revision, '--overwrite', '-y', '--skip-confirmation', '--webhook-name', '--auto-inject-namespaces', '-d', '--manifests'),
        list: leaf(...output),
        remove: leaf('-y', '--skip-confirmation'),
      },
    },
    version: leaf('--remote', ...output, '-s', '--short', ...revision, ...xds),
    validate: {aliases: ['v'], ...leaf('-f', '--filename', '-x', '--referential')},
    'create-remote-secret': leaf(
      '--name', '--type', '--server', '--secret-name', '--service-account', '--auth-type', '--auth-plugin-name',
      '--auth-plugin-config', '--create-service-account', '-d', '--manifests', '-f', '--filename', ...revision,
    ),
    'remote-clusters': leaf(...revision),
    'bug-report': leaf(
      '--full-secrets', '--include', '--exclude', '--duration', '--start-time', '--end-time', '--dir', '--dry-run',
      '--timeout', '--critical-errs', '--ignore-errs', '--rq-concurrency', '-f', '--filename', '--output-dir',
    ),
    admin: {
      aliases: ['istiod'],
      subcommands: {
        log: leaf('-l', '--selector', '--level', '--reset', '--ctrlz_port', ...output, ...revision, '--stack-trace-level'),
      },
    },
    completion: {subcommands: {bash: leaf(), zsh: leaf(), fish: leaf(), powershell: leaf()}},
    experimental: {
      aliases: ['x', 'exp'],
      subcommands: {
        precheck: leaf(...revision, ...output, '--output-threshold', '-f', '--filename', '--skip-controlplane'),
        authz: {subcommands: {check: leaf('-a', '--all', ...proxyAdmin)}},
        describe: {
          aliases: ['des'],
          subcommands: {
            pod: {aliases: ['po'], ...leaf('--ignoreUnmeshed', ...revision)},
            service: {aliases: ['svc'], ...leaf('--ignoreUnmeshed', ...revision)},
          },
        },
        'check-inject': leaf('-l', '--labels', ...output),
        'envoy-stats': {aliases: ['es'], ...leaf(...output, '--type', '--proxy-admin-port')},
        metrics: leaf(...output),
        wait: leaf('--for', '--resource-version', '--threshold', '--timeout', '--generation', ...revision),
        'internal-debug': leaf(...xds, '--all', ...revision),
        injector: {subcommands: {list: leaf()}},
        config: {subcommands: {list: leaf()}},
        'proxy-status': leaf(...revision, ...output, ...xds, '--file', '-f'),
        version: leaf('--remote', ...output, '-s', '--short', ...revision, ...xds),
        workload: {
          subcommands: {
            entry: {subcommands: {configure: leaf('-f', '--file', '-o', '--output', '--clusterID', '--autoregister', '--capture-dns', '--external-ip', '--ingressIP', '--ingressService', '--internalIP', '--name', '--revision', '-r', '--tokenDuration')}},
            group: {subcommands: {create: leaf('--name', '--labels', '-l', '--annotations', '-a', '--ports', '-p', '--serviceAccount', '-s')}},
          },
        },
      },
    },
  },
};

/** Commands that existed once and are gone in 1.31, with what to use instead. */
export const REMOVED_ISTIOCTL: Readonly<Record<string, string>> = {
  'profile': '`istioctl profile` (list/dump/diff) was removed; profiles are documented at https://istio.io/latest/docs/setup/additional-setup/config-profiles/ and selected with `istioctl install --set profile=NAME`',
  'verify-install': '`istioctl verify-install` was removed; check the install with `istioctl version`, `kubectl get pods -n istio-system` and `istioctl analyze`',
  'authn': '`istioctl authn tls-check` was removed; use `istioctl x describe pod` or `istioctl proxy-config` to see mTLS settings',
  'manifest apply': '`istioctl manifest apply` was removed; use `istioctl install`',
  'register': '`istioctl register` was removed; use WorkloadEntry / `istioctl x workload entry configure`',
  'deregister': '`istioctl deregister` was removed',
  'operator': '`istioctl operator` was removed with the in-cluster operator (Istio 1.24); use `istioctl install` or Helm',
  'x uninstall': '`istioctl x uninstall` moved to `istioctl uninstall`',
  'describe': '`describe` is experimental: use `istioctl x describe pod|service`',
  'authz': '`authz` is experimental: use `istioctl x authz check`',
  'precheck': '`precheck` is experimental: use `istioctl x precheck`',
};
