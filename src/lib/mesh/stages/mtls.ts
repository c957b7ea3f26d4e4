/**
 * Stage 6, mutual TLS: what the client side sends (HBONE, auto mTLS, a DestinationRule tls
 * mode, or plaintext when enableAutoMtls is false) and whether the server's PeerAuthentication
 * mode, looked up by container port, accepts it.
 */
import {effectivePeerAuthentication, type MtlsDecision} from '../security';
import type {MtlsState, Workload} from '../types';
import type {Cluster, Endpoint, Router, Sim} from './context';

export interface MtlsResult {
  readonly state: MtlsState;
  /** Why the client side chose it. */
  readonly why: string;
  /** The server's mode; undefined when the server has no proxy. */
  readonly peer?: MtlsDecision;
  /** Set when the server refuses the connection. */
  readonly rejected?: string;
}

function clientSends(sim: Sim, router: Router, client: Workload, server: Workload, cluster: Cluster, peer: MtlsDecision | undefined): {mutual: boolean; why: string} {
  if (router.viaWaypoint) return {mutual: true, why: `waypoint (${router.viaWaypoint}) → ${server.name}: HBONE, always mutual TLS`};
  if (!router.l7 && client.mode === 'outside') return {mutual: false, why: `${client.name} has no mesh identity: plaintext`};
  if (server.mode === 'outside') return {mutual: false, why: `${server.name} has no proxy: the client sends plaintext`};
  if (client.mode === 'ambient' || server.mode === 'ambient') return {mutual: true, why: 'HBONE tunnel through ztunnel: mutual TLS'};
  const tlsMode = cluster.policy.tls?.mode;
  if (tlsMode === 'DISABLE') return {mutual: false, why: 'DestinationRule tls.mode DISABLE: the client proxy sends plaintext'};
  if (tlsMode === 'ISTIO_MUTUAL') return {mutual: true, why: 'DestinationRule tls.mode ISTIO_MUTUAL: mutual TLS'};
  if (!sim.config.settings.autoMtls) return {mutual: false, why: 'meshConfig enableAutoMtls: false and no DestinationRule tls mode: the client proxy sends plaintext'};
  if (peer?.mode === 'DISABLE') return {mutual: false, why: 'auto mTLS: the server disables mTLS, so the client proxy sends plaintext'};
  return {mutual: true, why: 'auto mTLS: the server has a sidecar, so mutual TLS'};
}

/** Decisions per endpoint (which implies its cluster and port), router and client: they depend on configuration only. */
const decisions = new WeakMap<Endpoint, WeakMap<Router, WeakMap<Workload, MtlsResult>>>();

export function negotiateMtls(sim: Sim, router: Router, client: Workload, endpoint: Endpoint, cluster: Cluster, port: number): MtlsResult {
  let byRouter = decisions.get(endpoint);
  if (!byRouter) decisions.set(endpoint, (byRouter = new WeakMap()));
  let byClient = byRouter.get(router);
  if (!byClient) byRouter.set(router, (byClient = new WeakMap()));
  const cached = byClient.get(client);
  if (cached) return cached;
  const server = endpoint.workload;
  const peer = server.mode === 'outside' ? undefined : effectivePeerAuthentication(sim.mesh, sim.config.pa, server, port);
  const sent = clientSends(sim, router, client, server, cluster, peer);
  const state: MtlsState = sent.mutual ? 'mutual TLS' : 'plaintext';
  let rejected: string | undefined;
  if (peer && !sent.mutual && peer.mode === 'STRICT') rejected = `STRICT rejects the plaintext connection from ${router.viaWaypoint ? 'the waypoint' : client.name}: the connection is reset`;
  if (peer && sent.mutual && peer.mode === 'DISABLE' && server.mode === 'sidecar' && !router.viaWaypoint && client.mode !== 'ambient')
    rejected = 'the server sidecar has mTLS disabled, but the client sends mutual TLS: the handshake fails and the connection is reset';
  const result: MtlsResult = {state, why: sent.why, peer, rejected};
  byClient.set(client, result);
  return result;
}
